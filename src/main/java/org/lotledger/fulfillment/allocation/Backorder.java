package org.lotledger.fulfillment.allocation;

/** What of a line could not be covered, per reason (ALLOC-090). */
public record Backorder(long lineId, long quantity, BackorderReason reason) {}
