package org.lotledger.gs1;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One element string of a GS1 message: the AI, its data as scanned and GS1's title; for dates and decimal AIs also
 * the value they stand for. Immutable.
 */
public final class Gs1Element {

    private final String ai;
    private final String value;
    private final String title;
    private final int position;
    private final LocalDate date;
    private final BigDecimal decimal;
    private final String unit;

    Gs1Element(String ai, String value, String title, int position, LocalDate date, BigDecimal decimal, String unit) {
        this.ai = Objects.requireNonNull(ai);
        this.value = Objects.requireNonNull(value);
        this.title = Objects.requireNonNull(title);
        this.position = position;
        this.date = date;
        this.decimal = decimal;
        this.unit = unit;
    }

    /** Builds the element with its typed value; {@code valid} says whether the value passed every check. */
    static Gs1Element of(
            Gs1ApplicationIdentifier definition, String value, int position, boolean valid, LocalDate today) {
        LocalDate date = null;
        BigDecimal decimal = null;
        String unit = null;
        if (valid) {
            Gs1Component first = definition.components().get(0);
            for (String linter : first.linters()) {
                if (Gs1Linters.isDateLinter(linter)) {
                    date = Gs1Linters.date(linter, value.substring(0, first.max()), today);
                }
            }
            String ai = definition.ai();
            if (isMeasure(ai)) {
                decimal = new BigDecimal(new BigInteger(value), ai.charAt(3) - '0');
                unit = unitOf(definition.title());
            } else if (ai.length() == 4 && ai.startsWith("39") && ai.charAt(2) <= '5') {
                // 390n–395n: amounts, prices and percentages; 391n and 393n lead with an ISO 4217 currency code.
                boolean withCurrency = ai.charAt(2) == '1' || ai.charAt(2) == '3';
                String digits = withCurrency ? value.substring(3) : value;
                decimal = new BigDecimal(new BigInteger(digits), ai.charAt(3) - '0');
                unit = withCurrency ? value.substring(0, 3) : ai.charAt(2) == '4' ? "%" : null;
            }
        }
        return new Gs1Element(definition.ai(), value, definition.title(), position, date, decimal, unit);
    }

    public String ai() {
        return ai;
    }

    /** The data exactly as scanned (after the AI, without separator). */
    public String value() {
        return value;
    }

    /** GS1's title for the AI, e.g. {@code BATCH/LOT}. */
    public String title() {
        return title;
    }

    /** 0-based index of the AI in the input it was read from. */
    public int position() {
        return position;
    }

    /** For date AIs (11–17 and others whose data starts with a date): the date, day 00 read as the month's end. */
    public Optional<LocalDate> date() {
        return Optional.ofNullable(date);
    }

    /** For AIs with an implied decimal point (31nn–36nn, 390n–395n): the value with its decimals. */
    public Optional<BigDecimal> decimal() {
        return Optional.ofNullable(decimal);
    }

    /**
     * The unit of a decimal value: a measure's unit for 31nn–36nn, the ISO 4217 numeric currency code for 391n and
     * 393n, {@code %} for 394n.
     */
    public Optional<String> unit() {
        return Optional.ofNullable(unit);
    }

    /** For AIs 31nn–36nn: the measure with its unit. */
    public Optional<Gs1Measure> measure() {
        if (!isMeasure(ai) || decimal == null) {
            return Optional.empty();
        }
        return Optional.of(new Gs1Measure(ai, quantityOf(title), decimal, unit));
    }

    static boolean isMeasure(String ai) {
        return ai.length() == 4 && ai.charAt(0) == '3' && ai.charAt(1) >= '1' && ai.charAt(1) <= '6';
    }

    /** "NET WEIGHT (kg)" → "kg"; "VOLUME (qt (US)), log" → "qt (US)"; "KG PER m²" (3370–3375) → "kg/m²". */
    static String unitOf(String title) {
        int open = title.indexOf('(');
        if (open < 0) {
            return "KG PER m²".equals(title) ? "kg/m²" : title;
        }
        int close = closing(title, open);
        return title.substring(open + 1, close);
    }

    private static String quantityOf(String title) {
        int open = title.indexOf('(');
        if (open < 0) {
            return title;
        }
        return (title.substring(0, open).trim() + title.substring(closing(title, open) + 1)).trim();
    }

    private static int closing(String title, int open) {
        int depth = 0;
        for (int i = open; i < title.length(); i++) {
            if (title.charAt(i) == '(') {
                depth++;
            } else if (title.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        return title.length() - 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Gs1Element e && ai.equals(e.ai) && value.equals(e.value) && position == e.position;
    }

    @Override
    public int hashCode() {
        return Objects.hash(ai, value, position);
    }

    @Override
    public String toString() {
        return "(" + ai + ")" + value;
    }
}
