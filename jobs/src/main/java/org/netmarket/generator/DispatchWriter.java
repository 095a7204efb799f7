package org.netmarket.generator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Items dispatched by the national online-trade supervision platform: identity claims (due in
 * 10 days) and monitoring leads (due in 15 days). Unfinished claims, late verifications and
 * unfinished leads are exact counts of each cohort from the county's design (items 11.2, 19.1,
 * 19.2).
 */
final class DispatchWriter {
    static final String EXTRACT = "dispatches";
    static final List<String> COLUMNS = List.of("dispatch_id", "region_code", "dispatch_type", "dispatched_at",
            "due_at", "verified_at", "completed_at", "updated_at");
    private static final String[] TYPES = {"identity_claim", "monitoring_lead"};
    private static final double IDENTITY_SHARE = 0.4;

    private final GenerationContext ctx;

    DispatchWriter(GenerationContext ctx) {
        this.ctx = ctx;
    }

    private static final class Dispatch {
        long dispatched;
        long due;
        long verified;
        long completed;
        long updated;
    }

    private final class Plan {
        final CountyProfile p;
        final int year;
        final boolean lead;
        final int n;
        final long stream;
        final Cohort late;
        final Cohort open;
        final int openCount;
        final byte[] prefix;

        Plan(CountyProfile p, int year, int type) {
            this.p = p;
            this.year = year;
            this.lead = type == 1;
            int y = Period.index(year);
            int expected = Volumes.cohort(ctx.scenario(), p, ctx.scenario().scale().dispatches(), year,
                    lead ? 1 - IDENTITY_SHARE : IDENTITY_SHARE);
            this.stream = Seeds.of(ctx.seed(), EXTRACT, p.index, year, type);
            int unfinished = lead ? 0 : p.identityClaimsUnfinished[y];
            this.n = Math.max(expected, unfinished);
            this.late = new Cohort(n, 0.85, Seeds.mix(stream, 1));
            this.open = new Cohort(n, 0.85, Seeds.mix(stream, 2));
            this.openCount = lead ? Cohort.misses(n, p.leadCompleted[y]) : unfinished;
            this.prefix = ("FP" + p.region.code()).getBytes(StandardCharsets.US_ASCII);
        }

        int lateVerifications() {
            return lead ? Cohort.misses(n, p.leadVerifiedOnTime[Period.index(year)]) : 0;
        }

        void draw(int j, Dispatch d) {
            SplittableRandom r = Seeds.random(stream, j);
            long yearEnd = RecordTimes.lastMinuteOf(year);
            d.dispatched = RecordTimes.start(year, j, n, r, 8, 10);
            d.due = d.dispatched + RecordTimes.days(lead ? 15 : 10);
            d.verified = late.chosen(j, lateVerifications())
                    ? d.due + Civil.HOUR + RecordTimes.days(r.nextDouble() * 10)
                    : RecordTimes.between(d.dispatched + 1_800, Math.min(d.due, yearEnd), Math.pow(r.nextDouble(), 1.5));
            if (open.chosen(j, openCount)) {
                d.completed = RecordTimes.NONE;
            } else {
                long end = Math.max(d.verified, Math.min(d.due + RecordTimes.days(5), yearEnd));
                d.completed = RecordTimes.between(d.verified, end, r.nextDouble() * 0.5);
            }
            d.updated = RecordTimes.updatedAt(RecordTimes.max(d.verified, d.completed), r);
        }

        long write(CsvSink s, int j, String region, Dispatch d) {
            return s.id(prefix, year, lead ? 'J' : 'R', j, 6).ascii(region).ascii(TYPES[lead ? 1 : 0])
                    .timestamp(d.dispatched).timestamp(d.due).timestamp(d.verified).timestampOrEmpty(d.completed)
                    .timestamp(d.updated).endRow();
        }
    }

    void writeFirstNight(int part) {
        CsvSink s = ctx.open(DeliveryFiles.first(EXTRACT, part, ctx.parts()), COLUMNS);
        Dispatch d = new Dispatch();
        List<CountyProfile> counties = ctx.countiesOfPart(part);
        for (CountyProfile p : counties) {
            for (int year = Period.FIRST_RECORD_YEAR; year <= Period.LAST_YEAR; year++) {
                for (int type = 0; type < 2; type++) {
                    Plan plan = new Plan(p, year, type);
                    for (int j = 0; j < plan.n; j++) {
                        plan.draw(j, d);
                        plan.write(s, j, p.region.code(), d);
                    }
                }
            }
        }
        if (part == 0 && !counties.isEmpty()) {
            writeFlaw(s, counties.get(0));
        }
        ctx.close(EXTRACT, s);
    }

    /** A lead routed to a county code that does not exist (a retired or mistyped division code). */
    private void writeFlaw(CsvSink s, CountyProfile p) {
        GeneratedRegion city = ctx.scenario().layout().get(p.region.parentCode());
        String unknown = ctx.scenario().layout().unknownCountyCodeOf(city);
        Plan plan = new Plan(p, 2024, 1);
        Dispatch d = new Dispatch();
        plan.draw(0, d);
        long line = plan.write(s, 990_001, unknown, d);
        ctx.flaw(EXTRACT, s, line, DeliberateFlaw.Check.ROW_VALIDATION,
                "region_code " + unknown + " is not in regions.csv");
    }

    /**
     * The next night: about 1% new dispatches per cohort, about 1% sent again (open ones now
     * completed, every other one with its verification corrected to later).
     */
    void writeNextNight(int part) {
        CsvSink s = ctx.open(DeliveryFiles.nextNight(EXTRACT, part, ctx.parts()), COLUMNS);
        Dispatch d = new Dispatch();
        for (CountyProfile p : ctx.countiesOfPart(part)) {
            for (int year = Period.FIRST_RECORD_YEAR; year <= Period.LAST_YEAR; year++) {
                for (int type = 0; type < 2; type++) {
                    Plan plan = new Plan(p, year, type);
                    for (int j = Volumes.firstRevised(plan.stream); j < plan.n; j += 100) {
                        plan.draw(j, d);
                        if (d.completed == RecordTimes.NONE) {
                            d.completed = Period.NEXT_EXTRACTED_AT - Civil.HOUR;
                        }
                        if (RecordTimes.correctedNextNight(j)) {
                            d.verified = RecordTimes.correctedLater(d.verified);
                        }
                        d.updated = Period.NEXT_EXTRACTED_AT + j % 3_600;
                        plan.write(s, j, p.region.code(), d);
                    }
                    int fresh = Volumes.nextNight(plan.n, plan.stream);
                    for (int j = plan.n; j < plan.n + fresh; j++) {
                        plan.draw(j, d);
                        plan.write(s, j, p.region.code(), d);
                    }
                }
            }
        }
        ctx.close(EXTRACT, s);
    }
}
