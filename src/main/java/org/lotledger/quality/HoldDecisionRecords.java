package org.lotledger.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lotledger.common.DomainException;
import org.lotledger.evidence.DecisionRecords;
import org.springframework.stereotype.Component;

/**
 * Reviewers' decisions on holds as decision records ({@code APPROVE_<outcome>}, subject QUALITY_HOLD, the hold id),
 * with their parts as JSON details. What is carried out later is read back from here, never from process variables.
 */
@Component
public class HoldDecisionRecords {

    private final DecisionRecords decisions;
    private final ObjectMapper json;

    public HoldDecisionRecords(DecisionRecords decisions, ObjectMapper json) {
        this.decisions = decisions;
        this.json = json;
    }

    /** Records the decision in the caller's transaction; the note is kept trimmed, the returned one as given. */
    HoldDecision record(
            long holdId,
            HoldDecisionPolicy.Decided decided,
            String reasonCode,
            String note,
            String requestKey,
            String processInstanceId,
            String activityId,
            String taskId,
            String userId) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("outcome", decided.outcome().name());
        details.put("parts", decided.parts());
        if (reasonCode != null) {
            details.put("reasonCode", reasonCode);
        }
        if (note != null && !note.isBlank()) {
            details.put("note", note.trim());
        }
        if (requestKey != null) {
            details.put("requestKey", requestKey);
        }
        long recordId = decisions.record(
                processInstanceId,
                activityId,
                taskId,
                QualityHolds.SUBJECT_TYPE,
                Long.toString(holdId),
                HoldDecision.recordName(decided.outcome()),
                details,
                userId);
        return new HoldDecision(recordId, holdId, decided.outcome(), decided.parts(), reasonCode, note, userId);
    }

    /** The latest decision recorded by a reviewer on this hold: the one awaiting approval or being carried out. */
    public Optional<HoldDecision> latest(long holdId) {
        List<DecisionRecords.SubjectDecision> all =
                decisions.forSubject(QualityHolds.SUBJECT_TYPE, Long.toString(holdId));
        for (int i = all.size() - 1; i >= 0; i--) {
            DecisionRecords.SubjectDecision d = all.get(i);
            if (d.decision().startsWith("APPROVE_")) {
                return Optional.of(read(holdId, d));
            }
        }
        return Optional.empty();
    }

    /** The decision recorded with this id, which must be a reviewer's decision on this hold. */
    public HoldDecision byRecord(long holdId, long recordId) {
        return decisions.forSubject(QualityHolds.SUBJECT_TYPE, Long.toString(holdId)).stream()
                .filter(d -> d.id() == recordId && d.decision().startsWith("APPROVE_"))
                .findFirst()
                .map(d -> read(holdId, d))
                .orElseThrow(() -> DomainException.notFound(
                        "UNKNOWN_HOLD_DECISION",
                        "Hold " + holdId + " has no review decision " + recordId + ".",
                        Map.of("holdId", holdId)));
    }

    private HoldDecision read(long holdId, DecisionRecords.SubjectDecision d) {
        try {
            var node = json.readTree(d.details());
            List<HoldDecision.Part> parts = new ArrayList<>();
            for (var p : node.path("parts")) {
                parts.add(new HoldDecision.Part(
                        p.get("lotId").asLong(),
                        p.get("locationId").asLong(),
                        p.get("quantity").asLong(),
                        HoldDecision.Disposition.valueOf(p.get("disposition").asText())));
            }
            return new HoldDecision(
                    d.id(),
                    holdId,
                    HoldDecision.Outcome.valueOf(node.get("outcome").asText()),
                    parts,
                    node.hasNonNull("reasonCode") ? node.get("reasonCode").asText() : null,
                    node.hasNonNull("note") ? node.get("note").asText() : null,
                    d.decidedBy());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("decision record " + d.id() + " is not a hold decision", e);
        }
    }
}
