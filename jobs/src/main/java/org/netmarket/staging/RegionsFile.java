package org.netmarket.staging;

import org.netmarket.extract.ExtractSchema;
import org.netmarket.extract.InvalidInputException;
import org.netmarket.extract.RowValidator;
import org.netmarket.extract.ValidationContext;
import org.netmarket.region.Region;
import org.netmarket.region.RegionTree;
import org.netmarket.region.RegionTreeException;
import org.netmarket.rules.Reason;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads regions.csv on the driver (it is small and every other extract is checked against it).
 * Rows that fail validation are quarantined; rows identical in every column collapse into one; a
 * missing file, a broken header or a broken tree (a region code on rows that differ, an unknown
 * parent, a cycle) stops the run with a message naming the file, the line and the column (for a
 * broken tree, of every problem it has).
 */
public final class RegionsFile {
    /** Quarantined rows named in the message of an unknown parent. */
    private static final int SHOWN = 5;

    /**
     * The tree plus what reading found.
     *
     * @param setAside the region codes of the quarantined rows, with their line (for the messages
     *                 of rows elsewhere that refer to them)
     */
    public record Result(RegionTree tree, FileReport report, List<QuarantinedRow> quarantined, Map<String, Long> setAside) {
    }

    private RegionsFile() {
    }

    public static Result read(DataDirectory dir, ExtractSchema schema) {
        List<String> files = dir.files(schema);
        if (files.isEmpty()) {
            // The data directory itself was checked by the run (it exists and is a folder).
            throw InvalidInputException.of(Reason.of(dir.root() + "/regions.csv is missing: every run needs the region tree",
                    dir.root() + "/regions.csv 缺失：每次运行都需要地区树"));
        }
        String file = files.get(0);
        String relative = dir.relative(file);
        List<Region> regions = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        List<QuarantinedRow> quarantined = new ArrayList<>();
        Map<String, Long> setAside = new LinkedHashMap<>();
        int codeColumn = schema.indexOf("region_code");
        FileReport report = null;
        RowValidator validator = new RowValidator(schema, new ValidationContext(null, null));
        try (ExtractFileScan scan = ExtractFileScan.open(relative, () -> dir.open(file), validator)) {
            while (scan.hasNext()) {
                ExtractFileScan.Event e = scan.next();
                if (e.isRow()) {
                    Object[] v = e.values();
                    regions.add(new Region((String) v[schema.indexOf("region_code")], (String) v[schema.indexOf("region_name")],
                            (String) v[schema.indexOf("parent_code")], (String) v[schema.indexOf("level")],
                            (String) v[schema.indexOf("economic_zone")]));
                    lines.add(e.line());
                } else if (e.isRejection()) {
                    // A rejected row of the region tree is no region the run knows.
                    quarantined.add(new QuarantinedRow(schema.name(), relative, e.line(), e.raw(), e.rejection().column(),
                            e.rejection().reason(), null));
                    // Trimmed as the row rules trim a region field that refers to it.
                    String code = e.fields() == null ? "" : RowValidator.trimField(e.fields()[codeColumn]);
                    if (!code.isEmpty()) {
                        setAside.putIfAbsent(code, e.line());
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
        if (regions.isEmpty()) {
            throw InvalidInputException.of(Reason.of(relative + " has no valid region rows",
                    relative + " 中没有有效的地区行"));
        }
        try {
            return new Result(new RegionTree(regions, relative, lines::get), report, quarantined, setAside);
        } catch (RegionTreeException e) {
            if (e.has(RegionTreeException.Kind.UNKNOWN_PARENT) && !quarantined.isEmpty()) {
                // The parent may be a row that was set aside: the run stops before the quarantine
                // report is written, so say which rows those are. Said once, after the list when
                // there are several problems, so that it does not read as part of the last one.
                String aside = quarantined.size() + " row" + (quarantined.size() == 1 ? " was" : "s were") + " quarantined";
                Reason which = quarantinedRows(quarantined);
                boolean one = e.problems().size() == 1;
                throw InvalidInputException.of(Reason.of(one
                                ? e.getMessage() + " (" + aside + ", the parent's may be among them: " + which.en() + ")"
                                : e.getMessage() + "\n(" + aside + ", a missing parent's may be among them: " + which.en() + ")",
                        e.reason().zh() + (one ? "" : "\n") + "（有 " + quarantined.size() + " 行被隔离，缺少的上级地区可能在其中："
                                + which.zh() + "）"));
            }
            throw InvalidInputException.of(e.reason());
        }
    }

    private static Reason quarantinedRows(List<QuarantinedRow> rows) {
        List<String> shown = new ArrayList<>();
        List<String> shownZh = new ArrayList<>();
        for (QuarantinedRow q : rows.subList(0, Math.min(SHOWN, rows.size()))) {
            shown.add("line " + q.line() + (q.column() == null ? "" : ", column " + q.column()) + ": " + q.reason().en());
            shownZh.add("第 " + q.line() + " 行" + (q.column() == null ? "" : " " + q.column() + " 列") + "：" + q.reason().zh());
        }
        int more = rows.size() - SHOWN;
        return Reason.of(String.join("; ", shown) + (more > 0 ? "; and " + more + " more" : ""),
                String.join("；", shownZh) + (more > 0 ? "；另有 " + more + " 行" : ""));
    }
}
