package org.netmarket.generator;

import java.util.SplittableRandom;

import static org.netmarket.generator.PublishedNationalFigures.EXPRESS_GROWTH;
import static org.netmarket.generator.PublishedNationalFigures.MEDIATION_SUCCESS;
import static org.netmarket.generator.PublishedNationalFigures.ODR_ON_TIME;
import static org.netmarket.generator.PublishedNationalFigures.ODR_SETTLEMENT;
import static org.netmarket.generator.PublishedNationalFigures.ONLINE_RETAIL_GROWTH;
import static org.netmarket.generator.PublishedNationalFigures.SATISFACTION;

/**
 * Draws a plausible profile for a county or city from its own random stream. Rates are drawn
 * around the thresholds of the indicator system and the national figures, so that across many
 * regions some items are met and some are missed, by wide and by narrow margins.
 */
final class ProfileSynthesizer {
    /** National total-retail growth the regional figures scatter around (NBS; 2022 and 2024 approximate). */
    private static final double[] TOTAL_RETAIL_GROWTH = {0.080, -0.039, 0.125, -0.002, 0.072, 0.035};

    private final long seed;
    private final EditionThresholds thresholds;

    ProfileSynthesizer(long seed, EditionThresholds thresholds) {
        this.seed = seed;
        this.thresholds = thresholds;
    }

    CountyProfile county(GeneratedRegion region, int index) {
        SplittableRandom r = new SplittableRandom(Seeds.of(seed, "county-profile", index));
        CountyProfile p = new CountyProfile(region, index);
        double zone = switch (region.zone()) {
            case "east" -> 1.6;
            case "west" -> 0.7;
            default -> 1.0;
        };
        p.weight = clamp(Math.exp(r.nextGaussian() * 0.45), 0.3, 3.0);
        p.intensity = clamp(Math.exp(r.nextGaussian() * 0.35), 0.4, 2.5);
        p.registrationBoom = r.nextDouble() < 0.75 ? r.nextDouble(0.0, 0.1) : r.nextDouble(0.1, 1.0);
        p.totalRetail2019Yuan = Math.round(p.weight * zone * 8e9 * r.nextDouble(0.8, 1.2));
        p.onlineShare2019 = r.nextDouble(0.06, 0.26);
        p.parcels2019 = Math.round(p.weight * zone * 6e6 * r.nextDouble(0.6, 1.4));
        p.employedThousands2019 = Math.max(20, Math.round(p.weight * 230 * r.nextDouble(0.8, 1.2)));
        p.taxThousandYuan2019 = Math.round(p.weight * zone * 1.2e6 * r.nextDouble(0.8, 1.2));
        double employment = r.nextDouble(0.02, 0.062);
        double tax = r.nextDouble(0.02, 0.062);
        double operators = r.nextDouble(0.06, 0.21);
        int staff = (int) Math.round(8 + 9 * p.weight);
        for (int y = Period.FIRST_YEAR; y <= Period.LAST_YEAR; y++) {
            int i = Period.index(y);
            int t = y - Period.FIRST_YEAR;
            if (y > Period.FIRST_YEAR) {
                p.onlineGrowth[i] = PublishedNationalFigures.value(ONLINE_RETAIL_GROWTH, y) + 0.005 + r.nextGaussian() * 0.035;
                p.totalGrowth[i] = TOTAL_RETAIL_GROWTH[i] + r.nextGaussian() * 0.02;
                p.expressGrowth[i] = PublishedNationalFigures.value(EXPRESS_GROWTH, y) + r.nextGaussian() * 0.05;
            }
            p.employmentShare[i] = round3(employment + 0.002 * t + r.nextGaussian() * 0.002);
            p.taxShare[i] = round3(tax + 0.002 * t + r.nextGaussian() * 0.002);
            p.operatorShare[i] = clamp(operators + 0.005 * t + r.nextGaussian() * 0.004, 0.03, 0.4);
            staff = Math.max(4, staff + r.nextInt(-1, 3));
            p.staff[i] = staff;
            p.platformUserRatio[i] = r.nextDouble(0.3, 1.2);
            p.reviewOnTime[i] = r.nextDouble(0.935, 0.99);
            p.closeOnTime[i] = r.nextDouble(0.93, 0.985);
            p.mediationSuccess[i] = PublishedNationalFigures.value(MEDIATION_SUCCESS, y) + r.nextDouble(-0.06, 0.06);
            p.satisfaction[i] = PublishedNationalFigures.value(SATISFACTION, y) + r.nextDouble(-0.04, 0.04);
            p.odrOnTime[i] = Math.min(0.995, PublishedNationalFigures.value(ODR_ON_TIME, y) + r.nextDouble(-0.035, 0.035));
            p.odrSettled[i] = PublishedNationalFigures.value(ODR_SETTLEMENT, y) + r.nextDouble(-0.05, 0.05);
            p.identityClaimsUnfinished[i] = r.nextDouble() < 0.8 ? 0 : r.nextInt(1, 3);
            p.leadVerifiedOnTime[i] = r.nextDouble(0.86, 0.985);
            p.leadCompleted[i] = r.nextDouble(0.87, 0.99);
            p.reportCluesLate[i] = r.nextDouble() < 0.75 ? 0 : 1;
            p.assignedCluesLate[i] = r.nextDouble() < 0.85 ? 0 : 1;
            p.assignedCluesOpen[i] = r.nextDouble() < 0.85 ? 0 : 1;
            p.reconsiderationsNotUpheld[i] = r.nextDouble() < 0.8 ? 0 : 1;
            p.litigationsLost[i] = r.nextDouble() < 0.85 ? 0 : 1;
            int losses = p.reconsiderationsNotUpheld[i] + p.litigationsLost[i];
            p.proceduralLosses[i] = losses > 0 && r.nextDouble() < 0.3 ? 1 : 0;
            p.proceduralButUpheld[i] = r.nextDouble() < 0.95 ? 0 : 1;
            p.staffUntrained[i] = r.nextDouble() < 0.55 ? 0 : r.nextInt(1, 3);
            p.staffUnderMinimum[i] = r.nextDouble() < 0.5 ? 0 : r.nextInt(1, 4);
        }
        addAboveScaleOperators(p, r);
        return p;
    }

    CityProfile city(GeneratedRegion region, int index) {
        SplittableRandom r = new SplittableRandom(Seeds.of(seed, "city-profile", index));
        CityProfile c = new CityProfile(region);
        c.ownYearlyRows = r.nextDouble() < 0.5;
        c.ownMarketEntities = r.nextDouble() < 0.4;
        c.directEntities = r.nextDouble(0.005, 0.03);
        double employment = r.nextDouble(0.025, 0.06);
        double tax = r.nextDouble(0.025, 0.06);
        for (int i = 0; i < Period.YEARS; i++) {
            c.employmentShare[i] = round3(employment + 0.002 * i);
            c.taxShare[i] = round3(tax + 0.002 * i);
        }
        return c;
    }

    /** Quality of the expert assessment: share of assessed points per first-level category. */
    double[] assessmentQuality(String region, int year, int categories) {
        SplittableRandom r = new SplittableRandom(Seeds.of(seed, "assessment-quality", region.hashCode()));
        double[] q = new double[categories];
        for (int c = 0; c < categories; c++) {
            q[c] = clamp(r.nextDouble(0.55, 0.95) + 0.03 * (year - Period.FIRST_EVALUATION_YEAR), 0, 1);
        }
        return q;
    }

    /**
     * One in four counties has a large operator that crosses its zone's above-scale threshold
     * in a random year; a few have a second.
     */
    private void addAboveScaleOperators(CountyProfile p, SplittableRandom r) {
        int n = r.nextDouble() < 0.25 ? (r.nextDouble() < 0.3 ? 2 : 1) : 0;
        long threshold = thresholds.aboveScaleYuan(p.region.zone());
        for (int k = 0; k < n; k++) {
            int crossing = r.nextInt(Period.FIRST_RECORD_YEAR, Period.LAST_YEAR + 1);
            int registered = r.nextInt(2012, Math.min(crossing, 2019) + 1);
            long[] sales = new long[Period.LAST_YEAR - Period.FIRST_RECORD_YEAR + 1];
            for (int y = Period.FIRST_RECORD_YEAR; y <= Period.LAST_YEAR; y++) {
                double f = y >= crossing
                        ? Math.pow(1.25, y - crossing) * r.nextDouble(1.0, 1.15)
                        : Math.pow(0.8, crossing - y) * r.nextDouble(0.85, 0.98);
                sales[y - Period.FIRST_RECORD_YEAR] = y < registered ? AboveScaleOperator.NO_ROW : Math.round(threshold * f);
            }
            String name = p.region.name() + (k == 0 ? "云仓" : "优选") + "电子商务有限公司";
            p.aboveScale.add(new AboveScaleOperator(name, k == 0 ? "self_built" : "platform", registered, sales));
        }
    }

    static double round3(double v) {
        return Math.max(0, Math.round(v * 1000) / 1000.0);
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
