package org.netmarket.edition;

import org.netmarket.rules.ScoringRule;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * A scored sub-point of the indicator system (e.g. {@code 11.2}). An indicator without numbered
 * sub-points is its own single item with the indicator's code (e.g. {@code 3}).
 *
 * @param code          item code, e.g. {@code 11.2} or {@code 3}
 * @param indicatorCode the indicator it belongs to, e.g. {@code 11}
 * @param computation   for computed items, the id of its class in the item registry
 * @param rule          for computed items, how its measurement becomes points
 * @param allowed       for assessed items, the points experts may give
 * @param parameters    computation parameters from the edition (national metric names,
 *                      thresholds such as the above-scale sales by economic zone), flattened to
 *                      dotted keys
 * @param criterionZh   the scoring criterion as written in the indicator system, for display
 */
public record Item(String code, String indicatorCode, String nameZh, String nameEn, BigDecimal maxPoints,
                   ItemKind kind, String computation, ScoringRule rule, AllowedPoints allowed,
                   Parameters parameters, String criterionZh) implements Serializable {

    public boolean isComputed() {
        return kind == ItemKind.COMPUTED;
    }

    /** True when the item is the whole of its indicator (no sub-points). */
    public boolean isWholeIndicator() {
        return code.equals(indicatorCode);
    }
}
