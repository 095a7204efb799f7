package org.netmarket.extract;

import java.util.Locale;

/**
 * How an extract is used. Record-level extracts carry the lowest region and roll up to every
 * ancestor; aggregate extracts carry figures per region and period, with a city's figure summed
 * from its children only when it has no row of its own.
 */
public enum ExtractKind {
    REFERENCE, NATIONAL, AGGREGATE, RECORD;

    public static ExtractKind fromCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
