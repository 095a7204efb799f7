package org.netmarket.region;

import org.netmarket.rules.Reason;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of regions.csv do not form a tree: a region code appears on rows that differ (rows
 * identical in every column collapse, as the contract says), a parent_code names no region,
 * parent_code links form a cycle, or a parent_code names a region of the same or a lower level. Every such problem of the rows is told at once, in file order,
 * with the regions it is about, which {@code RegionsFile} sets aside (quarantined) before it
 * tries the rest again; a tree given in code is refused. Each names
 * the file, the line of the row at fault and the column
 * ({@code regions.csv, line 6, column region_code: ...}), like every other message about bad
 * input; the message is that line alone when there is one problem, else a line per problem, the
 * first {@value #SHOWN} of them, then how many more there are.
 */
public final class RegionTreeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Problems written out in the message; a file broken throughout would otherwise fill a screen. */
    static final int SHOWN = 20;

    /** What is wrong with the tree. */
    public enum Kind {
        /** Two rows (or more) have the same region_code but differ in another column. */
        DUPLICATE,
        /** A parent_code names no region of the file. */
        UNKNOWN_PARENT,
        /** Following parent_code from a region leads back to it. */
        CYCLE,
        /** A region's parent is not of a higher level (a county under a county, a province with a parent). */
        LEVEL
    }

    private final List<RegionTreeProblem> problems;
    private final Reason reason;

    /** @param problems at least one, in file order */
    RegionTreeException(List<RegionTreeProblem> problems) {
        this(problems, message(problems));
    }

    private RegionTreeException(List<RegionTreeProblem> problems, Reason reason) {
        super(reason.en());
        this.problems = List.copyOf(problems);
        this.reason = reason;
    }

    private static Reason message(List<RegionTreeProblem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).message();
        }
        List<String> lines = new ArrayList<>();
        List<String> linesZh = new ArrayList<>();
        lines.add(problems.size() + " problems with the region tree of " + problems.get(0).file() + ":");
        linesZh.add(problems.get(0).file() + " 的地区层级有 " + problems.size() + " 个问题：");
        for (RegionTreeProblem p : problems.subList(0, Math.min(SHOWN, problems.size()))) {
            lines.add("  - " + p.message().en());
            linesZh.add("  - " + p.message().zh());
        }
        if (problems.size() > SHOWN) {
            lines.add("  - and " + (problems.size() - SHOWN) + " more");
            linesZh.add("  - 另有 " + (problems.size() - SHOWN) + " 个");
        }
        return Reason.of(String.join("\n", lines), String.join("\n", linesZh));
    }

    /** The message, and in Chinese. */
    public Reason reason() {
        return reason;
    }

    /** Every problem of the file, in file order (by line), also those the message leaves out. */
    public List<RegionTreeProblem> problems() {
        return problems;
    }

    /** The kind of the first problem. */
    public Kind kind() {
        return problems.get(0).kind();
    }

    public String file() {
        return problems.get(0).file();
    }

    /** The physical line the row at fault of the first problem starts on (the header is line 1). */
    public long line() {
        return problems.get(0).line();
    }

    /** The column at fault of the first problem: {@code region_code} or {@code parent_code}. */
    public String column() {
        return problems.get(0).column();
    }

    /** The first problem's message without its file, line and column. */
    public Reason problem() {
        return problems.get(0).problem();
    }
}
