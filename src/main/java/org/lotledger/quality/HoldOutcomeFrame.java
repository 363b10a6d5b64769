package org.lotledger.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.PostingExecutor;
import org.springframework.stereotype.Component;

/**
 * What every outcome of a hold ({@link ReleasingHold}, {@link ScrappingHeldStock}, {@link StagingReturnToVendor})
 * shares: the frame (quality only, a key, one hold decision at a time, the hold locked and OPEN, the evidence), the
 * lines it acts on checked against what the hold answers for ({@link QualityHolds#remaining}: what it moved to HOLD
 * or took over, minus earlier outcomes), and closing the hold when nothing is left. Each outcome is its own posting,
 * with an idempotency key derived from the hold, the outcome and the caller's key.
 */
@Component
class HoldOutcomeFrame {

    private final PostingExecutor executor;
    private final QualityHolds holds;
    private final HoldApprovals approvals;

    HoldOutcomeFrame(PostingExecutor executor, QualityHolds holds, HoldApprovals approvals) {
        this.executor = executor;
        this.holds = holds;
        this.approvals = approvals;
    }

    /**
     * Runs {@code work} in the frame and records what it returns as the decision's evidence (a repeated request never
     * gets here: the door replays its first answer, ADR 0009).
     */
    HoldView decide(
            long holdId, String decision, Actor actor, String idempotencyKey, Supplier<Map<String, Object>> work) {
        PlacingHold.requireQuality(actor, "decide");
        java.util.Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        return executor.inTransaction(() -> {
            holds.lockHoldDecisions();
            QualityHolds.HoldRow hold = holds.lock(holdId);
            if (hold.state() != HoldState.OPEN) {
                throw DomainException.conflict(
                        "HOLD_NOT_OPEN",
                        "Hold " + holdId + " is " + hold.state() + "; only an open hold can be "
                                + decision.toLowerCase().replace('_', ' ') + "d.",
                        Map.of("holdId", holdId, "state", hold.state().name()));
            }
            Map<String, Object> details = work.get();
            approvals.record(holdId, decision, details, actor);
            return holds.view(holdId);
        });
    }

    /** What the hold answers for, read after its lots are locked (so the HOLD balances read next stay put). */
    List<HoldView.Remaining> lockedRemaining(long holdId) {
        List<HoldView.Remaining> before = holds.remaining(holdId);
        holds.lockLots(
                new TreeSet<>(before.stream().map(HoldView.Remaining::lotId).toList()));
        return before;
    }

    /** The lines asked for, checked against what the hold answers for; all of it (what is still HOLD) if none. */
    List<HoldLine> chosen(long holdId, List<HoldLine> lines) {
        List<HoldView.Remaining> remaining = lockedRemaining(holdId);
        if (lines == null || lines.isEmpty()) {
            List<HoldLine> all = new ArrayList<>();
            for (HoldView.Remaining r : remaining) {
                long q = Math.min(r.quantity(), holds.heldAt(r.lotId(), r.locationId()));
                if (q > 0) {
                    all.add(new HoldLine(r.lotId(), r.locationId(), q, null));
                }
            }
            if (all.isEmpty()) {
                throw DomainException.unprocessable(
                        "NOTHING_ON_HOLD", "Hold " + holdId + " holds no stock any more.", Map.of("holdId", holdId));
            }
            return all;
        }
        Map<String, Long> asked = new LinkedHashMap<>();
        for (HoldLine l : lines) {
            HoldDecisionPolicy.requirePositive(l.quantity());
            asked.merge(l.lotId() + "@" + l.locationId(), l.quantity(), Long::sum);
        }
        HoldDecisionPolicy.requireWithinHold(holdId, remaining, asked, "answers for");
        return lines;
    }

    void closeIfEmpty(long holdId, Actor actor) {
        if (holds.remaining(holdId).isEmpty()) {
            holds.end(holdId, HoldState.CLOSED, actor.userId());
        }
    }

    static Map<String, Object> details(String key, String note) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("requestKey", key);
        if (note != null && !note.isBlank()) {
            d.put("note", note);
        }
        return d;
    }

    static String note(long holdId, String what, String note) {
        String s = "Quality hold " + holdId + " " + what + (note == null || note.isBlank() ? "" : ": " + note);
        return s.length() > 500 ? s.substring(0, 500) : s;
    }

    /** Derived from the hold, the outcome and the caller's key, so a retried outcome finds its posting. */
    static String postingKey(long holdId, String outcome, String callerKey) {
        return "quality-hold:" + holdId + ":" + outcome + ":" + callerKey;
    }
}
