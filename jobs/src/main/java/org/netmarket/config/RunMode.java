package org.netmarket.config;

import java.util.Locale;

/** Who started a run: the nightly schedule, an analyst by hand, or a backfill of several years. */
public enum RunMode {
    NIGHTLY, ADHOC, BACKFILL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
