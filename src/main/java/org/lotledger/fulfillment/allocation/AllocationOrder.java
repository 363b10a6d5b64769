package org.lotledger.fulfillment.allocation;

import java.time.LocalDate;
import java.util.Comparator;
import org.lotledger.catalog.item.AllocationMethod;

/**
 * ALLOC-050 as comparators: FEFO by expiry (a lot without expiry last), then first receipt, then lot id, then
 * location; FIFO by first receipt, then lot id, then location (location only to make the order total).
 */
public final class AllocationOrder {

    private static final Comparator<Candidate> FIFO = Comparator.comparing(Candidate::firstReceivedAt)
            .thenComparingLong(Candidate::lotId)
            .thenComparingLong(Candidate::locationId);

    private static final Comparator<Candidate> FEFO = Comparator.comparing(
                    Candidate::expiry, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
            .thenComparing(FIFO);

    private AllocationOrder() {}

    public static Comparator<Candidate> of(AllocationMethod method) {
        return method == AllocationMethod.FEFO ? FEFO : FIFO;
    }
}
