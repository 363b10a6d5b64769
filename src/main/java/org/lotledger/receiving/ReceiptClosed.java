package org.lotledger.receiving;

/** Published when a receipt is closed, after its ASN discrepancies were stored. */
public record ReceiptClosed(long receiptId) {}
