package org.lotledger.quality;

import java.util.Map;
import org.lotledger.common.DomainException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Asks the {@link RecallHoldGuard} (when the recall module is present) before any release of a hold. */
@Component
class RecallGuards {

    private final ObjectProvider<RecallHoldGuard> guard;

    RecallGuards(ObjectProvider<RecallHoldGuard> guard) {
        this.guard = guard;
    }

    /** @throws DomainException 409 HOLD_UNDER_OPEN_RECALL */
    void refuseReleaseUnderOpenRecall(long holdId) {
        RecallHoldGuard g = guard.getIfAvailable();
        if (g == null) {
            return;
        }
        g.openRecallOf(holdId).ifPresent(recall -> {
            throw DomainException.conflict(
                    "HOLD_UNDER_OPEN_RECALL",
                    "Hold " + holdId + " holds stock for recall " + recall
                            + ", which is open: its stock may be scrapped or returned to the vendor, not released"
                            + " (withdraw or close the recall first).",
                    Map.of("holdId", holdId, "recall", recall));
        });
    }
}
