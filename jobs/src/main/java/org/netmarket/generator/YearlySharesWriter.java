package org.netmarket.generator;

import java.util.List;

/**
 * Yearly e-commerce tax against total tax, and online-market employment against total
 * employment, per county for 2019–2024; a city that reports its own total gets its own row (the
 * counties plus what the city administers directly). Totals are whole thousands and shares have
 * three decimals, so a designed share of exactly 5% is exactly 5% in the files (band edges).
 * A county-year designed as not delivered has no employment row.
 */
final class YearlySharesWriter {
    static final String TAX = "tax";
    static final String EMPLOYMENT = "employment";
    static final List<String> TAX_COLUMNS = List.of("region_code", "year", "ecommerce_tax_yuan", "total_tax_yuan",
            "reported_at");
    static final List<String> EMPLOYMENT_COLUMNS = List.of("region_code", "year", "online_market_employed",
            "total_employed", "reported_at");
    /** What a city administers directly, relative to its counties. */
    private static final double CITY_DIRECT = 0.03;

    private final GenerationContext ctx;

    YearlySharesWriter(GenerationContext ctx) {
        this.ctx = ctx;
    }

    static long employedThousands(CountyProfile p, int year) {
        return Math.round(p.employedThousands2019 * Math.pow(1.01, year - Period.FIRST_YEAR));
    }

    static long taxThousands(CountyProfile p, int year) {
        return Math.round(p.taxThousandYuan2019 * Math.pow(1.05, year - Period.FIRST_YEAR));
    }

    /** {@code thousands * 1000 * share} exactly, for a share of three decimals. */
    private static long part(long thousands, double share) {
        return thousands * Math.round(share * 1000);
    }

    void writeEmployment() {
        CsvSink s = ctx.open(DeliveryFiles.named(EMPLOYMENT, "2019-2024"), EMPLOYMENT_COLUMNS);
        for (GeneratedRegion r : ctx.scenario().layout().all()) {
            for (int year = Period.FIRST_YEAR; year <= Period.LAST_YEAR; year++) {
                int i = Period.index(year);
                int reported = Civil.day(year + 1, 2, 26);
                if (r.isCounty()) {
                    CountyProfile p = ctx.scenario().county(r.code());
                    if (p.missingEmploymentYear == year) {
                        continue;
                    }
                    long k = employedThousands(p, year);
                    s.ascii(r.code()).integer(year).integer(part(k, p.employmentShare[i])).integer(k * 1000)
                            .date(reported).endRow();
                } else if (r.isCity() && ctx.scenario().city(r.code()).ownYearlyRows) {
                    CityProfile c = ctx.scenario().city(r.code());
                    long sum = 0;
                    for (CountyProfile p : ctx.scenario().countiesOf(r.code())) {
                        sum += employedThousands(p, year);
                    }
                    long k = Math.round(sum * (1 + CITY_DIRECT));
                    s.ascii(r.code()).integer(year).integer(part(k, c.employmentShare[i])).integer(k * 1000)
                            .date(reported).endRow();
                }
            }
        }
        ctx.close(EMPLOYMENT, s);
    }

    void writeTax() {
        CsvSink s = ctx.open(DeliveryFiles.named(TAX, "2019-2024"), TAX_COLUMNS);
        for (GeneratedRegion r : ctx.scenario().layout().all()) {
            for (int year = Period.FIRST_YEAR; year <= Period.LAST_YEAR; year++) {
                int i = Period.index(year);
                int reported = Civil.day(year + 1, 1, 25);
                if (r.isCounty()) {
                    CountyProfile p = ctx.scenario().county(r.code());
                    long k = taxThousands(p, year);
                    s.ascii(r.code()).integer(year).money(part(k, p.taxShare[i]) * 100).money(k * 1000 * 100)
                            .date(reported).endRow();
                } else if (r.isCity() && ctx.scenario().city(r.code()).ownYearlyRows) {
                    CityProfile c = ctx.scenario().city(r.code());
                    long sum = 0;
                    for (CountyProfile p : ctx.scenario().countiesOf(r.code())) {
                        sum += taxThousands(p, year);
                    }
                    long k = Math.round(sum * (1 + CITY_DIRECT));
                    s.ascii(r.code()).integer(year).money(part(k, c.taxShare[i]) * 100).money(k * 1000 * 100)
                            .date(reported).endRow();
                }
            }
        }
        ctx.close(TAX, s);
    }
}
