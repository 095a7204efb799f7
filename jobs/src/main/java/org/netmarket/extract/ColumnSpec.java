package org.netmarket.extract;

import java.io.Serializable;
import java.util.List;

/**
 * One column of an extract.
 *
 * @param required  false when an empty field (null) is allowed
 * @param values    the allowed values of an enum column (matched ignoring case, stored as written here)
 * @param of        for a {@code points} column, the column holding the item code
 */
public record ColumnSpec(String name, ColumnType type, boolean required, List<String> values, String of)
        implements Serializable {
    public ColumnSpec {
        values = values == null ? List.of() : List.copyOf(values);
    }
}
