package org.netmarket.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * Yuncheng city (运城市, 140800) and its 13 county-level divisions with their real GB/T 2260 codes
 * and names: the first user of the pipeline and the committed sample data. The applicant city is
 * the top of the sample's tree; within Shanxi (the province scale) its parent is 140000.
 */
final class YunchengRegions {
    static final String SHANXI = "140000";
    static final String YUNCHENG = "140800";

    /** code, name of the 13 county-level divisions of Yuncheng. */
    static final String[][] COUNTIES = {
            {"140802", "盐湖区"}, {"140821", "临猗县"}, {"140822", "万荣县"}, {"140823", "闻喜县"},
            {"140824", "稷山县"}, {"140825", "新绛县"}, {"140826", "绛县"}, {"140827", "垣曲县"},
            {"140828", "夏县"}, {"140829", "平陆县"}, {"140830", "芮城县"}, {"140881", "永济市"},
            {"140882", "河津市"}};

    private YunchengRegions() {
    }

    static RegionLayout layout() {
        List<GeneratedRegion> r = new ArrayList<>();
        r.add(city(null));
        r.addAll(counties());
        return new RegionLayout(r);
    }

    /** The city, under the given parent (null when it is the top of the tree). */
    static GeneratedRegion city(String parent) {
        return new GeneratedRegion(YUNCHENG, "运城市", parent, GeneratedRegion.CITY, "central");
    }

    static List<GeneratedRegion> counties() {
        List<GeneratedRegion> r = new ArrayList<>();
        for (String[] c : COUNTIES) {
            r.add(new GeneratedRegion(c[0], c[1], YUNCHENG, GeneratedRegion.COUNTY, "central"));
        }
        return r;
    }
}
