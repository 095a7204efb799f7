package org.netmarket.staging;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The name a misspelled one was most likely meant to be, for "did you mean" hints: a data
 * directory entry such as {@code complants/} or {@code Retail.CSV} against the extract folders
 * and files of the contract.
 */
final class NearestName {
    private NearestName() {
    }

    /**
     * The known entry a stray one is most likely a misspelling of: the same name in another case
     * or with another extension, or within two edits of it (and close for its length).
     */
    static Optional<String> of(String entry, List<String> known) {
        String name = baseName(entry);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = editDistance(name, baseName(k));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return bestDistance <= 2 && bestDistance * 3 < name.length() ? Optional.of(best) : Optional.empty();
    }

    /** A name in lower case without a trailing {@code /} or extension: {@code Retail.CSV} is {@code retail}. */
    private static String baseName(String entry) {
        String n = entry.endsWith("/") ? entry.substring(0, entry.length() - 1) : entry;
        int dot = n.lastIndexOf('.');
        return (dot > 0 ? n.substring(0, dot) : n).toLowerCase(Locale.ROOT);
    }

    /**
     * Edit distance counting insertions, deletions, substitutions and swaps of two neighbouring
     * letters (optimal string alignment): {@code retial} is one edit from {@code retail}, as a
     * typist would count it, not the two plain Levenshtein counts.
     */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
