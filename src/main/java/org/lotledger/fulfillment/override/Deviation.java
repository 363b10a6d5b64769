package org.lotledger.fulfillment.override;

/** How the proposed stock differs from the reserved stock: the first input of dmn/allocation-override-approval.dmn. */
public enum Deviation {
    /** Another lot that expires later than the reserved one (FEFO broken: older stock stays behind). */
    LATER_EXPIRY,
    /** Another lot with the same expiry (or neither lot expires). */
    SAME_EXPIRY_OTHER_LOT,
    /** Another lot that expires earlier but still meets every minimum remaining shelf life. */
    EARLIER_EXPIRY,
    /** The same lot at another location. */
    SAME_LOT_OTHER_LOCATION,
    /** Less remaining shelf life than the customer's or the line's minimum, but not below the item's own. */
    BELOW_CUSTOMER_MINIMUM
}
