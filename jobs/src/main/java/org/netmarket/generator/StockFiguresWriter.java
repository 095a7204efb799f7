package org.netmarket.generator;

import java.util.List;

/**
 * Stock figures at dates: market entities (year ends 2019–2024 and mid-years from 2022) and
 * supervision-platform accounts (year ends 2020–2024). Market entities are derived from the
 * operators actually written, so that active operators / market entities is each county's
 * designed share (item 3); a city with its own register adds the entities registered with it.
 */
final class StockFiguresWriter {
    static final String MARKET_ENTITIES = "market-entities";
    static final String PLATFORM_ACCOUNTS = "platform-accounts";
    static final List<String> MARKET_ENTITY_COLUMNS = List.of("region_code", "as_of_date", "market_entities",
            "reported_at");
    static final List<String> PLATFORM_ACCOUNT_COLUMNS = List.of("region_code", "as_of_date", "platform_users",
            "staffed_supervisors", "reported_at");
    /** Mid-year shares run a little below the year end's: registrations cluster late in the year. */
    private static final double MID_YEAR_OFFSET = 0.002;

    private final GenerationContext ctx;

    StockFiguresWriter(GenerationContext ctx) {
        this.ctx = ctx;
    }

    private static long entities(CountyProfile p, ActiveOperators active, int snapshot) {
        double share = p.operatorShare[Snapshots.yearIndex(snapshot)] - (Snapshots.isYearEnd(snapshot) ? 0 : MID_YEAR_OFFSET);
        return Math.max(1, Math.round(active.at(p.index, snapshot) / share));
    }

    void writeMarketEntities(ActiveOperators active) {
        CsvSink s = ctx.open(DeliveryFiles.named(MARKET_ENTITIES, "2019-2024"), MARKET_ENTITY_COLUMNS);
        for (GeneratedRegion r : ctx.scenario().layout().all()) {
            for (int k = 0; k < Snapshots.count(); k++) {
                int day = Snapshots.MARKET_ENTITY_DAYS[k];
                if (r.isCounty()) {
                    s.ascii(r.code()).date(day).integer(entities(ctx.scenario().county(r.code()), active, k))
                            .date(day + 25).endRow();
                } else if (r.isCity() && ctx.scenario().city(r.code()).ownMarketEntities) {
                    CityProfile c = ctx.scenario().city(r.code());
                    long sum = 0;
                    for (CountyProfile p : ctx.scenario().countiesOf(r.code())) {
                        sum += entities(p, active, k);
                    }
                    s.ascii(r.code()).date(day).integer(Math.round(sum * (1 + c.directEntities))).date(day + 25).endRow();
                }
            }
        }
        ctx.close(MARKET_ENTITIES, s);
    }

    void writePlatformAccounts() {
        CsvSink s = ctx.open(DeliveryFiles.named(PLATFORM_ACCOUNTS, "2020-2024"), PLATFORM_ACCOUNT_COLUMNS);
        for (CountyProfile p : ctx.scenario().counties()) {
            for (int year = Period.FIRST_RECORD_YEAR; year <= Period.LAST_YEAR; year++) {
                int i = Period.index(year);
                long users = Math.round(p.staff[i] * p.platformUserRatio[i]);
                s.ascii(p.region.code()).date(Civil.day(year, 12, 31)).integer(users).integer(p.staff[i])
                        .date(Civil.day(year + 1, 1, 8)).endRow();
            }
        }
        ctx.close(PLATFORM_ACCOUNTS, s);
    }
}
