package org.netmarket.rules;

import org.netmarket.extract.SchemaCatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks that a reason's Chinese says what its English says: it is Chinese (not a copy of the
 * English), and every fact the English names — region codes, years, months and dates, column and
 * metric identifiers, values quoted as written, the extract a reason is about — is named in the
 * Chinese too. A dashboard reader and an
 * analyst reading the log then look for the same rows.
 */
public final class ReasonAssertions {
    /** Codes, years, months and dates ({@code 140802}, {@code 2024}, {@code 2024-03}, {@code 2024-12-31}). */
    private static final Pattern NUMBERS = Pattern.compile("\\d{4,}(?:-\\d{2}){0,2}");
    /** Column, metric and population identifiers ({@code online_retail_yuan}, {@code monitoring_lead}). */
    private static final Pattern IDENTIFIERS = Pattern.compile("[a-z]+(?:_[a-z]+)+");
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    /** A value quoted as the data clerk wrote it ({@code '96.2%'}): the Chinese must quote it as written too. */
    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");

    private ReasonAssertions() {
    }

    public static void assertSaysTheSameInChinese(Reason reason) {
        assertNotNull(reason, "reason");
        List<String> problems = new ArrayList<>();
        if (!CJK.matcher(reason.zh()).find()) {
            problems.add("the Chinese has no Chinese in it");
        }
        for (Pattern p : List.of(NUMBERS, IDENTIFIERS)) {
            Matcher m = p.matcher(reason.en());
            while (m.find()) {
                if (!reason.zh().contains(m.group())) {
                    problems.add("the Chinese does not name " + m.group());
                }
            }
        }
        Matcher quoted = QUOTED.matcher(reason.en());
        while (quoted.find()) {
            if (!reason.zh().contains(quoted.group(1))) {
                problems.add("the Chinese does not quote " + quoted.group());
            }
        }
        for (String extract : SchemaCatalog.EXTRACTS) {
            // An extract named as the subject of a reason ("retail was not delivered"), not a word of a
            // population ("no rated complaints in 2024 to count").
            if (Pattern.compile("(?:^|; )" + Pattern.quote(extract) + " ").matcher(reason.en()).find()
                    && !reason.zh().contains("（" + extract + "）")) {
                problems.add("the Chinese does not name extract " + extract + " as its label does (…（" + extract + "）)");
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("; ", problems) + "\n  en: " + reason.en() + "\n  zh: " + reason.zh());
        }
    }
}
