package org.netmarket.pipeline;

import org.netmarket.edition.Edition;
import org.netmarket.edition.Item;
import org.netmarket.extract.ExtractLabel;
import org.netmarket.extract.SchemaCatalog;
import org.netmarket.facts.FactSheet;
import org.netmarket.facts.RegionFacts;
import org.netmarket.items.ComputedItem;
import org.netmarket.items.ItemRegistry;
import org.netmarket.region.Region;
import org.netmarket.rules.ItemStatus;
import org.netmarket.rules.Measurement;
import org.netmarket.rules.Reason;
import org.netmarket.rules.Assessment;
import org.netmarket.scoring.EvaluationRollup;
import org.netmarket.scoring.ItemScore;
import org.netmarket.scoring.ItemScorer;
import org.netmarket.scoring.RegionScorecard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Scores one region: measures every computed item from the region's facts, takes every
 * assessed item from the assessments, judges them with the edition's rules and rolls them up.
 * Pure Java: by this point Spark has done its work.
 */
public final class RegionEvaluator {
    /** Extract -> its name as a word in a reason, compiled once for every region scored in parallel. */
    private static final Map<String, Pattern> NAMED = new ConcurrentHashMap<>();

    private RegionEvaluator() {
    }

    /** An extract's name as a word: "express" is not in "national express_volume_growth_rate". */
    private static Pattern asWord(String extract) {
        return Pattern.compile("(?<![\\w-])" + Pattern.quote(extract) + "(?![\\w-])");
    }

    /** Rows of an extract set aside that name a region or a region below it: 0 when none, null when not known. */
    @FunctionalInterface
    public interface SetAsideRows {
        /** No rows set aside anywhere. */
        SetAsideRows NONE = (extract, regionCode) -> 0L;

        Long of(String extract, String regionCode);
    }

    /** Scores a region, without a word of rows set aside in its reasons. */
    public static RegionScorecard evaluate(Edition edition, FactSheet sheet, Region region) {
        return evaluate(edition, sheet, region, SetAsideRows.NONE);
    }

    /**
     * Scores a region; a computed item that lacks its input or records says how many rows of its
     * extracts about the region were set aside ({@link #withRowsSetAside}).
     */
    public static RegionScorecard evaluate(Edition edition, FactSheet sheet, Region region, SetAsideRows setAside) {
        RegionFacts facts = sheet.forRegion(region);
        Map<String, Assessment> assessments = sheet.assessments(region.code());
        Map<String, ItemScore> scores = new LinkedHashMap<>();
        for (Item item : edition.items()) {
            scores.put(item.code(), score(item, facts, sheet, assessments, setAside));
        }
        return EvaluationRollup.rollUp(edition, region.code(), sheet.period().year(), scores);
    }

    private static ItemScore score(Item item, RegionFacts facts, FactSheet sheet, Map<String, Assessment> assessments,
                                   SetAsideRows setAside) {
        if (item.isComputed()) {
            ComputedItem computation = ItemRegistry.get(item.computation());
            Measurement m = computation.measure(facts, item.parameters());
            return withRowsSetAside(ItemScorer.computed(item, m), computation.extracts(), facts.region().code(), setAside);
        }
        if (sheet.assessmentConflict(facts.region().code(), item.code())) {
            return ItemScorer.unscored(item, ItemStatus.DATA_ERROR, Reason.of("the assessment of item " + item.code()
                    + " has conflicting versions (two rows with the same assessed_at but different values, in quarantine.csv); both were set aside",
                    "第 " + item.code() + " 项的评估打分有相互冲突的版本（assessed_at 相同而内容不同的两行，见 quarantine.csv），两行均已隔离"));
        }
        if (!sheet.assessmentsDelivered()) {
            return ItemScorer.unscored(item, ItemStatus.MISSING_DATA, Reason.of("the assessments extract was not delivered",
                    ExtractLabel.zh(SchemaCatalog.ASSESSMENTS) + "未报送"));
        }
        return ItemScorer.assessed(item, assessments.get(item.code()));
    }

    /**
     * An item without its input (missing_data) or without records (no_records) names the rows set
     * aside about the region, of any period, of each of its extracts its reason names: a month
     * missing because its row was rejected is then looked for in the quarantine report, not asked
     * of the supplier again.
     */
    private static ItemScore withRowsSetAside(ItemScore score, List<String> extracts, String region, SetAsideRows setAside) {
        if (score.status() != ItemStatus.MISSING_DATA && score.status() != ItemStatus.NO_RECORDS) {
            return score;
        }
        List<Reason> reasons = new ArrayList<>(List.of(score.reason()));
        for (String extract : extracts) {
            if (!NAMED.computeIfAbsent(extract, RegionEvaluator::asWord).matcher(score.reason().en()).find()) {
                continue;
            }
            Long rows = setAside.of(extract, region);
            if (rows != null && rows > 0) {
                reasons.add(Reason.of((rows == 1 ? "1 row of " + extract + " about " + region + " or a region below it was"
                                : rows + " rows of " + extract + " about " + region + " or a region below it were")
                                + " set aside (see the quarantine report)",
                        ExtractLabel.zh(extract) + "中有 " + rows + " 行涉及地区 " + region + " 或其下级地区的数据被隔离（见隔离报告）"));
            }
        }
        return reasons.size() == 1 ? score : new ItemScore(score.item(), score.status(), score.points(), score.measurement(),
                score.assessment(), Reason.join(reasons));
    }
}
