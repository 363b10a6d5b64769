package org.lotledger.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.evidence.DecisionRecords;
import org.lotledger.platform.security.Groups;
import org.springframework.stereotype.Component;

/**
 * Who approved what on a hold, read from the application's decision records (subject QUALITY_HOLD, the hold id),
 * never from a process variable a user could set. The reviewer's decision ({@code APPROVE_RELEASE},
 * {@code APPROVE_SCRAP}, ...; {@link HoldDecisions}) is the first approval; where the holdSecondApproval table asks for
 * it, a quality manager other than the reviewer gives the second ({@code SECOND_APPROVAL}) or refuses it
 * ({@code SECOND_APPROVAL_REFUSED}, and the hold goes back to review).
 */
@Component
public class HoldApprovals {

    public static final String SECOND_APPROVAL = "SECOND_APPROVAL";
    public static final String SECOND_APPROVAL_REFUSED = "SECOND_APPROVAL_REFUSED";

    private final DecisionRecords decisions;

    public HoldApprovals(DecisionRecords decisions) {
        this.decisions = decisions;
    }

    /** A decision that approves: a reviewer's decision or a second approval. */
    public static boolean isApproval(String decision) {
        return decision != null && (decision.startsWith("APPROVE") || decision.equals(SECOND_APPROVAL));
    }

    /** Evidence of a decision on a hold taken outside a process task (the API), in the caller's transaction. */
    public long record(long holdId, String decision, Map<String, ?> details, Actor actor) {
        return decisions.record(
                null, null, null, QualityHolds.SUBJECT_TYPE, Long.toString(holdId), decision, details, actor.userId());
    }

    /** The reviewer of the decision now under consideration (the latest {@code APPROVE_*} record), if any. */
    public Optional<String> firstApprover(long holdId) {
        return latestReview(holdId).map(DecisionRecords.SubjectDecision::decidedBy);
    }

    private Optional<DecisionRecords.SubjectDecision> latestReview(long holdId) {
        List<DecisionRecords.SubjectDecision> all =
                decisions.forSubject(QualityHolds.SUBJECT_TYPE, Long.toString(holdId));
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).decision().startsWith("APPROVE")) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    /** The second approval given to the review decision {@code reviewRecordId}, if any (recorded after it). */
    public Optional<DecisionRecords.SubjectDecision> secondApprovalOf(long holdId, long reviewRecordId) {
        return decisions.forSubject(QualityHolds.SUBJECT_TYPE, Long.toString(holdId)).stream()
                .filter(d -> d.id() > reviewRecordId && d.decision().equals(SECOND_APPROVAL))
                .findFirst();
    }

    /**
     * Records a quality manager's answer to the decision under review, after the four-eyes checks, in the caller's
     * transaction (the "Approve hold decision" task's completion).
     */
    public long answer(
            long holdId,
            boolean approve,
            String note,
            Actor approver,
            String processInstanceId,
            String activityId,
            String taskId,
            String requestKey) {
        DecisionRecords.SubjectDecision review = latestReview(holdId).orElseThrow(() -> firstApprovalMissing(holdId));
        requireSecondApprover(holdId, review.decidedBy(), approver);
        if (!approve && (note == null || note.isBlank())) {
            throw DomainException.unprocessable(
                    "REFUSAL_REASON_REQUIRED",
                    "Say why you refuse the decision, so the " + "reviewer can decide again.",
                    Map.of("holdId", holdId));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reviewDecisionId", review.id());
        details.put("reviewedBy", review.decidedBy());
        if (note != null && !note.isBlank()) {
            details.put("note", note.trim());
        }
        if (requestKey != null) {
            details.put("requestKey", requestKey);
        }
        return decisions.record(
                processInstanceId,
                activityId,
                taskId,
                QualityHolds.SUBJECT_TYPE,
                Long.toString(holdId),
                approve ? SECOND_APPROVAL : SECOND_APPROVAL_REFUSED,
                details,
                approver.userId());
    }

    /**
     * The four-eyes rule: a second approval needs a first one, by another user, and a quality manager.
     *
     * @throws DomainException FIRST_APPROVAL_MISSING (409), SAME_APPROVER (403), SECOND_APPROVER_NOT_QUALITY_MANAGER (403)
     */
    public void requireDifferentSecondApprover(long holdId, Actor approver) {
        requireSecondApprover(holdId, firstApprover(holdId).orElseThrow(() -> firstApprovalMissing(holdId)), approver);
    }

    /**
     * The four-eyes rule for a known reviewer: the second approver is another user and a quality manager. The
     * approval task's listener and the carry-out (which re-checks the recorded approval) both ask here.
     *
     * @throws DomainException SAME_APPROVER (403), SECOND_APPROVER_NOT_QUALITY_MANAGER (403)
     */
    public void requireSecondApprover(long holdId, String first, Actor approver) {
        if (first.equals(approver.userId())) {
            throw new DomainException(
                    "SAME_APPROVER",
                    DomainException.Kind.FORBIDDEN,
                    "User " + approver.userId() + " gave the first approval of hold " + holdId
                            + "; the second must come from someone else.",
                    Map.of("holdId", holdId, "firstApprover", first));
        }
        if (!approver.isIn(Groups.QUALITY_MANAGERS)) {
            throw new DomainException(
                    "SECOND_APPROVER_NOT_QUALITY_MANAGER",
                    DomainException.Kind.FORBIDDEN,
                    "The second approval of hold " + holdId + " needs a quality manager; " + approver.userId()
                            + " is not one.",
                    Map.of("holdId", holdId));
        }
    }

    private static DomainException firstApprovalMissing(long holdId) {
        return DomainException.conflict(
                "FIRST_APPROVAL_MISSING", "Hold " + holdId + " has no first approval yet.", Map.of("holdId", holdId));
    }
}
