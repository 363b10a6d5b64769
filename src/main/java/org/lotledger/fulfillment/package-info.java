/**
 * Outbound fulfilment, starting with sales orders: what a customer ordered from which warehouse (tables
 * {@code sales_order}, {@code sales_order_line}; migration V80), the line quantities in base units and the
 * order and line states derived from them ({@link org.lotledger.fulfillment.SalesOrderStates}). Allocation, picking and
 * shipping (issue 9, sections 3 to 7) add to this module; cancelling a line publishes
 * {@link org.lotledger.fulfillment.SalesOrderLineCancelled}, the seam through which the reservations work voids what
 * is pending for it (docs/fulfillment.md).
 */
package org.lotledger.fulfillment;
