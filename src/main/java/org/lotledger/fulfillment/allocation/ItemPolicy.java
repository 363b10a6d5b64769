package org.lotledger.fulfillment.allocation;

import java.util.Objects;
import org.lotledger.catalog.item.AllocationMethod;

/**
 * How an item is allocated: FEFO or FIFO (ALLOC-050), whether whole cases come from storage and the remainder from
 * the pick face (ALLOC-080), and the FEFO window in days within which expiries count as equal for "fewest lots"
 * (ALLOC-070; 0 means only equal expiries).
 */
public record ItemPolicy(long itemId, AllocationMethod method, boolean wholeCasesFromStorage, int fefoWindowDays) {

    public ItemPolicy {
        Objects.requireNonNull(method, "method");
        if (fefoWindowDays < 0) {
            throw new IllegalArgumentException("A FEFO window is not negative; item " + itemId);
        }
    }

    /** ALLOC-070 applies to FEFO items that do not ask for whole cases (there ALLOC-080 decides the split). */
    public boolean fewestLots() {
        return method == AllocationMethod.FEFO && !wholeCasesFromStorage;
    }
}
