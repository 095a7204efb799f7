package org.netmarket.extract;

import org.netmarket.edition.Indicator;
import org.netmarket.edition.Item;
import org.netmarket.extract.RejectionReasons.DateKind;
import org.netmarket.rules.Reason;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.Temporal;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the text fields of one CSV row into typed values in schema column order, or says why
 * the row must be quarantined (in the words of {@link RejectionReasons}). Pure Java, so that
 * every rule of the extract contract is tested without Spark; the Spark reader calls it inside
 * its tasks.
 *
 * <p>Types: {@code text}/{@code region_code}/{@code uscc}/{@code enum}/{@code month}/
 * {@code item_code} give String, {@code date} LocalDate, {@code timestamp} LocalDateTime,
 * {@code year} Integer, {@code count} Long, {@code boolean} Boolean, the decimal types
 * BigDecimal. Fields are trimmed; an empty field is null.
 */
public final class RowValidator implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Fraction digits kept exactly; a value with more is rejected rather than rounded. */
    public static final int DECIMAL_SCALE = 12;
    /**
     * Fraction digits kept exactly for rates: a rate computed in a spreadsheet comes out with up
     * to 17 (0.30000000000000004), and rates, never above 1 in magnitude, need no integer digits.
     */
    public static final int RATE_SCALE = 18;
    /** Years a date, month or timestamp may fall in: as for year columns, so that a typo (3024) is caught. */
    public static final int FIRST_YEAR = 1949;
    public static final int LAST_YEAR = 2200;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM").withResolverStyle(ResolverStyle.STRICT);
    // The shapes of the date types, only consulted for values that are not canonical: a value of
    // another shape is refused with the format; one of the right shape that does not parse names
    // a day or time that does not exist (2023-02-29), which the clerk should be told rather than
    // be shown the format the value already has.
    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIMESTAMP_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    private static final Pattern MONTH_SHAPE = Pattern.compile("\\d{4}-\\d{2}");

    private final ExtractSchema schema;
    private final ValidationContext context;
    /** Column specs as an array, and per rule the indexes of its two columns: looked up once, not per row. */
    private final ColumnSpec[] columns;
    private final int[] ruleColumn;
    private final int[] ruleOther;
    /**
     * Per enum column, each allowed value as written mapped to what {@link #enumValue} returns for
     * it: a hash lookup for the common case instead of a case-insensitive scan of the list.
     */
    private final Map<String, String>[] enumSpellings;
    /**
     * The known region codes as numbers (every one has 6 digits): a bit test per row instead of
     * hashing and comparing a string (a set lookup was 1% of a national run); null while
     * regions.csv itself is read.
     */
    private final BitSet knownRegions;

    public RowValidator(ExtractSchema schema, ValidationContext context) {
        this.schema = schema;
        this.context = context;
        this.knownRegions = context.regionCodes() == null ? null : sixDigitCodes(context.regionCodes());
        this.columns = schema.columns().toArray(new ColumnSpec[0]);
        List<RowRule> rules = schema.rules();
        @SuppressWarnings("unchecked")
        Map<String, String>[] spellings = new Map[columns.length];
        for (int i = 0; i < columns.length; i++) {
            spellings[i] = new HashMap<>();
            for (String allowed : columns[i].values()) {
                spellings[i].putIfAbsent(allowed, enumValue(columns[i], allowed));
            }
        }
        this.enumSpellings = spellings;
        this.ruleColumn = new int[rules.size()];
        this.ruleOther = new int[rules.size()];
        for (int r = 0; r < rules.size(); r++) {
            if (rules.get(r) instanceof RowRule.NotBefore nb) {
                ruleColumn[r] = schema.indexOf(nb.column());
                ruleOther[r] = schema.indexOf(nb.start());
            } else if (rules.get(r) instanceof RowRule.EmptyUnless eu) {
                ruleColumn[r] = schema.indexOf(eu.column());
                ruleOther[r] = schema.indexOf(eu.otherColumn());
            } else if (rules.get(r) instanceof RowRule.NonNegativeUnless nn) {
                ruleColumn[r] = schema.indexOf(nn.column());
                ruleOther[r] = schema.indexOf(nn.otherColumn());
            }
        }
    }

    public ExtractSchema schema() {
        return schema;
    }

    /** The outcome for one row: typed values, or a rejection. */
    public record Result(Object[] values, Rejection rejection) {
        public boolean isValid() {
            return rejection == null;
        }
    }

    /**
     * Validates one row.
     *
     * @param fields the row's fields in schema column order (already mapped from the header;
     *               null for a field the row does not have)
     */
    public Result validate(String[] fields) {
        Object[] out = new Object[columns.length];
        boolean anyPoints = false;
        for (int i = 0; i < out.length; i++) {
            ColumnSpec c = columns[i];
            // Before trimming: a NUL at either end of a field marks a damaged file as surely as one inside.
            if (fields[i] != null && fields[i].indexOf('\0') >= 0) {
                return reject(c.name(), RejectionReasons.nul());
            }
            String raw = fields[i] == null ? null : trimField(fields[i]);
            if (raw == null || raw.isEmpty()) {
                if (c.required()) {
                    return reject(c.name(), RejectionReasons.emptyButRequired());
                }
                continue;
            }
            try {
                out[i] = parse(c, i, raw);
            } catch (InvalidValue e) {
                return reject(c.name(), e.reason);
            }
            anyPoints |= c.type() == ColumnType.POINTS;
        }
        if (anyPoints) {
            for (int i = 0; i < out.length; i++) {
                ColumnSpec c = columns[i];
                if (c.type() == ColumnType.POINTS && out[i] != null) {
                    Optional<Rejection> r = checkPoints(c, (BigDecimal) out[i], out);
                    if (r.isPresent()) {
                        return new Result(null, r.get());
                    }
                }
            }
        }
        List<RowRule> rules = schema.rules();
        for (int r = 0; r < ruleColumn.length; r++) {
            Rejection rejection = check(rules.get(r), out[ruleColumn[r]], out[ruleOther[r]]);
            if (rejection != null) {
                return new Result(null, rejection);
            }
        }
        return new Result(out, null);
    }

    private static Result reject(String column, Reason reason) {
        return new Result(null, new Rejection(column, reason));
    }

    private Object parse(ColumnSpec c, int index, String v) {
        return switch (c.type()) {
            // A line break in a quoted field as one delivery writes it and its re-delivery may not
            // (a file passed through unix2dos): the same text either way, not a conflict.
            case TEXT -> v.indexOf('\r') < 0 ? v : v.replace("\r\n", "\n");
            case REGION_CODE -> regionCode(v);
            case USCC -> uscc(v);
            // Canonical values (nearly all) are parsed without a formatter; anything else takes the
            // strict formatter, which also words the rejection.
            case DATE -> {
                LocalDate d = CanonicalDates.date(v);
                yield inYears(v, d != null ? d : (LocalDate) temporal(v, DATE, DATE_SHAPE, DateKind.DATE,
                        LocalDate::parse));
            }
            case TIMESTAMP -> {
                LocalDateTime t = CanonicalDates.timestamp(v);
                yield inYears(v, t != null ? t : (LocalDateTime) temporal(v, TIMESTAMP, TIMESTAMP_SHAPE,
                        DateKind.TIMESTAMP, LocalDateTime::parse));
            }
            case MONTH -> {
                if (!CanonicalDates.isMonth(v)) {
                    temporal(v, MONTH, MONTH_SHAPE, DateKind.MONTH, YearMonth::parse);
                }
                checkYear(v, Integer.parseInt(v, 0, 4, 10));
                yield v;
            }
            case YEAR -> year(v);
            case COUNT -> count(c, v);
            case MONEY, DECIMAL, POINTS -> nonNegative(c, decimal(v, DECIMAL_SCALE));
            case RATE -> rate(v, false);
            case SIGNED_RATE -> rate(v, true);
            case BOOLEAN -> bool(v);
            case ENUM -> {
                String exact = enumSpellings[index].get(v);
                yield exact != null ? exact : enumValue(c, v);
            }
            case ITEM_CODE -> itemCode(v);
        };
    }

    private static BitSet sixDigitCodes(Set<String> codes) {
        BitSet bits = new BitSet(1_000_000);
        for (String code : codes) {
            if (code.length() == 6 && CanonicalDates.digits(code, 0, 6)) {
                bits.set(Integer.parseInt(code));
            }
        }
        return bits;
    }

    /**
     * Whether {@code code} is a region of regions.csv (false while regions.csv itself is read,
     * when none is known yet).
     */
    public boolean isKnownRegion(String code) {
        return knownRegions != null && code.length() == 6 && CanonicalDates.digits(code, 0, 6)
                && knownRegions.get(Integer.parseInt(code));
    }

    private String regionCode(String v) {
        if (!(v.length() == 6 && CanonicalDates.digits(v, 0, 6))) {
            throw new InvalidValue(RejectionReasons.notRegionCode(v));
        }
        if (knownRegions != null && !isKnownRegion(v)) {
            Long setAside = context.regionsSetAside().get(v);
            throw new InvalidValue(setAside == null ? RejectionReasons.regionNotInTree(v)
                    : RejectionReasons.regionSetAside(v, setAside));
        }
        return v;
    }

    private static String uscc(String v) {
        String code = UnifiedSocialCreditCode.normalize(v);
        Reason problem = UnifiedSocialCreditCode.problem(code);
        if (problem != null) {
            throw new InvalidValue(problem);
        }
        return code;
    }

    private interface TemporalParser {
        Temporal parse(CharSequence text, DateTimeFormatter f);
    }

    private static Temporal temporal(String v, DateTimeFormatter f, Pattern shape, DateKind kind, TemporalParser p) {
        // The shape first: the formatter's year field alone would take a sign or a fifth digit
        // (-2024-05-01, +12024-05), which the contract's formats do not allow.
        if (!shape.matcher(v).matches()) {
            throw new InvalidValue(RejectionReasons.notDate(v, kind));
        }
        try {
            return p.parse(v, f);
        } catch (DateTimeParseException e) {
            throw new InvalidValue(RejectionReasons.noSuchDate(v, kind));
        }
    }

    private static Integer year(String v) {
        if (!(v.length() == 4 && CanonicalDates.digits(v, 0, 4))) {
            throw new InvalidValue(RejectionReasons.notYear(v));
        }
        int y = Integer.parseInt(v);
        if (y < FIRST_YEAR || y > LAST_YEAR) {
            throw new InvalidValue(RejectionReasons.yearOutside(v, FIRST_YEAR, LAST_YEAR));
        }
        return y;
    }

    private static LocalDate inYears(String v, LocalDate d) {
        checkYear(v, d.getYear());
        return d;
    }

    private static LocalDateTime inYears(String v, LocalDateTime t) {
        checkYear(v, t.getYear());
        return t;
    }

    private static void checkYear(String v, int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidValue(RejectionReasons.dateOutside(v, year, FIRST_YEAR, LAST_YEAR));
        }
    }

    /**
     * The field without surrounding blanks: ASCII spaces and control characters, as
     * {@link String#trim}, and also the no-break and ideographic (full-width) spaces a
     * spreadsheet or a Chinese input method leaves, which would otherwise be invisible in a
     * rejection ("'是　' is not a boolean"); and the zero-width characters text pasted from a
     * web page carries (zero-width space, joiners, word joiner) and the byte-order mark that
     * files joined with {@code cat} leave at the start of a line. A NUL is not trimmed: it is
     * damage, not a blank, and must stay for the NUL check of fields and header names to see it.
     */
    public static String trimField(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isBlank(s.charAt(from))) {
            from++;
        }
        while (to > from && isBlank(s.charAt(to - 1))) {
            to--;
        }
        return from == 0 && to == s.length() ? s : s.substring(from, to);
    }

    private static boolean isBlank(char c) {
        return (c <= ' ' && c != '\0') || c == '\u00A0' || c == '\u3000' || c == '\u2007' || c == '\u202F'
                || (c >= '\u200B' && c <= '\u200D') || c == '\u2060' || c == '\uFEFF';
    }

    private static Long count(ColumnSpec c, String v) {
        if (!isInteger(v)) {
            if (isDecimal(v)) {
                throw new InvalidValue(RejectionReasons.notWholeNumber(v));
            }
            throw new InvalidValue(RejectionReasons.notNumber(v));
        }
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new InvalidValue(RejectionReasons.tooLarge(v));
        }
        if (n < 0) {
            throw new InvalidValue(RejectionReasons.negative(c.name(), v));
        }
        return n;
    }

    private static BigDecimal decimal(String v, int scale) {
        if (!isDecimal(v)) {
            throw new InvalidValue(RejectionReasons.notNumber(v));
        }
        BigDecimal d = new BigDecimal(v);
        if (d.scale() > scale) {
            // Zeros that end the fraction change no value (1.0000000000000 is 1): only digits that
            // would be lost are a reason to set the row aside.
            d = d.stripTrailingZeros();
            if (d.scale() > scale) {
                throw new InvalidValue(RejectionReasons.tooManyDecimals(v, scale));
            }
            d = d.setScale(Math.max(d.scale(), 0));
        }
        if (d.precision() - d.scale() > 38 - scale) {
            throw new InvalidValue(RejectionReasons.tooLarge(v));
        }
        return d;
    }

    /** {@code -?\d+}, without a regular expression (it runs for every number of every row). */
    private static boolean isInteger(String v) {
        int from = v.startsWith("-") ? 1 : 0;
        return v.length() > from && CanonicalDates.digits(v, from, v.length());
    }

    /** {@code -?\d+(\.\d+)?}, without a regular expression. */
    private static boolean isDecimal(String v) {
        int from = v.startsWith("-") ? 1 : 0;
        int dot = v.indexOf('.', from);
        if (dot < 0) {
            return v.length() > from && CanonicalDates.digits(v, from, v.length());
        }
        return dot > from && dot + 1 < v.length() && CanonicalDates.digits(v, from, dot)
                && CanonicalDates.digits(v, dot + 1, v.length());
    }

    private static BigDecimal nonNegative(ColumnSpec c, BigDecimal d) {
        if (d.signum() < 0) {
            throw new InvalidValue(RejectionReasons.negative(c.name(), d.toPlainString()));
        }
        return d;
    }

    private static BigDecimal rate(String v, boolean signed) {
        BigDecimal d = decimal(v, RATE_SCALE);
        if (d.abs().compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidValue(RejectionReasons.rateLooksLikePercentage(v, d.signum() < 0));
        }
        if (!signed && d.signum() < 0) {
            throw new InvalidValue(RejectionReasons.negativeRate(v));
        }
        return d;
    }

    private static Boolean bool(String v) {
        // The usual spellings first, so that most values are not lower-cased into a new string.
        switch (v) {
            case "true", "1", "是":
                return Boolean.TRUE;
            case "false", "0", "否":
                return Boolean.FALSE;
            default:
                break;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "1", "是" -> Boolean.TRUE;
            case "false", "0", "否" -> Boolean.FALSE;
            default -> throw new InvalidValue(RejectionReasons.notBoolean(v));
        };
    }

    private static String enumValue(ColumnSpec c, String v) {
        String folded = asciiLowerCase(v);
        for (String allowed : c.values()) {
            if (asciiLowerCase(allowed).equals(folded)) {
                return allowed;
            }
        }
        throw new InvalidValue(RejectionReasons.notOneOf(v, c.values()));
    }

    /**
     * The value with A-Z lower-cased and nothing else: {@link String#equalsIgnoreCase} would also
     * take look-alikes (a dotless ı, a long ſ, the Kelvin sign) for the listed ASCII letters.
     */
    private static String asciiLowerCase(String v) {
        StringBuilder out = null;
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch >= 'A' && ch <= 'Z') {
                out = out == null ? new StringBuilder(v) : out;
                out.setCharAt(i, (char) (ch + ('a' - 'A')));
            }
        }
        return out == null ? v : out.toString();
    }

    private String itemCode(String v) {
        Optional<Item> item = context.edition().findItem(v);
        if (item.isEmpty()) {
            throw new InvalidValue(RejectionReasons.notAnItem(v, context.edition().id(), indicatorHint(v)));
        }
        if (item.get().isComputed()) {
            throw new InvalidValue(RejectionReasons.computedItem(v));
        }
        return v;
    }

    /**
     * Indicator code "11" where item "11.3" was meant is a likely slip (the code sheets list
     * indicators): name what to write instead. Only called for a rejected row.
     */
    private Reason indicatorHint(String code) {
        Optional<Indicator> indicator = context.edition().indicators().stream().filter(i -> i.code().equals(code)).findFirst();
        if (indicator.isEmpty()) {
            return RejectionReasons.noHint();
        }
        List<String> assessed = indicator.get().items().stream().filter(i -> !i.isComputed()).map(Item::code).toList();
        return assessed.isEmpty() ? RejectionReasons.computedIndicator(code) : RejectionReasons.indicatorOfItems(assessed, schema);
    }

    private Optional<Rejection> checkPoints(ColumnSpec c, BigDecimal points, Object[] row) {
        Object itemCode = row[schema.indexOf(c.of())];
        if (itemCode == null) {
            return Optional.empty();
        }
        Item item = context.edition().item((String) itemCode);
        if (!item.allowed().allows(points, item.maxPoints())) {
            return Optional.of(new Rejection(c.name(), RejectionReasons.pointsNotAllowed(points.toPlainString(), item.code(),
                    item.allowed().describe(item.maxPoints()), item.allowed().describeZh(item.maxPoints()))));
        }
        return Optional.empty();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Rejection check(RowRule rule, Object value, Object other) {
        if (rule instanceof RowRule.NotBefore nb) {
            Object start = other;
            if (value != null && start != null && ((Comparable) value).compareTo(start) < 0) {
                return new Rejection(nb.column(), RejectionReasons.before(nb.column(), show(value), nb.start(), show(start)));
            }
        } else if (rule instanceof RowRule.EmptyUnless eu) {
            if (value != null && (other == null || !eu.values().contains(other.toString()))) {
                return new Rejection(eu.column(), RejectionReasons.emptyUnless(eu.column(), eu.otherColumn(), eu.values(), other));
            }
        } else if (rule instanceof RowRule.NonNegativeUnless nn) {
            if (value instanceof BigDecimal d && d.signum() < 0 && (other == null || !nn.values().contains(other.toString()))) {
                return new Rejection(nn.column(), RejectionReasons.negativeUnless(d.toPlainString(), nn.column(), nn.otherColumn(),
                        other, nn.values()));
            }
        }
        return null;
    }

    private static String show(Object v) {
        return v instanceof LocalDateTime t ? t.format(TIMESTAMP) : String.valueOf(v);
    }

    /** A field that does not fit its column; its reason becomes the quarantine reason. */
    private static final class InvalidValue extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final Reason reason;

        InvalidValue(Reason reason) {
            super(reason.en(), null, false, false);
            this.reason = reason;
        }
    }
}
