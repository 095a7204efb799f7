package org.netmarket.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * The province scale: Shanxi's 11 prefecture-level cities with their real codes and names.
 * Yuncheng keeps its 13 real counties; every other city gets 10 synthetic counties with codes
 * {@code <city>51}..{@code <city>60} and names marked 样例 (sample), which are not real divisions.
 */
final class ShanxiRegions {
    private static final String[][] CITIES = {
            {"140100", "太原市"}, {"140200", "大同市"}, {"140300", "阳泉市"}, {"140400", "长治市"},
            {"140500", "晋城市"}, {"140600", "朔州市"}, {"140700", "晋中市"}, {"140800", "运城市"},
            {"140900", "忻州市"}, {"141000", "临汾市"}, {"141100", "吕梁市"}};
    private static final int SYNTHETIC_COUNTIES = 10;

    private ShanxiRegions() {
    }

    static RegionLayout layout() {
        List<GeneratedRegion> r = new ArrayList<>();
        r.add(new GeneratedRegion(YunchengRegions.SHANXI, "山西省", null, GeneratedRegion.PROVINCE, "central"));
        for (String[] c : CITIES) {
            if (c[0].equals(YunchengRegions.YUNCHENG)) {
                r.add(YunchengRegions.city(YunchengRegions.SHANXI));
                r.addAll(YunchengRegions.counties());
                continue;
            }
            r.add(new GeneratedRegion(c[0], c[1], YunchengRegions.SHANXI, GeneratedRegion.CITY, "central"));
            String shortName = c[1].substring(0, c[1].length() - 1);
            for (int i = 1; i <= SYNTHETIC_COUNTIES; i++) {
                String code = c[0].substring(0, 4) + (50 + i);
                r.add(new GeneratedRegion(code, shortName + "样例县" + (i < 10 ? "0" : "") + i, c[0],
                        GeneratedRegion.COUNTY, "central"));
            }
        }
        return new RegionLayout(r);
    }
}
