package org.netmarket.scoring;

import org.netmarket.edition.Category;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * A category's points. For a first-level category, {@code meetsShare} says whether it reaches
 * the pass rule's share of its maximum (75% in 2022); second-level categories always carry true.
 */
public record CategoryScore(Category category, BigDecimal points, boolean meetsShare) implements Serializable {
    public String code() {
        return category.code();
    }
}
