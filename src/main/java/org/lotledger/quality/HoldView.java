package org.lotledger.quality;

import java.time.Instant;
import java.util.List;

/** A hold as the API and the process read it: the record, what it moved, what became of it, who decided what. */
public record HoldView(
        long id,
        HoldScope scope,
        Long lotId,
        String lotLabel,
        Long locationId,
        String locationCode,
        HoldReason reason,
        HoldState state,
        String note,
        String placedBy,
        Instant placedAt,
        Long placePostingId,
        String endedBy,
        Instant endedAt,
        List<Movement> movements,
        List<Outcome> outcomes,
        List<Remaining> remaining,
        List<Decision> decisions,
        List<String> approvers) {

    /** AVAILABLE → HOLD moved by this hold (postingId) or taken over from another hold (inheritedFromHoldId). */
    public record Movement(
            long lotId,
            String lotLabel,
            long locationId,
            String locationCode,
            long quantity,
            Long postingId,
            Long inheritedFromHoldId,
            Instant recordedAt) {}

    public record Outcome(
            HoldOutcome outcome,
            long lotId,
            String lotLabel,
            long locationId,
            String locationCode,
            long quantity,
            Long toLocationId,
            Long toHoldId,
            Long postingId,
            String reasonCode,
            String decidedBy,
            Instant recordedAt) {}

    /** What this hold still answers for at a lot and location (moved or inherited, minus outcomes). */
    public record Remaining(long lotId, String lotLabel, long locationId, String locationCode, long quantity) {}

    public record Decision(
            long id,
            String processInstanceId,
            String activityId,
            String decision,
            String decidedBy,
            Instant decidedAt,
            String details) {}
}
