package org.netmarket.generator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Yearly training hours of every online-trade supervision staff member (item 38.2). The staff
 * of a county are its staffed supervisors of the platform-accounts extract; each year two leave
 * and newcomers take the next numbers. Staff with 0 hours and staff below the edition's minimum (50 hours in 2022)
 * are exact counts from the county's design.
 */
final class TrainingWriter {
    static final String EXTRACT = "training";
    static final List<String> COLUMNS = List.of("staff_id", "region_code", "year", "training_hours", "reported_at");
    private static final int LEAVERS_PER_YEAR = 2;

    private final GenerationContext ctx;

    TrainingWriter(GenerationContext ctx) {
        this.ctx = ctx;
    }

    private final class Plan {
        final CountyProfile p;
        final int year;
        final int n;
        final int firstStaff;
        final long stream;
        final Cohort order;
        final int untrained;
        final int underMinimum;
        final int minimum;
        final byte[] prefix;

        Plan(CountyProfile p, int year) {
            this.p = p;
            this.year = year;
            int y = Period.index(year);
            this.n = p.staff[y];
            this.firstStaff = LEAVERS_PER_YEAR * (year - Period.FIRST_RECORD_YEAR);
            this.stream = Seeds.of(ctx.seed(), EXTRACT, p.index, year);
            this.order = new Cohort(n, 1, Seeds.mix(stream, 1));
            this.untrained = Math.min(n, p.staffUntrained[y]);
            this.underMinimum = Math.min(n - untrained, p.staffUnderMinimum[y]);
            this.prefix = ("ZF" + p.region.code()).getBytes(StandardCharsets.US_ASCII);
            this.minimum = ctx.scenario().thresholds().minTrainingHalfHours();
        }

        /** Half-hours of training of the j-th staff member of the year. */
        int halfHours(int j) {
            SplittableRandom r = Seeds.random(stream, j);
            int rank = order.rank(j);
            if (j < n && rank < untrained) {
                return 0;
            }
            if (j < n && rank < untrained + underMinimum) {
                // From about a quarter of the minimum to just below it (12 to 49.5 hours under a 50-hour minimum).
                return r.nextInt(Math.max(1, minimum * 6 / 25), minimum);
            }
            return r.nextInt(minimum, minimum * 14 / 5 + 1);
        }

        void write(CsvSink s, int j, int halfHours, int reportedOn) {
            s.id(prefix, firstStaff + j, 4).ascii(p.region.code()).integer(year).decimal(halfHours * 5L, 1)
                    .date(reportedOn).endRow();
        }

        int reportedOn() {
            return Civil.day(year + 1, 1, 10);
        }
    }

    void writeFirstNight(int part) {
        CsvSink s = ctx.open(DeliveryFiles.first(EXTRACT, part, ctx.parts()), COLUMNS);
        List<CountyProfile> counties = ctx.countiesOfPart(part);
        for (CountyProfile p : counties) {
            for (int year = Period.FIRST_RECORD_YEAR; year <= Period.LAST_YEAR; year++) {
                Plan plan = new Plan(p, year);
                for (int j = 0; j < plan.n; j++) {
                    plan.write(s, j, plan.halfHours(j), plan.reportedOn());
                }
            }
        }
        if (part == 0 && !counties.isEmpty()) {
            CountyProfile p = counties.get(0);
            byte[] prefix = ("ZF" + p.region.code()).getBytes(StandardCharsets.US_ASCII);
            long line = s.id(prefix, 9_001, 4).ascii(p.region.code()).integer(2024).text("32学时")
                    .date(Civil.day(2025, 1, 10)).endRow();
            ctx.flaw(EXTRACT, s, line, DeliberateFlaw.Check.ROW_VALIDATION,
                    "training_hours '32学时' carries a unit and is not a number");
        }
        ctx.close(EXTRACT, s);
    }

    /** The next night: about 1% of the rows corrected (4 more hours), and about 1% newly hired staff. */
    void writeNextNight(int part) {
        CsvSink s = ctx.open(DeliveryFiles.nextNight(EXTRACT, part, ctx.parts()), COLUMNS);
        int revisedOn = Civil.dayOf(Period.NEXT_EXTRACTED_AT);
        for (CountyProfile p : ctx.countiesOfPart(part)) {
            for (int year = Period.FIRST_RECORD_YEAR; year <= Period.LAST_YEAR; year++) {
                Plan plan = new Plan(p, year);
                for (int j = Volumes.firstRevised(plan.stream); j < plan.n; j += 100) {
                    plan.write(s, j, plan.halfHours(j) + 8, revisedOn);
                }
                int fresh = Volumes.nextNight(plan.n, plan.stream);
                for (int k = 0; k < fresh; k++) {
                    // Newcomers take numbers after everyone the pool will ever hold.
                    plan.write(s, 5_000 + k, plan.halfHours(plan.n + k), revisedOn);
                }
            }
        }
        ctx.close(EXTRACT, s);
    }
}
