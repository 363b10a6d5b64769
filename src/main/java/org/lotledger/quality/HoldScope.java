package org.lotledger.quality;

/** What a hold covers: one lot wherever it is, or everything at one location (a freezer after an excursion). */
public enum HoldScope {
    LOT,
    LOCATION
}
