package org.lotledger.ledger;

/** One kept balance: a lot at a location in a status (a row of {@code stock_balance}). */
record Bucket(long lotId, long locationId, StockStatus status) {}
