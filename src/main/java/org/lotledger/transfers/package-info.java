/**
 * Inter-warehouse transfers (issue 10): transfer orders from one warehouse to another (tables
 * {@code transfer_order}, {@code transfer_order_line}, {@code transfer_shipped_lot}, migration V88), allocated,
 * picked and dispatched by scan like sales orders through fulfilment's seams ({@link
 * org.lotledger.fulfillment.AllocatingOrders#allocate(org.lotledger.fulfillment.DemandToAllocate,
 * org.lotledger.common.Actor)}, {@link org.lotledger.fulfillment.DemandSource}, the packing list's format), one
 * TRANSFER_OUT posting per lot line into the pair's in-transit location, and {@link
 * org.lotledger.transfers.TransferDispatched} after the dispatch commits (docs/transfers.md). The receipt at the
 * destination and the process that follows a transfer come next (issue 10 §3, §4).
 */
package org.lotledger.transfers;
