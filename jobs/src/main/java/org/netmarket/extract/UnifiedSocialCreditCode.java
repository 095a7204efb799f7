package org.netmarket.extract;

import org.netmarket.rules.Reason;

import java.util.Arrays;

/**
 * The check character of an 18-character unified social credit code (统一社会信用代码,
 * GB 32100-2015). Only the 18th character is verified, not the embedded organisation code.
 */
public final class UnifiedSocialCreditCode {
    /** The 31 characters of the code (no I, O, S, V, Z). */
    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    /**
     * The value of each ASCII character in the code, -1 for those not allowed: every operator row
     * of a national delivery is checked, so a lookup instead of a search of the charset.
     */
    private static final int[] VALUES = new int[128];

    static {
        Arrays.fill(VALUES, -1);
        for (int i = 0; i < CHARSET.length(); i++) {
            VALUES[CHARSET.charAt(i)] = i;
        }
    }

    private UnifiedSocialCreditCode() {
    }

    /** The check character for the first 17 characters; throws if one is not in the charset. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need 17 characters, got " + first17.length());
        }
        for (int i = 0; i < 17; i++) {
            if (valueOf(first17.charAt(i)) < 0) {
                throw new IllegalArgumentException("character '" + first17.charAt(i) + "' at position " + (i + 1)
                        + " is not allowed in a unified social credit code");
            }
        }
        return checkOf(first17);
    }

    /** The check character of the first 17 characters of {@code code}, each of them allowed. */
    private static char checkOf(String code) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += valueOf(code.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CHARSET.charAt(check == 31 ? 0 : check);
    }

    /** The value of a character of the code, -1 when it is not allowed. */
    private static int valueOf(char c) {
        return c < VALUES.length ? VALUES[c] : -1;
    }

    /**
     * The code as stored and compared: ASCII letters upper-cased. Registries and clerks type codes
     * in either case and GB 32100 codes are read case-insensitively in practice, so a lower-case
     * code is the same code. Only a-z change: a general upper-casing could change the length
     * (German sharp s becomes SS) and hide what was delivered.
     */
    public static String normalize(String code) {
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c >= 'a' && c <= 'z') {
                char[] chars = code.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    if (chars[j] >= 'a' && chars[j] <= 'z') {
                        chars[j] = (char) (chars[j] - ('a' - 'A'));
                    }
                }
                return new String(chars);
            }
        }
        return code;
    }

    /**
     * Null when the code is valid, else what is wrong with it in words a data clerk can act on.
     * Expects a {@link #normalize normalized} code: lower-case letters are reported as not allowed.
     */
    public static Reason problem(String code) {
        if (code.length() != 18) {
            return Reason.of("'" + code + "' has " + code.length() + " characters; a unified social credit code has 18",
                    "“" + code + "”有 " + code.length() + " 个字符，统一社会信用代码应为 18 位");
        }
        for (int i = 0; i < 18; i++) {
            if (valueOf(code.charAt(i)) < 0) {
                return Reason.of("'" + code + "' has '" + code.charAt(i) + "' at position " + (i + 1)
                        + ", which is not allowed in a unified social credit code (the letters I, O, S, V and Z are not used)",
                        "“" + code + "”第 " + (i + 1) + " 位是“" + code.charAt(i)
                                + "”，统一社会信用代码不能含有此字符（不使用字母 I、O、S、V、Z）");
            }
        }
        char expected = checkOf(code);
        if (code.charAt(17) != expected) {
            return Reason.of("'" + code + "' fails the GB 32100-2015 check: the 18th character is '" + code.charAt(17)
                    + "' but should be '" + expected + "' (mistyped code?)",
                    "“" + code + "”未通过 GB 32100-2015 校验：第 18 位是“" + code.charAt(17) + "”，应为“" + expected
                            + "”（代码录入有误？）");
        }
        return null;
    }

    /** Completes 17 characters with their check character (for generators and tests). */
    public static String complete(String first17) {
        return first17 + checkCharacter(first17);
    }
}
