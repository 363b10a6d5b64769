package org.lotledger.gs1;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A GS1 message that passed every check: its elements in the order scanned, with typed accessors for what
 * receiving uses. AIs receiving does not use (240, 91–99, ...) are kept as elements with their raw value.
 */
public final class Gs1Message {

    private final List<Gs1Element> elements;
    private final Map<String, Gs1Element> byAi;

    Gs1Message(List<Gs1Element> elements) {
        this.elements = List.copyOf(elements);
        Map<String, Gs1Element> map = new LinkedHashMap<>();
        for (Gs1Element e : this.elements) {
            map.putIfAbsent(e.ai(), e);
        }
        this.byAi = map;
    }

    public List<Gs1Element> elements() {
        return elements;
    }

    public Optional<Gs1Element> element(String ai) {
        return Optional.ofNullable(byAi.get(ai));
    }

    public boolean contains(String ai) {
        return byAi.containsKey(ai);
    }

    /** The raw data of any AI, e.g. {@code value("240")}. */
    public Optional<String> value(String ai) {
        return element(ai).map(Gs1Element::value);
    }

    public Optional<LocalDate> date(String ai) {
        return element(ai).flatMap(Gs1Element::date);
    }

    public Optional<BigDecimal> decimal(String ai) {
        return element(ai).flatMap(Gs1Element::decimal);
    }

    /** The measures of AIs 31nn–36nn, e.g. net weight in kg from 3103. */
    public List<Gs1Measure> measures() {
        return elements.stream().flatMap(e -> e.measure().stream()).toList();
    }

    /** AI 00, Serial Shipping Container Code. */
    public Optional<String> sscc() {
        return value("00");
    }

    /** AI 01, GTIN of the trade item. */
    public Optional<String> gtin() {
        return value("01");
    }

    /** AI 02, GTIN of the trade items contained in a logistic unit. */
    public Optional<String> contentGtin() {
        return value("02");
    }

    /** AI 10, batch or lot number. */
    public Optional<String> lot() {
        return value("10");
    }

    /** AI 11, production date. */
    public Optional<LocalDate> productionDate() {
        return date("11");
    }

    /** AI 15, best before date. */
    public Optional<LocalDate> bestBefore() {
        return date("15");
    }

    /** AI 17, expiration date. */
    public Optional<LocalDate> expiry() {
        return date("17");
    }

    /** AI 21, serial number. */
    public Optional<String> serial() {
        return value("21");
    }

    /** AI 30, variable count of items. */
    public OptionalInt variableCount() {
        return count("30");
    }

    /** AI 37, count of trade items contained in a logistic unit. */
    public OptionalInt count() {
        return count("37");
    }

    private OptionalInt count(String ai) {
        // N..8 fits an int; the value passed the numeric check before a message is built.
        return value(ai).map(v -> OptionalInt.of(Integer.parseInt(v))).orElse(OptionalInt.empty());
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        elements.forEach(s::append);
        return s.toString();
    }
}
