package org.netmarket.warehouse;

/** CSV quoting for PostgreSQL COPY ... (FORMAT csv): null is an empty unquoted field; NUL as in {@link PgText}. */
final class CsvText {
    private CsvText() {
    }

    static StringBuilder append(StringBuilder sb, Object value) {
        if (value == null) {
            return sb;
        }
        String s = value.toString();
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c == '\0' ? PgText.NUL_SYMBOL : c);
        }
        return sb.append('"');
    }
}
