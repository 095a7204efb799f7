package org.netmarket.extract;

import org.netmarket.rules.Reason;

import java.io.Serializable;

/**
 * Why a row is quarantined: the column at fault (null when the row as a whole is at fault) and
 * the reason, in English and Chinese, written for the data clerk who has to fix the extract.
 */
public record Rejection(String column, Reason reason) implements Serializable {
    @Override
    public String toString() {
        return column == null ? reason.en() : "column " + column + ": " + reason.en();
    }
}
