package org.netmarket.warehouse;

import org.netmarket.edition.Edition;
import org.netmarket.edition.Item;
import org.netmarket.extract.SchemaCatalog;
import org.netmarket.items.ItemRegistry;
import org.netmarket.rules.Criterion;
import org.netmarket.rules.JudgedObservation;
import org.netmarket.rules.Observation;
import org.netmarket.rules.Points;
import org.netmarket.rules.Reason;
import org.netmarket.rules.ScoringRule;
import org.netmarket.scoring.CategoryScore;
import org.netmarket.scoring.IndicatorScore;
import org.netmarket.scoring.ItemScore;
import org.netmarket.scoring.RegionScorecard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The warehouse rows of scorecards: {@code indicator_score} (items and indicators),
 * {@code category_score} and {@code evaluation_result}, with the value, comparison, numerator,
 * denominator and a JSON detail that lets an analyst see why an item got its points; and
 * {@code region_extract_rows}, the rows each region's items had to go on.
 */
public final class ScoreRows {
    /** One row of indicator_score. */
    public record IndicatorRow(String regionCode, int evalYear, String code, String level, BigDecimal points,
                               BigDecimal maxPoints, String status, BigDecimal value, BigDecimal comparisonValue,
                               BigDecimal numerator, BigDecimal denominator, String reason, String reasonZh, String detail,
                               String edition) {
        public IndicatorRow {
            points = Points.published(points);
            maxPoints = Points.published(maxPoints);
        }
    }

    /** One row of category_score; {@code meetsShare} is null for a second-level category (no share rule). */
    public record CategoryRow(String regionCode, int evalYear, String code, String level, BigDecimal points,
                              BigDecimal maxPoints, Boolean meetsShare, String edition) {
        public CategoryRow {
            points = Points.published(points);
            maxPoints = Points.published(maxPoints);
        }
    }

    /** One row of evaluation_result. */
    public record EvaluationRow(String regionCode, int evalYear, BigDecimal totalPoints, BigDecimal maxPoints,
                                boolean passed, List<String> failingCategories, String needsAttention,
                                int itemsNeedingAttention, LocalDate asOf, String edition) {
        public EvaluationRow {
            totalPoints = Points.published(totalPoints);
            maxPoints = Points.published(maxPoints);
        }
    }

    /**
     * One row of region_extract_rows: of an extract whose rows name their region, the latest rows
     * about the region (or a region under it, where the region's items count those), every year
     * (null when not delivered), and the rows set aside that name them (null when unknown).
     */
    public record RegionRowsRow(String regionCode, int evalYear, String extract, Long rowsInRegion, Long rowsSetAside) {
    }

    private final List<IndicatorRow> indicators = new ArrayList<>();
    private final List<CategoryRow> categories = new ArrayList<>();
    private final List<EvaluationRow> evaluations = new ArrayList<>();
    private final List<RegionRowsRow> regionRows = new ArrayList<>();

    public List<IndicatorRow> indicators() {
        return indicators;
    }

    public List<CategoryRow> categories() {
        return categories;
    }

    public List<EvaluationRow> evaluations() {
        return evaluations;
    }

    public List<RegionRowsRow> regionRows() {
        return regionRows;
    }

    /** Rows of the given scorecards, with the rows their regions' items had to go on. */
    public static ScoreRows of(Edition edition, List<RegionScorecard> cards, LocalDate asOf, List<RegionRowsRow> regionRows) {
        // A card's rows depend on that card alone, and a national run has thousands: built on
        // every core (each row's JSON detail and exact decimals take most of the time), kept in
        // the cards' order.
        List<ScoreRows> perCard = cards.parallelStream().map(card -> {
            ScoreRows one = new ScoreRows();
            one.add(edition, card, asOf);
            return one;
        }).toList();
        ScoreRows rows = new ScoreRows();
        for (ScoreRows one : perCard) {
            rows.indicators.addAll(one.indicators);
            rows.categories.addAll(one.categories);
            rows.evaluations.addAll(one.evaluations);
        }
        rows.regionRows.addAll(regionRows);
        return rows;
    }

    private void add(Edition edition, RegionScorecard card, LocalDate asOf) {
        for (IndicatorScore ind : card.indicators()) {
            if (ind.indicator().hasSubItems()) {
                // In the edition's order (that of edition_indicator.sort_order): the indicator, then its items.
                indicators.add(new IndicatorRow(card.regionCode(), card.evalYear(), ind.code(), "indicator", ind.points(),
                        ind.indicator().maxPoints(), ind.status().code(), null, null, null, null, en(ind.reason()),
                        zh(ind.reason()), null, card.editionId()));
                for (ItemScore item : ind.items()) {
                    indicators.add(itemRow(card, item, "item"));
                }
            } else {
                indicators.add(itemRow(card, ind.items().get(0), "indicator"));
            }
        }
        for (CategoryScore c : card.categories()) {
            categories.add(new CategoryRow(card.regionCode(), card.evalYear(), c.code(), c.category().levelCode(), c.points(),
                    c.category().maxPoints(), c.meetsShare(), card.editionId()));
        }
        List<Map<String, Object>> attention = new ArrayList<>();
        for (ItemScore s : card.needsAttention()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("item", s.code());
            m.put("name_zh", s.item().nameZh());
            m.put("status", s.status().code());
            m.put("reason", en(s.reason()));
            m.put("reason_zh", zh(s.reason()));
            attention.add(m);
        }
        evaluations.add(new EvaluationRow(card.regionCode(), card.evalYear(), card.totalPoints(), edition.totalPoints(),
                card.passed(), card.failingCategories().stream().map(CategoryScore::code).toList(), RunLedger.json(attention),
                attention.size(), asOf, card.editionId()));
    }

    private static IndicatorRow itemRow(RegionScorecard card, ItemScore s, String level) {
        Item item = s.item();
        Map<String, Object> detail = new LinkedHashMap<>();
        BigDecimal value = null;
        BigDecimal comparison = null;
        BigDecimal numerator = null;
        BigDecimal denominator = null;
        if (item.isComputed()) {
            detail.put("computation", item.computation());
            ItemRegistry.find(item.computation()).ifPresent(c -> detail.put("extracts", c.extracts()));
            List<Map<String, Object>> observations = new ArrayList<>();
            if (s.measurement() != null) {
                for (Observation o : s.measurement().observations()) {
                    observations.add(observation(item, o));
                }
                // The figures of the evaluation year, and only for a scored item: an item two
                // years need whose year Y is missing keeps Y-1's observation in the detail, and
                // publishing it as the value would read as Y's (the column is null when unscored).
                Observation h = s.measurement().isScored() ? s.measurement().headline() : null;
                if (h != null) {
                    JudgedObservation headline = JudgedObservation.of(h, item.rule());
                    value = headline.value();
                    numerator = headline.numerator();
                    denominator = headline.denominator();
                    comparison = headline.comparison();
                }
            }
            detail.put("observations", observations);
            if (s.measurement() != null && !s.measurement().basis().isEmpty()) {
                detail.put("basis", s.measurement().basis());
            }
        } else {
            // Listed so that item_lineage shows the assessments files an assessed item was
            // scored from (or, not assessed, the files it was looked for in).
            detail.put("extracts", List.of(SchemaCatalog.ASSESSMENTS));
        }
        if (s.assessment() != null) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("points", s.assessment().points());
            a.put("evidence", s.assessment().evidence());
            a.put("assessor", s.assessment().assessor());
            a.put("assessed_at", s.assessment().assessedAt() == null ? null : s.assessment().assessedAt().toString());
            detail.put("assessment", a);
        }
        if (item.criterionZh() != null) {
            detail.put("criterion_zh", item.criterionZh());
        }
        return new IndicatorRow(card.regionCode(), card.evalYear(), item.code(), level, s.points(), item.maxPoints(),
                s.status().code(), value, comparison, numerator, denominator, en(s.reason()), zh(s.reason()),
                RunLedger.json(detail), card.editionId());
    }

    private static String en(Reason r) {
        return r == null ? null : r.en();
    }

    private static String zh(Reason r) {
        return r == null ? null : r.zh();
    }

    private static Map<String, Object> observation(Item item, Observation o) {
        JudgedObservation j = JudgedObservation.of(o, item.rule());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", j.label());
        if (j.absent()) {
            // Nothing measured counts as met where the rule says so (18.1's review type without decided reviews).
            m.put("absent", true);
            if (j.met() != null) {
                m.put("passed", j.met());
            }
            return m;
        }
        m.put("value", j.value());
        if (j.numerator() != null) {
            m.put("numerator", j.numerator());
            m.put("denominator", j.denominator());
        }
        if (j.comparison() != null) {
            m.put("comparison", j.comparison());
        }
        Criterion c = criterion(item.rule());
        if (c != null) {
            m.put("compare", c.comparison().symbol());
            m.put("passed", j.met());
        }
        return m;
    }

    /** The single criterion of a rule that has one (not bands): what the detail says was compared. */
    private static Criterion criterion(ScoringRule rule) {
        if (rule instanceof ScoringRule.AllPass a) {
            return a.criterion();
        }
        if (rule instanceof ScoringRule.PerObservation p) {
            return p.criterion();
        }
        return null;
    }
}
