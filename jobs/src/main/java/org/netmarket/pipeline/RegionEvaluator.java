package org.netmarket.pipeline;

import org.netmarket.edition.Edition;
import org.netmarket.edition.Item;
import org.netmarket.extract.ExtractLabel;
import org.netmarket.extract.SchemaCatalog;
import org.netmarket.facts.FactSheet;
import org.netmarket.facts.RegionFacts;
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

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Scores one region: measures every computed item from the region's facts, takes every
 * assessed item from the assessments, judges them with the edition's rules and rolls them up.
 * Pure Java: by this point Spark has done its work.
 */
public final class RegionEvaluator {
    private RegionEvaluator() {
    }

    public static RegionScorecard evaluate(Edition edition, FactSheet sheet, Region region) {
        RegionFacts facts = sheet.forRegion(region);
        Map<String, Assessment> assessments = sheet.assessments(region.code());
        Map<String, ItemScore> scores = new LinkedHashMap<>();
        for (Item item : edition.items()) {
            scores.put(item.code(), score(item, facts, sheet, assessments));
        }
        return EvaluationRollup.rollUp(edition, region.code(), sheet.period().year(), scores);
    }

    private static ItemScore score(Item item, RegionFacts facts, FactSheet sheet, Map<String, Assessment> assessments) {
        if (item.isComputed()) {
            Measurement m = ItemRegistry.get(item.computation()).measure(facts, item.parameters());
            return ItemScorer.computed(item, m);
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
}
