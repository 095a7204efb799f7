package org.netmarket.generator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The operators registry (platform monitoring) and the yearly e-commerce sales of a subset of
 * operators, written together per part because sales must name registered operators and follow
 * their registration. Registrations reach back to 2012 and grow year by year, with a designed
 * boom in some counties (item 9); some operators have deregistered. Designed large operators
 * ({@link AboveScaleOperator}) are appended to their county's registry.
 */
final class OperatorRegistryWriter {
    static final String OPERATORS = "operators";
    static final String SALES = "operator-sales";
    static final List<String> OPERATOR_COLUMNS = List.of("operator_id", "operator_name", "region_code",
            "operator_type", "registered_on", "deregistered_on", "updated_at");
    static final List<String> SALES_COLUMNS = List.of("operator_id", "year", "ecommerce_sales_yuan", "reported_at");

    private static final int FIRST_REGISTRATION_YEAR = 2012;
    /** Share of ordinary operators that report e-commerce sales. */
    private static final double SALES_SHARE = 0.0675;
    /** One in this many operators without sales reports a 2024 figure late, the next night. */
    private static final int LATE_SALES_EVERY = 500;
    /** Ordinary operators stay well below every above-scale threshold. */
    private static final long SALES_CAP_YUAN = 15_000_000L;
    /** Numbers above every county's registry: a sales row for this operator names no registered one. */
    private static final long UNREGISTERED_NUMBER = 90_000_000L;
    private static final int FIRST_NIGHT_DAY = Civil.dayOf(Period.EXTRACTED_AT);

    private final GenerationContext ctx;
    private final ActiveOperators active;

    /**
     * @param active where the first night counts active operators for the market-entity figures;
     *               null for the next night, which changes no stock figure
     */
    OperatorRegistryWriter(GenerationContext ctx, ActiveOperators active) {
        this.ctx = ctx;
        this.active = active;
    }

    /** Ordinary (not designed) operators of a county. */
    static int ordinaryOperators(Scenario s, CountyProfile p) {
        return Cohort.size(s.scale().operators() * p.weight * p.intensity / s.totalOperatorWeight());
    }

    /** One operator as drawn from its own stream; reused within a task. */
    private static final class Operator {
        String type;
        boolean individual;
        int registered;
        int deregistered;
        long updatedAt;
        SplittableRandom random;
    }

    private long stream(CountyProfile p) {
        return Seeds.of(ctx.seed(), OPERATORS, p.index);
    }

    /**
     * Sales draw from their own stream, so that a sales row can be drawn again without the
     * operator's name (the next night revises sales of operators it does not resend).
     */
    private long salesStream(CountyProfile p) {
        return Seeds.of(ctx.seed(), SALES, p.index);
    }

    private void draw(CountyProfile p, double[] yearWeights, int j, Operator o) {
        SplittableRandom r = Seeds.random(stream(p), j);
        double u = r.nextDouble();
        o.type = u < 0.02 ? "platform" : u < 0.2 ? "self_built" : "in_platform";
        o.individual = "in_platform".equals(o.type) && r.nextDouble() < 0.7;
        int year = FIRST_REGISTRATION_YEAR + pick(yearWeights, r.nextDouble());
        o.registered = Civil.newYear(year) + r.nextInt(Civil.daysInYear(year));
        double leaveChance = Math.min(0.35, 0.03 * (FIRST_NIGHT_DAY - o.registered) / 365.0);
        o.deregistered = -1;
        if (r.nextDouble() < leaveChance && o.registered + 60 < FIRST_NIGHT_DAY) {
            o.deregistered = o.registered + 60 + r.nextInt(FIRST_NIGHT_DAY - o.registered - 60);
        }
        int last = Math.max(o.registered, o.deregistered);
        o.updatedAt = Math.min(Period.EXTRACTED_AT - Civil.HOUR,
                Civil.seconds(last + r.nextInt(20), 8 * Civil.HOUR + r.nextInt(10 * Civil.HOUR)));
        o.random = r;
    }

    /** Registration-year weights 2012–2024: steady growth plus the county's 2023–2024 boom. */
    private static double[] registrationYears(CountyProfile p) {
        int years = Period.LAST_YEAR - FIRST_REGISTRATION_YEAR + 1;
        double[] w = new double[years];
        for (int i = 0; i < years; i++) {
            w[i] = Math.pow(1.18, i);
        }
        w[years - 2] += p.registrationBoom * 27.5;
        w[years - 1] += p.registrationBoom * 27.5;
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        double acc = 0;
        for (int i = 0; i < years; i++) {
            acc += w[i] / sum;
            w[i] = acc;
        }
        return w;
    }

    private static int pick(double[] cumulative, double u) {
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    void writeFirstNight(int part) {
        int parts = ctx.parts();
        CsvSink ops = ctx.open(DeliveryFiles.first(OPERATORS, part, parts), OPERATOR_COLUMNS);
        CsvSink sales = ctx.open(DeliveryFiles.first(SALES, part, parts), SALES_COLUMNS);
        Operator o = new Operator();
        List<CountyProfile> counties = ctx.countiesOfPart(part);
        for (CountyProfile p : counties) {
            byte[] code = p.region.code().getBytes(StandardCharsets.US_ASCII);
            byte[] name = p.region.nameUtf8();
            double[] years = registrationYears(p);
            int n = ordinaryOperators(ctx.scenario(), p);
            for (int j = 0; j < n; j++) {
                draw(p, years, j, o);
                byte[] id = OperatorIds.bytes(p.region.code(), j, o.individual);
                ops.utf8(id);
                OperatorNames.write(ops, name, p.region.name(), o.type, o.random);
                ops.utf8(code).ascii(o.type).date(o.registered);
                if (o.deregistered < 0) {
                    ops.empty();
                } else {
                    ops.date(o.deregistered);
                }
                ops.timestamp(o.updatedAt).endRow();
                active.add(p.index, o.registered, o.deregistered);
                SplittableRandom r = Seeds.random(salesStream(p), j);
                if (r.nextDouble() < SALES_SHARE) {
                    writeSales(sales, id, o, r, 1.0, -1);
                }
            }
            writeAboveScale(ops, sales, p, n);
        }
        if (part == 0 && !counties.isEmpty()) {
            writeFlaws(ops, sales, counties.get(0));
        }
        ctx.close(OPERATORS, ops);
        ctx.close(SALES, sales);
    }

    /**
     * The yearly sales rows of an operator, for the years it was registered in; {@code factor}
     * and {@code reportedOn} (when not -1) give a revision of the same rows.
     */
    private static void writeSales(CsvSink sales, byte[] id, Operator o, SplittableRandom r, double factor,
                                   int reportedOn) {
        double base = Math.exp(Math.log(400_000) + r.nextGaussian() * 1.1);
        for (int y = Period.FIRST_RECORD_YEAR; y <= Period.LAST_YEAR; y++) {
            if (!activeIn(o, y)) {
                continue;
            }
            double grown = base * Math.pow(1.12, y - Period.FIRST_RECORD_YEAR) * r.nextDouble(0.85, 1.15);
            double yuan = Math.min(SALES_CAP_YUAN, grown);
            int reported = Civil.newYear(y + 1) + 19 + r.nextInt(40);
            sales.utf8(id).integer(y).money(Math.round(yuan * factor * 100))
                    .date(reportedOn < 0 ? reported : reportedOn).endRow();
        }
    }

    /** Registered by the end of the year and not deregistered before it began. */
    private static boolean activeIn(Operator o, int year) {
        return o.registered < Civil.newYear(year + 1) && (o.deregistered < 0 || o.deregistered >= Civil.newYear(year));
    }

    private void writeAboveScale(CsvSink ops, CsvSink sales, CountyProfile p, int first) {
        for (int k = 0; k < p.aboveScale.size(); k++) {
            AboveScaleOperator a = p.aboveScale.get(k);
            SplittableRandom r = Seeds.random(stream(p), first + k);
            int registered = Civil.day(a.registeredYear(), 1, 1) + r.nextInt(300);
            byte[] id = OperatorIds.bytes(p.region.code(), first + k, false);
            long updated = Civil.seconds(registered + 30, 10 * Civil.HOUR);
            ops.utf8(id).text(a.name()).ascii(p.region.code()).ascii(a.type()).date(registered).empty()
                    .timestamp(updated).endRow();
            active.add(p.index, registered, -1);
            for (int y = Period.FIRST_RECORD_YEAR; y <= Period.LAST_YEAR; y++) {
                long fen = a.salesFen(y);
                if (fen != AboveScaleOperator.NO_ROW) {
                    sales.utf8(id).integer(y).money(fen).date(Civil.day(y + 1, 2, 10) + k).endRow();
                }
            }
        }
    }

    /** A mistyped operator code and the sales of an operator missing from the registry. */
    private void writeFlaws(CsvSink ops, CsvSink sales, CountyProfile p) {
        int number = ordinaryOperators(ctx.scenario(), p) + p.aboveScale.size() + 50_000;
        String wrong = OperatorIds.withWrongCheck(p.region.code(), number, false);
        long line = ops.ascii(wrong).text(p.region.name() + "晋南优品电子商务有限公司").ascii(p.region.code())
                .ascii("self_built").date(Civil.day(2021, 4, 12)).empty()
                .timestamp(Civil.seconds(Civil.day(2021, 4, 20), 9 * Civil.HOUR)).endRow();
        ctx.flaw(OPERATORS, ops, line, DeliberateFlaw.Check.ROW_VALIDATION,
                "operator_id " + wrong + " fails the GB 32100-2015 check character (mistyped code)");
        String unknown = OperatorIds.of(p.region.code(), UNREGISTERED_NUMBER, false);
        line = sales.ascii(unknown).integer(2024).money(356_780_00).date(Civil.day(2025, 2, 12)).endRow();
        ctx.flaw(SALES, sales, line, DeliberateFlaw.Check.REFERENCE,
                "operator_id " + unknown + " has a valid check character but is not in the operators registry");
    }

    /**
     * The next night: about 1% new operators registered on the day of the first extraction, and
     * about 1% of the registry sent again with a later {@code updated_at} (active ones now
     * deregistered); about 1% of the sales rows revised (2% higher, reported the next night),
     * and late 2024 sales of about one in {@value #LATE_SALES_EVERY} operators without sales.
     */
    void writeNextNight(int part) {
        int parts = ctx.parts();
        CsvSink ops = ctx.open(DeliveryFiles.nextNight(OPERATORS, part, parts), OPERATOR_COLUMNS);
        CsvSink sales = ctx.open(DeliveryFiles.nextNight(SALES, part, parts), SALES_COLUMNS);
        Operator o = new Operator();
        long revisedAt = Period.NEXT_EXTRACTED_AT;
        int revisedOn = Civil.dayOf(revisedAt);
        for (CountyProfile p : ctx.countiesOfPart(part)) {
            byte[] code = p.region.code().getBytes(StandardCharsets.US_ASCII);
            byte[] name = p.region.nameUtf8();
            double[] years = registrationYears(p);
            int n = ordinaryOperators(ctx.scenario(), p);
            int resent = Volumes.firstRevised(stream(p));
            int salesRevised = Volumes.firstRevised(salesStream(p));
            int lateSales = Math.floorMod(salesStream(p), LATE_SALES_EVERY);
            for (int j = 0; j < n; j++) {
                SplittableRandom r = Seeds.random(salesStream(p), j);
                boolean reports = r.nextDouble() < SALES_SHARE;
                boolean resend = j % 100 == resent;
                boolean revise = reports && j % 100 == salesRevised;
                boolean late = !reports && j % LATE_SALES_EVERY == lateSales;
                if (!resend && !revise && !late) {
                    continue;
                }
                draw(p, years, j, o);
                byte[] id = OperatorIds.bytes(p.region.code(), j, o.individual);
                if (resend) {
                    ops.utf8(id);
                    OperatorNames.write(ops, name, p.region.name(), o.type, o.random);
                    ops.utf8(code).ascii(o.type).date(o.registered)
                            .date(o.deregistered < 0 ? FIRST_NIGHT_DAY : o.deregistered)
                            .timestamp(revisedAt + j % 3_600).endRow();
                }
                if (revise) {
                    writeSales(sales, id, o, r, 1.02, revisedOn);
                } else if (late && activeIn(o, Period.LAST_YEAR)) {
                    sales.utf8(id).integer(Period.LAST_YEAR).money(Math.round(r.nextDouble(50_000, 5_000_000) * 100))
                            .date(revisedOn).endRow();
                }
            }
            int fresh = Volumes.nextNight(n, stream(p));
            int first = n + p.aboveScale.size();
            for (int k = 0; k < fresh; k++) {
                SplittableRandom r = Seeds.random(Seeds.of(ctx.seed(), "next-night-operators", p.index), k);
                String type = r.nextDouble() < 0.8 ? "in_platform" : "self_built";
                boolean individual = "in_platform".equals(type);
                ops.utf8(OperatorIds.bytes(p.region.code(), first + k, individual));
                OperatorNames.write(ops, name, p.region.name(), type, r);
                ops.utf8(code).ascii(type).date(FIRST_NIGHT_DAY - r.nextInt(3)).empty()
                        .timestamp(revisedAt + k % 3_600).endRow();
            }
        }
        ctx.close(OPERATORS, ops);
        ctx.close(SALES, sales);
    }
}
