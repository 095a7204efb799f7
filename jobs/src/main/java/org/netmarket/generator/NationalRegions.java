package org.netmarket.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * The national scale: the 31 provincial-level divisions with their real codes, names and
 * east/central/west zones (the zone decides the above-scale sales threshold of item 4), each with
 * as many synthetic cities as it has prefecture-level divisions (two for each municipality),
 * and 10 synthetic counties per city. Synthetic codes are {@code PPCC00} for cities and
 * {@code PPCCNN} for counties; names are marked 样例 (sample) and are not real divisions.
 */
final class NationalRegions {
    /** code, name, one-character abbreviation, zone, prefecture-level divisions. */
    private static final String[][] PROVINCES = {
            {"110000", "北京市", "京", "east", "2"}, {"120000", "天津市", "津", "east", "2"},
            {"130000", "河北省", "冀", "east", "11"}, {"140000", "山西省", "晋", "central", "11"},
            {"150000", "内蒙古自治区", "蒙", "west", "12"}, {"210000", "辽宁省", "辽", "east", "14"},
            {"220000", "吉林省", "吉", "central", "9"}, {"230000", "黑龙江省", "黑", "central", "13"},
            {"310000", "上海市", "沪", "east", "2"}, {"320000", "江苏省", "苏", "east", "13"},
            {"330000", "浙江省", "浙", "east", "11"}, {"340000", "安徽省", "皖", "central", "16"},
            {"350000", "福建省", "闽", "east", "9"}, {"360000", "江西省", "赣", "central", "11"},
            {"370000", "山东省", "鲁", "east", "16"}, {"410000", "河南省", "豫", "central", "17"},
            {"420000", "湖北省", "鄂", "central", "13"}, {"430000", "湖南省", "湘", "central", "14"},
            {"440000", "广东省", "粤", "east", "21"}, {"450000", "广西壮族自治区", "桂", "west", "14"},
            {"460000", "海南省", "琼", "east", "4"}, {"500000", "重庆市", "渝", "west", "2"},
            {"510000", "四川省", "川", "west", "21"}, {"520000", "贵州省", "黔", "west", "9"},
            {"530000", "云南省", "滇", "west", "16"}, {"540000", "西藏自治区", "藏", "west", "7"},
            {"610000", "陕西省", "陕", "west", "10"}, {"620000", "甘肃省", "陇", "west", "14"},
            {"630000", "青海省", "青", "west", "8"}, {"640000", "宁夏回族自治区", "宁", "west", "5"},
            {"650000", "新疆维吾尔自治区", "新", "west", "14"}};

    private NationalRegions() {
    }

    /** The whole country: 31 provinces, 341 cities, 3,410 counties. */
    static RegionLayout layout() {
        return layout(PROVINCES.length, Integer.MAX_VALUE, 10);
    }

    /**
     * A miniature of the national layout (for tests): the first {@code provinces} provinces, at
     * most {@code maxCities} cities each, {@code countiesPerCity} counties per city.
     */
    static RegionLayout layout(int provinces, int maxCities, int countiesPerCity) {
        List<GeneratedRegion> r = new ArrayList<>();
        for (int p = 0; p < provinces; p++) {
            String[] prov = PROVINCES[p];
            String pp = prov[0].substring(0, 2);
            String zone = prov[3];
            r.add(new GeneratedRegion(prov[0], prov[1], null, GeneratedRegion.PROVINCE, zone));
            int cities = Math.min(maxCities, Integer.parseInt(prov[4]));
            for (int c = 1; c <= cities; c++) {
                String cc = twoDigits(c);
                String cityCode = pp + cc + "00";
                r.add(new GeneratedRegion(cityCode, prov[2] + "样例" + cc + "市", prov[0], GeneratedRegion.CITY, zone));
                for (int k = 1; k <= countiesPerCity; k++) {
                    String kk = twoDigits(k);
                    r.add(new GeneratedRegion(pp + cc + kk, prov[2] + "样例" + cc + kk + "县", cityCode,
                            GeneratedRegion.COUNTY, zone));
                }
            }
        }
        return new RegionLayout(r);
    }

    private static String twoDigits(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }
}
