package org.netmarket.pipeline;

import org.netmarket.extract.ExtractLabel;
import org.netmarket.extract.InvalidInputException;
import org.netmarket.rules.Reason;
import org.netmarket.staging.FileReport;
import org.netmarket.staging.Ingestion;
import org.netmarket.staging.LoadedExtract;
import org.netmarket.staging.StagingArea;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The verdict on what ingestion read, kept apart from reading it: files that could not be read
 * and extracts with more quarantined rows than the threshold allows stop a run before it
 * publishes (and make validate exit 2).
 */
final class InputProblems {
    private InputProblems() {
    }

    /**
     * The rows read and rejected by the row rules in an extract's files staged by earlier nights,
     * as each night that read a file counted them: a merging night judges the whole extract, as a
     * full read of the same files would, not only its own delivery (one conflicting row in a
     * one-row file is not 100% of the extract). The rows a file lost to conflicting versions or
     * unknown references are not among them: those are the state's, which a later delivery may
     * change ({@link LoadedExtract#stateRowsSetAside}).
     */
    record Earlier(long rowsRead, long rowsRejected) {
        static final Earlier NONE = new Earlier(0, 0);

        /**
         * Per extract, the staged files with both counts. Every file has them: a staging area
         * written by another build of the job (another fingerprint) is rebuilt before anything
         * is merged into it; only a manifest edited by hand lacks them, and its files are left out.
         */
        static Map<String, Earlier> of(Collection<StagingArea.StagedFile> staged) {
            Map<String, Earlier> out = new HashMap<>();
            for (StagingArea.StagedFile f : staged) {
                if (f.rowsRead() != null && f.rowsRejected() != null) {
                    out.merge(f.extract(), new Earlier(f.rowsRead(), f.rowsRejected()),
                            (a, b) -> new Earlier(a.rowsRead + b.rowsRead, a.rowsRejected + b.rowsRejected));
                }
            }
            return out;
        }
    }

    /** Stops the run before publishing when a file is unreadable or an extract has too many bad rows. */
    static void check(Ingestion.Result ingest, BigDecimal threshold, Map<String, Earlier> earlier) {
        List<Reason> problems = of(ingest, threshold, earlier);
        if (!problems.isEmpty()) {
            throw InvalidInputException.of(problems);
        }
    }

    /**
     * Why the input cannot be scored: files that could not be read, extracts with too many bad
     * rows, counted as a full read of the files read by this run and the {@code earlier} files of
     * a merging night counts them.
     */
    static List<Reason> of(Ingestion.Result ingest, BigDecimal threshold, Map<String, Earlier> earlier) {
        List<Reason> problems = new ArrayList<>();
        for (FileReport f : ingest.files()) {
            if (f.failed()) {
                problems.add(f.problem());
            }
        }
        // regions.csv is an extract of the contract like the others, though read apart from them.
        tooManyQuarantined("regions", ingest.regionsQuarantined().size(), ingest.regionsReport().rowsRead(), threshold)
                .ifPresent(problems::add);
        for (LoadedExtract e : ingest.extracts().values()) {
            Earlier before = earlier.getOrDefault(e.name(), Earlier.NONE);
            // Every file's rejected rows, and the rows of the state set aside: a row in conflict
            // since an earlier night counts once, and not at all once a later version settles it.
            long quarantined = before.rowsRejected() + e.rowsRejected() + e.stateRowsSetAside();
            tooManyQuarantined(e.name(), quarantined, e.rowsRead() + before.rowsRead(), threshold).ifPresent(problems::add);
        }
        return problems;
    }

    /**
     * The problem when quarantined / read is above the threshold, decided exactly (quarantined
     * {@code >} threshold x read); empty when it is not, or nothing was read.
     */
    static Optional<Reason> tooManyQuarantined(String extract, long quarantined, long read, BigDecimal threshold) {
        if (read > 0 && BigDecimal.valueOf(quarantined).compareTo(threshold.multiply(BigDecimal.valueOf(read))) > 0) {
            BigDecimal allowedPercent = threshold.movePointRight(2);
            String share = percentAbove(quarantined, read, allowedPercent);
            String allowed = allowedPercent.stripTrailingZeros().toPlainString();
            return Optional.of(Reason.of(String.format(Locale.ROOT,
                    "extract %s: %d of %d rows quarantined (%s%%), more than the allowed %s%%; see the quarantine report",
                    extract, quarantined, read, share, allowed),
                    String.format(Locale.ROOT, "%s：%d 行中有 %d 行被隔离（%s%%），超过允许的 %s%%；请查看隔离报告（quarantine.csv）",
                            ExtractLabel.zh(extract), read, quarantined, share, allowed)));
        }
        return Optional.empty();
    }

    /**
     * A share in percent, to one decimal ("8.7"), or to two significant digits below 0.1% ("0.015"),
     * so that a small share is never shown as 0.0% beside a threshold it exceeds.
     */
    /**
     * {@link #percent}, with more decimals when it would not read as above {@code allowed} (a
     * share of a percent, exactly above it): "1 of 939 rows quarantined (0.11%), more than the
     * allowed 0.1%", not "(0.1%), more than the allowed 0.1%".
     */
    static String percentAbove(long part, long whole, BigDecimal allowed) {
        BigDecimal p = BigDecimal.valueOf(part).movePointRight(2).divide(BigDecimal.valueOf(whole), MathContext.DECIMAL64);
        String shown = percent(part, whole);
        for (int scale = 2; new BigDecimal(shown).compareTo(allowed) <= 0 && scale <= 16; scale++) {
            shown = p.setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        }
        return shown;
    }

    static String percent(long part, long whole) {
        BigDecimal p = BigDecimal.valueOf(part).movePointRight(2).divide(BigDecimal.valueOf(whole), MathContext.DECIMAL64);
        return p.compareTo(new BigDecimal("0.1")) >= 0 ? p.setScale(1, RoundingMode.HALF_UP).toPlainString()
                : p.round(new MathContext(2, RoundingMode.HALF_UP)).stripTrailingZeros().toPlainString();
    }
}
