package org.lotledger.fulfillment.allocation;

/** Rules' working fact: a line's walk ended; {@code rest} is what it could not cover (ALLOC-090 backorders it). */
public record LineEnd(DemandLine line, int lineRank, long rest, long shelfShort, long reservedOthers) {

    public long itemId() {
        return line.itemId();
    }
}
