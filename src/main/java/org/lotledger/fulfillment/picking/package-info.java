/**
 * Pick tasks and pick confirmation by scan (issue 9, section 6): a task per sales order over its pending
 * reservations in storage and pick faces, one line per reservation (a {@code warehouse_move} of kind PICK), claimed
 * and released by the staff of the task's warehouse; a confirmed line posts PICK (storage to a shipping location),
 * posts its reservation and reserves the picked stock again at the staging location for the shipment. A short pick
 * posts what was found, voids the rest (SHORT_PICK) and keeps a pick exception for cycle counting
 * (docs/fulfillment.md "Picking").
 */
package org.lotledger.fulfillment.picking;
