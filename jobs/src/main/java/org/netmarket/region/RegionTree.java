package org.netmarket.region;

import org.netmarket.rules.Reason;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.IntToLongFunction;

/**
 * The region tree of regions.csv: one region per region_code (a row delivered again identical in
 * every column collapses into the first, as the contract has identical rows collapse silently).
 * Record-level figures of a region cover its own records and all its descendants'; aggregate
 * figures of a region without its own row are summed from its children. Every region is scored.
 */
public final class RegionTree implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The columns of a row besides region_code, as regions.csv names them: what two rows of one code can differ in. */
    private static final List<Column> COLUMNS = List.of(new Column("region_name", Region::name),
            new Column("parent_code", Region::parentCode), new Column("level", Region::level),
            new Column("economic_zone", Region::economicZone));

    private record Column(String name, Function<Region, String> of) {
    }

    private final Map<String, Region> regions;
    private final Map<String, List<String>> children;
    /** Parent -> the regions set aside below it (code -> line), see {@link #withSetAside}. */
    private final Map<String, Map<String, Long>> setAsideChildren;
    /** The file {@link #setAsideChildren} names lines of. */
    private final String file;

    /**
     * A tree of regions given one per line after a header line, as a regions.csv without quoted
     * line breaks would hold them: the messages name region {@code i} (0-based) as line
     * {@code i + 2} of regions.csv.
     *
     * @throws RegionTreeException when the regions do not form a tree (see the other constructor)
     */
    public RegionTree(List<Region> list) {
        this(list, "regions.csv", i -> i + 2L);
    }

    /**
     * @param file   the file the regions were read from, as messages name it
     * @param lineOf the physical line (header = line 1) the row of region {@code i} (0-based, in
     *               list order) starts on
     * @throws RegionTreeException naming, for every problem of the list in file order, the file,
     *                             line and column: a region code on rows that differ (every line of
     *                             the code, and the columns that differ), a parent_code that names
     *                             no region, parent_code links that form a cycle (the regions of the
     *                             cycle), a parent_code naming a region of the same or a lower level
     */
    public RegionTree(List<Region> list, String file, IntToLongFunction lineOf) {
        Map<String, Region> m = new LinkedHashMap<>();
        Map<String, Integer> index = new HashMap<>();
        Map<String, List<Integer>> rowsOf = new LinkedHashMap<>();
        // The rows not identical to an earlier one: a re-delivered row collapses into its first copy.
        List<Integer> distinct = new ArrayList<>();
        Set<Region> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Region r = list.get(i);
            rowsOf.computeIfAbsent(r.code(), c -> new ArrayList<>()).add(i);
            if (seen.add(r)) {
                distinct.add(i);
            }
            if (index.putIfAbsent(r.code(), i) == null) {
                m.put(r.code(), r);
            }
        }
        List<RegionTreeProblem> problems = new ArrayList<>();
        // Codes told as on rows that differ or in a cycle: not told again for their level.
        Set<String> toldOtherwise = new HashSet<>();
        for (Map.Entry<String, List<Integer>> e : rowsOf.entrySet()) {
            List<Integer> rows = e.getValue();
            if (rows.stream().map(list::get).distinct().count() > 1) {
                problems.add(duplicate(e.getKey(), rows, list, file, lineOf));
                toldOtherwise.add(e.getKey());
            }
        }
        // Every distinct row's parent, not only the first row's of a code: a clerk who settles a
        // duplicate by deleting the first row should not find the other row's parent missing on
        // the rerun.
        for (int i : distinct) {
            Region r = list.get(i);
            if (r.parentCode() != null && !m.containsKey(r.parentCode())) {
                problems.add(new RegionTreeProblem(RegionTreeException.Kind.UNKNOWN_PARENT, file, lineOf.applyAsLong(i),
                        "parent_code", Reason.of("region " + r.code() + " (" + r.name() + ") has parent_code " + r.parentCode()
                        + ", which names no region of " + file, "地区 " + r.code() + "（" + r.name() + "）的 parent_code 是 "
                        + r.parentCode() + "，" + file + " 中没有这个地区"), List.of(r.code())));
            }
        }
        List<RegionTreeProblem> cycles = cycles(m, index, file, lineOf);
        problems.addAll(cycles);
        cycles.forEach(c -> toldOtherwise.addAll(c.regions()));
        problems.addAll(levels(list, distinct, m, toldOtherwise, file, lineOf));
        if (!problems.isEmpty()) {
            // Stable: problems on one line keep the order above (duplicate, parent).
            problems.sort(Comparator.comparingLong(RegionTreeProblem::line));
            throw new RegionTreeException(problems);
        }
        Map<String, List<String>> ch = new LinkedHashMap<>();
        for (Region r : m.values()) {
            ch.put(r.code(), new ArrayList<>());
        }
        for (Region r : m.values()) {
            if (r.parentCode() != null) {
                ch.get(r.parentCode()).add(r.code());
            }
        }
        this.regions = Collections.unmodifiableMap(m);
        this.children = ch;
        this.setAsideChildren = Map.of();
        this.file = file;
    }

    private RegionTree(RegionTree tree, Map<String, Map<String, Long>> setAsideChildren) {
        this.regions = tree.regions;
        this.children = tree.children;
        this.setAsideChildren = setAsideChildren;
        this.file = tree.file;
    }

    /**
     * This tree, knowing the regions whose rows the file had but which were set aside (a row rule
     * broken, rows of the code that differ, a parent of their level), each under the region of the
     * tree it belongs to: the figures of that region and of those above it would leave their rows
     * out ({@link #setAsideBelow}).
     *
     * @param byParent region of the tree -> the regions set aside below it, each with the line of
     *                 the row that places it there
     * @throws IllegalArgumentException for a parent the tree does not hold
     */
    public RegionTree withSetAside(Map<String, Map<String, Long>> byParent) {
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        byParent.forEach((parent, below) -> {
            get(parent); // throws for a region the tree does not hold
            if (!below.isEmpty()) {
                copy.put(parent, Collections.unmodifiableMap(new TreeMap<>(below)));
            }
        });
        return new RegionTree(this, Collections.unmodifiableMap(copy));
    }

    /**
     * Why a figure of a region summed from its children's would leave some out: the regions set
     * aside whose rows name it as parent (see {@link #withSetAside}). Empty when there is none.
     */
    public Optional<Reason> setAsideChildren(String code) {
        return setAside(code, setAsideChildren.getOrDefault(code, Map.of()));
    }

    /**
     * Why the records counted for a region (its own and those below it) would leave some out:
     * the regions set aside below it, at any depth. Empty when there is none.
     */
    public Optional<Reason> setAsideBelow(String code) {
        Map<String, Long> below = new TreeMap<>();
        setAsideChildren.forEach((parent, kids) -> {
            if (selfAndAncestors(parent).contains(code)) {
                kids.forEach((kid, line) -> below.merge(kid, line, Math::min));
            }
        });
        return setAside(code, below);
    }

    /** Regions set aside a reason names, each with its line, before saying how many more there are. */
    private static final int SET_ASIDE_SHOWN = 5;

    private Optional<Reason> setAside(String code, Map<String, Long> below) {
        if (below.isEmpty()) {
            return Optional.empty();
        }
        List<Map.Entry<String, Long>> byLine = below.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey())).toList();
        if (byLine.size() == 1) {
            Map.Entry<String, Long> only = byLine.get(0);
            return Optional.of(Reason.of(file + " line " + only.getValue() + " (region " + only.getKey() + ", below " + code
                            + ") was set aside, so the rows of that region cannot be counted in " + code + ": fix the row",
                    file + " 第 " + only.getValue() + " 行（地区 " + only.getKey() + "，位于 " + code + " 之下）已被隔离，其数据无法计入 "
                            + code + "：请修正该行"));
        }
        List<Map.Entry<String, Long>> shown = byLine.subList(0, Math.min(SET_ASIDE_SHOWN, byLine.size()));
        List<String> en = shown.stream().map(e -> e.getValue() + " (region " + e.getKey() + ")").toList();
        List<String> zh = shown.stream().map(e -> "第 " + e.getValue() + " 行（地区 " + e.getKey() + "）").toList();
        int more = byLine.size() - shown.size();
        String listed = more > 0 ? String.join(", ", en) + " and " + more + " more"
                : String.join(", ", en.subList(0, en.size() - 1)) + " and " + en.get(en.size() - 1);
        return Optional.of(Reason.of(file + " lines " + listed + ", below " + code + ", were set aside, so the rows of those"
                        + " regions cannot be counted in " + code + ": fix the rows",
                file + " " + String.join("、", zh) + (more > 0 ? "等 " + byLine.size() + " 行" : "") + "（位于 " + code
                        + " 之下）已被隔离，其数据无法计入 " + code + "：请修正这些行"));
    }

    /**
     * A code on rows that are not all identical, told at the first row that differs from the
     * code's first row (identical copies of the first are not at fault), with every line of the
     * code and, for each column that differs, its values and the lines that hold them.
     */
    private static RegionTreeProblem duplicate(String code, List<Integer> rows, List<Region> list, String file,
                                               IntToLongFunction lineOf) {
        Region first = list.get(rows.get(0));
        int atFault = rows.stream().filter(i -> !list.get(i).equals(first)).findFirst().orElseThrow();
        List<String> differences = new ArrayList<>();
        List<String> differencesZh = new ArrayList<>();
        for (Column column : COLUMNS) {
            // Value -> lines holding it, values in the order they first appear.
            Map<String, List<Long>> linesOf = new LinkedHashMap<>();
            for (int i : rows) {
                linesOf.computeIfAbsent(column.of().apply(list.get(i)), v -> new ArrayList<>()).add(lineOf.applyAsLong(i));
            }
            if (linesOf.size() > 1) {
                List<String> values = new ArrayList<>();
                List<String> valuesZh = new ArrayList<>();
                linesOf.forEach((value, lines) -> {
                    values.add((value == null ? "empty" : "'" + value + "'") + " on " + lines(lines).en());
                    valuesZh.add(lines(lines).zh() + (value == null ? "为空" : "为“" + value + "”"));
                });
                differences.add(column.name() + " " + String.join(", ", values));
                differencesZh.add(column.name() + " " + String.join("、", valuesZh));
            }
        }
        String times = rows.size() == 2 ? "twice" : rows.size() + " times";
        List<Long> all = rows.stream().map(lineOf::applyAsLong).toList();
        return new RegionTreeProblem(RegionTreeException.Kind.DUPLICATE, file, lineOf.applyAsLong(atFault), "region_code",
                Reason.of("region " + code + " appears " + times + " with different values, on " + lines(all).en() + ": "
                        + String.join("; ", differences),
                        "地区 " + code + " 在" + lines(all).zh() + "出现了 " + rows.size() + " 次，取值不同：" + String.join("；", differencesZh)),
                List.of(code));
    }

    /**
     * Lines of a file as messages name them: {@code line 6}, {@code lines 6 and 8},
     * {@code lines 3, 8 and 9}; {@code 第 6 行}, {@code 第 6、8 行}.
     */
    public static Reason lines(List<Long> lines) {
        List<String> shown = lines.stream().map(String::valueOf).toList();
        String zh = "第 " + String.join("、", shown) + " 行";
        if (shown.size() == 1) {
            return Reason.of("line " + shown.get(0), zh);
        }
        return Reason.of("lines " + String.join(", ", shown.subList(0, shown.size() - 1)) + " and " + shown.get(shown.size() - 1), zh);
    }

    /** Province, city, county: a region's parent is of a level before its own in this list. */
    private static final List<String> LEVELS = List.of("province", "city", "county");

    /** The rank of a level in {@link #LEVELS} (any case), or -1 for a word that is no level. */
    private static int rank(String level) {
        return level == null ? -1 : LEVELS.indexOf(level.toLowerCase(Locale.ROOT));
    }

    /**
     * Where a region of {@code level} whose row names {@code parentCode} belongs in this tree: the
     * parent, or, when the parent is not of a higher level (a county named as a county's parent,
     * as a sibling's code mistyped gives), the nearest region above it that is. Empty when the
     * parent is no region of the tree, or none above it is of a higher level; a level that is no
     * level takes the parent as named.
     */
    public Optional<String> placeUnder(String parentCode, String level) {
        int rank = rank(level);
        String parent = parentCode;
        while (rank >= 0 && parent != null && contains(parent) && rank(get(parent).level()) >= rank) {
            parent = get(parent).parentCode();
        }
        return parent != null && contains(parent) ? Optional.of(parent) : Optional.empty();
    }

    /**
     * Every distinct row whose parent is not of a higher level: a county under a county, a city
     * under a city or a county, a province with a parent. GB/T 2260 allows a county directly
     * under its province (省直辖县级行政区划) and any level at the top (a city or a county
     * delivering alone). A parent_code mistyped as a sibling's code is the usual cause, which
     * would otherwise move the region's figures into that sibling. Rows of a code told otherwise
     * (on rows that differ, in a cycle), and rows under one, are told as such only.
     */
    private static List<RegionTreeProblem> levels(List<Region> list, List<Integer> distinct, Map<String, Region> m,
                                                  Set<String> toldOtherwise, String file, IntToLongFunction lineOf) {
        List<RegionTreeProblem> found = new ArrayList<>();
        for (int i : distinct) {
            Region r = list.get(i);
            Region parent = r.parentCode() == null ? null : m.get(r.parentCode());
            if (parent == null || toldOtherwise.contains(r.code()) || toldOtherwise.contains(parent.code())) {
                continue;
            }
            int level = rank(r.level());
            int parentLevel = rank(parent.level());
            if (level < 0 || parentLevel < 0 || parentLevel < level) {
                continue;
            }
            String allowed = level == 0 ? "a province has no parent_code" : level == 1 ? "a city belongs under a province"
                    : "a county belongs under a city or a province";
            String allowedZh = level == 0 ? "省级地区没有 parent_code" : level == 1 ? "市级地区应隶属于省级地区" : "县级地区应隶属于市级或省级地区";
            found.add(new RegionTreeProblem(RegionTreeException.Kind.LEVEL, file, lineOf.applyAsLong(i), "parent_code",
                    Reason.of("region " + r.code() + " (" + r.name() + ", " + r.level() + ") has parent_code " + parent.code()
                                    + ", which is a " + parent.level() + ": " + allowed,
                            "地区 " + r.code() + "（" + r.name() + "，" + r.level() + "）的 parent_code 是 " + parent.code()
                                    + "，它是 " + parent.level() + "：" + allowedZh), List.of(r.code())));
        }
        return found;
    }

    /** Every cycle of parent_code links among the regions, each once. */
    private static List<RegionTreeProblem> cycles(Map<String, Region> m, Map<String, Integer> index, String file,
                                                  IntToLongFunction lineOf) {
        List<RegionTreeProblem> found = new ArrayList<>();
        // Regions whose ancestors were walked: they lead to a root, to a missing parent (told on
        // its own) or into a cycle already told, so a later walk stops at them.
        Set<String> settled = new HashSet<>();
        for (Region r : m.values()) {
            // Walk up from r until a settled region, a root, a missing parent, or a repeat (a cycle).
            List<String> path = new ArrayList<>();
            Map<String, Integer> onPath = new HashMap<>();
            String c = r.code();
            while (c != null && !settled.contains(c)) {
                Integer at = onPath.putIfAbsent(c, path.size());
                if (at != null) {
                    found.add(cycle(path.subList(at, path.size()), index, file, lineOf));
                    break;
                }
                path.add(c);
                String parent = m.get(c).parentCode();
                c = m.containsKey(parent) ? parent : null;
            }
            settled.addAll(path);
        }
        return found;
    }

    /** The cycle as found (each region's parent is the next, the last's is the first), told from its first row in the file. */
    private static RegionTreeProblem cycle(List<String> found, Map<String, Integer> index, String file,
                                           IntToLongFunction lineOf) {
        int start = 0;
        for (int k = 1; k < found.size(); k++) {
            if (index.get(found.get(k)) < index.get(found.get(start))) {
                start = k;
            }
        }
        List<String> links = new ArrayList<>();
        List<String> linksZh = new ArrayList<>();
        for (int k = 0; k < found.size(); k++) {
            String code = found.get((start + k) % found.size());
            long line = lineOf.applyAsLong(index.get(code));
            links.add(code + " (line " + line + ")");
            linksZh.add(code + "（第 " + line + " 行）");
        }
        String first = found.get(start);
        links.add(first);
        linksZh.add(first);
        return new RegionTreeProblem(RegionTreeException.Kind.CYCLE, file, lineOf.applyAsLong(index.get(first)),
                "parent_code", Reason.of((found.size() == 1 ? "region " + first + " has itself as parent_code"
                : "region " + first + " is its own ancestor") + ": the parent_code links "
                + String.join(" -> ", links) + " form a cycle",
                (found.size() == 1 ? "地区 " + first + " 的 parent_code 是它自己" : "地区 " + first + " 是它自己的上级")
                        + "：parent_code 链 " + String.join(" -> ", linksZh) + " 构成了循环"), found);
    }

    public boolean contains(String code) {
        return regions.containsKey(code);
    }

    public Region get(String code) {
        Region r = regions.get(code);
        if (r == null) {
            throw new IllegalArgumentException("region " + code + " is not in regions.csv");
        }
        return r;
    }

    /** All regions in file order. */
    public List<Region> all() {
        return List.copyOf(regions.values());
    }

    public Set<String> codes() {
        return regions.keySet();
    }

    public List<String> childrenOf(String code) {
        return Collections.unmodifiableList(children.getOrDefault(code, List.of()));
    }

    /** The region itself and its ancestors, nearest first. */
    public List<String> selfAndAncestors(String code) {
        List<String> out = new ArrayList<>();
        String c = code;
        while (c != null) {
            out.add(c);
            c = regions.get(c).parentCode();
        }
        return out;
    }

    /**
     * Rolls values given per region up the tree: hands each value of a region the tree knows to
     * the region and to every ancestor ({@code into.accept(scored, value)}), so that a region's
     * total covers its own and its descendants'. Values of regions the tree does not know are left
     * out (their rows were quarantined).
     */
    public <V> void rollUp(Map<String, V> own, BiConsumer<String, V> into) {
        own.forEach((region, value) -> {
            if (contains(region)) {
                selfAndAncestors(region).forEach(scored -> into.accept(scored, value));
            }
        });
    }

    /** The region itself and all its descendants. */
    public Set<String> selfAndDescendants(String code) {
        Set<String> out = new HashSet<>();
        List<String> stack = new ArrayList<>(List.of(code));
        while (!stack.isEmpty()) {
            String c = stack.remove(stack.size() - 1);
            if (out.add(c)) {
                stack.addAll(childrenOf(c));
            }
        }
        return out;
    }
}
