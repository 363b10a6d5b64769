package org.lotledger.recall;

import java.util.Optional;
import org.lotledger.quality.RecallHoldGuard;
import org.springframework.stereotype.Component;

/** Quality's {@link RecallHoldGuard}: a hold placed for a recall that is neither closed nor withdrawn. */
@Component
class OpenRecallHolds implements RecallHoldGuard {

    private final Recalls recalls;

    OpenRecallHolds(Recalls recalls) {
        this.recalls = recalls;
    }

    @Override
    public Optional<String> openRecallOf(long holdId) {
        return recalls.openRecallHolding(holdId);
    }
}
