package org.netmarket.generator;

import org.netmarket.extract.UnifiedSocialCreditCode;

import java.nio.charset.StandardCharsets;

/**
 * Unified social credit codes (GB 32100-2015) for generated operators: {@code 91} (company) or
 * {@code 92} (individual business), the county's division code, a 9-character organisation part
 * that is a bijection of the operator's number within its county (so codes are unique), and the
 * check character computed by the pipeline's own {@link UnifiedSocialCreditCode}.
 */
final class OperatorIds {
    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final long SPACE = 26_439_622_160_671L; // 31^9
    /**
     * A prime multiplier (coprime to 31^9), so that number -> organisation part is one-to-one;
     * small enough that {@code number * SCRAMBLE} cannot overflow below {@link #MAX_NUMBER}.
     */
    private static final long SCRAMBLE = 998_244_353L;
    /** Shifts small numbers to the middle of the space, so that codes do not start with zeros. */
    private static final long OFFSET = 13_219_811_080_335L;
    static final long MAX_NUMBER = 9_000_000_000L;

    private OperatorIds() {
    }

    /** The 18-character code of operator {@code number} of a county. */
    static String of(String countyCode, long number, boolean individual) {
        return UnifiedSocialCreditCode.complete(first17(countyCode, number, individual));
    }

    static byte[] bytes(String countyCode, long number, boolean individual) {
        return of(countyCode, number, individual).getBytes(StandardCharsets.US_ASCII);
    }

    /** The same code with a wrong 18th character (a mistyped code, for a deliberate bad row). */
    static String withWrongCheck(String countyCode, long number, boolean individual) {
        String good = of(countyCode, number, individual);
        char wrong = good.charAt(17) == '0' ? '1' : '0';
        return good.substring(0, 17) + wrong;
    }

    private static String first17(String countyCode, long number, boolean individual) {
        if (number < 0 || number >= MAX_NUMBER) {
            throw new IllegalArgumentException("operator number " + number + " is outside 0.." + MAX_NUMBER);
        }
        char[] c = new char[17];
        c[0] = '9';
        c[1] = individual ? '2' : '1';
        for (int i = 0; i < 6; i++) {
            c[2 + i] = countyCode.charAt(i);
        }
        long x = (number * SCRAMBLE + OFFSET) % SPACE;
        for (int i = 16; i >= 8; i--) {
            c[i] = CHARSET.charAt((int) (x % 31));
            x /= 31;
        }
        return new String(c);
    }
}
