package org.lotledger.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.reason.PostingTypeName;
import org.lotledger.catalog.reason.ReasonCodeCheck;
import org.lotledger.common.DomainException;
import org.lotledger.platform.camunda.DecisionRecords;
import org.springframework.stereotype.Service;

/**
 * Checks a reviewer's proposal against what the hold holds now and records it as the decision under review
 * ({@code APPROVE_<outcome>}, subject QUALITY_HOLD). The engine does not validate Camunda Forms submissions, so every
 * channel (Tasklist, the API, /engine-rest) passes through {@link #decide}; what it records is what is carried out
 * later — the quantities are read back from the record, never from process variables.
 *
 * <p>A proposal gives either totals (the form: release, scrap and return quantities, allocated over the held lots
 * and locations in the hold's order, scrap first, then return, then release) or explicit parts per lot and location
 * (the API). What a decision leaves out stays on hold.
 */
@Service
public class HoldDecisions {

    /** The reviewer's answer, as submitted. Quantities are whole base units; null totals mean "all of it". */
    public record Proposal(String outcome, Long releaseQuantity, Long scrapQuantity, Long returnQuantity,
                           List<HoldDecision.Part> parts, String reasonCode, String note, String requestKey) {
    }

    private final QualityHolds holds;
    private final DecisionRecords decisions;
    private final CatalogQueries catalog;
    private final ReasonCodeCheck reasons;
    private final ObjectMapper json;

    public HoldDecisions(QualityHolds holds, DecisionRecords decisions, CatalogQueries catalog, ReasonCodeCheck reasons,
                         ObjectMapper json) {
        this.holds = holds;
        this.decisions = decisions;
        this.catalog = catalog;
        this.reasons = reasons;
        this.json = json;
    }

    /**
     * Checks the proposal and records it in the caller's transaction (the task completion's).
     *
     * @return the recorded decision
     * @throws DomainException HOLD_NOT_OPEN, NOTHING_ON_HOLD, HOLD_DECISION_INVALID, QUANTITY_EXCEEDS_HOLD,
     *                         REASON_CODE_REQUIRED, INVALID_REASON_CODE
     */
    public HoldDecision decide(long holdId, Proposal p, String processInstanceId, String activityId, String taskId,
                               String userId) {
        // the order every hold decision takes its locks in: the hold-decision lock, then the hold, then the lots
        PlacingHold.serialize(holds.jdbc());
        QualityHolds.HoldRow hold = holds.lock(holdId);
        if (hold.state() != HoldState.OPEN) {
            throw DomainException.conflict("HOLD_NOT_OPEN", "Hold " + holdId + " is " + hold.state()
                    + "; there is nothing left to decide.", Map.of("holdId", holdId, "state", hold.state().name()));
        }
        HoldDecision.Outcome outcome = outcome(p.outcome());
        List<HoldView.Remaining> held = stillHeld(holdId);
        if (held.isEmpty() && outcome != HoldDecision.Outcome.RELEASE) {
            // a release of a hold that holds nothing (any more) still ends it, and with it its coverage
            throw DomainException.unprocessable("NOTHING_ON_HOLD", "Hold " + holdId + " holds no stock any more; "
                    + "release it to end it.", Map.of("holdId", holdId));
        }
        List<HoldDecision.Part> parts = p.parts() == null || p.parts().isEmpty()
                ? allocate(holdId, outcome, p, held) : checkParts(holdId, outcome, p.parts(), held);
        String reasonCode = null;
        if (parts.stream().anyMatch(x -> x.disposition() == HoldDecision.Disposition.SCRAP)) {
            reasonCode = scrapReason(p.reasonCode());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("outcome", outcome.name());
        details.put("parts", parts);
        if (reasonCode != null) {
            details.put("reasonCode", reasonCode);
        }
        if (p.note() != null && !p.note().isBlank()) {
            details.put("note", p.note().trim());
        }
        if (p.requestKey() != null) {
            details.put("requestKey", p.requestKey());
        }
        long recordId = decisions.record(processInstanceId, activityId, taskId, QualityHolds.SUBJECT_TYPE,
                Long.toString(holdId), HoldDecision.recordName(outcome), details, userId);
        return new HoldDecision(recordId, holdId, outcome, parts, reasonCode, p.note(), userId);
    }

    /**
     * Takes the hold-decision lock for the rest of the caller's transaction. The API takes it before it touches the
     * process, so that of two people deciding one hold at once the second sees the first one's outcome (a 409)
     * instead of a process instance that ended under it.
     */
    public void lockHoldDecisions() {
        PlacingHold.serialize(holds.jdbc());
    }

    /** The latest decision recorded by a reviewer on this hold: the one awaiting approval or being carried out. */
    public Optional<HoldDecision> latest(long holdId) {
        List<DecisionRecords.SubjectDecision> all = decisions.forSubject(QualityHolds.SUBJECT_TYPE, Long.toString(holdId));
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
                .filter(d -> d.id() == recordId && d.decision().startsWith("APPROVE_")).findFirst()
                .map(d -> read(holdId, d))
                .orElseThrow(() -> DomainException.notFound("UNKNOWN_HOLD_DECISION", "Hold " + holdId
                        + " has no review decision " + recordId + ".", Map.of("holdId", holdId)));
    }

    /** Readable lines of what the hold still holds, for the task forms. */
    public String heldSummary(long holdId) {
        List<HoldView.Remaining> held = holds.remaining(holdId);
        if (held.isEmpty()) {
            return "nothing";
        }
        StringBuilder s = new StringBuilder();
        for (HoldView.Remaining r : held) {
            s.append("- lot ").append(r.lotLabel()).append(" (id ").append(r.lotId()).append(") at ")
                    .append(r.locationCode()).append(": ").append(r.quantity()).append('\n');
        }
        return s.toString().trim();
    }

    public String describe(HoldDecision d) {
        StringBuilder s = new StringBuilder(d.outcome().name().replace('_', ' ').toLowerCase(Locale.ROOT))
                .append(" proposed by ").append(d.decidedBy()).append('\n');
        for (HoldDecision.Part p : d.parts()) {
            s.append("\n- ").append(p.disposition().name().replace('_', ' ').toLowerCase(Locale.ROOT)).append(' ')
                    .append(p.quantity()).append(" of lot ").append(catalog.findLot(p.lotId())
                            .map(l -> l.internalLabel()).orElse("id " + p.lotId()))
                    .append(" at ").append(catalog.findLocation(p.locationId()).map(l -> l.code())
                            .orElse("location " + p.locationId()));
        }
        if (d.reasonCode() != null) {
            s.append("\n\nScrap reason ").append(d.reasonCode());
        }
        if (d.note() != null && !d.note().isBlank()) {
            s.append("\n\nNote: ").append(d.note());
        }
        return s.toString();
    }

    /** Per lot and location, what the hold answers for and is still HOLD there (under the lots' ledger locks). */
    List<HoldView.Remaining> stillHeld(long holdId) {
        List<HoldView.Remaining> remaining = holds.remaining(holdId);
        holds.lockLots(new TreeSet<>(remaining.stream().map(HoldView.Remaining::lotId).toList()));
        List<HoldView.Remaining> held = new ArrayList<>();
        for (HoldView.Remaining r : remaining) {
            long q = Math.min(r.quantity(), holds.heldAt(r.lotId(), r.locationId()));
            if (q > 0) {
                held.add(new HoldView.Remaining(r.lotId(), r.lotLabel(), r.locationId(), r.locationCode(), q));
            }
        }
        return held;
    }

    private static HoldDecision.Outcome outcome(String s) {
        try {
            return HoldDecision.Outcome.valueOf(s == null ? "" : s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("Choose an outcome: release, scrap, return to vendor or split (got '" + s + "').");
        }
    }

    private List<HoldDecision.Part> allocate(long holdId, HoldDecision.Outcome outcome, Proposal p,
                                             List<HoldView.Remaining> held) {
        long total = held.stream().mapToLong(HoldView.Remaining::quantity).sum();
        long scrap = 0;
        long rtv = 0;
        long release = 0;
        switch (outcome) {
            case RELEASE -> release = total;
            case SCRAP -> scrap = orAll(p.scrapQuantity(), total, "scrap");
            case RETURN_TO_VENDOR -> rtv = orAll(p.returnQuantity(), total, "return");
            case SPLIT -> {
                scrap = nonNegative(p.scrapQuantity(), "scrap");
                rtv = nonNegative(p.returnQuantity(), "return");
                release = nonNegative(p.releaseQuantity(), "release");
                int used = (scrap > 0 ? 1 : 0) + (rtv > 0 ? 1 : 0) + (release > 0 ? 1 : 0);
                if (used < 2) {
                    throw invalid("A split divides the held stock among at least two of release, scrap and return to "
                            + "vendor; give each part's quantity.");
                }
            }
        }
        if (scrap + rtv + release > total) {
            throw DomainException.unprocessable("QUANTITY_EXCEEDS_HOLD", "Hold " + holdId + " holds " + total
                    + " in all; the decision divides " + (scrap + rtv + release) + ".",
                    Map.of("holdId", holdId, "onHold", total, "requested", scrap + rtv + release));
        }
        List<HoldDecision.Part> parts = new ArrayList<>();
        long[] left = held.stream().mapToLong(HoldView.Remaining::quantity).toArray();
        take(parts, held, left, scrap, HoldDecision.Disposition.SCRAP);
        take(parts, held, left, rtv, HoldDecision.Disposition.RETURN_TO_VENDOR);
        take(parts, held, left, release, HoldDecision.Disposition.RELEASE);
        return parts;
    }

    private static void take(List<HoldDecision.Part> parts, List<HoldView.Remaining> held, long[] left, long wanted,
                             HoldDecision.Disposition d) {
        for (int i = 0; i < held.size() && wanted > 0; i++) {
            long q = Math.min(left[i], wanted);
            if (q > 0) {
                parts.add(new HoldDecision.Part(held.get(i).lotId(), held.get(i).locationId(), q, d));
                left[i] -= q;
                wanted -= q;
            }
        }
    }

    private List<HoldDecision.Part> checkParts(long holdId, HoldDecision.Outcome outcome, List<HoldDecision.Part> parts,
                                               List<HoldView.Remaining> held) {
        Map<String, Long> asked = new LinkedHashMap<>();
        for (HoldDecision.Part part : parts) {
            if (part.quantity() <= 0) {
                throw DomainException.unprocessable("INVALID_QUANTITY", "Quantities are whole, positive numbers of the "
                        + "item's base unit; got " + part.quantity() + ".", Map.of("quantity", part.quantity()));
            }
            if (part.disposition() == null
                    || (outcome != HoldDecision.Outcome.SPLIT && !part.disposition().name().equals(outcome.name()))) {
                throw invalid("Each part of a " + outcome + " decision is " + outcome
                        + (outcome == HoldDecision.Outcome.SPLIT ? " into RELEASE, SCRAP or RETURN_TO_VENDOR" : "")
                        + "; got " + part.disposition() + ".");
            }
            asked.merge(part.lotId() + "@" + part.locationId(), part.quantity(), Long::sum);
        }
        for (var e : asked.entrySet()) {
            long have = held.stream().filter(r -> (r.lotId() + "@" + r.locationId()).equals(e.getKey()))
                    .mapToLong(HoldView.Remaining::quantity).sum();
            if (e.getValue() > have) {
                String[] lotAt = e.getKey().split("@");
                throw DomainException.unprocessable("QUANTITY_EXCEEDS_HOLD", "Hold " + holdId + " holds " + have
                                + " of lot " + lotAt[0] + " at location " + lotAt[1] + ", not " + e.getValue() + ".",
                        Map.of("holdId", holdId, "lotId", Long.parseLong(lotAt[0]),
                                "locationId", Long.parseLong(lotAt[1]), "onHold", have, "requested", e.getValue()));
            }
        }
        if (outcome == HoldDecision.Outcome.RELEASE && parts.stream().mapToLong(HoldDecision.Part::quantity).sum()
                < held.stream().mapToLong(HoldView.Remaining::quantity).sum()) {
            throw invalid("A release releases everything the hold holds; to release part of it, split.");
        }
        return List.copyOf(parts);
    }

    /** Checked now, as the ledger will check it when the scrap is posted (REASON_CODE_REQUIRED, INVALID_REASON_CODE). */
    private String scrapReason(String code) {
        return reasons.check(code == null ? null : code.trim().toUpperCase(Locale.ROOT), PostingTypeName.SCRAP, true);
    }

    private static long orAll(Long q, long total, String what) {
        if (q == null) {
            return total;
        }
        if (q <= 0) {
            throw invalid("The " + what + " quantity must be positive; got " + q + ".");
        }
        return q;
    }

    private static long nonNegative(Long q, String what) {
        if (q == null) {
            return 0;
        }
        if (q < 0) {
            throw invalid("The " + what + " quantity cannot be negative; got " + q + ".");
        }
        return q;
    }

    private HoldDecision read(long holdId, DecisionRecords.SubjectDecision d) {
        try {
            var node = json.readTree(d.details());
            List<HoldDecision.Part> parts = new ArrayList<>();
            for (var p : node.path("parts")) {
                parts.add(new HoldDecision.Part(p.get("lotId").asLong(), p.get("locationId").asLong(),
                        p.get("quantity").asLong(), HoldDecision.Disposition.valueOf(p.get("disposition").asText())));
            }
            return new HoldDecision(d.id(), holdId, HoldDecision.Outcome.valueOf(node.get("outcome").asText()), parts,
                    node.hasNonNull("reasonCode") ? node.get("reasonCode").asText() : null,
                    node.hasNonNull("note") ? node.get("note").asText() : null, d.decidedBy());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("decision record " + d.id() + " is not a hold decision", e);
        }
    }

    static DomainException invalid(String message) {
        return DomainException.unprocessable("HOLD_DECISION_INVALID", message, Map.of());
    }
}
