package org.lotledger.fulfillment;

/**
 * A sales-order line's reservation was swapped for other stock by an allocation override (issue 9 §5): the old
 * reservation is VOIDED (reason OVERRIDE) and a new one PENDING, of the same quantity. Published synchronously in
 * the swapping transaction, so a pick line that pointed at the voided reservation is repointed in the same commit.
 */
public record AllocationOverridden(
        long overrideId, long orderId, long lineId, long voidedReservationId, long newReservationId) {}
