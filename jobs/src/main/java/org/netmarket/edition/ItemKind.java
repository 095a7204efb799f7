package org.netmarket.edition;

import java.util.Locale;

/** Whether an item is computed from the extracts or assessed by experts. */
public enum ItemKind {
    /** Computed by a class of {@code org.netmarket.items} from the extracts. */
    COMPUTED,
    /** Points given by experts or document review, read from the {@code assessments} extract. */
    ASSESSED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
