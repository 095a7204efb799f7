package org.netmarket.generator;

import org.netmarket.edition.AllowedPoints;
import org.netmarket.edition.Category;
import org.netmarket.edition.Edition;
import org.netmarket.edition.Item;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Expert and document-review points for the assessed items of the edition, for every region
 * (province, city and county) and every evaluation year (one file per year). The assessed items and their allowed
 * points are read from the edition, not listed here. Each region-year-category gets its planned
 * share of the category's assessed points ({@link AssessmentPlan}), spread over the items in
 * allowed steps. Planned omissions leave an item without a row ({@code not_assessed}); planned
 * revisions are first assessed half a point lower and corrected in the review panel's file.
 */
final class AssessmentWriter {
    static final String EXTRACT = "assessments";
    static final List<String> COLUMNS = List.of("region_code", "year", "item", "points", "evidence", "assessor",
            "assessed_at");
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private final GenerationContext ctx;
    private final Edition edition;

    AssessmentWriter(GenerationContext ctx, Edition edition) {
        this.ctx = ctx;
        this.edition = edition;
    }

    private record Revision(String region, int year, Item item, BigDecimal points) {
    }

    void write() {
        AssessmentPlan plan = ctx.scenario().assessments();
        List<Category> categories = edition.firstLevelCategories();
        List<Revision> revisions = new ArrayList<>();
        for (int year = Period.FIRST_EVALUATION_YEAR; year <= Period.LAST_YEAR; year++) {
            CsvSink s = ctx.open(DeliveryFiles.named(EXTRACT, Integer.toString(year)), COLUMNS);
            for (GeneratedRegion r : ctx.scenario().layout().all()) {
                if (!plan.assesses(r.code(), year)) {
                    continue;
                }
                double[] quality = plan.quality(r.code(), year);
                String assessor = assessor(r);
                SplittableRandom random = new SplittableRandom(Seeds.of(ctx.seed(), EXTRACT, r.code().hashCode(), year));
                long assessedAt = Civil.seconds(Civil.day(year + 1, 1, 15) + random.nextInt(30), 9 * Civil.HOUR);
                for (int c = 0; c < categories.size(); c++) {
                    List<Item> items = assessedItems(categories.get(c));
                    BigDecimal[] points = allocate(items, quality[c], random);
                    for (int i = 0; i < items.size(); i++) {
                        Item item = items.get(i);
                        if (plan.omitted(r.code(), year, item.code())) {
                            continue;
                        }
                        BigDecimal given = points[i];
                        if (plan.revised(r.code(), year, item.code()) && given.compareTo(HALF) >= 0
                                && item.allowed().allows(given.subtract(HALF), item.maxPoints())) {
                            revisions.add(new Revision(r.code(), year, item, given));
                            given = given.subtract(HALF);
                        }
                        write(s, r.code(), year, item, given, assessor, assessedAt + i * 60L);
                    }
                }
            }
            ctx.close(EXTRACT, s);
        }
        writeReviewPanel(revisions);
    }

    /** The review panel's later file: the corrected points, and one row it could not give. */
    private void writeReviewPanel(List<Revision> revisions) {
        CsvSink s = ctx.open(DeliveryFiles.named(EXTRACT, "2024-review-panel"), COLUMNS);
        long at = Civil.seconds(Civil.day(2025, 2, 26), 15 * Civil.HOUR);
        for (Revision v : revisions) {
            write(s, v.region(), v.year(), v.item(), v.points(), "评估复核组", at);
        }
        GeneratedRegion county = ctx.scenario().layout().counties().get(0);
        Item item = edition.item("33.2");
        long line = s.ascii(county.code()).integer(2024).ascii(item.code()).ascii("0.5")
                .text("省级媒体转载一篇，按半分计").text("评估复核组").timestamp(at).endRow();
        ctx.flaw(EXTRACT, s, line, DeliberateFlaw.Check.ROW_VALIDATION,
                "0.5 points for item 33.2, which allows only 0 or 1; the earlier assessment of the item stands");
        ctx.close(EXTRACT, s);
    }

    private List<Item> assessedItems(Category firstLevel) {
        List<Item> out = new ArrayList<>();
        for (Item item : edition.items()) {
            Category category = edition.firstLevelOf(edition.indicator(item.indicatorCode()));
            if (!item.isComputed() && category.code().equals(firstLevel.code())) {
                out.add(item);
            }
        }
        return out;
    }

    /**
     * Points per item summing to {@code quality} of the items' maximum (rounded to half a point):
     * start from full marks and take away one allowed step at a time, item after item in a drawn
     * order, so that the deductions spread rather than zero a few items.
     */
    static BigDecimal[] allocate(List<Item> items, double quality, SplittableRandom random) {
        BigDecimal[] points = new BigDecimal[items.size()];
        BigDecimal max = BigDecimal.ZERO;
        for (int i = 0; i < points.length; i++) {
            points[i] = items.get(i).maxPoints();
            max = max.add(points[i]);
        }
        BigDecimal target = BigDecimal.valueOf(Math.round(quality * max.doubleValue() * 2)).multiply(HALF);
        BigDecimal deficit = max.subtract(target).max(BigDecimal.ZERO);
        int[] order = new int[points.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        boolean progress = true;
        while (deficit.signum() > 0 && progress) {
            progress = false;
            for (int i : order) {
                BigDecimal step = nextStepDown(items.get(i), points[i]);
                if (step.signum() > 0 && step.compareTo(deficit) <= 0) {
                    points[i] = points[i].subtract(step);
                    deficit = deficit.subtract(step);
                    progress = true;
                    if (deficit.signum() == 0) {
                        break;
                    }
                }
            }
        }
        return points;
    }

    /** How much lower the next allowed value is (0 when the item is already at 0). */
    private static BigDecimal nextStepDown(Item item, BigDecimal current) {
        AllowedPoints a = item.allowed();
        if (a.values() == null) {
            return current.min(a.step());
        }
        BigDecimal below = BigDecimal.ZERO;
        for (BigDecimal v : a.values()) {
            if (v.compareTo(current) < 0 && v.compareTo(below) > 0) {
                below = v;
            }
        }
        return current.subtract(below);
    }

    private static void write(CsvSink s, String region, int year, Item item, BigDecimal points, String assessor,
                              long at) {
        String evidence = points.signum() == 0 ? "未提供佐证材料" : year + "年度" + item.code() + "项佐证材料审查";
        s.ascii(region).integer(year).ascii(item.code()).ascii(points.stripTrailingZeros().toPlainString())
                .text(evidence).text(assessor).timestamp(at).endRow();
    }

    private String assessor(GeneratedRegion r) {
        GeneratedRegion top = r;
        while (top.parentCode() != null) {
            top = ctx.scenario().layout().get(top.parentCode());
        }
        return top.name() + "市场监管局评估组";
    }
}
