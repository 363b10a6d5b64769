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
    /** no longer on hold where this hold put it: nothing to restore (the ledger's gate keeps this from happening) */
    NOT_FOUND,
    /** moved by quality, still HOLD, to another location: the hold answers for it there (a movement of its own) */
    MOVED,
    /**
     * relabelled in place, still HOLD, to a child lot (RELABEL posting, ADR 0015): the hold answers for the child's
     * stock there (a movement of its own), so releasing or scrapping the hold covers both
     */
    RELABELLED
}
