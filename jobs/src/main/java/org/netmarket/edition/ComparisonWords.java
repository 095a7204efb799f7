package org.netmarket.edition;

import org.netmarket.rules.Comparison;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An edition's comparison vocabulary, its {@code comparison_words}: which word written after
 * {@code compare:} means which {@link Comparison}. The keys ({@code greater_than},
 * {@code at_least}, {@code at_most}) always mean their comparison; any other word means one only
 * when the edition declares it, under exactly one comparison.
 */
final class ComparisonWords {
    // Normalised word (trimmed, lower case) -> its comparison; holds the keys too.
    private final Map<String, Comparison> meaning = new HashMap<>();
    private final Map<Comparison, List<String>> declared = new EnumMap<>(Comparison.class);

    /**
     * @param declared the words of each comparison, in the file's order
     * @throws IllegalArgumentException naming a word that is a key, is listed twice or under two comparisons
     */
    ComparisonWords(Map<Comparison, List<String>> declared) {
        for (Comparison c : Comparison.values()) {
            meaning.put(c.key(), c);
        }
        declared.forEach((comparison, words) -> {
            for (String word : words) {
                String w = normal(word);
                if (Comparison.fromKey(w).isPresent()) {
                    throw new IllegalArgumentException("'" + word + "' under " + comparison.key()
                            + " is a key, always understood as " + Comparison.fromKey(w).get().key() + "; list only other words");
                }
                Comparison before = meaning.putIfAbsent(w, comparison);
                if (before == comparison) {
                    throw new IllegalArgumentException("'" + word + "' is listed twice under " + comparison.key());
                }
                if (before != null) {
                    // Which of the two was meant decides boundary cases: neither may win silently.
                    throw new IllegalArgumentException("'" + word + "' is listed under both " + before.key() + " and "
                            + comparison.key() + "; a word means one comparison");
                }
                this.declared.computeIfAbsent(comparison, c -> new ArrayList<>()).add(word.trim());
            }
        });
    }

    /** The comparison a {@code compare:} word means in this edition, if any. */
    Optional<Comparison> meaning(String word) {
        return Optional.ofNullable(meaning.get(normal(word)));
    }

    /**
     * The word a band's two steps are shown with: the edition's first at_least word (以上 in 2022,
     * as in "b%以上得2分"), or the key when it declares none. Only shown, never read back.
     */
    String bandWord() {
        List<String> atLeast = declared.get(Comparison.AT_LEAST);
        return atLeast == null ? Comparison.AT_LEAST.key() : atLeast.get(0);
    }

    /** The declared words for a message: "greater_than: 超过, 大于; at_least: 以上" or "none". */
    String describe() {
        if (declared.isEmpty()) {
            return "none";
        }
        return declared.entrySet().stream().map(e -> e.getKey().key() + ": " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("; "));
    }

    private static String normal(String word) {
        return word.trim().toLowerCase(Locale.ROOT);
    }
}
