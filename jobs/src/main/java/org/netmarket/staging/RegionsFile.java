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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads regions.csv on the driver (it is small and every other extract is checked against it).
 * Rows identical in every column collapse into one. Rows that fail the row rules are quarantined,
 * and so are rows that do not fit the tree, as the contract quarantines rows that break a
 * reference rule or conflict and goes on: every row of a region code on rows that differ, a row
 * whose parent_code names no region or a region set aside, the rows of a parent_code cycle. The
 * regions below a region set aside are set aside with it (their parent is unknown to the run),
 * so a broken province takes its cities and counties with it; the quarantine threshold judges
 * regions.csv as it judges every extract. A missing file, a broken header or a file without a single
 * valid row stops the run with a message naming the file.
 */
public final class RegionsFile {
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
                setAsideRowsAtFault(e, regions, lines, raws, kept, setAside, quarantined, schema.name(), relative);
            }
        }
        if (tree == null) {
            throw InvalidInputException.of(Reason.of(relative + " has no valid region rows",
                    relative + " 中没有有效的地区行"));
        }
        quarantined.sort(Comparator.comparingLong(QuarantinedRow::line));
        return new Result(tree, report.withRowsQuarantined(quarantined.size()), quarantined, setAside);
    }

    /**
     * Sets aside, from the rows {@code kept}, every row of the regions each problem of the tree
     * is about, with the problem as the reason; a region whose parent was set aside (by the row
     * rules, or by an earlier round) is told so. The regions below them are found missing their
     * parent by the next round.
     */
    private static void setAsideRowsAtFault(RegionTreeException e, List<Region> regions, List<Long> lines, List<String> raws,
                                            List<Integer> kept, Map<String, Long> setAside, List<QuarantinedRow> quarantined,
                                            String extract, String file) {
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
                    Reason reason = p.problem();
                    Long parentLine = r.parentCode() == null ? null : setAside.get(r.parentCode());
                    if (p.kind() == RegionTreeException.Kind.UNKNOWN_PARENT && parentLine != null) {
                        reason = Reason.of("region " + r.code() + " (" + r.name() + ") has parent_code " + r.parentCode()
                                        + ", whose row was set aside (line " + parentLine + "; the reason is in the quarantine"
                                        + " report)",
                                "地区 " + r.code() + "（" + r.name() + "）的 parent_code 是 " + r.parentCode()
                                        + "，该地区的行已被隔离（第 " + parentLine + " 行，原因见隔离报告）");
                    }
                    quarantined.add(new QuarantinedRow(extract, file, lines.get(i), raws.get(i), p.column(), reason, null));
                    setAside.putIfAbsent(code, lines.get(i));
                    it.remove();
                }
            }
        }
    }
}
