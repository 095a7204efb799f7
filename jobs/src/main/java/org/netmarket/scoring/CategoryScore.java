package org.netmarket.scoring;

import org.netmarket.edition.Category;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * A category's points. For a first-level category, {@code meetsShare} says whether it reaches
 * the pass rule's share of its maximum (75% in 2022); a second-level category has no share rule,
 * and null there (as in {@code category_score.meets_share}).
 */
public record CategoryScore(Category category, BigDecimal points, Boolean meetsShare) implements Serializable {
    public CategoryScore {
        if ((meetsShare == null) == category.isFirstLevel()) {
            throw new IllegalArgumentException("category " + category.code() + ": meetsShare is "
                    + (category.isFirstLevel() ? "required for a first-level category" : "only for first-level categories"));
        }
    }

    public String code() {
        return category.code();
    }
}
