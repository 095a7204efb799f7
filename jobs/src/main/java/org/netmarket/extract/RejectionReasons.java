package org.netmarket.extract;

import org.netmarket.rules.Reason;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Every reason a row is set aside for by the row rules, in English and Chinese side by side:
 * the words a data clerk reads to fix an extract, kept apart from the rules that decide
 * ({@link RowValidator}, the width check of a file scan) so that the two languages are written
 * and reviewed together. A value is quoted as the clerk wrote it ({@code '96.2%'},
 * {@code “96.2%”}); columns, codes and lines are named as in the file.
 */
public final class RejectionReasons {
    /** Digits in groups of three after the first, by commas (ASCII or full-width), with decimals or not. */
    private static final Pattern THOUSANDS_GROUPED = Pattern.compile("-?\\d{1,3}([,，]\\d{3})+(\\.\\d+)?");

    private RejectionReasons() {
    }

    /** How a reason names a date type and the unit that does not exist, in both languages. */
    public enum DateKind {
        DATE("a date (YYYY-MM-DD)", "day", "日期（YYYY-MM-DD）", "没有这一天"),
        TIMESTAMP("a timestamp (YYYY-MM-DD HH:MM:SS)", "date or time", "时间戳（YYYY-MM-DD HH:MM:SS）", "没有这一日期或时刻"),
        MONTH("a month (YYYY-MM)", "month", "月份（YYYY-MM）", "没有这个月份");

        private final String what;
        private final String unit;
        private final String whatZh;
        private final String noSuchZh;

        DateKind(String what, String unit, String whatZh, String noSuchZh) {
            this.what = what;
            this.unit = unit;
            this.whatZh = whatZh;
            this.noSuchZh = noSuchZh;
        }
    }

    /** Why a field with a NUL character is set aside; a header name with one fails its file with these words. */
    public static Reason nul() {
        return Reason.of("contains a NUL character (byte 0x00): the file is damaged, or is not UTF-8 or GB18030 text",
                "含有 NUL 字符（字节 0x00）：文件已损坏，或不是 UTF-8 或 GB18030 文本");
    }

    /**
     * Why a field of a file read as GB18030 is set aside when some of its bytes are not GB18030
     * either: the decoder put U+FFFD in their place, and two rows that differ only in such bytes
     * would otherwise become one.
     */
    public static Reason notGb18030Text() {
        return Reason.of("holds bytes that are not GB18030 text (shown as \uFFFD; the file is not valid UTF-8, so it was read as"
                        + " GB18030): the file is damaged, or in another encoding",
                "含有不是 GB18030 文本的字节（显示为 \uFFFD；文件不是有效的 UTF-8，因此按 GB18030 读取）：文件已损坏，或采用了其他编码");
    }

    public static Reason emptyButRequired() {
        return Reason.of("is empty but required", "为空，但此列必填");
    }

    // ---- values of a type -------------------------------------------------------------------

    public static Reason notRegionCode(String v) {
        return Reason.of("'" + v + "' is not a 6-digit region code (GB/T 2260)", "“" + v + "”不是 6 位行政区划代码（GB/T 2260）");
    }

    public static Reason regionNotInTree(String code) {
        return Reason.of("region code " + code + " is not in regions.csv", "行政区划代码 " + code + " 不在 regions.csv 中");
    }

    public static Reason regionSetAside(String code, long line) {
        return Reason.of("region code " + code + " has its row in regions.csv (line " + line
                        + ") quarantined, so this row cannot be placed",
                "行政区划代码 " + code + " 在 regions.csv 中的行（第 " + line + " 行）已被隔离，本行无法确定所属地区");
    }

    /** A value not of the shape of its date type ({@code 2024/03/01}). */
    public static Reason notDate(String v, DateKind kind) {
        return Reason.of("'" + v + "' is not " + kind.what, "“" + v + "”不是" + kind.whatZh);
    }

    /** A value of the right shape naming a day or time that does not exist ({@code 2023-02-29}). */
    public static Reason noSuchDate(String v, DateKind kind) {
        return Reason.of("'" + v + "' is not " + kind.what + ": there is no such " + kind.unit,
                "“" + v + "”不是" + kind.whatZh + "：" + kind.noSuchZh);
    }

    public static Reason notYear(String v) {
        return Reason.of("'" + v + "' is not a year (4 digits)", "“" + v + "”不是年份（4 位数字）");
    }

    public static Reason yearOutside(String v, int first, int last) {
        return Reason.of("year " + v + " is outside " + first + "-" + last, "年份 " + v + " 不在 " + first + "-" + last + " 范围内");
    }

    public static Reason dateOutside(String v, int year, int first, int last) {
        return Reason.of("'" + v + "' falls in year " + year + ", outside " + first + "-" + last,
                "“" + v + "”的年份 " + year + " 不在 " + first + "-" + last + " 范围内");
    }

    public static Reason notWholeNumber(String v) {
        return Reason.of("'" + v + "' is not a whole number (counts have no decimals)", "“" + v + "”不是整数（计数没有小数）");
    }

    /**
     * Not a number, with the likely slip named: thousands separators (with the value as it should
     * be written), another comma (a decimal comma), or a percent sign.
     */
    public static Reason notNumber(String v) {
        if (THOUSANDS_GROUPED.matcher(v).matches()) {
            String plain = v.replaceAll("[,，]", "");
            return Reason.of("'" + v + "' is not a number (no thousands separators: write " + plain + ")",
                    "“" + v + "”不是数字（不用千位分隔符：写作 " + plain + "）");
        }
        if (v.contains(",") || v.contains("，")) {
            return Reason.of("'" + v + "' is not a number (no commas: the decimal point is '.', e.g. 1234567.89)",
                    "“" + v + "”不是数字（不能含逗号：小数点用“.”，例如 1234567.89）");
        }
        if (v.endsWith("%")) {
            return Reason.of("'" + v + "' is not a number (write rates as fractions: 0.962, not 96.2%)",
                    "“" + v + "”不是数字（比率写成小数：0.962，而不是 96.2%）");
        }
        return Reason.of("'" + v + "' is not a number", "“" + v + "”不是数字");
    }

    public static Reason tooLarge(String v) {
        return Reason.of("'" + v + "' is too large", "“" + v + "”数值过大");
    }

    public static Reason tooManyDecimals(String v, int scale) {
        return Reason.of("'" + v + "' has more than " + scale + " decimal places", "“" + v + "”的小数超过 " + scale + " 位");
    }

    public static Reason negative(String column, String v) {
        return Reason.of(v + " is negative; " + column + " must be >= 0", v + " 是负数；" + column + " 必须 >= 0");
    }

    /** A rate beyond 1 in magnitude: most likely a percentage. */
    public static Reason rateLooksLikePercentage(String v, boolean belowMinusOne) {
        return Reason.of(v + " is " + (belowMinusOne ? "below -1" : "above 1")
                        + ": rates are fractions (0.962, not 96.2); this looks like a percentage",
                v + (belowMinusOne ? " 小于 -1" : " 大于 1") + "：比率是小数（0.962，而不是 96.2），此值像是百分数");
    }

    public static Reason negativeRate(String v) {
        return Reason.of(v + " is negative; rates are fractions in [0, 1]", v + " 是负数；比率是 [0, 1] 之间的小数");
    }

    public static Reason notBoolean(String v) {
        return Reason.of("'" + v + "' is not a boolean (true/false, 1/0 or 是/否)", "“" + v + "”不是布尔值（true/false、1/0 或 是/否）");
    }

    public static Reason notOneOf(String v, List<String> values) {
        return Reason.of("'" + v + "' is not one of " + String.join(", ", values), "“" + v + "”不是可选值之一：" + String.join("、", values));
    }

    // ---- assessments ------------------------------------------------------------------------

    /** An item code the edition does not have; {@code hint} says what was likely meant, or is empty. */
    public static Reason notAnItem(String v, String edition, Reason hint) {
        return Reason.of("'" + v + "' is not an item of edition " + edition + hint.en(),
                "“" + v + "”不是 " + edition + " 版指标体系的细项" + hint.zh());
    }

    public static Reason noHint() {
        return Reason.of("", "");
    }

    /** The hint of {@link #notAnItem} for the code of an indicator computed from the extracts. */
    public static Reason computedIndicator(String code) {
        return Reason.of(" (indicator " + code + " is computed from the extracts, not assessed)",
                "（指标 " + code + " 由报送数据计算得出，不是评审项）");
    }

    /** The hint of {@link #notAnItem} for the code of an indicator whose assessed items are {@code items}. */
    public static Reason indicatorOfItems(List<String> items, ExtractSchema assessments) {
        return Reason.of(" (it is an indicator; assessments name its item" + (items.size() > 1 ? "s " : " ")
                        + String.join(", ", items) + ")",
                "（这是指标代码；" + ExtractLabel.zh(assessments) + "应填写其细项 " + String.join("、", items) + "）");
    }

    public static Reason computedItem(String v) {
        return Reason.of("item " + v + " is computed from the extracts, not assessed", "细项 " + v + " 由报送数据计算得出，不是评审项");
    }

    public static Reason pointsNotAllowed(String points, String item, String allowed, String allowedZh) {
        return Reason.of(points + " points are not allowed for item " + item + " (allowed: " + allowed + ")",
                "细项 " + item + " 不能给 " + points + " 分（允许：" + allowedZh + "）");
    }

    // ---- rules between columns --------------------------------------------------------------

    public static Reason before(String column, String value, String start, String startValue) {
        return Reason.of(column + " " + value + " is before " + start + " " + startValue,
                column + " " + value + " 早于 " + start + " " + startValue);
    }

    public static Reason emptyUnless(String column, String other, List<String> values, Object otherValue) {
        return Reason.of(column + " must be empty unless " + other + " is " + String.join("/", values) + " (" + other + " is "
                        + otherValue + ")",
                "只有 " + other + " 为 " + String.join("/", values) + " 时 " + column + " 才能填写（" + other + " 为 " + otherValue + "）");
    }

    public static Reason negativeUnless(String value, String column, String other, Object otherValue, List<String> values) {
        return Reason.of(value + " is negative; " + column + " must be >= 0 when " + other + " is " + otherValue + " (only "
                        + String.join(", ", values) + " may be negative)",
                value + " 是负数；" + other + " 为 " + otherValue + " 时 " + column + " 必须 >= 0（只有 " + String.join("、", values)
                        + " 可以为负）");
    }

    // ---- the shape of a row -----------------------------------------------------------------

    /** More fields than the header has columns. */
    public static Reason tooManyFields(int fields, int columns) {
        return Reason.of("the row has " + fields + " fields but the header has " + columns + " (an unquoted comma in a field?)",
                "本行有 " + fields + " 个字段，表头有 " + columns + " 列（字段中有未加引号的逗号？）");
    }

    /** A row that is the header line again: files joined with {@code cat}, each with its header. */
    public static Reason repeatsTheHeader(long headerLine) {
        return Reason.of("the row repeats the header (line " + headerLine + "): files joined together, each with its header?",
                "本行与表头（第 " + headerLine + " 行）相同：是否把各带表头的文件拼接在了一起？");
    }

    /** Fewer fields than the header has columns: {@code without} are the columns left without one. */
    public static Reason tooFewFields(int fields, int columns, List<String> without) {
        return Reason.of("the row has " + fields + " fields but the header has " + columns + ": " + String.join(", ", without)
                        + (without.size() == 1 ? " gets" : " get") + " none (a field left out, or a line break in an unquoted field?)",
                "本行有 " + fields + " 个字段，表头有 " + columns + " 列：" + String.join("、", without)
                        + " 没有值（漏填了字段，或未加引号的字段中有换行？）");
    }
}
