package org.netmarket.region;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The region tree of regions.csv. Record-level figures of a region cover its own records and
 * all its descendants'; aggregate figures of a region without its own row are summed from its
 * children. Every region is scored.
 */
public final class RegionTree implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, Region> regions;
    private final Map<String, List<String>> children;

    /**
     * @throws IllegalArgumentException naming the region when a parent is unknown or the tree
     *                                  has a cycle
     */
    public RegionTree(List<Region> list) {
        Map<String, Region> m = new LinkedHashMap<>();
        for (Region r : list) {
            if (m.put(r.code(), r) != null) {
                throw new IllegalArgumentException("region " + r.code() + " appears twice in regions.csv");
            }
        }
        Map<String, List<String>> ch = new LinkedHashMap<>();
        for (Region r : m.values()) {
            ch.put(r.code(), new ArrayList<>());
        }
        for (Region r : m.values()) {
            if (r.parentCode() != null) {
                if (!m.containsKey(r.parentCode())) {
                    throw new IllegalArgumentException("region " + r.code() + " (" + r.name() + ") has parent_code "
                            + r.parentCode() + ", which is not in regions.csv");
                }
                ch.get(r.parentCode()).add(r.code());
            }
        }
        this.regions = Collections.unmodifiableMap(m);
        this.children = ch;
        for (Region r : m.values()) {
            Set<String> seen = new HashSet<>();
            String c = r.code();
            while (c != null) {
                if (!seen.add(c)) {
                    throw new IllegalArgumentException("regions.csv has a cycle through region " + r.code());
                }
                c = m.get(c).parentCode();
            }
        }
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

    /** Regions in an order where every child comes before its parent (for bottom-up roll-ups). */
    public List<String> bottomUp() {
        List<String> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String code : regions.keySet()) {
            visit(code, done, out);
        }
        return out;
    }

    private void visit(String code, Set<String> done, List<String> out) {
        if (done.contains(code)) {
            return;
        }
        for (String child : childrenOf(code)) {
            visit(child, done, out);
        }
        done.add(code);
        out.add(code);
    }
}
