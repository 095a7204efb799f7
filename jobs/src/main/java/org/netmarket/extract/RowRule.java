package org.netmarket.extract;

import java.io.Serializable;
import java.util.List;

/** A cross-field rule of an extract, checked on every row. */
public sealed interface RowRule extends Serializable {

    /** {@code column >= start} when both are present ("due after start", "closed not before received"). */
    record NotBefore(String column, String start) implements RowRule {
    }

    /** {@code column} must be empty unless {@code otherColumn} is one of {@code values}. */
    record EmptyUnless(String column, String otherColumn, List<String> values) implements RowRule {
    }

    /**
     * {@code column >= 0} unless {@code otherColumn} is one of {@code values}: a national figure
     * is a signed rate only for the growth metrics; shares and success rates are in [0, 1].
     */
    record NonNegativeUnless(String column, String otherColumn, List<String> values) implements RowRule {
    }

    /** {@code column} must be a key of another extract (checked once that extract is read). */
    record References(String column, String extract) implements RowRule {
    }
}
