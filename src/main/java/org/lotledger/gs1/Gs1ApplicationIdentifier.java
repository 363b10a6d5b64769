package org.lotledger.gs1;

import java.util.Arrays;
import java.util.List;

/**
 * One Application Identifier as GS1's Barcode Syntax Dictionary defines it.
 *
 * @param ai                the AI, 2 to 4 digits ({@code "01"}, {@code "3103"})
 * @param predefinedLength  the dictionary's {@code *} flag: the field has a predefined length and needs no GS
 *                          (FNC1) separator after it
 * @param components        the data field, component by component
 * @param requires          each {@code req=} attribute: a list of alternatives, each alternative a group of AIs
 *                          (or patterns such as {@code 31nn}) that must all be present; one alternative suffices
 * @param excludes          the {@code ex=} attribute: AIs or patterns that may not appear with this one
 * @param title             GS1's short title, e.g. {@code GTIN}, {@code BATCH/LOT}, {@code NET WEIGHT (kg)}
 */
public record Gs1ApplicationIdentifier(
        String ai,
        boolean predefinedLength,
        List<Gs1Component> components,
        List<List<List<String>>> requires,
        List<String> excludes,
        String title) {

    public Gs1ApplicationIdentifier {
        components = List.copyOf(components);
        requires = requires.stream()
                .map(alts -> alts.stream().map(List::copyOf).toList())
                .toList();
        excludes = List.copyOf(excludes);
        title = title == null || title.isBlank() ? "AI " + ai : title;
    }

    public int minLength() {
        return components.stream()
                .filter(c -> !c.optional())
                .mapToInt(Gs1Component::min)
                .sum();
    }

    public int maxLength() {
        return components.stream().mapToInt(Gs1Component::max).sum();
    }

    /** How a clerk reads it in a message: {@code GTIN (01)}. */
    public String label() {
        return title + " (" + ai + ")";
    }

    public String format() {
        return String.join(" ", components.stream().map(Gs1Component::toString).toList());
    }

    /**
     * Whether {@code otherAi} matches {@code pattern}, where each {@code n} in the pattern stands for any digit
     * (the dictionary's notation, e.g. {@code 310n}, {@code 31nn}).
     */
    static boolean matches(String pattern, String otherAi) {
        if (pattern.length() != otherAi.length()) {
            return false;
        }
        for (int i = 0; i < pattern.length(); i++) {
            char p = pattern.charAt(i);
            if (p != 'n' && p != otherAi.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Parses the {@code req} column: several attributes separated by spaces, alternatives by commas, groups by +. */
    static List<List<List<String>>> parseRequires(String column) {
        if (column.isBlank()) {
            return List.of();
        }
        return Arrays.stream(column.trim().split("\\s+"))
                .map(attr -> Arrays.stream(attr.split(","))
                        .map(alt -> List.of(alt.split("\\+")))
                        .toList())
                .toList();
    }

    static List<String> parseExcludes(String column) {
        if (column.isBlank()) {
            return List.of();
        }
        return Arrays.stream(column.trim().split("[\\s,]+")).toList();
    }
}
