package org.lotledger.fulfillment.allocation;

/** Rules' working fact (ALLOC-050): how many eligible candidates an item's order has; a walk past it ends a pass. */
public record ItemOrder(long itemId, int size) {}
