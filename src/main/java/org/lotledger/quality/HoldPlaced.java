package org.lotledger.quality;

/** Published in the placing transaction when a new hold is placed (not on an idempotent replay). */
public record HoldPlaced(long holdId, HoldScope scope, HoldReason reason, String placedBy) {}
