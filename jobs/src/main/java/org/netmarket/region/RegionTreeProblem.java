package org.netmarket.region;

import org.netmarket.rules.Reason;

import java.io.Serializable;
import java.util.List;

/**
 * One reason the rows of regions.csv do not form a tree, at the row at fault.
 *
 * @param kind    what is wrong
 * @param file    the file, as messages name it
 * @param line    the physical line the row at fault starts on (the header is line 1)
 * @param column  the column at fault: {@code region_code} or {@code parent_code}
 * @param problem what is wrong, without the file, line and column, in English and Chinese
 * @param regions the region codes whose rows the problem is about, every row of each: the code
 *                on rows that differ, the region whose parent is missing, the regions of a cycle
 */
public record RegionTreeProblem(RegionTreeException.Kind kind, String file, long line, String column, Reason problem,
                                List<String> regions)
        implements Serializable {
    public RegionTreeProblem {
        regions = List.copyOf(regions);
    }

    /**
     * The problem as every message about bad input tells it: {@code regions.csv, line 6, column
     * region_code: ...} and {@code regions.csv 第 6 行 region_code 列：...}.
     */
    public Reason message() {
        return Reason.of(file + ", line " + line + ", column " + column + ": " + problem.en(),
                file + " 第 " + line + " 行 " + column + " 列：" + problem.zh());
    }
}
