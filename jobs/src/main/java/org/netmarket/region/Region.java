package org.netmarket.region;

import java.io.Serializable;

/**
 * A region of regions.csv: a GB/T 2260 division (province, city or county) with its parent and
 * economic zone (east/central/west, which sets the above-scale sales threshold of item 4).
 */
public record Region(String code, String name, String parentCode, String level, String economicZone)
        implements Serializable {
}
