package org.lotledger.platform.web;

/**
 * What text the API takes: no control characters (C0 but tab, line feed, carriage return and GS, the GS1 group
 * separator that barcode scans carry; DEL; C1), no lone surrogate halves. PostgreSQL refuses NUL in text, and a code or reference with a control character is never a
 * typing slip anyone wants stored.
 */
public final class TextRules {

    /** ASCII 29, the group separator (FNC1) between GS1 element strings of variable length. */
    public static final char GS = 0x1d;

    private TextRules() {}

    public static boolean hasControlCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != GS) || (c >= 0x7f && c <= 0x9f)) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** For messages: the text with control characters shown as {@code \\uXXXX}. */
    public static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        s.chars().limit(100).forEach(c -> {
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate((char) c)) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.append((char) c);
            }
        });
        return sb.toString();
    }
}
