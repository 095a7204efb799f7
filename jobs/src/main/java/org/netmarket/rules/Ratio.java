package org.netmarket.rules;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact fraction of two decimals with a positive denominator, the only number type that
 * scoring compares.
 *
 * <p>Boundaries of the indicator system are decided by exact comparison: 150 of 1000
 * operators is exactly 15%, and 15984/14400 - 1 is exactly 0.11. Comparisons therefore
 * cross-multiply decimals ({@code a/b > c/d  <=>  a*d > c*b} for positive b and d) and never
 * go through binary floating point. The decimal form ({@link #toDecimal()}) is for display
 * and the warehouse only.
 */
public final class Ratio implements Comparable<Ratio>, Serializable {
    private static final long serialVersionUID = 1L;
    /** Digits kept when a ratio is shown or stored as a decimal. */
    public static final int DISPLAY_SCALE = 10;

    private final BigDecimal numerator;
    private final BigDecimal denominator;

    private Ratio(BigDecimal numerator, BigDecimal denominator) {
        this.numerator = Objects.requireNonNull(numerator, "numerator");
        this.denominator = Objects.requireNonNull(denominator, "denominator");
        if (denominator.signum() <= 0) {
            throw new IllegalArgumentException("denominator must be positive, was " + denominator);
        }
    }

    /** numerator / denominator; the denominator must be positive. */
    public static Ratio of(BigDecimal numerator, BigDecimal denominator) {
        return new Ratio(numerator, denominator);
    }

    public static Ratio of(long numerator, long denominator) {
        return new Ratio(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }

    /** A plain decimal value (a published rate, a threshold, a count). */
    public static Ratio of(BigDecimal value) {
        return new Ratio(value, BigDecimal.ONE);
    }

    public static Ratio of(long value) {
        return of(BigDecimal.valueOf(value));
    }

    /** Parses a decimal literal such as {@code "0.15"} exactly. */
    public static Ratio parse(String decimal) {
        return of(new BigDecimal(decimal.trim()));
    }

    /** current/previous - 1, the growth rate of the indicator system, kept exact. */
    public static Ratio growth(BigDecimal current, BigDecimal previous) {
        return new Ratio(current.subtract(previous), previous);
    }

    public BigDecimal numerator() {
        return numerator;
    }

    public BigDecimal denominator() {
        return denominator;
    }

    @Override
    public int compareTo(Ratio other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    /** Rounded decimal form for display and storage; never used to decide a boundary. */
    public BigDecimal toDecimal() {
        return numerator.divide(denominator, new MathContext(34, RoundingMode.HALF_EVEN))
                .setScale(DISPLAY_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ratio r && compareTo(r) == 0;
    }

    @Override
    public int hashCode() {
        return toDecimal().hashCode();
    }

    @Override
    public String toString() {
        return denominator.compareTo(BigDecimal.ONE) == 0
                ? numerator.toPlainString()
                : numerator.toPlainString() + "/" + denominator.toPlainString();
    }
}
