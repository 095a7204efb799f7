package org.netmarket.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code sample-data/README.md} from the run itself (files, row counts, national figures
 * and their provenance, the broken rows with their lines), so that the description cannot drift
 * from the data; the committed-sample test compares it like every other file.
 */
final class SampleDataReadme {
    static final String FILE = "README.md";

    private static final String INTRO = """
            # Sample data: 运城市 (Yuncheng) and its 13 counties

            A complete, synthetic data directory for the scoring pipeline: regions.csv and one folder
            per extract of the input contract (`shared/spec/extracts.md`), covering evaluation years
            2021–2024. It is the default `--data` of `scripts/run-pipeline`.

            **Do not edit these files by hand.** They are written by the generator
            (`org.netmarket.generator`), and `scripts/test` fails, after the suite, when they differ from
            what it writes:

            ```
            scripts/generate-data --scale yuncheng --out sample-data     # seed 20221216
            ```

            Everything is synthetic except the national figures marked official below. Region codes
            and names are the real GB/T 2260 ones; operator names, codes, people and amounts are made
            up. Volumes are scaled down to keep the sample small (about 6,500 operators, 1,500–2,900
            complaints a year); market-entity counts are scaled with the operators so that the ratios
            the indicators use are realistic.

            Time span: retail and express monthly 2019-01 to 2024-12; tax and employment 2019–2024;
            market entities at every year end 2019–2024 and mid-year 2022–2024; platform accounts at
            year ends 2020–2024; record-level extracts 2020–2024; assessments 2021–2024. The delivery
            was extracted on the night of 2025-03-05: no timestamp is later.
            """;

    private static final String STORY = """
            ## What the scores should show

            Results of the pipeline on this sample (`scripts/run-pipeline --year 2024 --dry-run`, or
            `backfill --from 2021 --to 2024`):

            - **2024: 运城市 passes** (total 87.5, every first-level category at or above 75%), and so
              do 盐湖区 and 临猗县; the eleven other counties fail, most on 促进发展. The city fails in
              2021–2023 (its assessments improve year by year).
            - **Item 1** (online retail growth vs national 11.0% in 2023, 7.2% in 2024): 万荣县 is just
              above in 2023 (11.2%) and just below in 2024 (6.9%); 闻喜县 is below, then above; 新绛县
              and 夏县 are below in both years.
            - **Item 2**: 新绛县's online growth of 2024 (5.8%) is below its total-retail growth (6.1%);
              夏县's of 2023 (9.8%) below its 10.1%.
            - **Item 3** (active operators / market entities): 夏县 7.9% scores 0; the city, with its
              own market-entity rows (counties plus entities registered with the city), is above 15%.
            - **Item 4** (central zone: 100,000,000 yuan): 临猗县 has one operator newly above scale in
              2023 and one in 2024 (2 points); 盐湖区 and 永济市 one each in 2024, 永济's at exactly
              100,000,000.00 (以上 includes the threshold); 芮城县's operator fell below in 2023 and is
              new again in 2024; 河津市's has been above since 2020, so it is new only for the 2021
              evaluation. The city counts 5 distinct operators (2 points).
            - **Item 5**: 绛县 is just below the national express growth in both years (19.0% vs
              19.4%, 20.7% vs 21%).
            - **Item 6**: only 临猗县 (both years) and 盐湖区 (2024) are above the national online share.
            - **Item 7**: 稷山县 is at exactly 5.000% (a band edge takes the higher band: 2 points); 夏县
              has no employment row for 2024 (`missing_data`), while the city's own rows keep the
              city's figure computable.
            - **Item 8**: 绛县 is at exactly 3.000% (1 point).
            - **Item 9**: 垣曲县 (a registration boom in 2023–2024) has between 30% and 50% of operators
              older than two years (1 point); 平陆县 has fewer than 30% (0).
            - **11.1**: 平陆县 has exactly 7 platform users for 14 staff, 50%, which is not *above* 50%;
              绛县 has fewer.
            - **11.2**: 新绛县 has 2 identity claims still open at the end of 2024, so it and the city
              miss the 100%.
            - **17.1 / 17.2**: 夏县 and 平陆县 verified one reported clue late; 万荣县 left one assigned
              clue open.
            - **18.1 / 18.2**: 芮城县 had a reconsideration not upheld in 2024; 绛县 never went to court
              (no litigation rows: the absent type counts as met); 垣曲县 lost a lawsuit on procedure
              in 2023 (18.2 is 0 for it and the city in 2023); 闻喜县 has an upheld case that still
              records a procedural flaw (no effect on 18.2).
            - **19.1 / 19.2**: 河津市 verified fewer than 90% of monitoring leads on time, 闻喜县 just
              over 90%; 夏县 completed fewer than 90%.
            - **25.1**: 万荣县 is just above 95% on both rates; 闻喜县 closed just under 95% on time;
              新绛县 and 夏县 are below.
            - **38.2**: only 盐湖区, 临猗县 and 永济市 trained every staff member for 50 hours or more;
              elsewhere some staff have 0 hours or fewer than 50, so the city scores 0.
            - **Assessments**: 平陆县 has no rows for 33.1 and 33.2 in 2024, 夏县 none for 10 in 2023,
              绛县 none for 27.2 in 2024 (`not_assessed`).
            """;

    private static final String OTHER_IRREGULARITIES = """
            ### Valid rows that the pipeline must handle

            - **Re-delivery with later versions**: `complaints/complaints-2025-03-05.csv` holds about
              3% of complaints as first extracted while still open (no closure, mediation `none`, no
              rating); `complaints-2025-03-05-redelivery.csv` sends them again closed, with a later
              `updated_at`. The later version wins.
            - **Revised retail months**: December 2023 of {revised} is first reported short in
              `retail-2019-2023.csv` and corrected in `retail-2024.csv` with a later `reported_at`.
            - **Revised national figure**: the 2024 `odr_settlement_rate` is first published as 0.738
              (`national-2024.csv`) and revised to 0.735 (`national-2024-revision.csv`).
            - **Revised assessments**: 运城市 2024 item 32 and 盐湖区 2024 item 16 are first assessed
              half a point lower; the review panel's file corrects them with a later `assessed_at`.
            - **Quoting**: a few operator names contain an ASCII comma or double quotes and are quoted
              per RFC 4180.
            - **Booleans** in case-reviews are written 是/否, as Chinese case systems export them.
            - **City rows**: employment, tax and market-entities carry the city's own row (used instead
              of the sum of the counties); retail, express and platform-accounts do not (the city's
              figure is the sum of its counties).
            - **Missing aggregate**: 夏县 has no employment row for 2024.
            """;

    private SampleDataReadme() {
    }

    static void write(Path dir, Scenario scenario, GenerationReport report) {
        StringBuilder b = new StringBuilder(INTRO);
        b.append("\n## Regions\n\n| code | name | level | parent |\n|---|---|---|---|\n");
        for (GeneratedRegion r : scenario.layout().all()) {
            b.append("| ").append(r.code()).append(" | ").append(r.name()).append(" | ").append(r.level())
                    .append(" | ").append(r.parentCode() == null ? "" : r.parentCode()).append(" |\n");
        }
        b.append("\nEvery region is in the central economic zone.\n");
        b.append("\n## Files\n\n| file | rows | bytes |\n|---|---:|---:|\n");
        for (GenerationReport.WrittenFile f : report.files()) {
            b.append("| `").append(f.path()).append("` | ").append(f.rows()).append(" | ").append(f.bytes()).append(" |\n");
        }
        b.append("\n## National figures\n\nGrowth rates as published (comparable basis), never recomputed from"
                + " levels. Source wording from `shared/reference/national-figures.md`; check official values"
                + " against the original release before relying on them.\n\n"
                + "| year | metric | value | provenance | source wording |\n|---|---|---:|---|---|\n");
        for (PublishedNationalFigures.Figure f : PublishedNationalFigures.all()) {
            b.append("| ").append(f.year()).append(" | `").append(f.metric()).append("` | ").append(f.value())
                    .append(" | ").append(f.provenance().label).append(" | ").append(f.source()).append(" |\n");
        }
        b.append("\nThe online-retail share is the published share of physical-goods online retail in total"
                + " retail. The four 12315 metrics (mediation success, satisfaction, ODR on-time close, ODR"
                + " settlement) have no verified published figure: all their values are synthetic.\n\n");
        b.append(STORY);
        b.append("\n## Deliberate irregularities\n\n### Rows the pipeline quarantines\n\n"
                + "Each is well under 1% of its extract; the pipeline sets it aside with its file, line and"
                + " reason and goes on.\n\n| file:line | caught by | what is wrong |\n|---|---|---|\n");
        for (DeliberateFlaw f : report.flaws()) {
            b.append("| `").append(f.file()).append(':').append(f.line()).append("` | ")
                    .append(f.caughtBy() == DeliberateFlaw.Check.REFERENCE ? "reference check" : "row validation")
                    .append(" | ").append(f.description().replace("|", "\\|")).append(" |\n");
        }
        b.append('\n').append(OTHER_IRREGULARITIES.replace("{revised}", revisedDecember(scenario)));
        b.append("""

                ## Larger data sets

                The same generator writes the province scale (Shanxi's 11 cities, about 100,000
                operators) and the national scale (31 provinces, 341 synthetic cities, 3,410 synthetic
                counties, 10 million operators and complaints, record extracts in part files), and
                with `--delta` the next night's delivery (about 1% new and 1% revised records):

                ```
                scripts/generate-data --scale national --out /tmp/nm-national --delta
                ```
                """);
        try {
            Files.writeString(dir.resolve(FILE), b.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    private static String revisedDecember(Scenario scenario) {
        StringBuilder b = new StringBuilder();
        for (CountyProfile p : scenario.counties()) {
            if (MonthlyFiguresWriter.revisesDecember(p)) {
                b.append(b.length() == 0 ? "" : " and ").append(p.region.name());
            }
        }
        return b.toString();
    }
}
