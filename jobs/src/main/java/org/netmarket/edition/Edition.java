package org.netmarket.edition;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One edition of the indicator system, read from {@code schemas/editions/<id>.yaml}: the
 * category tree, the indicators and their items with maxima, rules and allowed points, and the
 * pass rule. Immutable once loaded; {@link EditionLoader} validates it.
 */
public final class Edition implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final String titleZh;
    private final String titleEn;
    private final BigDecimal totalPoints;
    private final PassRule passRule;
    private final Map<String, Category> categories;
    private final Map<String, Indicator> indicators;
    private final Map<String, Item> items;
    private final String sourceSha256;

    Edition(String id, String titleZh, String titleEn, BigDecimal totalPoints, PassRule passRule,
            List<Category> categories, List<Indicator> indicators, String sourceSha256) {
        this.id = id;
        this.sourceSha256 = sourceSha256;
        this.titleZh = titleZh;
        this.titleEn = titleEn;
        this.totalPoints = totalPoints;
        this.passRule = passRule;
        Map<String, Category> c = new LinkedHashMap<>();
        categories.forEach(x -> c.put(x.code(), x));
        Map<String, Indicator> ind = new LinkedHashMap<>();
        Map<String, Item> it = new LinkedHashMap<>();
        for (Indicator i : indicators) {
            ind.put(i.code(), i);
            i.items().forEach(x -> it.put(x.code(), x));
        }
        this.categories = Collections.unmodifiableMap(c);
        this.indicators = Collections.unmodifiableMap(ind);
        this.items = Collections.unmodifiableMap(it);
    }

    public String id() {
        return id;
    }

    /**
     * SHA-256 of the file the edition was read from: which text of an edition file a run scored
     * with (recorded with the run's parameters), an id saying only which edition it claims to be.
     */
    public String sourceSha256() {
        return sourceSha256;
    }

    public String titleZh() {
        return titleZh;
    }

    public String titleEn() {
        return titleEn;
    }

    public BigDecimal totalPoints() {
        return totalPoints;
    }

    public PassRule passRule() {
        return passRule;
    }

    /** All categories, first level each followed by its second-level children, in edition order. */
    public List<Category> categories() {
        return List.copyOf(categories.values());
    }

    public List<Category> firstLevelCategories() {
        return categories.values().stream().filter(Category::isFirstLevel).toList();
    }

    public List<Category> childrenOf(String firstLevelCode) {
        return categories.values().stream().filter(c -> firstLevelCode.equals(c.parentCode())).toList();
    }

    public Category category(String code) {
        Category c = categories.get(code);
        if (c == null) {
            throw new IllegalArgumentException("edition " + id + " has no category " + code);
        }
        return c;
    }

    /** Indicators in edition order (1..41 for 2022). */
    public List<Indicator> indicators() {
        return List.copyOf(indicators.values());
    }

    public List<Indicator> indicatorsOf(String secondLevelCode) {
        return indicators.values().stream().filter(i -> i.categoryCode().equals(secondLevelCode)).toList();
    }

    public Indicator indicator(String code) {
        Indicator i = indicators.get(code);
        if (i == null) {
            throw new IllegalArgumentException("edition " + id + " has no indicator " + code);
        }
        return i;
    }

    /** Items in edition order. */
    public List<Item> items() {
        return List.copyOf(items.values());
    }

    public List<Item> computedItems() {
        return items.values().stream().filter(Item::isComputed).toList();
    }

    /** The computed item whose class in the item registry is {@code computation}, if the edition has one. */
    public Optional<Item> computedBy(String computation) {
        return computedItems().stream().filter(i -> computation.equals(i.computation())).findFirst();
    }

    public Optional<Item> findItem(String code) {
        return Optional.ofNullable(items.get(code));
    }

    public Item item(String code) {
        return findItem(code).orElseThrow(() -> new IllegalArgumentException("edition " + id + " has no item " + code));
    }

    /**
     * Expands indicator codes to item codes ({@code 11} -> 11.1, 11.2, 11.3; {@code 11.2} stays),
     * for {@code --items}; unknown codes are an error naming them.
     */
    public List<String> expandItemCodes(List<String> codes) {
        List<String> out = new ArrayList<>();
        for (String code : codes) {
            if (items.containsKey(code)) {
                out.add(code);
            } else if (indicators.containsKey(code)) {
                indicators.get(code).items().forEach(i -> out.add(i.code()));
            } else {
                throw new IllegalArgumentException("edition " + id + " has no indicator or item '" + code + "'");
            }
        }
        return out.stream().distinct().toList();
    }

    /** The first-level category an indicator rolls up to. */
    public Category firstLevelOf(Indicator indicator) {
        return category(category(indicator.categoryCode()).parentCode());
    }

    @Override
    public String toString() {
        return "edition " + id + " (" + indicators.size() + " indicators, " + items.size() + " items)";
    }
}
