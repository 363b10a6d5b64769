package org.lotledger.catalog.lot;

import java.time.Instant;
import java.util.Map;

public record LotEventView(
        Long id,
        Long lotId,
        String eventType,
        Map<String, Object> changes,
        String reason,
        String actor,
        Instant occurredAt) {

    public static LotEventView of(LotEvent e) {
        return new LotEventView(
                e.getId(),
                e.getLotId(),
                e.getEventType(),
                e.getChanges(),
                e.getReason(),
                e.getActor(),
                e.getOccurredAt());
    }
}
