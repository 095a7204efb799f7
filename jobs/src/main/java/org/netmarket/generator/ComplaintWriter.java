package org.netmarket.generator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * 12315 online consumer complaints, online and ODR channels. Deadlines follow the handling rules
 * (initial review within 7 working days, about 9 calendar days; mediation within 45 working
 * days, about 63). Late reviews and closures, mediation outcomes, ratings and ODR settlements are
 * exact counts of each cohort ({@link Cohort}), from the county's designed rates.
 *
 * <p>The first night also brings a re-delivery: about 3% of complaints were first extracted
 * while still open (no closure, no mediation result, no rating) and are sent again closed, with
 * a later {@code updated_at}.
 */
final class ComplaintWriter {
    static final String EXTRACT = "complaints";
    static final List<String> COLUMNS = List.of("complaint_id", "region_code", "channel", "received_at",
            "initial_review_due", "initial_reviewed_at", "close_due", "closed_at", "mediation", "satisfaction",
            "odr_settled", "updated_at");
    private static final String[] CHANNELS = {"online", "odr"};
    private static final double ODR_SHARE = 0.12;
    private static final double MEDIATED = 0.72;
    private static final double RATED = 0.78;
    private static final double BASICALLY = 0.24;
    private static final double REDELIVERED = 0.03;
    private static final long REVIEW_DAYS = 9;
    private static final long CLOSE_DAYS = 63;

    private final GenerationContext ctx;

    ComplaintWriter(GenerationContext ctx) {
        this.ctx = ctx;
    }

    /** One complaint; reused within a task. */
    private static final class Complaint {
        long received;
        long reviewDue;
        long reviewed;
        long closeDue;
        long closed;
        String mediation;
        String satisfaction;
        String settled;
        long updated;
        boolean redelivered;
    }

    /** The designed counts of one cohort (county, year, channel). */
    private final class Plan {
        final CountyProfile p;
        final int year;
        final boolean odr;
        final int n;
        final long stream;
        final Cohort lateReview;
        final Cohort lateClose;
        final Cohort outcome;
        final Cohort rating;
        final Cohort settlement;
        final Cohort resend;
        final int reviewMisses;
        final int closeMisses;
        final int successes;
        final int mediated;
        final int rated;
        final int dissatisfied;
        final int basically;
        final int settled;
        final byte[] idPrefix;

        Plan(CountyProfile p, int year, int channel) {
            this.p = p;
            this.year = year;
            this.odr = channel == 1;
            int y = Period.index(year);
            double share = odr ? ODR_SHARE : 1 - ODR_SHARE;
            this.n = Volumes.cohort(ctx.scenario(), p, ctx.scenario().scale().complaints(), year, share);
            this.stream = Seeds.of(ctx.seed(), EXTRACT, p.index, year, channel);
            this.lateReview = new Cohort(n, 0.9, Seeds.mix(stream, 1));
            this.lateClose = new Cohort(n, 0.9, Seeds.mix(stream, 2));
            this.outcome = new Cohort(n, 1, Seeds.mix(stream, 3));
            this.rating = new Cohort(n, 1, Seeds.mix(stream, 4));
            this.settlement = new Cohort(n, 1, Seeds.mix(stream, 5));
            this.resend = new Cohort(n, 1, Seeds.mix(stream, 6));
            this.reviewMisses = Cohort.misses(n, p.reviewOnTime[y]);
            this.closeMisses = Cohort.misses(n, odr ? p.odrOnTime[y] : p.closeOnTime[y]);
            this.mediated = (int) Math.round(n * MEDIATED);
            this.successes = (int) Math.round(mediated * p.mediationSuccess[y]);
            this.rated = (int) Math.round(n * RATED);
            this.dissatisfied = (int) Math.round(rated * (1 - p.satisfaction[y]));
            this.basically = (int) Math.round(rated * BASICALLY);
            this.settled = (int) Math.round(n * p.odrSettled[y]);
            this.idPrefix = ("TS" + p.region.code()).getBytes(StandardCharsets.US_ASCII);
        }

        char kind() {
            return odr ? 'O' : 'W';
        }

        void draw(int j, Complaint c) {
            SplittableRandom r = Seeds.random(stream, j);
            c.received = RecordTimes.start(year, j, n, r, 7, 16);
            long yearEnd = RecordTimes.lastMinuteOf(year);
            c.reviewDue = c.received + RecordTimes.days(REVIEW_DAYS);
            c.closeDue = c.received + RecordTimes.days(CLOSE_DAYS);
            c.reviewed = lateReview.chosen(j, reviewMisses)
                    ? c.reviewDue + Civil.HOUR + RecordTimes.days(r.nextDouble() * 4)
                    : RecordTimes.between(c.received + 600, Math.min(c.reviewDue, yearEnd), r.nextDouble());
            double u = r.nextDouble();
            c.closed = lateClose.chosen(j, closeMisses)
                    ? RecordTimes.lateOrNone(c.closeDue, r, 20)
                    : RecordTimes.between(c.reviewed, Math.min(c.closeDue, yearEnd), u * u);
            int o = outcome.rank(j);
            c.mediation = o < successes ? "success" : o < mediated ? "failed" : "none";
            int q = rating.rank(j);
            c.satisfaction = c.closed == RecordTimes.NONE || q >= rated ? null
                    : q < dissatisfied ? "dissatisfied" : q < dissatisfied + basically ? "basically_satisfied" : "satisfied";
            c.settled = !odr || c.closed == RecordTimes.NONE ? null : settlement.rank(j) < settled ? "true" : "false";
            c.updated = RecordTimes.updatedAt(RecordTimes.max(c.reviewed, c.closed), r);
            c.redelivered = c.closed != RecordTimes.NONE && resend.rank(j) < Math.round(n * REDELIVERED);
        }

        long write(CsvSink s, int j, Complaint c) {
            s.id(idPrefix, year, kind(), j, 6).ascii(p.region.code()).ascii(CHANNELS[odr ? 1 : 0])
                    .timestamp(c.received).timestamp(c.reviewDue).timestamp(c.reviewed).timestamp(c.closeDue)
                    .timestampOrEmpty(c.closed).ascii(c.mediation);
            if (c.satisfaction == null) {
                s.empty();
            } else {
                s.ascii(c.satisfaction);
            }
            if (c.settled == null) {
                s.empty();
            } else {
                s.ascii(c.settled);
            }
            return s.timestamp(c.updated).endRow();
        }

        /** The version extracted while the complaint was still open. */
        void writeOpen(CsvSink s, int j, Complaint c) {
            s.id(idPrefix, year, kind(), j, 6).ascii(p.region.code()).ascii(CHANNELS[odr ? 1 : 0])
                    .timestamp(c.received).timestamp(c.reviewDue).timestamp(c.reviewed).timestamp(c.closeDue)
                    .empty().ascii("none").empty().empty()
                    .timestamp(RecordTimes.max(c.received, c.reviewed) + 60).endRow();
        }
    }

    void writeFirstNight(int part) {
        int parts = ctx.parts();
        CsvSink first = ctx.open(DeliveryFiles.first(EXTRACT, part, parts), COLUMNS);
        CsvSink again = ctx.open(DeliveryFiles.redelivery(EXTRACT, part, parts), COLUMNS);
        Complaint c = new Complaint();
        List<CountyProfile> counties = ctx.countiesOfPart(part);
        for (CountyProfile p : counties) {
            for (int year = Period.FIRST_RECORD_YEAR; year <= Period.LAST_YEAR; year++) {
                for (int channel = 0; channel < 2; channel++) {
                    Plan plan = new Plan(p, year, channel);
                    for (int j = 0; j < plan.n; j++) {
                        plan.draw(j, c);
                        if (c.redelivered) {
                            plan.writeOpen(first, j, c);
                            plan.write(again, j, c);
                        } else {
                            plan.write(first, j, c);
                        }
                    }
                }
            }
        }
        if (part == 0 && !counties.isEmpty()) {
            writeFlaw(first, counties.get(0));
        }
        ctx.close(EXTRACT, first);
        ctx.close(EXTRACT, again);
    }

    /** A complaint closed before it was received (the clerk swapped two dates). */
    private void writeFlaw(CsvSink s, CountyProfile p) {
        long received = Civil.seconds(Civil.day(2024, 5, 20), 10 * Civil.HOUR);
        long closed = Civil.seconds(Civil.day(2024, 5, 2), 16 * Civil.HOUR);
        byte[] prefix = ("TS" + p.region.code()).getBytes(StandardCharsets.US_ASCII);
        long line = s.id(prefix, 2024, 'W', 990_001, 6).ascii(p.region.code()).ascii("online")
                .timestamp(received).timestamp(received + RecordTimes.days(REVIEW_DAYS))
                .timestamp(received + Civil.HOUR).timestamp(received + RecordTimes.days(CLOSE_DAYS))
                .timestamp(closed).ascii("success").ascii("satisfied").empty()
                .timestamp(received + RecordTimes.days(3)).endRow();
        ctx.flaw(EXTRACT, s, line, DeliberateFlaw.Check.ROW_VALIDATION,
                "closed_at 2024-05-02 16:00:00 is before received_at 2024-05-20 10:00:00");
    }

    /**
     * The next night: about 1% more complaints per cohort (late-synchronised ODR and hotline
     * records) and about 1% sent again with a later {@code updated_at}, the unrated ones now rated
     * and every other rated one with its rating corrected.
     */
    void writeNextNight(int part) {
        CsvSink s = ctx.open(DeliveryFiles.nextNight(EXTRACT, part, ctx.parts()), COLUMNS);
        Complaint c = new Complaint();
        for (CountyProfile p : ctx.countiesOfPart(part)) {
            for (int year = Period.FIRST_RECORD_YEAR; year <= Period.LAST_YEAR; year++) {
                for (int channel = 0; channel < 2; channel++) {
                    Plan plan = new Plan(p, year, channel);
                    for (int j = Volumes.firstRevised(plan.stream); j < plan.n; j += 100) {
                        plan.draw(j, c);
                        if (c.closed != RecordTimes.NONE && c.satisfaction == null) {
                            c.satisfaction = "basically_satisfied";
                        } else if (c.satisfaction != null && RecordTimes.correctedNextNight(j)) {
                            c.satisfaction = "dissatisfied"; // a rating corrected on review
                        }
                        c.updated = Period.NEXT_EXTRACTED_AT + j % 3_600;
                        plan.write(s, j, c);
                    }
                    int fresh = Volumes.nextNight(plan.n, plan.stream);
                    for (int j = plan.n; j < plan.n + fresh; j++) {
                        plan.draw(j, c);
                        plan.write(s, j, c);
                    }
                }
            }
        }
        ctx.close(EXTRACT, s);
    }
}
