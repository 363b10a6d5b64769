package org.lotledger.quality;

/**
 * What a hold covers: one lot wherever it is, or everything at one location (a freezer after an excursion); or
 * (STOCK) only the named QUARANTINE units of one lot it took over and put in HOLD itself, e.g. a transfer's damaged
 * units ({@link TakingOverQuarantine}): a STOCK hold covers no other stock and no arrival. Not placed through the API.
 */
public enum HoldScope {
    LOT,
    LOCATION,
    STOCK
}
