package org.lotledger.catalog.item;

/** First expired, first out, or first in, first out. */
public enum AllocationMethod {
    FEFO,
    FIFO
}
