package org.netmarket.edition;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * A first-level (e.g. {@code development} 促进发展, 20) or second-level (e.g.
 * {@code development.scale} 发展规模, 10) category of the indicator system.
 *
 * @param level      1 for first level, 2 for second level
 * @param parentCode the first-level category of a second-level one; null for first level
 */
public record Category(String code, String nameZh, String nameEn, int level, BigDecimal maxPoints,
                       String parentCode) implements Serializable {

    public boolean isFirstLevel() {
        return level == 1;
    }

    /** The warehouse spelling of the level: {@code first} or {@code second}. */
    public String levelCode() {
        return level == 1 ? "first" : "second";
    }
}
