package org.netmarket.edition;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The points an assessed item may be given: multiples of a step within [0, max] (0.5 for most
 * items, 1 for item 34), or an explicit list (0 or 3 for items 28–31: "符合一项即可得3分").
 */
public record AllowedPoints(BigDecimal step, List<BigDecimal> values) implements Serializable {

    public AllowedPoints {
        values = values == null ? null : List.copyOf(values);
        if ((step == null) == (values == null)) {
            throw new IllegalArgumentException("allowed points need exactly one of 'step' or 'values'");
        }
        if (step != null && step.signum() <= 0) {
            throw new IllegalArgumentException("allowed step must be positive, was " + step);
        }
    }

    public static AllowedPoints step(BigDecimal step) {
        return new AllowedPoints(step, null);
    }

    public static AllowedPoints values(List<BigDecimal> values) {
        return new AllowedPoints(null, values);
    }

    /** Whether {@code points} may be given to an item whose maximum is {@code max}. */
    public boolean allows(BigDecimal points, BigDecimal max) {
        if (points.signum() < 0 || points.compareTo(max) > 0) {
            return false;
        }
        if (values != null) {
            return values.stream().anyMatch(v -> v.compareTo(points) == 0);
        }
        return points.remainder(step).signum() == 0;
    }

    /** How the rule reads in a quarantine message, e.g. "a multiple of 0.5 from 0 to 1". */
    public String describe(BigDecimal max) {
        if (values != null) {
            return "one of " + values.stream().map(BigDecimal::toPlainString).collect(Collectors.joining(", "));
        }
        String kind = step.compareTo(BigDecimal.ONE) == 0 ? "a whole number" : "a multiple of " + step.toPlainString();
        return kind + " from 0 to " + max.toPlainString();
    }

    /** {@link #describe} in Chinese: {@code 0、3 之一}, {@code 0 到 2 的整数}, {@code 0 到 1 之间 0.5 的倍数}. */
    public String describeZh(BigDecimal max) {
        if (values != null) {
            return values.stream().map(BigDecimal::toPlainString).collect(Collectors.joining("、")) + " 之一";
        }
        String range = "0 到 " + max.toPlainString();
        return step.compareTo(BigDecimal.ONE) == 0 ? range + " 的整数" : range + " 之间 " + step.toPlainString() + " 的倍数";
    }
}
