package org.netmarket.generator;

import java.util.List;

/**
 * The reference and national extracts: regions.csv, and the published national figures as
 * three files (2019–2023; 2024 with a first ODR settlement rate; that rate's revision).
 */
final class ReferenceWriter {
    static final String REGIONS = "regions";
    static final String NATIONAL = "national";
    static final List<String> REGION_COLUMNS = List.of("region_code", "region_name", "parent_code", "level",
            "economic_zone");
    static final List<String> NATIONAL_COLUMNS = List.of("year", "metric", "value", "reported_at");

    private final GenerationContext ctx;

    ReferenceWriter(GenerationContext ctx) {
        this.ctx = ctx;
    }

    void writeRegions() {
        CsvSink s = ctx.open("regions.csv", REGION_COLUMNS);
        for (GeneratedRegion r : ctx.scenario().layout().all()) {
            s.ascii(r.code()).text(r.name());
            if (r.parentCode() == null) {
                s.empty();
            } else {
                s.ascii(r.parentCode());
            }
            s.ascii(r.level()).ascii(r.zone()).endRow();
        }
        ctx.close(REGIONS, s);
    }

    void writeNational() {
        CsvSink early = ctx.open(DeliveryFiles.named(NATIONAL, "2019-2023"), NATIONAL_COLUMNS);
        for (PublishedNationalFigures.Figure f : PublishedNationalFigures.ofYears(Period.FIRST_YEAR, 2023)) {
            write(early, f, published(f));
        }
        ctx.close(NATIONAL, early);
        CsvSink latest = ctx.open(DeliveryFiles.named(NATIONAL, "2024"), NATIONAL_COLUMNS);
        PublishedNationalFigures.Figure revised = null;
        for (PublishedNationalFigures.Figure f : PublishedNationalFigures.ofYears(2024, 2024)) {
            if (f.metric().equals(PublishedNationalFigures.FIRST_ODR_SETTLEMENT_2024.metric())) {
                write(latest, PublishedNationalFigures.FIRST_ODR_SETTLEMENT_2024, published(f));
                revised = f;
            } else {
                write(latest, f, published(f));
            }
        }
        ctx.close(NATIONAL, latest);
        CsvSink revision = ctx.open(DeliveryFiles.named(NATIONAL, "2024-revision"), NATIONAL_COLUMNS);
        write(revision, revised, Civil.day(2025, 3, 1));
        ctx.close(NATIONAL, revision);
    }

    /** Statistics bureau and post bureau figures in mid-January; 12315 figures in February. */
    private static int published(PublishedNationalFigures.Figure f) {
        boolean complaints = f.metric().startsWith("complaint") || f.metric().startsWith("consumer")
                || f.metric().startsWith("odr");
        return complaints ? Civil.day(f.year() + 1, 2, 18) : Civil.day(f.year() + 1, 1, 17);
    }

    private static void write(CsvSink s, PublishedNationalFigures.Figure f, int reportedOn) {
        s.integer(f.year()).ascii(f.metric()).ascii(f.value()).date(reportedOn).endRow();
    }
}
