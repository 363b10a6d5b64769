package org.lotledger.gs1;

import java.util.ArrayList;
import java.util.List;

/**
 * One component of an AI's data field as the Syntax Dictionary specifies it, e.g. {@code N14,csum} (14 digits with a
 * check digit), {@code X..20} (1 to 20 characters of GS1's character set 82) or {@code [N3],iso3166} (optional).
 *
 * @param type     N numeric, X character set 82, Y character set 39, Z base64url
 * @param min      minimum length (equal to max for a fixed-length component; 1 for {@code ..n})
 * @param max      maximum length
 * @param optional whether the component may be left out (it then ends the data)
 * @param linters  names of the content checks GS1 defines for it ({@code csum}, {@code yymmd0}, ...)
 */
public record Gs1Component(char type, int min, int max, boolean optional, List<String> linters) {

    public Gs1Component {
        linters = List.copyOf(linters);
    }

    public boolean fixedLength() {
        return min == max;
    }

    /** Parses one component token of the dictionary's specification, e.g. {@code [N..12]} or {@code N6,yymmd0}. */
    static Gs1Component parse(String token) {
        String t = token;
        boolean optional = t.startsWith("[");
        List<String> linters = new ArrayList<>();
        if (optional) {
            int close = t.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed optional component: " + token);
            }
            String rest = t.substring(close + 1);
            t = t.substring(1, close);
            addLinters(rest, linters);
        }
        int comma = t.indexOf(',');
        if (comma >= 0) {
            addLinters(t.substring(comma), linters);
            t = t.substring(0, comma);
        }
        char type = t.charAt(0);
        if ("NXYZ".indexOf(type) < 0) {
            throw new IllegalArgumentException("unknown component type: " + token);
        }
        String length = t.substring(1);
        int min;
        int max;
        if (length.startsWith("..")) {
            min = 1;
            max = Integer.parseInt(length.substring(2));
        } else {
            min = Integer.parseInt(length);
            max = min;
        }
        return new Gs1Component(type, min, max, optional, linters);
    }

    private static void addLinters(String commaSeparated, List<String> into) {
        for (String l : commaSeparated.split(",")) {
            if (!l.isBlank()) {
                into.add(l.trim());
            }
        }
    }

    @Override
    public String toString() {
        String s = type + (fixedLength() ? String.valueOf(max) : ".." + max);
        if (optional) {
            s = "[" + s + "]";
        }
        return linters.isEmpty() ? s : s + "," + String.join(",", linters);
    }
}
