package org.lotledger.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A posted business transaction and its legs, as recorded (append-only).
 *
 * @param replayed true when this is the original posting returned for a repeated idempotency key
 */
public record Posting(
        long id,
        PostingType type,
        String referenceType,
        String referenceId,
        String reasonCode,
        String actor,
        Instant occurredAt,
        Instant recordedAt,
        String processInstanceId,
        String idempotencyKey,
        Long reversesPostingId,
        String note,
        List<Leg> legs,
        boolean replayed) {

    /** One leg: a signed quantity of a lot at a location in a status, with its value. */
    public record Leg(
            int legNo,
            long lotId,
            long locationId,
            StockStatus status,
            BigDecimal quantity,
            BigDecimal unitCost,
            String currency,
            BigDecimal extendedValue,
            long lotSeq,
            BigDecimal balanceAfter) {}

    public Posting asReplay() {
        return new Posting(
                id,
                type,
                referenceType,
                referenceId,
                reasonCode,
                actor,
                occurredAt,
                recordedAt,
                processInstanceId,
                idempotencyKey,
                reversesPostingId,
                note,
                legs,
                true);
    }
}
