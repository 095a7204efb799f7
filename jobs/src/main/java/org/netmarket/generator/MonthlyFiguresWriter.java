package org.netmarket.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Monthly retail sales (online and total) and express parcels per county, 2019-01 to 2024-12.
 * Each year's total follows the county's designed growth exactly (to the fen or parcel), then is
 * split over the months with a seasonal pattern (the November shopping festival shows), so the
 * growth and share the pipeline computes from 12 months are the designed ones. Cities have no
 * own rows here: their figures are the sums of their counties.
 *
 * <p>Retail comes as two files: 2019–2023, and 2024 together with revisions of December 2023
 * for some counties (first reported lower, corrected a month later with a later
 * {@code reported_at}).
 */
final class MonthlyFiguresWriter {
    static final String RETAIL = "retail";
    static final String EXPRESS = "express";
    static final List<String> RETAIL_COLUMNS = List.of("region_code", "month", "online_retail_yuan",
            "total_retail_yuan", "reported_at");
    static final List<String> EXPRESS_COLUMNS = List.of("region_code", "month", "parcels", "reported_at");

    private static final double[] ONLINE_SEASON = {0.92, 0.72, 0.90, 0.93, 0.98, 1.02, 0.95, 0.96, 0.99, 1.05, 1.38, 1.20};
    private static final double[] TOTAL_SEASON = {1.08, 0.96, 0.93, 0.92, 0.98, 1.00, 0.95, 0.96, 1.00, 1.05, 1.04, 1.13};
    private static final double[] EXPRESS_SEASON = {0.95, 0.70, 0.92, 0.95, 0.98, 1.00, 0.96, 0.98, 1.00, 1.04, 1.32, 1.20};

    private final GenerationContext ctx;

    MonthlyFiguresWriter(GenerationContext ctx) {
        this.ctx = ctx;
    }

    /** A county's December 2023 revised in the 2024 file: every seventh county, from the fourth. */
    static boolean revisesDecember(CountyProfile p) {
        return p.index % 7 == 3;
    }

    void writeRetail() {
        CsvSink early = ctx.open(DeliveryFiles.named(RETAIL, "2019-2023"), RETAIL_COLUMNS);
        CsvSink late = ctx.open(DeliveryFiles.named(RETAIL, "2024"), RETAIL_COLUMNS);
        List<long[]> revisions = new ArrayList<>();
        List<CountyProfile> revised = new ArrayList<>();
        for (CountyProfile p : ctx.scenario().counties()) {
            long[] online = new long[Period.YEARS];
            long[] total = new long[Period.YEARS];
            total[0] = p.totalRetail2019Yuan * 100;
            online[0] = Math.round(total[0] * p.onlineShare2019);
            for (int i = 1; i < Period.YEARS; i++) {
                total[i] = Math.round(total[i - 1] * (1 + p.totalGrowth[i]));
                online[i] = Math.round(online[i - 1] * (1 + p.onlineGrowth[i]));
            }
            for (int year = Period.FIRST_YEAR; year <= Period.LAST_YEAR; year++) {
                int i = Period.index(year);
                SplittableRandom r = new SplittableRandom(Seeds.of(ctx.seed(), RETAIL, p.index, year));
                long[] on = split(online[i], ONLINE_SEASON, r);
                long[] all = split(total[i], TOTAL_SEASON, r);
                CsvSink s = year == Period.LAST_YEAR ? late : early;
                for (int m = 1; m <= 12; m++) {
                    int reported = Civil.day(year, m, 1) + 45 + r.nextInt(5);
                    if (year == 2023 && m == 12 && revisesDecember(p)) {
                        // First reported short of the final figure; the correction is in the 2024 file.
                        s.ascii(p.region.code()).month(year, m).money(Math.round(on[11] * 0.992))
                                .money(Math.round(all[11] * 0.997)).date(Civil.day(2024, 1, 15)).endRow();
                        revisions.add(new long[]{on[11], all[11]});
                        revised.add(p);
                        continue;
                    }
                    s.ascii(p.region.code()).month(year, m).money(on[m - 1]).money(all[m - 1]).date(reported).endRow();
                }
            }
        }
        for (int k = 0; k < revised.size(); k++) {
            late.ascii(revised.get(k).region.code()).month(2023, 12).money(revisions.get(k)[0])
                    .money(revisions.get(k)[1]).date(Civil.day(2024, 2, 20)).endRow();
        }
        CountyProfile first = ctx.scenario().counties().get(0);
        long line = late.ascii(first.region.code()).month(2024, 6).text("1,234,567.89").money(987_654_321_00L)
                .date(Civil.day(2024, 8, 16)).endRow();
        ctx.flaw(RETAIL, late, line, DeliberateFlaw.Check.ROW_VALIDATION,
                "a re-sent June 2024 row writes online_retail_yuan as \"1,234,567.89\" (thousands separators);"
                        + " the earlier valid row of that month stands");
        ctx.close(RETAIL, early);
        ctx.close(RETAIL, late);
    }

    void writeExpress() {
        CsvSink s = ctx.open(DeliveryFiles.named(EXPRESS, "2019-2024"), EXPRESS_COLUMNS);
        for (CountyProfile p : ctx.scenario().counties()) {
            long parcels = p.parcels2019;
            for (int year = Period.FIRST_YEAR; year <= Period.LAST_YEAR; year++) {
                int i = Period.index(year);
                if (year > Period.FIRST_YEAR) {
                    parcels = Math.round(parcels * (1 + p.expressGrowth[i]));
                }
                SplittableRandom r = new SplittableRandom(Seeds.of(ctx.seed(), EXPRESS, p.index, year));
                long[] months = split(parcels, EXPRESS_SEASON, r);
                for (int m = 1; m <= 12; m++) {
                    s.ascii(p.region.code()).month(year, m).integer(months[m - 1])
                            .date(Civil.day(year, m, 1) + 40 + r.nextInt(6)).endRow();
                }
            }
        }
        ctx.close(EXPRESS, s);
    }

    /** Splits a yearly total over 12 months; the months add up to the total exactly. */
    private static long[] split(long total, double[] season, SplittableRandom r) {
        double[] w = new double[12];
        double sum = 0;
        for (int m = 0; m < 12; m++) {
            w[m] = season[m] * r.nextDouble(0.97, 1.03);
            sum += w[m];
        }
        long[] out = new long[12];
        long used = 0;
        for (int m = 0; m < 11; m++) {
            out[m] = (long) Math.floor(total * (w[m] / sum));
            used += out[m];
        }
        out[11] = total - used;
        return out;
    }
}
