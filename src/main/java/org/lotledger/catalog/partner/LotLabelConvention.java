package org.lotledger.catalog.partner;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.lotledger.common.DomainException;

/**
 * How one supplier prints its lot numbers: a Java regular expression with a named group {@code lot} and an
 * example that it must match. Scanned text is normalised to the group, so "LOT-12345", "lot-12345" (when the
 * pattern allows) and "12345" on a label all become the lot number the ledger knows. Pure, no framework.
 */
public final class LotLabelConvention {

    private final Pattern pattern;
    private final String example;

    private LotLabelConvention(Pattern pattern, String example) {
        this.pattern = pattern;
        this.example = example;
    }

    /** Validates the convention: the pattern compiles, has a group {@code lot}, and matches its example. */
    public static LotLabelConvention of(String regex, String example) {
        if (regex == null || regex.isBlank()) {
            throw invalid("A lot-label pattern is required", regex, example);
        }
        Pattern p;
        try {
            p = Pattern.compile(regex.trim());
        } catch (PatternSyntaxException e) {
            throw invalid("The lot-label pattern does not compile: " + e.getDescription(), regex, example);
        }
        // Java 17 has no Pattern#namedGroups; a named group can only be declared with this exact syntax
        if (!regex.contains("(?<lot>")) {
            throw invalid("The lot-label pattern needs a named group (?<lot>...)", regex, example);
        }
        if (example == null || example.isBlank()) {
            throw invalid("A lot-label example is required with a pattern", regex, example);
        }
        LotLabelConvention c = new LotLabelConvention(p, example.trim());
        if (c.lotNumberIn(example).isEmpty()) {
            throw invalid("The lot-label pattern does not match its own example", regex, example);
        }
        return c;
    }

    /** The lot number in a scanned or typed label, if the label follows this convention. */
    public Optional<String> lotNumberIn(String scanned) {
        if (scanned == null) {
            return Optional.empty();
        }
        Matcher m = pattern.matcher(scanned.strip());
        if (!m.matches() || m.group("lot") == null || m.group("lot").isBlank()) {
            return Optional.empty();
        }
        return Optional.of(m.group("lot"));
    }

    /** The lot number in a label; a label that does not follow the convention is refused (LOT_LABEL_NOT_RECOGNISED). */
    public String normalise(String scanned) {
        return lotNumberIn(scanned)
                .orElseThrow(() -> DomainException.unprocessable(
                        "LOT_LABEL_NOT_RECOGNISED",
                        "'" + scanned + "' does not follow this supplier's lot label convention (e.g. '" + example
                                + "')",
                        Map.of("scanned", String.valueOf(scanned), "pattern", pattern.pattern(), "example", example)));
    }

    /**
     * The lot number a supplier's text stands for: the convention's group for text that follows it; otherwise a
     * {@link LotText#LABEL} is refused (LOT_LABEL_NOT_RECOGNISED) and a {@link LotText#FIELD} taken as it is
     * (trimmed). Without a convention the trimmed text. Blank text is refused either way.
     */
    public static String lotNumber(Optional<LotLabelConvention> convention, String text, LotText source) {
        if (text == null || text.isBlank()) {
            throw DomainException.unprocessable(
                    "LOT_LABEL_NOT_RECOGNISED", "No lot number was scanned", Map.of("source", source.name()));
        }
        if (convention.isEmpty()) {
            return text.strip();
        }
        return source == LotText.LABEL
                ? convention.get().normalise(text)
                : convention.get().lotNumberIn(text).orElse(text.strip());
    }

    public String pattern() {
        return pattern.pattern();
    }

    public String example() {
        return example;
    }

    private static DomainException invalid(String message, String regex, String example) {
        return DomainException.unprocessable(
                "INVALID_LOT_LABEL_CONVENTION",
                message,
                Map.of("pattern", String.valueOf(regex), "example", String.valueOf(example)));
    }
}
