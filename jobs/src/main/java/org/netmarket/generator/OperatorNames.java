package org.netmarket.generator;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Plausible operator names from pre-encoded pieces: shops on platforms (张记苹果网店) and
 * companies (河东红枣电子商务有限公司), prefixed with the county's name. A few names carry an
 * ASCII comma or double quotes, as hand-typed registry entries do, so that the files exercise
 * RFC 4180 quoting.
 */
final class OperatorNames {
    private static final byte[][] BRANDS = utf8("河东", "晋南", "舜都", "关公", "盐池", "黄河", "中条", "果乡",
            "鑫源", "德顺", "康达", "华盛", "润丰", "金穗", "禾丰", "聚源", "条山", "解州", "蒲津", "汾阴");
    private static final byte[][] FAMILIES = utf8("张记", "王记", "李记", "赵记", "刘记", "杨记", "陈记", "郭记",
            "薛记", "卫记", "柴记", "畅记");
    private static final byte[][] PRODUCTS = utf8("苹果", "石榴", "红枣", "花椒", "蜂蜜", "小米", "老陈醋", "面食",
            "中药材", "农资", "服饰", "家电", "日用品", "茶叶", "鲜果", "蔬菜", "坚果", "手工艺品", "粉条", "柿饼");
    private static final byte[][] SHOPS = utf8("网店", "旗舰店", "专营店", "直播间", "小店");
    private static final byte[][] COMPANIES = utf8("电子商务有限公司", "网络科技有限公司", "商贸有限公司", "供应链有限公司");

    private OperatorNames() {
    }

    /** Writes the name field; a name that needs quoting goes through {@link CsvSink#text}. */
    static void write(CsvSink sink, byte[] county, String countyName, String type, SplittableRandom r) {
        boolean shop = "in_platform".equals(type);
        byte[] who = shop ? pick(FAMILIES, r) : pick(BRANDS, r);
        byte[] product = pick(PRODUCTS, r);
        byte[] kind = shop ? pick(SHOPS, r) : pick(COMPANIES, r);
        int odd = r.nextInt(2000);
        if (odd < 4) {
            // Branch written after a comma, as clerks type it.
            sink.text(countyName + str(who) + str(product) + str(kind) + ",二店");
        } else if (odd == 4) {
            sink.text(countyName + "\"" + str(who) + "\"" + str(product) + str(kind));
        } else {
            sink.utf8(county, who, product, kind);
        }
    }

    private static byte[] pick(byte[][] from, SplittableRandom r) {
        return from[r.nextInt(from.length)];
    }

    private static String str(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static byte[][] utf8(String... s) {
        byte[][] out = new byte[s.length][];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i].getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }
}
