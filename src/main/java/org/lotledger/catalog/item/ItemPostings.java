package org.lotledger.catalog.item;

/**
 * Whether the ledger holds postings for lots of an item: the catalog's freeze rule asks, the ledger answers
 * ({@code LedgerQueries}). An interface of the catalog's, so that the catalog, which the ledger reads, does not
 * depend on the ledger.
 */
public interface ItemPostings {

    boolean existFor(long itemId);
}
