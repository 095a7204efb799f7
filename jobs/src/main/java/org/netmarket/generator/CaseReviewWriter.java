package org.netmarket.generator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Administrative reconsideration and litigation outcomes of online cases, by decision date.
 * Not-upheld reconsiderations, lost lawsuits and procedural violations are exact counts from the
 * county's design (items 18.1, 18.2); a county without litigation has no litigation rows at all.
 * The procedural flag is written 是/否, as Chinese case systems export it.
 */
final class CaseReviewWriter {
    static final String EXTRACT = "case-reviews";
    static final List<String> COLUMNS = List.of("case_id", "region_code", "review_type", "decided_on", "outcome",
            "procedural_violation", "updated_at");
    private static final String[] TYPES = {"reconsideration", "litigation"};
    private static final String[] REVERSALS = {"revoked", "confirmed_illegal", "other"};
    private static final double RECONSIDERATION_SHARE = 0.6;
    private static final byte[] YES = "是".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NO = "否".getBytes(StandardCharsets.UTF_8);

    private final GenerationContext ctx;

    CaseReviewWriter(GenerationContext ctx) {
        this.ctx = ctx;
    }

    private final class Plan {
        final int year;
        final boolean litigation;
        final int n;
        final long stream;
        final Cohort order;
        final int losses;
        final int procedural;
        final int flaggedButUpheld;
        final byte[] prefix;

        Plan(CountyProfile p, int year, int type) {
            this.year = year;
            this.litigation = type == 1;
            int y = Period.index(year);
            this.stream = Seeds.of(ctx.seed(), EXTRACT, p.index, year, type);
            this.losses = litigation ? p.litigationsLost[y] : p.reconsiderationsNotUpheld[y];
            // Procedural losses go to lost lawsuits first, then to reversed reconsiderations.
            int lostOnProcedure = Math.min(p.litigationsLost[y], p.proceduralLosses[y]);
            this.procedural = litigation ? lostOnProcedure
                    : Math.min(losses, p.proceduralLosses[y] - lostOnProcedure);
            this.flaggedButUpheld = litigation ? 0 : p.proceduralButUpheld[y];
            int expected = Volumes.cohort(ctx.scenario(), p, ctx.scenario().scale().reviews(), year,
                    litigation ? 1 - RECONSIDERATION_SHARE : RECONSIDERATION_SHARE);
            int needed = losses + flaggedButUpheld;
            int size = Math.max(expected, needed > 0 ? needed + 2 : 0);
            this.n = litigation && !p.hasLitigation ? 0 : size;
            this.order = new Cohort(n, 1, Seeds.mix(stream, 1));
            this.prefix = ((litigation ? "SS" : "FY") + p.region.code()).getBytes(StandardCharsets.US_ASCII);
        }

        /** {@code updatedAt} 0: the record's own version stamp; else the next night's, which corrects some records. */
        void write(CsvSink s, int j, String region, long updatedAt) {
            SplittableRandom r = Seeds.random(stream, j);
            long decided = RecordTimes.start(year, j, n, r, 9, 8);
            int rank = order.rank(j);
            String outcome;
            boolean flagged;
            if (rank < losses) {
                outcome = litigation ? "lost" : rank < procedural ? REVERSALS[r.nextInt(2)] : REVERSALS[r.nextInt(3)];
                flagged = rank < procedural;
            } else {
                outcome = litigation ? "won" : "upheld";
                flagged = rank < losses + flaggedButUpheld;
            }
            if (updatedAt != 0 && RecordTimes.correctedNextNight(j)) {
                flagged = !flagged; // the procedural finding corrected
            }
            s.id(prefix, year, litigation ? 'S' : 'F', j, 4).ascii(region).ascii(TYPES[litigation ? 1 : 0])
                    .date(Civil.dayOf(decided)).ascii(outcome).utf8(flagged ? YES : NO)
                    .timestamp(updatedAt == 0 ? RecordTimes.updatedAt(decided, r) : updatedAt).endRow();
        }
    }

    void writeFirstNight(int part) {
        CsvSink s = ctx.open(DeliveryFiles.first(EXTRACT, part, ctx.parts()), COLUMNS);
        for (CountyProfile p : ctx.countiesOfPart(part)) {
            for (int year = Period.FIRST_RECORD_YEAR; year <= Period.LAST_YEAR; year++) {
                for (int type = 0; type < 2; type++) {
                    Plan plan = new Plan(p, year, type);
                    for (int j = 0; j < plan.n; j++) {
                        plan.write(s, j, p.region.code(), 0);
                    }
                }
            }
        }
        ctx.close(EXTRACT, s);
    }

    /**
     * The next night: about 1% new decisions per cohort and about 1% sent again with a later
     * version, every other one with its procedural finding corrected.
     */
    void writeNextNight(int part) {
        CsvSink s = ctx.open(DeliveryFiles.nextNight(EXTRACT, part, ctx.parts()), COLUMNS);
        for (CountyProfile p : ctx.countiesOfPart(part)) {
            for (int year = Period.FIRST_RECORD_YEAR; year <= Period.LAST_YEAR; year++) {
                for (int type = 0; type < 2; type++) {
                    Plan plan = new Plan(p, year, type);
                    for (int j = Volumes.firstRevised(plan.stream); j < plan.n; j += 100) {
                        plan.write(s, j, p.region.code(), Period.NEXT_EXTRACTED_AT + j % 3_600);
                    }
                    int fresh = Volumes.nextNight(plan.n, plan.stream);
                    for (int j = plan.n; j < plan.n + fresh; j++) {
                        plan.write(s, j, p.region.code(), 0);
                    }
                }
            }
        }
        ctx.close(EXTRACT, s);
    }
}
