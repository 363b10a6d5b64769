package org.lotledger.quality;

import java.util.Map;
import java.util.Optional;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.platform.camunda.DecisionRecords;
import org.springframework.stereotype.Component;

/**
 * Who approved what on a hold, read from the application's decision records (subject QUALITY_HOLD, the hold id),
 * never from a process variable a user could set. An approval is any decision whose name starts with
 * {@code APPROVE} (APPROVE, APPROVE_RELEASE, APPROVE_SCRAP, ...), whether recorded by the "Review hold" task's
 * listener or by this class.
 */
@Component
public class HoldApprovals {

    public static final String QUALITY_MANAGERS = "quality-managers";

    private final DecisionRecords decisions;

    public HoldApprovals(DecisionRecords decisions) {
        this.decisions = decisions;
    }

    public static boolean isApproval(String decision) {
        return decision != null && decision.startsWith("APPROVE");
    }

    /** Evidence of a decision on a hold taken outside a process task (the API), in the caller's transaction. */
    public long record(long holdId, String decision, Map<String, ?> details, Actor actor) {
        return decisions.record(null, null, null, QualityHolds.SUBJECT_TYPE, Long.toString(holdId), decision, details,
                actor.userId());
    }

    /** The user of the first approval of this hold, if any. */
    public Optional<String> firstApprover(long holdId) {
        return decisions.forSubject(QualityHolds.SUBJECT_TYPE, Long.toString(holdId)).stream()
                .filter(d -> isApproval(d.decision())).map(DecisionRecords.SubjectDecision::decidedBy).findFirst();
    }

    /**
     * The four-eyes rule: a second approval needs a first one, by another user, and a quality manager.
     *
     * @throws DomainException FIRST_APPROVAL_MISSING (409), SAME_APPROVER (403), SECOND_APPROVER_NOT_QUALITY_MANAGER (403)
     */
    public void requireDifferentSecondApprover(long holdId, Actor approver) {
        String first = firstApprover(holdId).orElseThrow(() -> DomainException.conflict("FIRST_APPROVAL_MISSING",
                "Hold " + holdId + " has no first approval yet.", Map.of("holdId", holdId)));
        if (first.equals(approver.userId())) {
            throw new DomainException("SAME_APPROVER", DomainException.Kind.FORBIDDEN, "User " + approver.userId()
                    + " gave the first approval of hold " + holdId + "; the second must come from someone else.",
                    Map.of("holdId", holdId, "firstApprover", first));
        }
        if (!approver.isIn(QUALITY_MANAGERS)) {
            throw new DomainException("SECOND_APPROVER_NOT_QUALITY_MANAGER", DomainException.Kind.FORBIDDEN,
                    "The second approval of hold " + holdId + " needs a quality manager; " + approver.userId()
                            + " is not one.", Map.of("holdId", holdId));
        }
    }
}
