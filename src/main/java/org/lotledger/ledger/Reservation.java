package org.lotledger.ledger;

import java.time.Instant;

/**
 * A reservation of stock for a demand (a sales order line, later a transfer line): a lot's AVAILABLE quantity at a
 * location, PENDING until the posting that takes the stock POSTS it or it is VOIDED, at most once (ADR 0011).
 *
 * @param explanation    why this stock (the allocation rules' ids, a planner's words); may be null
 * @param postingId      the posting that took the stock (POSTED) or moved it away (VOIDED by a posting), else null
 * @param postedQuantity what the posting took (the rest was released), for a POSTED reservation only
 * @param voidReason     for a VOIDED reservation only
 */
public record Reservation(
        long id,
        Demand demand,
        long lotId,
        long locationId,
        long quantity,
        State state,
        String explanation,
        String actor,
        Instant createdAt,
        Long postingId,
        Long postedQuantity,
        VoidReason voidReason) {

    public enum State {
        PENDING,
        POSTED,
        VOIDED
    }

    /** What the stock is reserved for: a type (SALES_ORDER), its reference and the line. */
    public record Demand(String type, String reference, String line) {}

    /** A posting's taking of a pending reservation: {@code quantity} of it; the rest is released. */
    public record Consumption(long reservationId, long quantity) {}

    /** A posting's voiding of a pending reservation (a hold moving the stock, a move overriding it). */
    public record Voiding(long reservationId, VoidReason reason) {}
}
