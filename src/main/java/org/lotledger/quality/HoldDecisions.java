package org.lotledger.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.lotledger.catalog.reason.PostingTypeName;
import org.lotledger.catalog.reason.ReasonCodeCheck;
import org.lotledger.common.DomainException;
import org.springframework.stereotype.Service;

/**
 * Checks a reviewer's proposal against what the hold holds now and records it as the decision under review
 * ({@code APPROVE_<outcome>}, subject QUALITY_HOLD). The engine does not validate Camunda Forms submissions, so every
 * channel (Tasklist, the API, /engine-rest) passes through {@link #decide}; what it records is what is carried out
 * later — the quantities are read back from the record ({@link HoldDecisionRecords}), never from process variables.
 * The arithmetic is {@link HoldDecisionPolicy}'s; this gathers its facts under the locks and records its answer.
 */
@Service
public class HoldDecisions {

    private final QualityHolds holds;
    private final HoldDecisionRecords records;
    private final ReasonCodeCheck reasons;
    private final RecallGuards recalls;

    public HoldDecisions(
            QualityHolds holds, HoldDecisionRecords records, ReasonCodeCheck reasons, RecallGuards recalls) {
        this.holds = holds;
        this.records = records;
        this.reasons = reasons;
        this.recalls = recalls;
    }

    /**
     * Checks the proposal and records it in the caller's transaction (the task completion's).
     *
     * @return the recorded decision
     * @throws DomainException HOLD_NOT_OPEN, HOLD_UNDER_OPEN_RECALL, NOTHING_ON_HOLD, HOLD_DECISION_INVALID, INVALID_QUANTITY,
     *                         QUANTITY_EXCEEDS_HOLD, REASON_CODE_REQUIRED, INVALID_REASON_CODE
     */
    public HoldDecision decide(
            long holdId,
            HoldDecisionPolicy.Proposal p,
            String processInstanceId,
            String activityId,
            String taskId,
            String userId) {
        // the order every hold decision takes its locks in: the hold-decision lock, then the hold, then the lots
        holds.lockHoldDecisions();
        QualityHolds.HoldRow hold = holds.lock(holdId);
        // a hold that is not open is refused by the policy before anything of it is read, so its lots stay unlocked
        List<HoldView.Remaining> held = hold.state() == HoldState.OPEN ? stillHeld(holdId) : List.of();
        HoldDecisionPolicy.Decided decided =
                HoldDecisionPolicy.decide(new HoldDecisionPolicy.Facts(holdId, hold.state(), held), p);
        if (decided.outcome() == HoldDecision.Outcome.RELEASE
                || !decided.parts().stream()
                        .filter(x -> x.disposition() == HoldDecision.Disposition.RELEASE)
                        .toList()
                        .isEmpty()) {
            recalls.refuseReleaseUnderOpenRecall(holdId);
        }
        String reasonCode = decided.scraps() ? scrapReason(p.reasonCode()) : null;
        return records.record(
                holdId, decided, reasonCode, p.note(), p.requestKey(), processInstanceId, activityId, taskId, userId);
    }

    /** Per lot and location, what the hold answers for and is still HOLD there (under the lots' ledger locks). */
    List<HoldView.Remaining> stillHeld(long holdId) {
        List<HoldView.Remaining> remaining = holds.remaining(holdId);
        holds.lockLots(
                new TreeSet<>(remaining.stream().map(HoldView.Remaining::lotId).toList()));
        List<HoldView.Remaining> held = new ArrayList<>();
        for (HoldView.Remaining r : remaining) {
            long q = Math.min(r.quantity(), holds.heldAt(r.lotId(), r.locationId()));
            if (q > 0) {
                held.add(new HoldView.Remaining(r.lotId(), r.lotLabel(), r.locationId(), r.locationCode(), q));
            }
        }
        return held;
    }

    /** Checked now, as the ledger will check it when the scrap is posted (REASON_CODE_REQUIRED, INVALID_REASON_CODE). */
    private String scrapReason(String code) {
        return reasons.check(code == null ? null : code.trim().toUpperCase(Locale.ROOT), PostingTypeName.SCRAP, true);
    }
}
