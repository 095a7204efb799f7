package org.netmarket.generator;

import java.util.List;

/**
 * The designed story of the Yuncheng sample (evaluation years 2023 and 2024; earlier years are
 * drawn by {@link ProfileSynthesizer}): the city passes in 2024 while most counties fail, with
 * rates just above and just below the thresholds, a county without litigation, a county whose
 * employment figures of 2024 were not delivered, exact band boundaries and operators crossing
 * the above-scale sales threshold. Applied wherever the Yuncheng counties are in the layout
 * (yuncheng and province scales). {@code sample-data/README.md} lists the intended effects.
 */
final class YunchengScenario {

    /**
     * One county's design: size, then 2023/2024 pairs. Growth and shares are fractions; the
     * online share is the 2024 value (earlier years follow from the growth rates).
     */
    private record Design(String code, double weight, double intensity, double boom,
                          double online23, double online24, double total23, double total24, double share24,
                          double express23, double express24, double employment24, double tax24,
                          double operators24) {
    }

    private static final List<Design> DESIGNS = List.of(
            new Design("140802", 1.45, 1.3, 0.05, .138, .091, .068, .040, .272, .232, .185, .058, .047, .205),
            new Design("140821", 1.10, 1.8, 0.05, .185, .124, .061, .045, .305, .356, .248, .071, .062, .268),
            new Design("140822", 0.75, 0.9, 0.05, .112, .069, .058, .038, .168, .201, .172, .041, .033, .134),
            new Design("140823", 0.78, 0.8, 0.02, .095, .081, .064, .043, .142, .176, .214, .035, .029, .118),
            new Design("140824", 0.68, 0.9, 0.05, .121, .075, .057, .036, .173, .215, .163, .050, .036, .152),
            new Design("140825", 0.66, 0.7, 0.02, .087, .058, .063, .061, .121, .158, .121, .028, .022, .098),
            new Design("140826", 0.55, 0.6, 0.02, .104, .074, .052, .039, .109, .190, .207, .031, .030, .085),
            new Design("140827", 0.45, 0.8, 0.42, .152, .066, .055, .034, .137, .262, .231, .044, .034, .141),
            new Design("140828", 0.66, 0.7, 0.02, .098, .062, .101, .041, .118, .187, .142, .033, .027, .079),
            new Design("140829", 0.49, 0.7, 0.95, .116, .078, .054, .037, .126, .244, .196, .026, .024, .112),
            new Design("140830", 0.80, 1.0, 0.05, .131, .070, .059, .040, .181, .278, .218, .046, .039, .161),
            new Design("140881", 0.90, 1.1, 0.05, .126, .083, .062, .042, .196, .221, .176, .049, .043, .149),
            new Design("140882", 0.83, 1.0, 0.02, .108, .088, .066, .044, .158, .199, .151, .052, .051, .178));

    /**
     * Complaint outcomes of 2024: initial review on time, closed on time, mediation success,
     * satisfaction, ODR closed on time, ODR settled (national 2024: 0.615, 0.874, 0.943, 0.735).
     */
    private static final double[][] COMPLAINTS_2024 = {
            {.972, .961, .652, .903, .962, .781}, {.981, .958, .671, .915, .971, .802},
            {.953, .951, .604, .882, .951, .752}, {.962, .940, .633, .861, .935, .742},
            {.970, .966, .628, .894, .958, .744}, {.944, .938, .587, .846, .912, .706},
            {.958, .955, .641, .879, .949, .731}, {.976, .962, .611, .889, .966, .772},
            {.949, .930, .579, .858, .921, .701}, {.955, .952, .622, .869, .954, .748},
            {.968, .957, .644, .897, .948, .761}, {.971, .964, .659, .906, .962, .774},
            {.966, .959, .618, .884, .931, .738}};

    /** Monitoring leads of 2024: verified on time, completed. */
    private static final double[][] LEADS_2024 = {
            {.962, .975}, {.955, .968}, {.931, .944}, {.905, .921}, {.948, .957}, {.912, .926},
            {.938, .951}, {.944, .962}, {.917, .865}, {.929, .935}, {.951, .963}, {.957, .971},
            {.875, .934}};

    /** Training of 2024: staff with 0 hours, staff below 50 hours. */
    private static final int[][] TRAINING_2024 = {
            {0, 0}, {0, 0}, {0, 2}, {1, 1}, {0, 1}, {1, 2}, {2, 1}, {0, 1}, {1, 0}, {1, 2}, {0, 1},
            {0, 0}, {0, 2}};

    private YunchengScenario() {
    }

    static void apply(Scenario s) {
        for (int k = 0; k < DESIGNS.size(); k++) {
            Design d = DESIGNS.get(k);
            CountyProfile p = s.county(d.code());
            if (p == null) {
                return;
            }
            p.weight = d.weight();
            p.intensity = d.intensity();
            p.registrationBoom = d.boom();
            p.totalRetail2019Yuan = Math.round(d.weight() * 7.2e9);
            p.parcels2019 = Math.round(d.weight() * 5.5e6);
            p.employedThousands2019 = Math.round(d.weight() * 210);
            p.taxThousandYuan2019 = Math.round(d.weight() * 1.1e6);
            CountyProfile.recent(p.onlineGrowth, d.online23(), d.online24());
            CountyProfile.recent(p.totalGrowth, d.total23(), d.total24());
            CountyProfile.recent(p.expressGrowth, d.express23(), d.express24());
            p.employmentShare[Period.index(2024)] = d.employment24();
            p.taxShare[Period.index(2024)] = d.tax24();
            p.operatorShare[Period.index(2024)] = d.operators24();
            setOnlineShare2024(p, d.share24());
            double[] c = COMPLAINTS_2024[k];
            int y = Period.index(2024);
            p.reviewOnTime[y] = c[0];
            p.closeOnTime[y] = c[1];
            p.mediationSuccess[y] = c[2];
            p.satisfaction[y] = c[3];
            p.odrOnTime[y] = c[4];
            p.odrSettled[y] = c[5];
            p.leadVerifiedOnTime[y] = LEADS_2024[k][0];
            p.leadCompleted[y] = LEADS_2024[k][1];
            p.staffUntrained[y] = TRAINING_2024[k][0];
            p.staffUnderMinimum[y] = TRAINING_2024[k][1];
            p.identityClaimsUnfinished[y] = 0;
            p.reportCluesLate[y] = 0;
            p.assignedCluesLate[y] = 0;
            p.assignedCluesOpen[y] = 0;
            p.reconsiderationsNotUpheld[y] = 0;
            p.litigationsLost[y] = 0;
            p.proceduralLosses[y] = 0;
            p.proceduralButUpheld[y] = 0;
            p.aboveScale.clear();
        }
        int y23 = Period.index(2023);
        int y24 = Period.index(2024);
        // 11.2: two identity claims of 新绛县 still open at the end of 2024 (the city misses it too).
        s.county("140825").identityClaimsUnfinished[y24] = 2;
        s.county("140823").identityClaimsUnfinished[y23] = 1;
        // 17.1 / 17.2: one late reported clue in 夏县 and 平陆县, one assigned clue left open in 万荣县.
        s.county("140828").reportCluesLate[y24] = 1;
        s.county("140829").reportCluesLate[y24] = 1;
        s.county("140822").assignedCluesOpen[y24] = 1;
        // 18.1 / 18.2: 芮城县 lost a reconsideration in 2024; 垣曲县 lost a lawsuit on procedure in
        // 2023; 闻喜县 has an upheld case that still records a procedural flaw; 绛县 never went to court.
        s.county("140830").reconsiderationsNotUpheld[y24] = 1;
        CountyProfile yuanqu = s.county("140827");
        yuanqu.litigationsLost[y23] = 1;
        yuanqu.proceduralLosses[y23] = 1;
        s.county("140823").proceduralButUpheld[y24] = 1;
        s.county("140826").hasLitigation = false;
        // 7: 夏县's employment figures of 2024 were not delivered; 稷山县 is exactly on the 5% band edge.
        s.county("140828").missingEmploymentYear = 2024;
        // 8: 绛县 is exactly on the 3% band edge.
        // 11.1: 平陆县 has exactly half as many platform users as staff (not "above 50%"); 绛县 fewer.
        CountyProfile pinglu = s.county("140829");
        pinglu.staff[y24] = 14;
        pinglu.platformUserRatio[y24] = 0.5;
        s.county("140826").platformUserRatio[y24] = 0.42;
        for (CountyProfile p : s.countiesOf(YunchengRegions.YUNCHENG)) {
            if (p != pinglu && !p.region.code().equals("140826")) {
                p.platformUserRatio[y24] = Math.max(0.62, p.platformUserRatio[y24]);
            }
        }
        addAboveScaleOperators(s);
        CityProfile city = s.city(YunchengRegions.YUNCHENG);
        city.ownYearlyRows = true;
        city.ownMarketEntities = true;
        city.directEntities = 0.004;
        city.employmentShare[y24] = 0.052;
        city.taxShare[y24] = 0.041;
        planAssessments(s);
    }

    /**
     * Item 4 (central threshold 100,000,000 yuan): 临猗县 has one operator newly above scale in
     * 2023 and one in 2024, 盐湖区 and 永济市 one in 2024 (永济's at exactly 100,000,000.00),
     * 芮城县 one that fell below in 2023 and is above again in 2024, 河津市 one above since 2020
     * (new only for the 2021 evaluation).
     */
    private static void addAboveScaleOperators(Scenario s) {
        long no = AboveScaleOperator.NO_ROW;
        s.county("140821").aboveScale.add(new AboveScaleOperator("临猗县果都电子商务有限公司", "self_built", 2015,
                new long[]{28_400_000, 46_150_000, 71_030_000, 118_260_000, 156_480_000}));
        s.county("140821").aboveScale.add(new AboveScaleOperator("临猗县晋南果业供应链有限公司", "platform", 2017,
                new long[]{no, 12_050_000, 38_700_000, 84_320_000, 131_900_000}));
        s.county("140802").aboveScale.add(new AboveScaleOperator("运城市盐湖区河东云商科技有限公司", "platform", 2016,
                new long[]{22_000_000, 41_300_000, 63_800_000, 96_500_000, 123_400_000}));
        s.county("140881").aboveScale.add(new AboveScaleOperator("永济市蒲州农特产品电商有限公司", "self_built", 2018,
                new long[]{no, 15_200_000, 33_600_000, 80_100_000, 100_000_000}));
        s.county("140882").aboveScale.add(new AboveScaleOperator("河津市龙门铝材电子商务有限公司", "self_built", 2014,
                new long[]{168_000_000, 182_500_000, 176_200_000, 191_000_000, 205_300_000}));
        s.county("140830").aboveScale.add(new AboveScaleOperator("芮城县风陵渡果蔬网络科技有限公司", "self_built", 2016,
                new long[]{61_000_000, 88_400_000, 104_200_000, 93_700_000, 101_600_000}));
    }

    /**
     * Shares of assessed points per first-level category (development, regulation, service,
     * innovation, support). The city is strong in 2024 (it passes); 盐湖区 and 临猗县 too; the
     * other counties draw lower shares. Some items are left unassessed on purpose.
     */
    private static void planAssessments(Scenario s) {
        AssessmentPlan a = s.assessments();
        String city = YunchengRegions.YUNCHENG;
        a.quality(city, 2024, 1.0, 16.5 / 17, 14.5 / 16, 16.5 / 20, 13.0 / 14);
        a.quality(city, 2023, 0.75, 15.0 / 17, 13.0 / 16, 13.5 / 20, 12.0 / 14);
        a.quality(city, 2022, 0.5, 13.5 / 17, 12.0 / 16, 10.5 / 20, 11.0 / 14);
        a.quality(city, 2021, 0.5, 12.0 / 17, 10.5 / 16, 7.5 / 20, 10.0 / 14);
        a.quality("140802", 2024, 1.0, 16.0 / 17, 14.5 / 16, 16.5 / 20, 13.0 / 14);
        a.quality("140821", 2024, 1.0, 15.5 / 17, 15.0 / 16, 16.5 / 20, 12.5 / 14);
        a.revise(city, 2024, "32");
        a.revise("140802", 2024, "16");
        a.omit("140829", 2024, "33.1", "33.2");
        a.omit("140828", 2023, "10");
        a.omit("140826", 2024, "27.2");
    }

    /** Sets the 2019 online share so that the growth rates lead to {@code share2024}. */
    private static void setOnlineShare2024(CountyProfile p, double share2024) {
        double f = 1;
        for (int y = Period.FIRST_YEAR + 1; y <= Period.LAST_YEAR; y++) {
            int i = Period.index(y);
            f *= (1 + p.onlineGrowth[i]) / (1 + p.totalGrowth[i]);
        }
        p.onlineShare2019 = share2024 / f;
    }
}
