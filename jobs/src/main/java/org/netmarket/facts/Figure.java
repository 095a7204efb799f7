package org.netmarket.facts;

import org.netmarket.rules.ItemStatus;
import org.netmarket.rules.Reason;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * A figure looked up for a region and period: present with its value, or why not — missing
 * (not delivered, no row, fewer than 12 months) or in conflict (two versions of the same key
 * with different values). An item turns the latter two into missing_data and data_error.
 *
 * <p>A present figure says whether any part of it is a sum of the region's children's rows
 * ({@code summedFrom}, the extract; null when only the region's own rows made it): a city's own
 * figure and the sum of its counties may differ, and the analyst must see which one was scored.
 */
public record Figure(BigDecimal value, ItemStatus problem, Reason reason, String summedFrom) implements Serializable {

    public static Figure of(BigDecimal value) {
        return new Figure(value, null, null, null);
    }

    public static Figure missing(Reason reason) {
        return new Figure(null, ItemStatus.MISSING_DATA, reason, null);
    }

    public static Figure conflict(Reason reason) {
        return new Figure(null, ItemStatus.DATA_ERROR, reason, null);
    }

    public boolean isPresent() {
        return problem == null;
    }

    /** This present figure as the sum of the region's children's rows of {@code extract}. */
    public Figure summedFrom(String extract) {
        return isPresent() ? new Figure(value, null, null, extract) : this;
    }

    /** Sum of two figures; the first problem met (by status precedence) wins. */
    public Figure plus(Figure other) {
        if (isPresent() && other.isPresent()) {
            return new Figure(value.add(other.value), null, null, summedFrom != null ? summedFrom : other.summedFrom);
        }
        if (!isPresent() && !other.isPresent()) {
            return problem.precedence() <= other.problem.precedence() ? this : other;
        }
        return isPresent() ? other : this;
    }
}
