package org.lotledger.fulfillment.shipping;

/** The states a shipment line shows (docs/fulfillment.md "Shipping"). */
final class ShipmentLineStates {

    static final String BLOCKED_BY_HOLD = "BLOCKED_BY_HOLD";

    private ShipmentLineStates() {}
}
