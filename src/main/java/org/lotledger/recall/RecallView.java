package org.lotledger.recall;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A recall as the API shows it, with the lots in its scope and the hold that holds each. */
public record RecallView(
        long id,
        String number,
        RecallScope scope,
        String scopeLabel,
        String reason,
        RecallClass recallClass,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) RecallMode mode,
        String note,
        RecallStatus status,
        String processInstanceId,
        String startedBy,
        Instant startedAt,
        Instant holdsPlacedAt,
        String withdrawnBy,
        Instant withdrawnAt,
        String withdrawalNote,
        List<Lot> lots) {

    /** One lot in scope: depth 0 for a lot the scope names, 1 for its children...; its hold once placed. */
    public record Lot(
            long lotId,
            String lotNumber,
            String internalLabel,
            int depth,
            Long holdId,
            String holdKey,
            Instant placedAt) {}
}
