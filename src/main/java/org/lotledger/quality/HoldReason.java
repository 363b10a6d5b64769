package org.lotledger.quality;

/** Why quality placed a hold (issue 3, section 5). */
public enum HoldReason {
    CUSTOMER_COMPLAINT,
    TEMPERATURE_EXCURSION,
    SUPPLIER_NOTICE,
    REGULATORY_OR_RECALL,
    INVESTIGATION
}
