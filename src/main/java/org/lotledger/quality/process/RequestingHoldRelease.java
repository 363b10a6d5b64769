package org.lotledger.quality.process;

import java.util.List;
import org.lotledger.common.Actor;
import org.lotledger.quality.HoldDecisionPolicy;
import org.lotledger.quality.HoldReleaseRequests;
import org.lotledger.quality.HoldState;
import org.lotledger.quality.QualityHolds;
import org.springframework.stereotype.Service;

/** {@link HoldReleaseRequests} through {@link WorkingHoldTasks#review}: the same path as the API's release. */
@Service
class RequestingHoldRelease implements HoldReleaseRequests {

    private final WorkingHoldTasks work;
    private final QualityHolds holds;

    RequestingHoldRelease(WorkingHoldTasks work, QualityHolds holds) {
        this.work = work;
        this.holds = holds;
    }

    @Override
    public Requested requestRelease(long holdId, String note, Actor actor, String idempotencyKey) {
        holds.lockHoldDecisions();
        if (holds.view(holdId).state() != HoldState.OPEN) {
            return Requested.NOT_OPEN;
        }
        // asked before the task is completed, so that a hold past review is reported, not a refusal that rolls back
        if (!"REVIEW".equals(work.progress(holdId).awaiting())) {
            return Requested.NOT_AWAITING_REVIEW;
        }
        work.review(
                holdId,
                new HoldDecisionPolicy.Proposal("RELEASE", null, null, null, List.of(), null, note, idempotencyKey),
                actor,
                idempotencyKey);
        return Requested.REVIEWED;
    }
}
