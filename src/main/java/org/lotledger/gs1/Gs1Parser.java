package org.lotledger.gs1;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;

/**
 * Reads GS1 element strings the way scanners deliver them and clerks type them:
 * <ul>
 *   <li>raw, as GS1-128, GS1 DataMatrix, GS1 QR Code and GS1 DataBar scanners transmit them: an optional symbology
 *   identifier ({@code ]C1}, {@code ]d2}, {@code ]Q3}, {@code ]e0}), then element strings where FNC1 after a
 *   variable-length field arrives as the GS character (ASCII 29);</li>
 *   <li>the human-readable form with parentheses, {@code (01)09506000134352(17)201225(10)ABC123}, where a literal
 *   parenthesis inside data is written {@code \(} or {@code \)}.</li>
 * </ul>
 * Each field is checked against the AI's format from {@link Gs1ApplicationIdentifiers} (character set, length, check
 * digits, dates with GS1's day-00 and century rules), then the message against GS1's rules on which AIs require or
 * exclude each other, and for duplicates. Nothing malformed escapes as an exception: every problem is a
 * {@link Gs1Error} in the {@link Gs1ParseResult}.
 *
 * <p>Longer than the house's 300 lines on purpose: it is one grammar (element strings, separators, the AI table's
 * formats and the cross-AI rules), and splitting the scanner from the rule checks would spread one pass over two
 * classes; it is plain Java and tested by 90 parser cases and 585 AI-table cases.
 */
public final class Gs1Parser {

    static final char GS = '\u001D';

    /** GS1 symbology identifiers (ISO/IEC 15424) of the carriers whose data are GS1 element strings. */
    static final Map<String, String> SYMBOLOGIES =
            Map.of("]C1", "GS1-128", "]d2", "GS1 DataMatrix", "]Q3", "GS1 QR Code", "]e0", "GS1 DataBar");

    private final Gs1ApplicationIdentifiers table;
    private final Clock clock;

    /** @param clock gives "today" for GS1's century rule on two-digit years */
    public Gs1Parser(Clock clock) {
        this(Gs1ApplicationIdentifiers.standard(), clock);
    }

    public Gs1Parser(Gs1ApplicationIdentifiers table, Clock clock) {
        this.table = Objects.requireNonNull(table);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Parses one barcode's data (or one typed human-readable string). */
    public Gs1ParseResult parse(String input) {
        return parseAll(input == null ? null : List.of(input));
    }

    /**
     * Parses the barcodes found on one item together: GS1 says the rules on AIs that require or exclude each other
     * apply to the combined data of all carriers on an item (an SSCC in one barcode, content and count in another).
     * Errors of the second and later barcodes name the barcode in their message; positions are within it.
     */
    public Gs1ParseResult parseAll(List<String> carriers) {
        LocalDate today = LocalDate.now(clock);
        List<Gs1Element> elements = new ArrayList<>();
        List<Gs1Error> errors = new ArrayList<>();
        if (carriers == null || carriers.isEmpty()) {
            errors.add(new Gs1Error(Gs1ErrorCode.EMPTY_INPUT, 0, null, "Nothing was scanned"));
            return new Gs1ParseResult(elements, errors);
        }
        boolean complete = true;
        for (int i = 0; i < carriers.size(); i++) {
            String prefix = carriers.size() > 1 ? "Barcode " + (i + 1) + ": " : "";
            Reading reading = new Reading(carriers.get(i), today, prefix, elements, errors);
            try {
                reading.read();
            } catch (RuntimeException unforeseen) {
                // Safety net: whatever the input, the caller gets an error, never an exception.
                errors.add(new Gs1Error(
                        Gs1ErrorCode.UNREADABLE_INPUT,
                        0,
                        null,
                        prefix + "The barcode could not be read ("
                                + unforeseen.getClass().getSimpleName() + ")"));
                reading.complete = false;
            }
            complete &= reading.complete;
        }
        // Relations are judged on a message read as it was meant: after a field error (a swallowed GTIN, a cut-off
        // field) they would only add noise, so they wait until the fields are right.
        if (complete && errors.isEmpty()) {
            checkRelations(elements, errors);
        }
        return new Gs1ParseResult(elements, errors);
    }

    /** GS1's req= and ex= rules, over every element read. */
    private void checkRelations(List<Gs1Element> elements, List<Gs1Error> errors) {
        Set<String> present = elements.stream().map(Gs1Element::ai).collect(Collectors.toCollection(HashSet::new));
        Set<String> reportedPairs = new HashSet<>();
        Set<String> checked = new HashSet<>();
        for (Gs1Element element : elements) {
            if (!checked.add(element.ai())) {
                continue;
            }
            Gs1ApplicationIdentifier definition = table.find(element.ai()).orElseThrow();
            for (List<List<String>> alternatives : definition.requires()) {
                boolean satisfied = alternatives.stream()
                        .anyMatch(group -> group.stream()
                                .allMatch(pattern -> present.stream()
                                        .anyMatch(ai -> Gs1ApplicationIdentifier.matches(pattern, ai))));
                if (!satisfied) {
                    errors.add(new Gs1Error(
                            Gs1ErrorCode.MISSING_REQUIRED_AI,
                            element.position(),
                            element.ai(),
                            definition.label() + " must be accompanied by " + describe(alternatives)
                                    + ", which "
                                    + (alternatives.size() == 1
                                                    && alternatives.get(0).size() == 1
                                            ? "is"
                                            : "are") + " missing"));
                }
            }
            for (String pattern : definition.excludes()) {
                for (Gs1Element other : elements) {
                    // "An AI is not exclusive of itself even if it matches a pattern" (the dictionary's note).
                    if (!other.ai().equals(element.ai()) && Gs1ApplicationIdentifier.matches(pattern, other.ai())) {
                        String pair = element.ai().compareTo(other.ai()) < 0
                                ? element.ai() + "+" + other.ai()
                                : other.ai() + "+" + element.ai();
                        if (reportedPairs.add(pair)) {
                            errors.add(new Gs1Error(
                                    Gs1ErrorCode.EXCLUDED_AI_COMBINATION,
                                    other.position(),
                                    other.ai(),
                                    definition.label() + " and " + label(other.ai())
                                            + " cannot appear together on one item"));
                        }
                    }
                }
            }
        }
    }

    private String describe(List<List<String>> alternatives) {
        return alternatives.stream()
                .map(group -> group.stream().map(this::label).collect(Collectors.joining(" with ")))
                .collect(Collectors.joining(" or "));
    }

    private String label(String aiOrPattern) {
        return table.find(aiOrPattern).map(Gs1ApplicationIdentifier::label).orElse("AI " + aiOrPattern);
    }

    /** The reading of one carrier's data; adds to the shared element and error lists. */
    private final class Reading {

        private final String original;
        private final LocalDate today;
        private final String prefix;
        private final List<Gs1Element> elements;
        private final List<Gs1Error> errors;
        private boolean complete = true;

        Reading(String original, LocalDate today, String prefix, List<Gs1Element> elements, List<Gs1Error> errors) {
            this.original = original;
            this.today = today;
            this.prefix = prefix;
            this.elements = elements;
            this.errors = errors;
        }

        void read() {
            String input = original == null ? "" : original;
            // Many scanners end each read with CR and/or LF; it is not data.
            int end = input.length();
            while (end > 0 && (input.charAt(end - 1) == '\r' || input.charAt(end - 1) == '\n')) {
                end--;
            }
            input = input.substring(0, end);
            int start = 0;
            if (input.startsWith("]")) {
                String id = input.length() >= 3 ? input.substring(0, 3) : input;
                if (!SYMBOLOGIES.containsKey(id)) {
                    stop(
                            Gs1ErrorCode.UNSUPPORTED_SYMBOLOGY,
                            0,
                            null,
                            "The barcode's symbology identifier " + printable(id)
                                    + " is not one of a GS1 barcode ("
                                    + String.join(
                                            ", ",
                                            SYMBOLOGIES.keySet().stream()
                                                    .sorted()
                                                    .toList()) + "): it carries no GS1 data");
                    return;
                }
                start = 3;
            }
            for (int i = start; i < input.length(); i++) {
                char c = input.charAt(i);
                if (c != GS && (c <= ' ' || c > '~')) {
                    stop(
                            Gs1ErrorCode.INVALID_CHARACTER,
                            i,
                            null,
                            "The barcode holds " + describeChar(c) + " at position " + i
                                    + ", which a GS1 barcode cannot carry");
                    return;
                }
            }
            // Some scanners transmit the FNC1 that opens a GS1 symbol as a GS: it is no data.
            while (start < input.length() && input.charAt(start) == GS) {
                start++;
            }
            if (start >= input.length()) {
                stop(Gs1ErrorCode.EMPTY_INPUT, start, null, "The barcode holds no data");
                return;
            }
            if (input.charAt(start) == '(') {
                readHumanReadable(input, start);
            } else {
                readRaw(input, start);
            }
        }

        private void readRaw(String input, int start) {
            int pos = start;
            while (pos < input.length()) {
                if (input.charAt(pos) == GS) {
                    // A GS after a predefined-length field is superfluous but harmless; so is a trailing one.
                    pos++;
                    continue;
                }
                Optional<Gs1ApplicationIdentifier> found = table.startingAt(input, pos);
                if (found.isEmpty()) {
                    unknownAi(input, pos);
                    return;
                }
                Gs1ApplicationIdentifier ai = found.get();
                int valueStart = pos + ai.ai().length();
                int gs = input.indexOf(GS, valueStart);
                int fieldEnd = gs < 0 ? input.length() : gs;
                if (ai.predefinedLength()) {
                    int expectedEnd = valueStart + ai.maxLength();
                    if (expectedEnd > fieldEnd) {
                        String got = input.substring(valueStart, fieldEnd);
                        stop(
                                Gs1ErrorCode.TRUNCATED_FIELD,
                                fieldEnd,
                                ai.ai(),
                                ai.label() + " is cut short: "
                                        + ai.maxLength() + " characters expected, "
                                        + (got.isEmpty() ? "none" : got.length() + " found (" + got + ")"));
                        return;
                    }
                    fieldEnd = expectedEnd;
                }
                String value = input.substring(valueStart, fieldEnd);
                boolean valid = validate(ai, value, offset -> valueStart + offset, !ai.predefinedLength());
                add(ai, value, pos, valid);
                pos = fieldEnd;
            }
        }

        private void readHumanReadable(String input, int start) {
            int pos = start;
            while (pos < input.length()) {
                // Here input.charAt(pos) == '(' always: the loop below reads data up to the next unescaped "(".
                int close = input.indexOf(')', pos + 1);
                int nextOpen = input.indexOf('(', pos + 1);
                if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
                    stop(
                            Gs1ErrorCode.UNBALANCED_PARENTHESES,
                            pos,
                            null,
                            "The \"(\" at position " + pos + " has no matching \")\" after its Application Identifier");
                    return;
                }
                String aiText = input.substring(pos + 1, close);
                int aiPosition = pos;
                StringBuilder value = new StringBuilder();
                List<Integer> positions = new ArrayList<>();
                int j = close + 1;
                boolean stray = false;
                while (j < input.length() && input.charAt(j) != '(') {
                    char c = input.charAt(j);
                    if (c == '\\'
                            && j + 1 < input.length()
                            && (input.charAt(j + 1) == '(' || input.charAt(j + 1) == ')')) {
                        value.append(input.charAt(j + 1));
                        positions.add(j + 1);
                        j += 2;
                        continue;
                    }
                    if (c == ')') {
                        stop(
                                Gs1ErrorCode.UNBALANCED_PARENTHESES,
                                j,
                                null,
                                "The \")\" at position " + j
                                        + " closes nothing; write \\) for a parenthesis that is part of the data");
                        stray = true;
                        break;
                    }
                    if (c == GS) {
                        stop(
                                Gs1ErrorCode.INVALID_CHARACTER,
                                j,
                                null,
                                "A GS separator at position " + j + " cannot appear in the form with parentheses");
                        stray = true;
                        break;
                    }
                    value.append(c);
                    positions.add(j);
                    j++;
                }
                if (stray) {
                    return;
                }
                Optional<Gs1ApplicationIdentifier> found =
                        aiText.matches("\\d{2,4}") ? table.find(aiText) : Optional.empty();
                if (found.isEmpty()) {
                    errors.add(new Gs1Error(
                            Gs1ErrorCode.UNKNOWN_AI,
                            aiPosition + 1,
                            aiText.isEmpty() ? null : aiText,
                            prefix + "(" + aiText + ") is not an Application Identifier GS1 defines"));
                    complete = false;
                } else {
                    Gs1ApplicationIdentifier ai = found.get();
                    int end = j;
                    boolean valid = validate(
                            ai,
                            value.toString(),
                            offset -> offset < positions.size() ? positions.get(offset) : end,
                            false);
                    add(ai, value.toString(), aiPosition, valid);
                }
                pos = j;
            }
        }

        /** Checks one field against its AI's format; records the first problem found and says whether it was fine. */
        private boolean validate(
                Gs1ApplicationIdentifier ai, String value, IntUnaryOperator at, boolean separatorExpected) {
            if (value.isEmpty()) {
                error(Gs1ErrorCode.TRUNCATED_FIELD, at.applyAsInt(0), ai.ai(), ai.label() + " has no data");
                return false;
            }
            int i = 0;
            for (Gs1Component component : ai.components()) {
                if (i == value.length()) {
                    if (component.optional()) {
                        break;
                    }
                    truncated(ai, value, at);
                    return false;
                }
                if (component.fixedLength() && value.length() - i < component.max()) {
                    truncated(ai, value, at);
                    return false;
                }
                int take = Math.min(value.length() - i, component.max());
                String part = value.substring(i, i + take);
                int bad = firstOutside(component.type(), part);
                if (bad >= 0) {
                    error(
                            Gs1ErrorCode.INVALID_CHARACTER,
                            at.applyAsInt(i + bad),
                            ai.ai(),
                            badCharacter(ai, component.type(), part.charAt(bad)));
                    return false;
                }
                for (String linter : component.linters()) {
                    Gs1Linters.Problem problem = Gs1Linters.check(linter, part, ai, today);
                    if (problem != null) {
                        error(problem.code(), at.applyAsInt(i + problem.offset()), ai.ai(), problem.message());
                        return false;
                    }
                }
                i += take;
            }
            if (i < value.length()) {
                int embedded = separatorExpected ? embeddedElement(value, ai.maxLength(), false) : -1;
                if (embedded >= 0) {
                    missingSeparator(ai, value, embedded, at);
                } else {
                    error(
                            Gs1ErrorCode.FIELD_TOO_LONG,
                            at.applyAsInt(i),
                            ai.ai(),
                            ai.label() + " " + value + " has "
                                    + value.length() + " characters; "
                                    + (ai.minLength() == ai.maxLength() ? "exactly " : "at most ")
                                    + ai.maxLength() + " are allowed"
                                    + (separatorExpected ? " (is the GS separator after it missing?)" : ""));
                }
                return false;
            }
            if (separatorExpected) {
                int embedded = embeddedElement(value, ai.maxLength(), true);
                if (embedded >= 0) {
                    missingSeparator(ai, value, embedded, at);
                    return false;
                }
            }
            return true;
        }

        /**
         * Where a variable-length field seems to have swallowed the element string that should follow a GS, or -1.
         * A field too long for its AI is suspect from any valid predefined-length element string within its
         * maximum length. A field of valid length is only suspect when it ends with predefined-length element
         * strings, the first carrying a check digit (GTIN, SSCC, GLN): lot numbers that look like "17" plus a date
         * exist, lot numbers ending in a GTIN with a correct check digit hardly do.
         */
        private int embeddedElement(String value, int maxLength, boolean fits) {
            for (int p = 1; p < value.length() && p <= maxLength; p++) {
                Optional<Gs1ApplicationIdentifier> ai =
                        table.startingAt(value, p).filter(Gs1ApplicationIdentifier::predefinedLength);
                if (ai.isEmpty()) {
                    continue;
                }
                if (!fits) {
                    if (validElementAt(value, p) > 0) {
                        return p;
                    }
                } else if (ai.get().components().get(0).linters().contains("csum")) {
                    int q = p;
                    while (q > 0 && q < value.length()) {
                        q = validElementAt(value, q);
                    }
                    if (q == value.length()) {
                        return p;
                    }
                }
            }
            return -1;
        }

        /** The end of a valid predefined-length element string starting at {@code p}, or -1. */
        private int validElementAt(String text, int p) {
            Optional<Gs1ApplicationIdentifier> found =
                    table.startingAt(text, p).filter(Gs1ApplicationIdentifier::predefinedLength);
            if (found.isEmpty()) {
                return -1;
            }
            Gs1ApplicationIdentifier ai = found.get();
            int start = p + ai.ai().length();
            int end = start + ai.maxLength();
            if (end > text.length()) {
                return -1;
            }
            String value = text.substring(start, end);
            int i = 0;
            for (Gs1Component c : ai.components()) {
                String part = value.substring(i, i + c.max());
                if (firstOutside(c.type(), part) >= 0
                        || c.linters().stream().anyMatch(l -> Gs1Linters.check(l, part, ai, today) != null)) {
                    return -1;
                }
                i += c.max();
            }
            return end;
        }

        private void missingSeparator(Gs1ApplicationIdentifier ai, String value, int embedded, IntUnaryOperator at) {
            Gs1ApplicationIdentifier swallowed =
                    table.startingAt(value, embedded).orElseThrow();
            int start = embedded + swallowed.ai().length();
            String swallowedValue = value.substring(start, Math.min(value.length(), start + swallowed.maxLength()));
            error(
                    Gs1ErrorCode.MISSING_SEPARATOR,
                    at.applyAsInt(embedded),
                    ai.ai(),
                    ai.label() + " " + value
                            + " runs into " + swallowed.label() + " " + swallowedValue
                            + ": the GS separator that must end "
                            + ai.label() + " is missing");
        }

        private void truncated(Gs1ApplicationIdentifier ai, String value, IntUnaryOperator at) {
            error(
                    Gs1ErrorCode.TRUNCATED_FIELD,
                    at.applyAsInt(value.length()),
                    ai.ai(),
                    ai.label() + " " + value
                            + " is cut short: " + (ai.minLength() == ai.maxLength() ? "" : "at least ") + ai.minLength()
                            + " characters expected, " + value.length() + " found");
        }

        private void unknownAi(String input, int pos) {
            int end = pos;
            while (end < input.length() && end < pos + 4 && Character.isDigit(input.charAt(end))) {
                end++;
            }
            if (end - pos < 2) {
                stop(
                        Gs1ErrorCode.UNKNOWN_AI,
                        pos,
                        null,
                        "An Application Identifier was expected at position " + pos
                                + ", but the data there ("
                                + printable(input.substring(pos, Math.min(input.length(), pos + 6)))
                                + ") does not start with one");
            } else {
                stop(
                        Gs1ErrorCode.UNKNOWN_AI,
                        pos,
                        input.substring(pos, pos + 2),
                        "The data at position " + pos + " (" + input.substring(pos, end)
                                + "...) does not start with an Application Identifier GS1 defines");
            }
        }

        private void add(Gs1ApplicationIdentifier ai, String value, int position, boolean valid) {
            for (Gs1Element existing : elements) {
                if (existing.ai().equals(ai.ai())) {
                    if (!existing.value().equals(value)) {
                        error(
                                Gs1ErrorCode.DUPLICATE_AI,
                                position,
                                ai.ai(),
                                ai.label() + " appears twice with different values: " + existing.value() + " and "
                                        + value);
                    }
                    // The same AI with the same value again is allowed by GS1 and carries nothing new.
                    return;
                }
            }
            elements.add(Gs1Element.of(ai, value, position, valid, today));
        }

        private void error(Gs1ErrorCode code, int position, String ai, String message) {
            errors.add(new Gs1Error(code, position, ai, prefix + message));
        }

        /** An error after which the rest of the data cannot be segmented. */
        private void stop(Gs1ErrorCode code, int position, String ai, String message) {
            error(code, position, ai, message);
            complete = false;
        }
    }

    /** Index of the first character outside the component type's character set, or -1. */
    static int firstOutside(char type, String part) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            boolean ok = switch (type) {
                case 'N' -> c >= '0' && c <= '9';
                case 'X' -> Gs1CheckDigits.CSET82.indexOf(c) >= 0;
                case 'Y' -> Gs1CheckDigits.CSET39.indexOf(c) >= 0;
                // base64url; "=" is its padding and may only end the data
                case 'Z' ->
                    Gs1CheckDigits.CSET64.indexOf(c) >= 0
                            || (c == '=' && part.substring(i).matches("=+"));
                default -> false;
            };
            if (!ok) {
                return i;
            }
        }
        return -1;
    }

    private static String badCharacter(Gs1ApplicationIdentifier ai, char type, char c) {
        return switch (type) {
            case 'N' -> ai.label() + " must contain digits only, but holds " + describeChar(c);
            case 'Y' -> ai.label() + " may hold only digits, capital letters, # - and /, but holds " + describeChar(c);
            case 'Z' -> ai.label() + " may hold only base64url characters, but holds " + describeChar(c);
            default -> ai.label() + " holds " + describeChar(c) + ", which a GS1 barcode cannot carry";
        };
    }

    private static String describeChar(char c) {
        if (c == ' ') {
            return "a space";
        }
        if (c == GS) {
            return "a GS separator";
        }
        if (c < ' ' || c == 127) {
            return String.format("the control character U+%04X", (int) c);
        }
        return "'" + c + "'";
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c < ' ' || c > '~' ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return b.toString();
    }

    /** For tests and docs: the AI table this parser reads. */
    Gs1ApplicationIdentifiers table() {
        return table;
    }
}
