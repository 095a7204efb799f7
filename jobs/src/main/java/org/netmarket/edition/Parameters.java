package org.netmarket.edition;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computation parameters of an item as written in the edition file (nested maps flattened to
 * dotted keys, e.g. {@code above_scale_threshold_yuan.east}). A missing or malformed parameter
 * is an edition error naming the item and the key.
 */
public final class Parameters implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String itemCode;
    private final TreeMap<String, String> values;

    public Parameters(String itemCode, Map<String, String> values) {
        this.itemCode = itemCode;
        this.values = new TreeMap<>(values);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** Whether the parameter is given without a value ({@code survival_years: ''}). */
    public boolean isBlank(String key) {
        String v = values.get(key);
        return v != null && v.isBlank();
    }

    public String string(String key) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            throw new EditionException("item " + itemCode + ": parameter '" + key + "' is missing");
        }
        return v;
    }

    public BigDecimal decimal(String key) {
        String v = string(key);
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new EditionException("item " + itemCode + ": parameter '" + key + "' is not a number: " + v);
        }
    }

    public int integer(String key) {
        try {
            return decimal(key).intValueExact();
        } catch (ArithmeticException e) {
            throw new EditionException("item " + itemCode + ": parameter '" + key + "' is not a whole number");
        }
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
