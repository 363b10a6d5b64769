package org.lotledger.fulfillment.allocation;

/** Rules' working fact (ALLOC-050): the lines of an item take turns in line id order, 1-based. */
public record LineTurn(long itemId, int lineRank, DemandLine line, ItemPolicy policy) {}
