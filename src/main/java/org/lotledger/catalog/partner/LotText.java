package org.lotledger.catalog.partner;

/** How a lot number reached us, which decides what the supplier's lot-label convention does with it. */
public enum LotText {

    /** As printed on the supplier's label, typed or scanned from the human-readable text: must follow the convention. */
    LABEL,

    /**
     * A lot field of data the supplier sent: a GS1 AI 10 value or an ASN's lot. Already the lot number, so the
     * convention normalises it only when it follows the convention, and otherwise it is taken as it is.
     */
    FIELD
}
