package org.netmarket.report;

/** Terminal column widths: CJK characters take two columns, so Chinese names line up. */
public final class TextWidth {
    private TextWidth() {
    }

    /** Terminal columns of {@code s}. */
    public static int of(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += of(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    /** Terminal columns of one character: two for CJK and full-width forms, else one. */
    public static int of(int codePoint) {
        return isWide(codePoint) ? 2 : 1;
    }

    /** {@code s} followed by spaces up to {@code width} terminal columns. */
    public static String padRight(String s, int width) {
        int pad = width - of(s);
        return pad > 0 ? s + " ".repeat(pad) : s;
    }

    /** Spaces up to {@code width} terminal columns, then {@code s}. */
    public static String padLeft(String s, int width) {
        int pad = width - of(s);
        return pad > 0 ? " ".repeat(pad) + s : s;
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6);
    }
}
