package org.lotledger.transfers;

/** What a transfer's receipt found different from what left the origin (issue 10 §3). */
public enum DiscrepancyType {
    /** less of the lot arrived than was shipped */
    SHORT,
    /** more of a shipped lot arrived than was shipped */
    OVER,
    /** another lot of the line's item arrived instead of (some of) the shipped one */
    WRONG_LOT,
    /** units received damaged (they land in QUARANTINE) */
    DAMAGED,
    /** a CHILLED or FROZEN lot whose cold-chain reading was out of range (it lands in QUARANTINE) */
    TEMPERATURE_EXCURSION
}
