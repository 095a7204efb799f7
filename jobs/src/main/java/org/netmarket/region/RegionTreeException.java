package org.netmarket.region;

/**
 * The rows of regions.csv do not form a tree: a region code appears twice, a parent_code names
 * no region, or parent_code links form a cycle. The message names the file, the line of the row
 * at fault and the column ({@code regions.csv, line 6, column region_code: ...}), like every
 * other message about bad input.
 */
public final class RegionTreeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** What is wrong with the tree. */
    public enum Kind {
        /** Two rows (or more) have the same region_code. */
        DUPLICATE,
        /** A parent_code names no region of the file. */
        UNKNOWN_PARENT,
        /** Following parent_code from a region leads back to it. */
        CYCLE
    }

    private final Kind kind;
    private final String file;
    private final long line;
    private final String column;
    private final String problem;

    RegionTreeException(Kind kind, String file, long line, String column, String problem) {
        super(file + ", line " + line + ", column " + column + ": " + problem);
        this.kind = kind;
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public Kind kind() {
        return kind;
    }

    public String file() {
        return file;
    }

    /** The physical line the row at fault starts on (the header is line 1). */
    public long line() {
        return line;
    }

    /** The column at fault: {@code region_code} or {@code parent_code}. */
    public String column() {
        return column;
    }

    /** The message without its file, line and column. */
    public String problem() {
        return problem;
    }
}
