package org.lotledger.fulfillment.allocation;

/** Rules' working fact (ALLOC-050): an eligible candidate's place in its item's order, 1-based. */
public record Ranked(long itemId, int rank, Candidate candidate) {}
