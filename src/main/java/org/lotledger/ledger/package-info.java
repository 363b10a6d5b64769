/**
 * The shared lot ledger: every stock movement is an append-only {@link org.lotledger.ledger.Posting} whose legs
 * conserve quantity per lot; balances per (lot, location, status) are kept beside it in the same transaction.
 * {@link org.lotledger.ledger.Ledger#post} is the one gate every posting passes through; the services around it
 * ({@code MovingStock}, {@code AdjustingStock}, {@code ReversingPostings}) each own their posting types.
 */
package org.lotledger.ledger;
