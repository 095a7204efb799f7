package org.netmarket.facts;

import org.netmarket.rules.ItemStatus;
import org.netmarket.rules.Reason;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * A figure looked up for a region and period: present with its value, or why not — missing
 * (not delivered, no row, fewer than 12 months) or in conflict (two versions of the same key
 * with different values). An item turns the latter two into missing_data and data_error.
 */
public record Figure(BigDecimal value, ItemStatus problem, Reason reason) implements Serializable {

    public static Figure of(BigDecimal value) {
        return new Figure(value, null, null);
    }

    public static Figure missing(Reason reason) {
        return new Figure(null, ItemStatus.MISSING_DATA, reason);
    }

    public static Figure conflict(Reason reason) {
        return new Figure(null, ItemStatus.DATA_ERROR, reason);
    }

    public boolean isPresent() {
        return problem == null;
    }

    /** Sum of two figures; the first problem met (by status precedence) wins. */
    public Figure plus(Figure other) {
        if (isPresent() && other.isPresent()) {
            return of(value.add(other.value));
        }
        if (!isPresent() && !other.isPresent()) {
            return problem.precedence() <= other.problem.precedence() ? this : other;
        }
        return isPresent() ? other : this;
    }
}
