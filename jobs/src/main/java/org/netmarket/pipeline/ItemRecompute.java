package org.netmarket.pipeline;

import org.netmarket.config.UsageException;
import org.netmarket.edition.Edition;
import org.netmarket.edition.EditionLoader;
import org.netmarket.rules.Reason;
import org.netmarket.scoring.EvaluationRollup;
import org.netmarket.scoring.ItemScore;
import org.netmarket.scoring.RegionScorecard;
import org.netmarket.warehouse.PublishedScores;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Recomputing some items ({@code --items}) of published scores: the rows such a run replaces,
 * and the scorecards that combine the recomputed items with the others' published points, so
 * that categories and total stay the sum of their items.
 */
final class ItemRecompute {
    /** Regions named in a refusal; a national year has thousands. */
    static final int REGIONS_NAMED = 10;

    private ItemRecompute() {
    }

    /** The first {@link #REGIONS_NAMED} codes joined with {@code separator}, and how many in all when there are more. */
    static String named(List<String> regions, String separator) {
        String first = String.join(separator, regions.subList(0, Math.min(regions.size(), REGIONS_NAMED)));
        return regions.size() > REGIONS_NAMED ? first + separator + "… (" + regions.size() + ")" : first;
    }

    /** Publishing only the recomputed items would leave a total without the items it adds up. */
    static void requirePublished(int year, Map<String, ?> published, List<String> regions) {
        List<String> unpublished = regions.stream().filter(r -> !published.containsKey(r)).toList();
        if (!unpublished.isEmpty()) {
            throw new UsageException(Reason.of("--items recomputes items of published scores, but nothing is published for "
                    + year + " in " + named(unpublished, ", ") + ": score all items first (run without --items)",
                    "--items 只重算已发布评分中的部分项目，但 " + named(unpublished, "、") + " 尚未发布 " + year
                            + " 年的评分：请先不带 --items 计算全部项目；" + UsageException.NOTHING_PUBLISHED_ZH));
        }
    }

    /**
     * Items recomputed as of another date or with another edition than the published year's
     * other items would add up, in one total, figures of two cut-off dates or two editions.
     * {@code asOfOffered}: whether the command has an --as-of option to advise (backfill has none).
     */
    static void requireSameBasis(int year, Map<String, PublishedScores.Basis> published, PublishedScores.Basis run,
                                 boolean asOfOffered) {
        Map<PublishedScores.Basis, List<String>> other = new TreeMap<>(
                Comparator.comparing(PublishedScores.Basis::edition).thenComparing(PublishedScores.Basis::asOf));
        published.forEach((region, basis) -> {
            if (!basis.equals(run)) {
                other.computeIfAbsent(basis, b -> new ArrayList<>()).add(region);
            }
        });
        if (other.isEmpty()) {
            return;
        }
        other.values().forEach(Collections::sort);
        List<String> en = new ArrayList<>();
        List<String> zh = new ArrayList<>();
        other.forEach((basis, regions) -> {
            en.add(named(regions, ", ") + " as of " + basis.asOf() + " with edition " + basis.edition());
            zh.add(named(regions, "、") + " 截至 " + basis.asOf() + "、采用 " + basis.edition() + " 版");
        });
        // An option to give only when it suits every region: with some regions on the run's basis
        // already, it would move the refusal to them.
        PublishedScores.Basis theirs = other.keySet().iterator().next();
        boolean oneOtherBasis = other.size() == 1 && other.get(theirs).size() == published.size();
        // An edition published from a file of the analyst's is loaded by its path, not its id.
        boolean bundled = EditionLoader.isBundled(theirs.edition());
        String asOf = theirs.asOf().equals(run.asOf()) ? null : "--as-of " + theirs.asOf();
        boolean otherEdition = !theirs.edition().equals(run.edition());
        String give = !oneOtherBasis ? "" : options(asOf, !otherEdition ? null
                : "--edition " + (bundled ? theirs.edition() : "FILE (the edition file of id " + theirs.edition() + ")"));
        String giveZh = !oneOtherBasis ? "" : options(asOf, !otherEdition ? null
                : "--edition " + (bundled ? theirs.edition() : "FILE（标识为 " + theirs.edition() + " 的版本文件）"));
        String everyItem = "recompute every item (run without --items)";
        String everyZh = "不带 --items 重算全部项目";
        String remedy = give.isEmpty() ? "Recompute every item (run without --items)"
                : asOfOffered || !give.contains("--as-of") ? "Give " + give + ", or " + everyItem
                : "Recompute every item (run without --items), or this year alone with run --year " + year + " " + give
                        + " and these --items: a backfill scores every year as of December 31";
        String remedyZh = give.isEmpty() ? "请" + everyZh
                : asOfOffered || !give.contains("--as-of") ? "请给出 " + giveZh + "，或" + everyZh
                : "请" + everyZh + "，或用 run --year " + year + " " + giveZh + " 单独重算这些项目：backfill 按每年 12 月 31 日计分";
        throw new UsageException(Reason.of("--items recomputes items of published scores, but " + year + " is published for "
                        + String.join("; ", en) + ", and this run scores as of " + run.asOf() + " with edition " + run.edition()
                        + ": one total would mix items of different cut-off dates or editions. " + remedy,
                "--items 只重算已发布评分中的部分项目，但 " + year + " 年已发布的评分中，" + String.join("；", zh) + "，本次运行截至 "
                        + run.asOf() + "、采用 " + run.edition() + " 版，同一总分将混合不同截止日期或版本的项目：" + remedyZh + "；"
                        + UsageException.NOTHING_PUBLISHED_ZH));
    }

    /** The options given, joined with spaces (null: not given). */
    private static String options(String... given) {
        return Stream.of(given).filter(Objects::nonNull).collect(Collectors.joining(" "));
    }

    /** Item codes plus the codes of their indicators: the indicator_score rows an item recompute replaces. */
    static List<String> codesInScope(Edition edition, List<String> itemCodes) {
        Set<String> codes = new LinkedHashSet<>(itemCodes);
        for (String code : itemCodes) {
            codes.add(edition.item(code).indicatorCode());
        }
        return List.copyOf(codes);
    }

    /**
     * When only some items are recomputed, the other items keep their published points (from
     * {@code published}: region → item code → row, as {@link PublishedScores#read} returns them),
     * so the categories and total combine the new items with what is published.
     */
    static List<RegionScorecard> keepPublished(Edition edition, int year, List<RegionScorecard> fresh,
                                               Set<String> recomputed,
                                               Map<String, Map<String, PublishedScores.PublishedItem>> published) {
        requirePublished(year, published, fresh.stream().map(RegionScorecard::regionCode).toList());
        List<RegionScorecard> out = new ArrayList<>();
        for (RegionScorecard card : fresh) {
            Map<String, PublishedScores.PublishedItem> mine = published.get(card.regionCode());
            Map<String, ItemScore> items = new LinkedHashMap<>();
            for (ItemScore s : card.items()) {
                PublishedScores.PublishedItem p = mine.get(s.code());
                items.put(s.code(), recomputed.contains(s.code()) || p == null ? s
                        : new ItemScore(s.item(), p.status(), p.points(), null, null, p.reason()));
            }
            out.add(EvaluationRollup.rollUp(edition, card.regionCode(), year, items));
        }
        return out;
    }
}
