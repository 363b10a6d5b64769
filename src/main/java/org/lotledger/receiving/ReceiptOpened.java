package org.lotledger.receiving;

/** Published when a receipt is opened (inside its transaction): the receipt's process starts from it. */
public record ReceiptOpened(long receiptId) {}
