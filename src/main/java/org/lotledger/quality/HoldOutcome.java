package org.lotledger.quality;

/** What became of stock a hold held (table quality_hold_outcome). */
public enum HoldOutcome {
    /** HOLD → AVAILABLE at the same location */
    RELEASED,
    /** HOLD → the warehouse's SCRAP location (posting type SCRAP, valued at lot cost by the ledger) */
    SCRAPPED,
    /** moved, still HOLD, to a REJECT_STAGING location to await the return to the supplier */
    RETURN_TO_VENDOR,
    /** stays HOLD: another open hold covers it and takes it over */
    HANDED_OVER,
    /** no longer on hold where this hold put it (scrapped or moved by QA outside the hold): nothing to restore */
    NOT_FOUND
}
