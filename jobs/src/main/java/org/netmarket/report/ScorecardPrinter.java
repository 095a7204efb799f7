package org.netmarket.report;

import org.netmarket.edition.Category;
import org.netmarket.edition.Edition;
import org.netmarket.facts.EvaluationPeriod;
import org.netmarket.region.RegionTree;
import org.netmarket.rules.ItemStatus;
import org.netmarket.rules.JudgedObservation;
import org.netmarket.rules.Observation;
import org.netmarket.rules.Points;
import org.netmarket.scoring.CategoryScore;
import org.netmarket.scoring.ItemScore;
import org.netmarket.scoring.RegionScorecard;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Prints scorecards for a terminal: per evaluation year, one line per region with its total,
 * pass/fail and each first-level category (a failing category is marked with *), then the items
 * needing attention per region with their status and reason; for a run of some items, those
 * items with what they measured ({@link #printItems}).
 */
public final class ScorecardPrinter {
    private final Edition edition;
    private final RegionTree regions;
    private final LocalDate asOf;

    /**
     * @param asOf the date the facts were counted to ({@code --as-of}); null for each year's end,
     *             so that a mid-year preview is never mistaken for the year's result
     */
    public ScorecardPrinter(Edition edition, RegionTree regions, LocalDate asOf) {
        this.edition = edition;
        this.regions = regions;
        this.asOf = asOf;
    }

    public void print(List<RegionScorecard> cards, PrintStream out) {
        Map<Integer, List<RegionScorecard>> byYear = cards.stream()
                .collect(Collectors.groupingBy(RegionScorecard::evalYear, TreeMap::new, Collectors.toList()));
        byYear.forEach((year, list) -> printYear(year, list, out));
    }

    private void printYear(int year, List<RegionScorecard> cards, PrintStream out) {
        List<Category> firsts = edition.firstLevelCategories();
        int nameWidth = 24;
        out.println();
        LocalDate countedTo = asOf != null ? asOf : EvaluationPeriod.of(year).asOf();
        out.println("Scorecard " + year + " as of " + countedTo + " — edition " + edition.id() + " (pass: total >= "
                + edition.passRule().totalAtLeast().stripTrailingZeros().toPlainString() + " and every first-level category >= "
                + edition.passRule().firstLevelShareAtLeast().movePointRight(2).stripTrailingZeros().toPlainString() + "%)");
        StringBuilder header = new StringBuilder(TextWidth.padRight("region", nameWidth))
                .append(TextWidth.padLeft("total", 7)).append("  result");
        for (Category c : firsts) {
            header.append("  ").append(TextWidth.padLeft(c.nameZh() + "/" + c.maxPoints().stripTrailingZeros().toPlainString(), 11));
        }
        header.append("  attention");
        out.println(header);
        out.println("-".repeat(TextWidth.of(header.toString())));
        for (RegionScorecard card : cards) {
            StringBuilder line = new StringBuilder(TextWidth.padRight(card.regionCode() + " " + name(card.regionCode()), nameWidth))
                    .append(TextWidth.padLeft(Points.text(card.totalPoints()), 7))
                    .append("  ").append(card.passed() ? "PASS  " : "FAIL  ");
            for (Category c : firsts) {
                CategoryScore cs = card.category(c.code());
                String cell = Points.text(cs.points()) + (cs.meetsShare() ? " " : "*");
                line.append("  ").append(TextWidth.padLeft(cell, 11));
            }
            line.append("  ").append(card.needsAttention().size());
            out.println(line);
        }
        if (cards.stream().anyMatch(c -> !c.failingCategories().isEmpty())) {
            out.println("(* below " + edition.passRule().firstLevelShareAtLeast().movePointRight(2).stripTrailingZeros().toPlainString()
                    + "% of the category's maximum)");
        }
        List<String> attention = new ArrayList<>();
        for (RegionScorecard card : cards) {
            if (card.needsAttention().isEmpty()) {
                continue;
            }
            attention.add(card.regionCode() + " " + name(card.regionCode()) + ":");
            List<String> notAssessed = new ArrayList<>();
            for (ItemScore s : card.needsAttention()) {
                if (s.status() == ItemStatus.NOT_ASSESSED) {
                    notAssessed.add(s.code());
                } else {
                    attention.add("    " + TextWidth.padRight(s.code(), 6) + TextWidth.padRight(s.status().code(), 14)
                            + (s.reason() == null ? "" : s.reason().en()));
                }
            }
            if (!notAssessed.isEmpty()) {
                // Missing assessment rows are listed together: one reason, many items.
                attention.addAll(wrap("    not_assessed (no assessment row, " + notAssessed.size() + "): ",
                        notAssessed, 110));
            }
        }
        if (!attention.isEmpty()) {
            out.println();
            out.println("Items needing attention (0 points until fixed):");
            attention.forEach(out::println);
        }
    }

    /**
     * The full scorecard of every region: categories of both levels, every indicator with its
     * points and status, and the items of indicators that have sub-items.
     */
    public void printDetails(List<RegionScorecard> cards, PrintStream out) {
        for (RegionScorecard card : cards) {
            out.println();
            out.println(card.regionCode() + " " + name(card.regionCode()) + " — " + card.evalYear() + ": "
                    + Points.text(card.totalPoints()) + " / " + edition.totalPoints().stripTrailingZeros().toPlainString()
                    + (card.passed() ? "  PASS" : "  FAIL"));
            for (Category first : edition.firstLevelCategories()) {
                CategoryScore f = card.category(first.code());
                out.println("  " + first.nameZh() + " " + first.code() + "  " + Points.text(f.points()) + " / "
                        + Points.text(first.maxPoints()) + (f.meetsShare() ? "" : "  * below the pass share"));
                for (Category second : edition.childrenOf(first.code())) {
                    out.println("    " + second.nameZh() + "  " + Points.text(card.category(second.code()).points()) + " / "
                            + Points.text(second.maxPoints()));
                    for (org.netmarket.edition.Indicator ind : edition.indicatorsOf(second.code())) {
                        org.netmarket.scoring.IndicatorScore is = card.indicator(ind.code());
                        StringBuilder line = new StringBuilder("      ")
                                .append(TextWidth.padRight(ind.code(), 4))
                                .append(TextWidth.padRight(shorten(ind.nameZh(), 24), 50))
                                .append(TextWidth.padLeft(Points.text(is.points()) + " / " + Points.text(ind.maxPoints()), 11));
                        if (is.status() != ItemStatus.SCORED) {
                            line.append("  ").append(is.status().code());
                        }
                        if (ind.hasSubItems()) {
                            line.append("  [");
                            for (int i = 0; i < is.items().size(); i++) {
                                ItemScore it = is.items().get(i);
                                line.append(i == 0 ? "" : ", ").append(it.code()).append(' ').append(Points.text(it.points()));
                            }
                            line.append(']');
                        }
                        out.println(line);
                    }
                }
            }
        }
    }

    /**
     * What an analyst recomputing some items ({@code --items}) looks at first: per year and
     * region, each recomputed item's points, status and what it measured against what, as the
     * warehouse publishes them ({@link JudgedObservation}), or why it was not scored.
     *
     * @param itemCodes the item codes recomputed, indicators already expanded to their items
     */
    public void printItems(List<RegionScorecard> cards, List<String> itemCodes, PrintStream out) {
        out.println();
        out.println("Items recomputed (" + String.join(", ", itemCodes) + "):");
        List<RegionScorecard> byYear = cards.stream().sorted(Comparator.comparingInt(RegionScorecard::evalYear)).toList();
        for (RegionScorecard card : byYear) {
            out.println(card.regionCode() + " " + name(card.regionCode()) + " — " + card.evalYear() + ":");
            for (ItemScore s : card.items()) {
                if (itemCodes.contains(s.code())) {
                    out.println("    " + TextWidth.padRight(s.code(), 6)
                            + TextWidth.padRight(Points.text(s.points()) + " / " + Points.text(s.maxPoints()), 11)
                            + TextWidth.padRight(s.status().code(), 14) + measured(s));
                }
            }
        }
    }

    /** An item's observations against their comparisons, its assessment, or why it was not scored. */
    private static String measured(ItemScore s) {
        if (s.status() != ItemStatus.SCORED) {
            return s.reason() == null ? "" : s.reason().en();
        }
        if (s.assessment() != null) {
            return "assessed" + (s.assessment().assessor() == null ? "" : " by " + s.assessment().assessor());
        }
        if (s.measurement() == null) {
            return "";
        }
        List<String> observed = new ArrayList<>();
        for (Observation o : s.measurement().observations()) {
            JudgedObservation j = JudgedObservation.of(o, s.item().rule());
            StringBuilder text = new StringBuilder(j.label()).append(": ");
            text.append(j.value() == null ? "none" : j.value().toPlainString());
            if (j.numerator() != null) {
                text.append(" (").append(j.numerator().toPlainString()).append('/').append(j.denominator().toPlainString()).append(')');
            }
            if (j.comparison() != null) {
                text.append(" vs ").append(j.comparison().toPlainString());
            }
            if (j.met() != null) {
                text.append(j.met() ? " met" : " not met");
            }
            observed.add(text.toString());
        }
        return String.join("; ", observed);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static List<String> wrap(String prefix, List<String> codes, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(prefix);
        String indent = " ".repeat(8);
        for (int i = 0; i < codes.size(); i++) {
            String piece = codes.get(i) + (i < codes.size() - 1 ? ", " : "");
            if (line.length() + piece.length() > width && line.length() > indent.length()) {
                lines.add(line.toString().stripTrailing());
                line = new StringBuilder(indent);
            }
            line.append(piece);
        }
        lines.add(line.toString());
        return lines;
    }

    private String name(String code) {
        return regions != null && regions.contains(code) ? regions.get(code).name() : "";
    }
}
