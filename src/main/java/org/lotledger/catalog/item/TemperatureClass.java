package org.lotledger.catalog.item;

/** AMBIENT, CHILLED (2–8 °C), FROZEN. */
public enum TemperatureClass {
    AMBIENT,
    CHILLED,
    FROZEN
}
