package org.netmarket.staging;

import org.netmarket.extract.ExtractLabel;
import org.netmarket.extract.ExtractSchema;
import org.netmarket.extract.Rejection;
import org.netmarket.extract.RejectionReasons;
import org.netmarket.extract.RowValidator;
import org.netmarket.rules.Reason;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

/**
 * Reads one delivered CSV file of an extract as a stream of events: decides its encoding, checks
 * its header against the extract's schema, validates every row, and ends with a
 * {@link FileReport}. Pure Java and pull-based, so that a Spark task can stream a file of any
 * size through it; regions.csv is read with it on the driver.
 */
public final class ExtractFileScan implements Iterator<ExtractFileScan.Event>, Closeable {

    /** Opens the file; called twice (encoding probe, then parse). */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /**
     * A valid row, a quarantined row, or the closing report (exactly one of the three is set).
     * A row quarantined by the row rules keeps its fields as delivered, in the schema's column
     * order ({@code fields}; null otherwise): what a row set aside was about, for messages that
     * refer to it. Its raw text is there, and that of a valid row when the scan is
     * {@linkplain #keepingRawRows keeping it}.
     */
    public record Event(long line, Object[] values, String raw, Rejection rejection, FileReport report, String[] fields) {
        public Event(long line, Object[] values, String raw, Rejection rejection, FileReport report) {
            this(line, values, raw, rejection, report, null);
        }

        public boolean isRow() {
            return values != null;
        }

        public boolean isRejection() {
            return rejection != null;
        }

        public boolean isReport() {
            return report != null;
        }
    }

    /** Problems of a header: missing contract columns (fatal for the file) and extra ones. */
    public record HeaderCheck(List<String> missing, List<String> extra, List<String> duplicated, int[] positions) {
        public boolean ok() {
            return missing.isEmpty() && duplicated.isEmpty();
        }
    }

    private final String path;
    private final RowValidator validator;
    private final ExtractSchema schema;
    private final FileEncoding.Probe probe;
    private final CsvRecords records;
    private final HeaderCheck header;
    private final int width;
    /**
     * Fields a row needs: up to the header's last column of the contract. A row that stops short
     * only of extra columns (a header ending in commas, as a spreadsheet exports it, above rows
     * that do not) lacks nothing the contract reads, and extra columns are ignored.
     */
    private final int contractWidth;
    private final String[] fields;
    private final boolean undecodableShownAsReplacement;
    /** Whether valid rows carry their raw text too (see {@link #keepingRawRows}). */
    private boolean rawRows;
    private long read;
    private long rejected;
    private Reason problem;
    private Event next;
    private boolean done;

    private ExtractFileScan(String path, RowValidator validator, FileEncoding.Probe probe, CsvRecords records,
                            Reason unreadable) {
        this.path = path;
        this.validator = validator;
        this.schema = validator.schema();
        this.probe = probe;
        this.records = records;
        // Read as GB18030, bytes that are not GB18030 either come out as U+FFFD (InputStreamReader replaces them).
        this.undecodableShownAsReplacement = probe.charset().equals(FileEncoding.GB18030);
        Reason damaged = records == null || records.header().isEmpty() ? null : damagedHeader(path, records);
        if (records == null) {
            // The header line itself could not be parsed: the file fails, nothing is read.
            this.header = null;
            this.width = 0;
            this.contractWidth = 0;
            this.problem = unreadable;
        } else if (records.header().isEmpty()) {
            this.header = null;
            this.width = 0;
            this.contractWidth = 0;
            this.problem = Reason.of("the file is empty; a header row is required", "文件为空；需要表头行").under(path);
        } else if (damaged != null) {
            // A damaged header cannot be set aside like a row: its names, and so every column, are in doubt.
            this.header = null;
            this.width = 0;
            this.contractWidth = 0;
            this.problem = damaged;
        } else {
            this.header = checkHeader(records.header(), schema);
            this.width = records.header().size();
            this.contractWidth = Arrays.stream(header.positions()).max().orElse(-1) + 1;
            if (!header.ok()) {
                long at = records.headerLine();
                this.problem = (!header.missing().isEmpty() ? missingColumns(at, records.header(), header.missing(), schema)
                        : Reason.of("header (line " + at + ") names column" + (header.duplicated().size() > 1 ? "s " : " ")
                        + String.join(", ", header.duplicated()) + " more than once",
                        "表头（第 " + at + " 行）中 " + String.join("、", header.duplicated()) + " 列出现了不止一次")).under(path);
            }
        }
        this.fields = new String[schema.columns().size()];
    }

    /**
     * A header without some of the contract's columns; when none of them is there, what was read
     * and its likeliest cause (fields not separated by commas, or no header line at all), since
     * the names the message lists may then be there to see, run together in one field.
     */
    private static Reason missingColumns(long headerLine, List<String> read, List<String> missing, ExtractSchema schema) {
        Reason lacks = Reason.of("header (line " + headerLine + ") lacks required column" + (missing.size() > 1 ? "s " : " ")
                        + String.join(", ", missing) + "; extract " + schema.name() + " needs " + String.join(", ", schema.columnNames()),
                "表头（第 " + headerLine + " 行）缺少必需的列 " + String.join("、", missing) + "；" + ExtractLabel.zh(schema) + "需要以下各列："
                        + String.join("、", schema.columnNames()));
        if (missing.size() < schema.columns().size()) {
            return lacks;
        }
        String shownRead = read.stream().map(n -> "'" + shown(n) + "'").limit(5).collect(Collectors.joining(", "))
                + (read.size() > 5 ? ", …" : "");
        String separator = read.size() == 1 ? otherSeparator(read.get(0)) : null;
        if (separator != null) {
            return Reason.join(List.of(lacks, Reason.of("the header was read as one field (" + shownRead + "): fields must be separated by commas,"
                            + " not by " + separator,
                    "表头被读作一个字段（" + shownRead + "）：字段须以逗号分隔，而不是" + separatorZh(separator))));
        }
        return Reason.join(List.of(lacks, Reason.of("the header read is " + shownRead + ": does the file lack its header line?",
                "读到的表头为 " + shownRead + "：文件是否缺少表头行？")));
    }

    private static String separatorZh(String separator) {
        return switch (separator) {
            case "tabs" -> "制表符";
            case "semicolons" -> "分号";
            default -> "竖线";
        };
    }

    /** The separator a one-field header line was written with instead of commas, or null. */
    private static String otherSeparator(String only) {
        if (only.indexOf('\t') >= 0) {
            return "tabs";
        }
        if (only.indexOf(';') >= 0) {
            return "semicolons";
        }
        if (only.indexOf('|') >= 0) {
            return "vertical bars";
        }
        return null;
    }

    /** Probes the file's encoding, opens it and reads its header. */
    public static ExtractFileScan open(String path, Opener opener, RowValidator validator) throws IOException {
        FileEncoding.Probe probe;
        try (InputStream in = opener.open()) {
            probe = FileEncoding.probe(in);
        }
        if (probe.encodingProblem() != null) {
            // Decoded as GB18030, UTF-16 or a workbook would only give a header of garbled names.
            return new ExtractFileScan(path, validator, probe, null, probe.encodingProblem().under(path));
        }
        InputStream in = opener.open();
        try {
            CsvRecords records = new CsvRecords(probe.reader(in));
            return new ExtractFileScan(path, validator, probe, records, null);
        } catch (CsvRecords.MalformedCsvException e) {
            in.close();
            return new ExtractFileScan(path, validator, probe, null, e.reason().under(path));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * The file's problem when a header name has a NUL character, or bytes that are not text in
     * the file's encoding (naming the first such name), else null.
     */
    private Reason damagedHeader(String path, CsvRecords records) {
        List<String> names = records.header();
        long at = records.headerLine();
        for (int i = 0; i < names.size(); i++) {
            Reason damage = damage(names.get(i));
            if (damage != null) {
                return Reason.of("header (line " + at + ") field " + (i + 1) + " ('" + shown(names.get(i)) + "') " + damage.en(),
                        "表头（第 " + at + " 行）第 " + (i + 1) + " 个字段（“" + shown(names.get(i)) + "”）" + damage.zh()).under(path);
            }
        }
        return null;
    }

    /** Why a header name is damaged: a NUL, or bytes the file's encoding could not decode; null when it is not. */
    private Reason damage(String name) {
        return name.indexOf('\0') >= 0 ? RejectionReasons.nul()
                : undecodableShownAsReplacement && name.indexOf('\uFFFD') >= 0 ? RejectionReasons.notGb18030Text() : null;
    }

    /**
     * A damaged header name as a message shows it: NUL as ␀ (a log or the warehouse cannot show
     * it) and cut short, since the first "line" of a binary file may be thousands of bytes.
     */
    private static String shown(String name) {
        String s = name.replace('\0', '\u2400');
        if (s.length() <= 40) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(39)) ? 39 : 40; // not half a character
        return s.substring(0, end) + "…";
    }

    /** Maps header names to the schema's columns; {@code positions[i]} is the file column of schema column i. */
    public static HeaderCheck checkHeader(List<String> header, ExtractSchema schema) {
        Map<String, Integer> at = new HashMap<>();
        List<String> duplicated = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (at.putIfAbsent(header.get(i), i) != null && schema.hasColumn(header.get(i))) {
                duplicated.add(header.get(i));
            }
        }
        int[] positions = new int[schema.columns().size()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < positions.length; i++) {
            Integer p = at.get(schema.columns().get(i).name());
            if (p == null) {
                missing.add(schema.columns().get(i).name());
                positions[i] = -1;
            } else {
                positions[i] = p;
            }
        }
        // A column without a name (a header ending in a comma, as spreadsheets export it) is an
        // extra column too, named by its place.
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).isEmpty()) {
                extra.add("(unnamed column " + (i + 1) + ")");
            } else if (!schema.hasColumn(header.get(i)) && !extra.contains(header.get(i))) {
                extra.add(header.get(i)); // named once, though given twice
            }
        }
        return new HeaderCheck(missing, extra, duplicated, positions);
    }

    /**
     * Valid rows carry their raw text as delivered too, for a reader that may still set a valid
     * row aside (regions.csv, whose rows must form a tree); other readers leave it uncut.
     */
    public ExtractFileScan keepingRawRows() {
        rawRows = true;
        return this;
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (done) {
            return false;
        }
        next = advance();
        return next != null;
    }

    @Override
    public Event next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Event e = next;
        next = null;
        return e;
    }

    private Event advance() {
        if (problem == null) {
            try {
                while (records.hasNext()) {
                    CsvRecords.Line line = records.next();
                    if (!isBlank(line)) {
                        return row(line);
                    }
                }
            } catch (CsvRecords.MalformedCsvException e) {
                problem = e.reason().under(path);
            }
        }
        done = true;
        closeQuietly();
        // As read, every row set aside is one the row rules rejected.
        return new Event(0, null, null, null, new FileReport(schema.name(), path, probe.label(), probe.sha256(),
                probe.bytes(), read, rejected, rejected, header == null ? List.of() : header.extra(), problem,
                probe.firstInvalidUtf8()));
    }

    /**
     * A record of nothing but empty fields (",,,,", as a spreadsheet exports the formatted but
     * empty rows below its data) holds no value: it is skipped like an empty line, not set aside
     * as a row whose every required field is missing.
     */
    private static boolean isBlank(CsvRecords.Line line) {
        if (line.malformation() != null) {
            return false;
        }
        for (String f : line.fields()) {
            if (!RowValidator.trimField(f).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private Event row(CsvRecords.Line line) {
        read++;
        CsvRecords.Malformation malformed = line.malformation();
        if (malformed != null) {
            rejected++;
            return new Event(line.lineNumber(), null, line.raw(), new Rejection(malformed.column(), malformed.reason()), null);
        }
        String[] f = line.fields();
        int[] positions = header.positions();
        for (int i = 0; i < positions.length; i++) {
            fields[i] = positions[i] >= 0 && positions[i] < f.length ? f[positions[i]] : "";
        }
        if (f.length > width || f.length < contractWidth) {
            // Kept as far as they go, so that the row is still counted for the region its region field names.
            rejected++;
            return new Event(line.lineNumber(), null, line.raw(), widthRejection(f.length), null, fields.clone());
        }
        if (repeatsHeader(f)) {
            rejected++;
            return new Event(line.lineNumber(), null, line.raw(), new Rejection(null, RejectionReasons.repeatsTheHeader(records.headerLine())),
                    null, fields.clone());
        }
        if (undecodableShownAsReplacement) {
            for (int i = 0; i < fields.length; i++) {
                if (fields[i] != null && fields[i].indexOf('\uFFFD') >= 0) {
                    rejected++;
                    return new Event(line.lineNumber(), null, line.raw(),
                            new Rejection(schema.columns().get(i).name(), RejectionReasons.notGb18030Text()), null, fields.clone());
                }
            }
        }
        RowValidator.Result result = validator.validate(fields);
        if (result.isValid()) {
            return new Event(line.lineNumber(), result.values(), rawRows ? line.raw() : null, null, null);
        }
        rejected++;
        return new Event(line.lineNumber(), null, line.raw(), result.rejection(), null, fields.clone());
    }

    /** Whether the row's fields are the header's names again (as trimmed), so that no column is to blame. */
    private boolean repeatsHeader(String[] rowFields) {
        List<String> names = records.header();
        if (rowFields.length != names.size()) {
            return false;
        }
        for (int i = 0; i < names.size(); i++) {
            if (!RowValidator.trimField(rowFields[i]).equals(names.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A row with too few fields names the header's columns of the contract that get none (the
     * first is its column); with too many, no column can be blamed.
     */
    private Rejection widthRejection(int fieldCount) {
        if (fieldCount > width) {
            return new Rejection(null, RejectionReasons.tooManyFields(fieldCount, width));
        }
        List<String> without = records.header().subList(fieldCount, width).stream().filter(schema::hasColumn).toList();
        return new Rejection(without.get(0), RejectionReasons.tooFewFields(fieldCount, width, without));
    }

    private void closeQuietly() {
        if (records == null) {
            return;
        }
        try {
            records.close();
        } catch (IOException ignored) {
            // Reading is finished; a failure to close changes nothing that was read.
        }
    }

    @Override
    public void close() throws IOException {
        done = true;
        if (records != null) {
            records.close();
        }
    }
}
