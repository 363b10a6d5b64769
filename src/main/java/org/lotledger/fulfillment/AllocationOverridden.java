package org.lotledger.fulfillment;

/**
 * An allocation override swapped a line's reservation for another (issue 9, section 5): the pending reservation
 * {@code voidedReservationId} was voided (reason OVERRIDE) and {@code newReservationId} reserves the other lot or
 * location instead. Published inside the overriding transaction by the override service; picking listens
 * synchronously and repoints the open pick line, so the picker's next scan of the new lot posts, citing the override.
 */
public record AllocationOverridden(
        long overrideId, long orderId, long lineId, long voidedReservationId, long newReservationId) {}
