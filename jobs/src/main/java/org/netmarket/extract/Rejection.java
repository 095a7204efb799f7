package org.netmarket.extract;

import java.io.Serializable;

/**
 * Why a row is quarantined: the column at fault (null when the row as a whole is at fault) and
 * the reason, written for the data clerk who has to fix the extract.
 */
public record Rejection(String column, String reason) implements Serializable {
    @Override
    public String toString() {
        return column == null ? reason : "column " + column + ": " + reason;
    }
}
