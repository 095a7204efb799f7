package org.netmarket.staging;

import org.netmarket.extract.ExtractSchema;
import org.netmarket.extract.InvalidInputException;
import org.netmarket.extract.RowValidator;
import org.netmarket.extract.ValidationContext;
import org.netmarket.region.Region;
import org.netmarket.region.RegionTree;
import org.netmarket.region.RegionTreeException;
import org.netmarket.region.RegionTreeProblem;
import org.netmarket.rules.Reason;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads regions.csv on the driver (it is small and every other extract is checked against it).
 * Rows identical in every column collapse into one. Rows that fail the row rules are quarantined,
 * and so are rows that do not fit the tree, as the contract quarantines rows that break a
 * reference rule or conflict and goes on: every row of a region code on rows that differ, a row
 * whose parent_code names no region, the rows of a parent_code cycle; the quarantine threshold
 * judges regions.csv as it judges every extract. A row with regions below it is never left out:
 * its problem stops the run, naming them (they could not be placed, and the figures of the regions
 * above would be computed without them). So does a missing file, a broken header, or a file
 * without a region left.
 */
public final class RegionsFile {
    /** Rows (or regions) a message names before saying how many more there are. */
    private static final int SHOWN = 5;

    /**
     * The tree plus what reading found.
     *
     * @param setAside the region codes of the quarantined rows that are not regions of the tree
     *                 (another row of the code may stand), with the line of the first (for the
     *                 messages of rows elsewhere that refer to them)
     */
    public record Result(RegionTree tree, FileReport report, List<QuarantinedRow> quarantined, Map<String, Long> setAside) {
    }

    private RegionsFile() {
    }

    public static Result read(DataDirectory dir, ExtractSchema schema) {
        List<String> files = dir.files(schema);
        if (files.isEmpty()) {
            // The data directory itself was checked by the run (it exists and is a folder).
            throw InvalidInputException.of(Reason.of(dir.shown() + "/regions.csv is missing: every run needs the region tree",
                    dir.shown() + "/regions.csv 缺失：每次运行都需要地区树"));
        }
        String file = files.get(0);
        String relative = dir.relative(file);
        List<Region> regions = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        List<QuarantinedRow> quarantined = new ArrayList<>();
        Map<String, Long> setAside = new LinkedHashMap<>();
        // Code -> its rows set aside, by the row rules or as not fitting the tree.
        Map<String, List<QuarantinedRow>> setAsideRows = new LinkedHashMap<>();
        int codeColumn = schema.indexOf("region_code");
        // The rows the row rules rejected, as far as they go (a level may be no level): a region
        // set aside still belongs where its row says, for the regions above it (RegionTree.withSetAside).
        List<RowAt> rejected = new ArrayList<>();
        FileReport report = null;
        RowValidator validator = new RowValidator(schema, new ValidationContext(null, null));
        List<String> raws = new ArrayList<>();
        try (ExtractFileScan scan = ExtractFileScan.open(relative, () -> dir.open(file), validator).keepingRawRows()) {
            while (scan.hasNext()) {
                ExtractFileScan.Event e = scan.next();
                if (e.isRow()) {
                    Object[] v = e.values();
                    regions.add(new Region((String) v[schema.indexOf("region_code")], (String) v[schema.indexOf("region_name")],
                            (String) v[schema.indexOf("parent_code")], (String) v[schema.indexOf("level")],
                            (String) v[schema.indexOf("economic_zone")]));
                    lines.add(e.line());
                    raws.add(e.raw());
                } else if (e.isRejection()) {
                    // A rejected row of the region tree is no region the run knows.
                    QuarantinedRow row = new QuarantinedRow(schema.name(), relative, e.line(), e.raw(), e.rejection().column(),
                            e.rejection().reason(), null);
                    quarantined.add(row);
                    // Trimmed as the row rules trim a region field that refers to it.
                    String code = e.fields() == null ? "" : RowValidator.trimField(e.fields()[codeColumn]);
                    if (!code.isEmpty()) {
                        setAside.putIfAbsent(code, e.line());
                        setAsideRows.computeIfAbsent(code, c -> new ArrayList<>()).add(row);
                        String[] f = e.fields();
                        rejected.add(new RowAt(new Region(code, f[schema.indexOf("region_name")],
                                RowValidator.trimField(f[schema.indexOf("parent_code")]), RowValidator.trimField(f[schema.indexOf("level")]),
                                f[schema.indexOf("economic_zone")]), e.line()));
                    }
                } else {
                    report = e.report();
                }
            }
        } catch (DataDirectory.UnreadableFileException e) {
            throw InvalidInputException.of(e.reason());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + relative + ": " + e.getMessage(), e);
        }
        if (report.failed()) {
            throw InvalidInputException.of(report.problem());
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            kept.add(i);
        }
        RegionTree tree = null;
        while (tree == null && !kept.isEmpty()) {
            List<Integer> rows = List.copyOf(kept);
            try {
                tree = new RegionTree(rows.stream().map(regions::get).toList(), relative, k -> lines.get(rows.get(k)));
            } catch (RegionTreeException e) {
                setAsideRowsAtFault(e, regions, lines, raws, kept, setAside, setAsideRows, quarantined, schema.name(), relative);
            }
        }
        quarantined.sort(Comparator.comparingLong(QuarantinedRow::line));
        if (tree == null) {
            throw InvalidInputException.of(quarantined.isEmpty()
                    ? Reason.of(relative + " has no region rows", relative + " 中没有地区行")
                    : Reason.of(relative + " has no region left: every row was set aside (" + shown(quarantined).en() + ")",
                            relative + " 中没有可用的地区：每一行都被隔离了（" + shown(quarantined).zh() + "）"));
        }
        // A code whose other row stands (one row broke a row rule) is a region of the tree, not one set aside.
        setAside.keySet().removeIf(tree::contains);
        List<RowAt> rowsSetAside = new ArrayList<>(rejected);
        for (int i = 0; i < regions.size(); i++) {
            rowsSetAside.add(new RowAt(regions.get(i), lines.get(i)));
        }
        return new Result(tree.withSetAside(byParent(setAside, tree, rowsSetAside)),
                report.withRowsQuarantined(quarantined.size()), quarantined, setAside);
    }

    /** A row of the file (as far as it was read) and the line it starts on. */
    private record RowAt(Region region, long line) {
    }

    /**
     * The regions set aside under the region of the tree each of their rows belongs to
     * ({@link RegionTree#placeUnder}): parent -> code -> the line of the first row that places it
     * there. A row that belongs nowhere in the tree is placed nowhere; nor are the rows of a code
     * another row of which stands.
     */
    private static Map<String, Map<String, Long>> byParent(Map<String, Long> setAside, RegionTree tree, List<RowAt> rows) {
        Map<String, Map<String, Long>> out = new HashMap<>();
        for (RowAt row : rows) {
            Region r = row.region();
            if (setAside.containsKey(r.code())) {
                tree.placeUnder(r.parentCode(), r.level()).ifPresent(parent ->
                        out.computeIfAbsent(parent, p -> new HashMap<>()).merge(r.code(), row.line(), Math::min));
            }
        }
        return out;
    }

    /** The first {@value #SHOWN} quarantined rows, as {@code line 3, column economic_zone: ...}. */
    private static Reason shown(List<QuarantinedRow> rows) {
        List<Reason> out = new ArrayList<>();
        for (QuarantinedRow q : rows.subList(0, Math.min(SHOWN, rows.size()))) {
            out.add(at(List.of(q.line()), q.column(), q.reason()));
        }
        if (rows.size() > SHOWN) {
            out.add(Reason.of("and " + (rows.size() - SHOWN) + " more", "另有 " + (rows.size() - SHOWN) + " 行"));
        }
        return Reason.join(out);
    }

    /** A reason at lines of the file and a column: {@code lines 3 and 7, column region_code: ...}. */
    private static Reason at(List<Long> lines, String column, Reason reason) {
        Reason where = RegionTree.lines(lines);
        return Reason.of(where.en() + (column == null ? "" : ", column " + column) + ": " + reason.en(),
                where.zh() + (column == null ? "" : " " + column + " 列") + "：" + reason.zh());
    }

    /**
     * Sets aside, from the rows {@code kept}, every row of the regions each problem of the tree
     * is about, with the problem as the reason. A region whose parent's row was set aside (by the
     * row rules, or by an earlier round) is not: the run stops instead, naming the parent's row,
     * for a region with regions below it is never left out (it would take them with it, and its
     * own parent's figures would be computed without them).
     */
    private static void setAsideRowsAtFault(RegionTreeException e, List<Region> regions, List<Long> lines, List<String> raws,
                                            List<Integer> kept, Map<String, Long> setAside,
                                            Map<String, List<QuarantinedRow>> setAsideRows, List<QuarantinedRow> quarantined,
                                            String extract, String file) {
        // Parent code -> the regions below it (each once: identical copies of a row are one region).
        Map<String, Map<String, Long>> stranded = new LinkedHashMap<>();
        // A code on rows that differ is told as such even when one of its rows also lacks a parent.
        List<RegionTreeProblem> problems = new ArrayList<>(e.problems());
        problems.sort(Comparator.comparing(p -> p.kind() != RegionTreeException.Kind.DUPLICATE));
        for (RegionTreeProblem p : problems) {
            for (String code : p.regions()) {
                for (Iterator<Integer> it = kept.iterator(); it.hasNext(); ) {
                    int i = it.next();
                    Region r = regions.get(i);
                    if (!r.code().equals(code)) {
                        continue;
                    }
                    if (p.kind() == RegionTreeException.Kind.UNKNOWN_PARENT && setAside.containsKey(r.parentCode())) {
                        stranded.computeIfAbsent(r.parentCode(), k -> new LinkedHashMap<>()).putIfAbsent(code, lines.get(i));
                        continue;
                    }
                    QuarantinedRow row = new QuarantinedRow(extract, file, lines.get(i), raws.get(i), p.column(), p.problem(), null);
                    quarantined.add(row);
                    setAside.putIfAbsent(code, lines.get(i));
                    setAsideRows.computeIfAbsent(code, c -> new ArrayList<>()).add(row);
                    it.remove();
                }
            }
        }
        if (!stranded.isEmpty()) {
            List<Reason> told = new ArrayList<>();
            stranded.forEach((parent, below) -> told.add(strandedBelow(file, parent, below, setAsideRows.get(parent))));
            throw InvalidInputException.of(told);
        }
    }

    /** Why a row was set aside: the column at fault and the reason. */
    private record Why(String column, Reason reason) {
    }

    /**
     * The set-aside rows of a region that has regions below it (every one: the row the rules
     * rejected and another that did not fit the tree are both to fix), and the regions below it
     * with the lines of their rows.
     */
    private static Reason strandedBelow(String file, String parent, Map<String, Long> below, List<QuarantinedRow> rows) {
        // Rows set aside for one reason (the rows of a code that differ) are told together.
        Map<Why, List<Long>> linesOf = new LinkedHashMap<>();
        for (QuarantinedRow row : rows.stream().sorted(Comparator.comparingLong(QuarantinedRow::line)).toList()) {
            linesOf.computeIfAbsent(new Why(row.column(), row.reason()), k -> new ArrayList<>()).add(row.line());
        }
        Reason why = Reason.join(linesOf.entrySet().stream().map(w -> at(w.getValue(), w.getKey().column(), w.getKey().reason()))
                .toList());
        List<Map.Entry<String, Long>> shown = below.entrySet().stream().limit(SHOWN).toList();
        String more = below.size() > SHOWN ? " and " + (below.size() - SHOWN) + " more" : "";
        String moreZh = below.size() > SHOWN ? "等 " + below.size() + " 个" : "";
        return Reason.of(file + ", " + why.en() + "; region " + parent + " has regions below it ("
                        + String.join(", ", shown.stream().map(b -> b.getKey() + " on line " + b.getValue()).toList()) + more
                        + "), which cannot be placed without it: fix the row (only a region without regions below it is set"
                        + " aside while the run goes on)",
                file + " " + why.zh() + "；地区 " + parent + " 之下有地区（"
                        + String.join("、", shown.stream().map(b -> "第 " + b.getValue() + " 行的 " + b.getKey()).toList()) + moreZh
                        + "），没有它就无法归属：请修正该行（只有其下没有地区的行才会被隔离而运行继续）");
    }
}
