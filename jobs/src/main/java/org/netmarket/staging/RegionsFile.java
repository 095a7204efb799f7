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
import java.util.function.Function;

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
        quarantined.sort(Comparator.comparingLong(QuarantinedRow::line));
        if (tree == null) {
            throw InvalidInputException.of(Reason.of(relative + " has no region left: every row was set aside ("
                            + shown(quarantined, Reason::en, "; ") + ")",
                    relative + " 中没有可用的地区：每一行都被隔离了（" + shown(quarantined, Reason::zh, "；") + "）"));
        }
        // A code whose other row stands (one row broke a row rule) is a region of the tree, not one set aside.
        setAside.keySet().removeIf(tree::contains);
        return new Result(tree, report.withRowsQuarantined(quarantined.size()), quarantined, setAside);
    }

    /** The first {@value #SHOWN} quarantined rows, as {@code line 3, column economic_zone: ...}. */
    private static String shown(List<QuarantinedRow> rows, Function<Reason, String> language,
                                String separator) {
        List<String> out = new ArrayList<>();
        for (QuarantinedRow q : rows.subList(0, Math.min(SHOWN, rows.size()))) {
            out.add(language.apply(Reason.of("line " + q.line() + (q.column() == null ? "" : ", column " + q.column()) + ": ",
                    "第 " + q.line() + " 行" + (q.column() == null ? "" : " " + q.column() + " 列") + "："))
                    + language.apply(q.reason()));
        }
        if (rows.size() > SHOWN) {
            out.add(language.apply(Reason.of("and " + (rows.size() - SHOWN) + " more", "另有 " + (rows.size() - SHOWN) + " 行")));
        }
        return String.join(separator, out);
    }

    /**
     * Sets aside, from the rows {@code kept}, every row of the regions each problem of the tree
     * is about, with the problem as the reason. A region whose parent's row was set aside (by the
     * row rules, or by an earlier round) is not: the run stops instead, naming the parent's row,
     * for a region with regions below it is never left out (it would take them with it, and its
     * own parent's figures would be computed without them).
     */
    private static void setAsideRowsAtFault(RegionTreeException e, List<Region> regions, List<Long> lines, List<String> raws,
                                            List<Integer> kept, Map<String, Long> setAside, List<QuarantinedRow> quarantined,
                                            String extract, String file) {
        // Parent code -> the regions below it, where its row was set aside.
        Map<String, List<Below>> stranded = new LinkedHashMap<>();
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
                        stranded.computeIfAbsent(r.parentCode(), k -> new ArrayList<>()).add(new Below(code, lines.get(i)));
                        continue;
                    }
                    quarantined.add(new QuarantinedRow(extract, file, lines.get(i), raws.get(i), p.column(), p.problem(), null));
                    setAside.putIfAbsent(code, lines.get(i));
                    it.remove();
                }
            }
        }
        if (!stranded.isEmpty()) {
            List<Reason> told = new ArrayList<>();
            stranded.forEach((parent, below) -> told.add(strandedBelow(file, parent, below, setAside.get(parent), quarantined)));
            throw InvalidInputException.of(told);
        }
    }

    /** A region below one whose row was set aside, and the line of its row. */
    private record Below(String code, long line) {
    }

    /** The set-aside row of a region that has regions below it, with its reason and theirs. */
    private static Reason strandedBelow(String file, String parent, List<Below> below, long parentLine,
                                        List<QuarantinedRow> quarantined) {
        QuarantinedRow row = quarantined.stream().filter(q -> q.line() == parentLine).findFirst().orElseThrow();
        List<Below> shown = below.subList(0, Math.min(SHOWN, below.size()));
        String more = below.size() > SHOWN ? " and " + (below.size() - SHOWN) + " more" : "";
        String moreZh = below.size() > SHOWN ? "等 " + below.size() + " 个" : "";
        return Reason.of(file + ", line " + parentLine + (row.column() == null ? "" : ", column " + row.column()) + ": "
                        + row.reason().en() + "; region " + parent + " has regions below it ("
                        + String.join(", ", shown.stream().map(b -> b.code() + " on line " + b.line()).toList()) + more
                        + "), which cannot be placed without it: fix the row (only a region without regions below it is set"
                        + " aside while the run goes on)",
                file + " 第 " + parentLine + " 行" + (row.column() == null ? "" : " " + row.column() + " 列") + "："
                        + row.reason().zh() + "；地区 " + parent + " 之下有地区（"
                        + String.join("、", shown.stream().map(b -> "第 " + b.line() + " 行的 " + b.code()).toList()) + moreZh
                        + "），没有它就无法归属：请修正该行（只有其下没有地区的行才会被隔离而运行继续）");
    }
}
