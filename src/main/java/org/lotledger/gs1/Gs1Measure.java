package org.lotledger.gs1;

import java.math.BigDecimal;

/**
 * A trade or logistic measure from AIs 31nn–36nn, where the AI's last digit places the decimal point:
 * {@code (3103)000750} is 0.750 kg.
 *
 * @param ai       the AI, e.g. {@code 3103}
 * @param quantity what is measured, from GS1's title, e.g. {@code NET WEIGHT} or {@code LENGTH, log}
 * @param value    the value with the AI's number of decimals as its scale
 * @param unit     the unit from GS1's title, e.g. {@code kg}, {@code m²}, {@code qt (US)}
 */
public record Gs1Measure(String ai, String quantity, BigDecimal value, String unit) {}
