package org.netmarket.rules;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Why something is as it is, in English (the log, the run report, analysts' SQL) and in Chinese
 * (the dashboards officials read, the reports clerks fix extracts from): why an item is not
 * scored, why a row was set aside, why a file or a run was refused. Both are written where the
 * problem is found, from the same facts, so that neither language is a translation of the other
 * after the fact.
 *
 * @param en the English text, e.g. {@code retail was not delivered}
 * @param zh the Chinese text, e.g. {@code 零售额数据（retail）未报送}
 */
public record Reason(String en, String zh) implements Serializable {
    public Reason {
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(zh, "zh");
    }

    public static Reason of(String en, String zh) {
        return new Reason(en, zh);
    }

    /** Several reasons as one, in their order: {@code a; b} and {@code a；b}. */
    public static Reason join(List<Reason> reasons) {
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("nothing to join");
        }
        return new Reason(String.join("; ", reasons.stream().map(Reason::en).toList()),
                String.join("；", reasons.stream().map(Reason::zh).toList()));
    }

    /** This reason under a label, e.g. an item's code in its indicator's reason: {@code 27.1: …} and {@code 27.1：…}. */
    public Reason under(String label) {
        return new Reason(label + ": " + en, label + "：" + zh);
    }

    /**
     * Two pieces of Chinese text as one, with a space where a Latin letter or digit meets a
     * Chinese character (the usual typesetting: {@code 地区 140802 的记录}, {@code online_retail_yuan 为 0}).
     */
    public static String zhJoin(String left, String right) {
        if (left.isEmpty() || right.isEmpty()) {
            return left + right;
        }
        char l = left.charAt(left.length() - 1);
        char r = right.charAt(0);
        boolean space = isLatin(l) && Character.UnicodeScript.of(r) == Character.UnicodeScript.HAN
                || Character.UnicodeScript.of(l) == Character.UnicodeScript.HAN && isLatin(r);
        return space ? left + " " + right : left + right;
    }

    private static boolean isLatin(char c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || c == '_');
    }

    @Override
    public String toString() {
        return en;
    }
}
