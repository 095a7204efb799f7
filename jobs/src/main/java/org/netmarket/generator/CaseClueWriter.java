package org.netmarket.generator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Online-related violation clues: reports (verification due in 15 days) and cases assigned by
 * superiors (due in 30 days, to be closed within the year). Late verifications and open
 * assigned cases are exact counts from the county's design (items 17.1, 17.2).
 */
final class CaseClueWriter {
    static final String EXTRACT = "case-clues";
    static final List<String> COLUMNS = List.of("clue_id", "region_code", "source", "received_at", "due_at",
            "verified_at", "closed_at", "updated_at");
    private static final String[] SOURCES = {"report", "superior_assigned"};
    private static final double REPORT_SHARE = 0.65;

    private final GenerationContext ctx;

    CaseClueWriter(GenerationContext ctx) {
        this.ctx = ctx;
    }

    private static final class Clue {
        long received;
        long due;
        long verified;
        long closed;
        long updated;
    }

    private final class Plan {
        final int year;
        final boolean assigned;
        final int n;
        final long stream;
        final Cohort late;
        final Cohort open;
        final int lateCount;
        final int openCount;
        final byte[] prefix;

        Plan(CountyProfile p, int year, int source) {
            this.year = year;
            this.assigned = source == 1;
            int y = Period.index(year);
            this.stream = Seeds.of(ctx.seed(), EXTRACT, p.index, year, source);
            this.lateCount = assigned ? p.assignedCluesLate[y] : p.reportCluesLate[y];
            this.openCount = assigned ? p.assignedCluesOpen[y] : 0;
            int expected = Volumes.cohort(ctx.scenario(), p, ctx.scenario().scale().clues(), year,
                    assigned ? 1 - REPORT_SHARE : REPORT_SHARE);
            // A designed miss needs records around it to be a rate rather than the whole cohort.
            this.n = Math.max(expected, lateCount + openCount > 0 ? 3 * (lateCount + openCount) : 0);
            this.late = new Cohort(n, 0.8, Seeds.mix(stream, 1));
            this.open = new Cohort(n, 0.8, Seeds.mix(stream, 2));
            this.prefix = ("XS" + p.region.code()).getBytes(StandardCharsets.US_ASCII);
        }

        void draw(int j, Clue c) {
            SplittableRandom r = Seeds.random(stream, j);
            long yearEnd = RecordTimes.lastMinuteOf(year);
            c.received = RecordTimes.start(year, j, n, r, 8, 10);
            c.due = c.received + RecordTimes.days(assigned ? 30 : 15);
            c.verified = late.chosen(j, lateCount)
                    ? c.due + Civil.HOUR + RecordTimes.days(r.nextDouble() * 7)
                    : RecordTimes.between(c.received + Civil.HOUR, Math.min(c.due, yearEnd), r.nextDouble());
            if (open.chosen(j, openCount)) {
                c.closed = RecordTimes.NONE;
            } else if (assigned) {
                c.closed = RecordTimes.between(c.verified, Math.max(c.verified, yearEnd), r.nextDouble() * 0.2);
            } else {
                c.closed = RecordTimes.lateOrNone(c.verified, r, 60);
            }
            c.updated = RecordTimes.updatedAt(RecordTimes.max(c.verified, c.closed), r);
        }

        long write(CsvSink s, int j, String region, Clue c, boolean slashes) {
            s.id(prefix, year, assigned ? 'J' : 'B', j, 5).ascii(region).ascii(SOURCES[assigned ? 1 : 0]);
            if (slashes) {
                s.ascii(slashed(c.received));
            } else {
                s.timestamp(c.received);
            }
            return s.timestamp(c.due).timestamp(c.verified).timestampOrEmpty(c.closed).timestamp(c.updated).endRow();
        }
    }

    void writeFirstNight(int part) {
        CsvSink s = ctx.open(DeliveryFiles.first(EXTRACT, part, ctx.parts()), COLUMNS);
        Clue c = new Clue();
        List<CountyProfile> counties = ctx.countiesOfPart(part);
        for (CountyProfile p : counties) {
            for (int year = Period.FIRST_RECORD_YEAR; year <= Period.LAST_YEAR; year++) {
                for (int source = 0; source < 2; source++) {
                    Plan plan = new Plan(p, year, source);
                    for (int j = 0; j < plan.n; j++) {
                        plan.draw(j, c);
                        plan.write(s, j, p.region.code(), c, false);
                    }
                }
            }
        }
        if (part == 0 && !counties.isEmpty()) {
            CountyProfile p = counties.get(0);
            Plan plan = new Plan(p, 2024, 0);
            plan.draw(0, c);
            long line = plan.write(s, 99_001, p.region.code(), c, true);
            ctx.flaw(EXTRACT, s, line, DeliberateFlaw.Check.ROW_VALIDATION,
                    "received_at " + slashed(c.received) + " is written with slashes, not as YYYY-MM-DD HH:MM:SS");
        }
        ctx.close(EXTRACT, s);
    }

    /**
     * The next night: about 1% new clues per cohort, about 1% sent again (open ones now closed,
     * every other one with its verification corrected to later).
     */
    void writeNextNight(int part) {
        CsvSink s = ctx.open(DeliveryFiles.nextNight(EXTRACT, part, ctx.parts()), COLUMNS);
        Clue c = new Clue();
        for (CountyProfile p : ctx.countiesOfPart(part)) {
            for (int year = Period.FIRST_RECORD_YEAR; year <= Period.LAST_YEAR; year++) {
                for (int source = 0; source < 2; source++) {
                    Plan plan = new Plan(p, year, source);
                    for (int j = Volumes.firstRevised(plan.stream); j < plan.n; j += 100) {
                        plan.draw(j, c);
                        if (c.closed == RecordTimes.NONE) {
                            c.closed = Period.NEXT_EXTRACTED_AT - Civil.HOUR;
                        }
                        if (RecordTimes.correctedNextNight(j)) {
                            c.verified = RecordTimes.correctedLater(c.verified);
                        }
                        c.updated = Period.NEXT_EXTRACTED_AT + j % 3_600;
                        plan.write(s, j, p.region.code(), c, false);
                    }
                    int fresh = Volumes.nextNight(plan.n, plan.stream);
                    for (int j = plan.n; j < plan.n + fresh; j++) {
                        plan.draw(j, c);
                        plan.write(s, j, p.region.code(), c, false);
                    }
                }
            }
        }
        ctx.close(EXTRACT, s);
    }

    /** {@code 2024/03/05 09:30:00}: a spreadsheet's own date format. */
    private static String slashed(long t) {
        int ymd = Civil.ymd(Civil.dayOf(t));
        long s = t - (long) Civil.dayOf(t) * Civil.SECONDS_PER_DAY;
        return String.format("%04d/%02d/%02d %02d:%02d:%02d", ymd / 10000, ymd / 100 % 100, ymd % 100,
                s / 3600, s / 60 % 60, s % 60);
    }
}
