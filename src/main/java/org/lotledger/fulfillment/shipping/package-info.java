/**
 * Shipping (issue 9 §7, §8): shipments over what is staged for a sales order (pending SALES_ORDER reservations at
 * SHIPPING-zone locations; tables {@code shipment}, {@code shipment_line}, {@code shipment_number_counter}, migration
 * V85), their dispatch as one SHIPMENT posting that posts the staging reservations, the packing list as data, and
 * the lot-level shipment history read from the ledger ({@code LedgerQueries.customerLegs}).
 */
package org.lotledger.fulfillment.shipping;
