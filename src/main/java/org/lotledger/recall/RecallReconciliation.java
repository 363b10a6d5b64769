package org.lotledger.recall;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.evidence.DecisionRecords;
import org.lotledger.ledger.LedgerQueries;
import org.lotledger.ledger.StockStatus;
import org.lotledger.platform.security.Groups;
import org.lotledger.quality.HoldView;
import org.lotledger.quality.QualityHolds;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recall's close (issue 11 §3): "Reconcile recall" shows, per customer and lot, shipped = returned + destroyed at
 * the customer + unaccounted, and per lot the company-side mass balance as the trace reads it ({@link Tracing}: received
 * + opened + relabelled in = on hand + in transit + at customers + scrapped + returned to vendor + sampled + relabelled
 * out + adjusted out); "Approve recall closure" is the four-eyes step.
 *
 * <p>Closing requires that no stock is left under the recall's holds: every unit held (on hand, arrived from transit,
 * returned by customers) was scrapped or staged for return to vendor through the hold process — its holds cannot be
 * released while the recall is open ({@code HOLD_UNDER_OPEN_RECALL}) — else 409 {@code RECALL_HOLD_STOCK_REMAINING},
 * checked when quality reconciles and again when the closure is approved. Unaccounted units (neither returned nor
 * reported destroyed) do not block the close: the reconciliation records them, and the approver decides.
 *
 * <p>The reconciler and the approver are read from {@code decision_record} (subject RECALL, like the holds' four-eyes
 * rule): the approver is a quality manager ({@code APPROVER_NOT_QUALITY_MANAGER}) and not the reconciler
 * ({@code SAME_APPROVER}), both 403, whichever channel completes the task (Tasklist, the API, /engine-rest).
 */
@Service
public class RecallReconciliation {

    public static final String SUBJECT_TYPE = "RECALL";
    public static final String RECONCILED = "RECALL_RECONCILED";
    public static final String CLOSURE_APPROVED = "RECALL_CLOSURE_APPROVED";
    public static final String CLOSURE_REFUSED = "RECALL_CLOSURE_REFUSED";
    public static final int NOTE_MAX = 400;
    /** At most this many changed figures are named in a RECALL_FIGURES_CHANGED refusal's message. */
    static final int CHANGES_NAMED = 6;

    /** One customer and lot: shipped = returned + destroyed at the customer + unaccounted. */
    public record CustomerLine(
            long customerId,
            String customerCode,
            String customerName,
            long lotId,
            String internalLabel,
            long shipped,
            long returned,
            long destroyedAtCustomer,
            long unaccounted,
            boolean acknowledged,
            Long reportedAtCustomer,
            Boolean returning) {}

    /**
     * The company-side mass balance of one lot, as the trace reads it ({@link Tracing}, from the ledger in one
     * snapshot): received + opened + relabelled in = on hand + in transit + at customers + scrapped + returned to
     * vendor + sampled + relabelled out + adjusted out; {@code onHandHold} the part of on hand in HOLD.
     */
    public record LotBalance(
            long lotId, String internalLabel, long onHandHold, Trace.MassBalance massBalance, boolean balanced) {}

    /** What is still held under one of the recall's holds. */
    public record HeldStock(long holdId, long lotId, String internalLabel, long quantity) {}

    public record Reconciliation(
            long recallId,
            String recallNumber,
            RecallStatus status,
            List<CustomerLine> customers,
            List<LotBalance> lots,
            List<HeldStock> stillHeld,
            long shipped,
            long returned,
            long destroyedAtCustomers,
            long unaccounted) {

        public boolean holdsEmpty() {
            return stillHeld.isEmpty();
        }
    }

    private final Recalls recalls;
    private final RecallNotices notices;
    private final RecallFollowUpRows rows;
    private final LedgerQueries ledger;
    private final Tracing tracing;
    private final QualityHolds holds;
    private final DecisionRecords decisions;

    RecallReconciliation(
            Recalls recalls,
            RecallNotices notices,
            RecallFollowUpRows rows,
            LedgerQueries ledger,
            Tracing tracing,
            QualityHolds holds,
            DecisionRecords decisions) {
        this.recalls = recalls;
        this.notices = notices;
        this.rows = rows;
        this.ledger = ledger;
        this.tracing = tracing;
        this.holds = holds;
        this.decisions = decisions;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Reconciliation of(long recallId) {
        Recalls.Row r = recalls.get(recallId);
        RecallNotices.NoticeList list = notices.of(recallId);
        Map<String, RecallFollowUpRows.Acknowledgement> acks = new HashMap<>();
        rows.latestAcknowledgements(recallId).forEach(a -> acks.put(a.customerId() + ":" + a.lotId(), a));
        List<CustomerLine> lines = new ArrayList<>();
        long shipped = 0;
        long returned = 0;
        long destroyed = 0;
        for (RecallNotices.Notice n : list.notices()) {
            RecallFollowUpRows.Acknowledgement a = acks.get(n.customerId() + ":" + n.lotId());
            long d = a == null ? 0 : a.quantityDestroyed();
            lines.add(new CustomerLine(
                    n.customerId(),
                    n.customerCode(),
                    n.customerName(),
                    n.lotId(),
                    n.internalLabel(),
                    n.shipped(),
                    n.returned(),
                    d,
                    n.shipped() - n.returned() - d,
                    a != null,
                    a == null ? null : a.quantityAtCustomer(),
                    a == null ? null : a.returning()));
            shipped += n.shipped();
            returned += n.returned();
            destroyed += d;
        }
        List<LotBalance> lots = new ArrayList<>();
        List<HeldStock> held = new ArrayList<>();
        Map<Long, Trace.LotTrace> traced = new HashMap<>();
        for (Trace.LotTrace t : tracing.trace(r.scope()).lots()) {
            traced.put(t.lotId(), t);
        }
        for (RecallView.Lot l : recalls.lots(recallId)) {
            Trace.LotTrace t = traced.get(l.lotId());
            if (t == null) {
                // a lot fixed in the recall the scope no longer reaches (a lineage edge reversed): traced alone
                t = tracing.trace(new RecallScope(l.lotId(), null, null, null, null, null, null)).lots().stream()
                        .filter(x -> x.lotId() == l.lotId())
                        .findFirst()
                        .orElseThrow();
            }
            lots.add(new LotBalance(
                    l.lotId(),
                    l.internalLabel(),
                    heldOnHand(l.lotId()),
                    t.massBalance(),
                    t.massBalance().holds()));
            if (l.holdId() != null) {
                for (HoldView.Remaining rem : holds.remaining(l.holdId())) {
                    held.add(new HeldStock(l.holdId(), rem.lotId(), rem.lotLabel(), rem.quantity()));
                }
            }
        }
        return new Reconciliation(
                r.id(),
                r.number(),
                r.status(),
                List.copyOf(lines),
                List.copyOf(lots),
                List.copyOf(held),
                shipped,
                returned,
                destroyed,
                shipped - returned - destroyed);
    }

    private long heldOnHand(long lotId) {
        long q = 0;
        for (LedgerQueries.BalanceRow b : ledger.balances(
                new LedgerQueries.BalanceFilter(null, lotId, null, null, StockStatus.HOLD, false), 10_000, 0)) {
            q += b.quantity().longValueExact();
        }
        return q;
    }

    /** The reconciliation as the task's form shows it (Markdown). */
    public String describe(Reconciliation rec) {
        StringBuilder sb = new StringBuilder();
        sb.append("Per customer and lot: shipped = returned + destroyed at customer + unaccounted\n\n");
        sb.append("| customer | lot | shipped | returned | destroyed there | unaccounted | acknowledged |\n");
        sb.append("|---|---|---|---|---|---|---|\n");
        for (CustomerLine c : rec.customers()) {
            sb.append("| ")
                    .append(c.customerCode())
                    .append(" | ")
                    .append(c.internalLabel())
                    .append(" | ")
                    .append(c.shipped())
                    .append(" | ")
                    .append(c.returned())
                    .append(" | ")
                    .append(c.destroyedAtCustomer())
                    .append(" | ")
                    .append(c.unaccounted())
                    .append(" | ")
                    .append(c.acknowledged() ? "yes" : "**no**")
                    .append(" |\n");
        }
        sb.append("\nCompany side, per lot: received + opened + relabelled in = on hand + in transit + at customers +"
                + " scrapped + returned to vendor + sampled + relabelled out + adjusted out\n\n");
        sb.append(
                "| lot | in | on hand (hold) | in transit | at customers | scrapped | to vendor | sampled | relabelled,"
                        + " adjusted out | balanced |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (LotBalance m : rec.lots()) {
            Trace.MassBalance b = m.massBalance();
            sb.append("| ")
                    .append(m.internalLabel())
                    .append(" | ")
                    .append(b.received() + b.opened() + b.relabelledIn())
                    .append(" | ")
                    .append(b.onHand())
                    .append(" (")
                    .append(m.onHandHold())
                    .append(") | ")
                    .append(b.inTransit())
                    .append(" | ")
                    .append(b.atCustomers())
                    .append(" | ")
                    .append(b.scrapped())
                    .append(" | ")
                    .append(b.returnedToVendor())
                    .append(" | ")
                    .append(b.sampled())
                    .append(" | ")
                    .append(b.relabelledOut() + b.adjustedOut())
                    .append(" | ")
                    .append(m.balanced() ? "yes" : "**NO** (difference " + b.difference() + ")")
                    .append(" |\n");
        }
        if (!rec.holdsEmpty()) {
            sb.append("\n**Still under the recall's holds** (scrap it or stage it for return to vendor first): ");
            sb.append(String.join(
                    ", ",
                    rec.stillHeld().stream()
                            .map(h -> h.quantity() + " of " + h.internalLabel() + " (hold " + h.holdId() + ")")
                            .toList()));
            sb.append('\n');
        }
        return TaskTexts.fit(sb.toString(), "GET /api/recalls/" + rec.recallId() + "/reconciliation");
    }

    /**
     * The figures of a reconciliation, one plain line each (per customer and lot, per lot the company side, what is
     * still held), in the order the form shows them: what the task keeps as "the figures shown"
     * ({@code reconciliationFigures}) and what {@link #reconcile} compares with the figures read when it completes.
     */
    public String figures(Reconciliation rec) {
        List<String> lines = new ArrayList<>();
        for (CustomerLine c : rec.customers()) {
            lines.add(c.customerCode() + " · " + c.internalLabel() + ": shipped " + c.shipped() + ", returned "
                    + c.returned() + ", destroyed there " + c.destroyedAtCustomer() + ", unaccounted "
                    + c.unaccounted() + (c.acknowledged() ? ", acknowledged" : ", not acknowledged"));
        }
        for (LotBalance m : rec.lots()) {
            Trace.MassBalance b = m.massBalance();
            lines.add(m.internalLabel() + " company side: in " + (b.received() + b.opened() + b.relabelledIn())
                    + ", on hand " + b.onHand() + " (hold " + m.onHandHold() + "), in transit " + b.inTransit()
                    + ", at customers " + b.atCustomers() + ", scrapped " + b.scrapped() + ", to vendor "
                    + b.returnedToVendor() + ", sampled " + b.sampled() + ", relabelled or adjusted out "
                    + (b.relabelledOut() + b.adjustedOut()) + (m.balanced() ? "" : ", NOT balanced"));
        }
        for (HeldStock h : rec.stillHeld()) {
            lines.add("still held: " + h.quantity() + " of " + h.internalLabel() + " (hold " + h.holdId() + ")");
        }
        return String.join("\n", lines);
    }

    /**
     * Quality submits the reconciliation (the "Reconcile recall" task's completion, in the engine's transaction): the
     * figures are read again here, under the recall's lock; when they are not the ones the form showed
     * ({@code figuresShown}, from {@link #figures}; null when the caller read them live, as the API does) the
     * completion is refused with 409 {@code RECALL_FIGURES_CHANGED} naming what changed, else it is recorded with these
     * fresh figures and the recall becomes RECONCILING.
     *
     * @throws DomainException RECALL_NOT_RECONCILABLE, RECALL_HOLD_STOCK_REMAINING, RECALL_FIGURES_CHANGED (409),
     *                         RECALL_NOT_ALLOWED (403)
     */
    public Reconciliation reconcile(
            long recallId,
            String note,
            String figuresShown,
            Actor actor,
            String processInstanceId,
            String activityId,
            String taskId) {
        if (!actor.isInAny(java.util.Set.of(Groups.QUALITY, Groups.QUALITY_MANAGERS))) {
            throw new DomainException(
                    "RECALL_NOT_ALLOWED",
                    DomainException.Kind.FORBIDDEN,
                    "Only quality reconciles a recall; " + actor.userId() + " may not.",
                    Map.of("allowed", List.of(Groups.QUALITY)));
        }
        Recalls.Row r = recalls.lock(recallId);
        if (r.status() != RecallStatus.HOLDS_PLACED) {
            throw DomainException.conflict(
                    "RECALL_NOT_RECONCILABLE",
                    "Recall " + r.number() + " is " + r.status() + "; it is reconciled once its holds are placed.",
                    Map.of("recall", r.number(), "status", r.status().name()));
        }
        Reconciliation rec = of(recallId);
        requireHoldsEmpty(rec);
        requireFiguresAsShown(rec, figuresShown);
        Map<String, Object> details = recorded(rec);
        if (note != null && !note.isBlank()) {
            details.put("note", note.strip());
        }
        decisions.record(
                processInstanceId,
                activityId,
                taskId,
                SUBJECT_TYPE,
                Long.toString(recallId),
                RECONCILED,
                details,
                actor.userId());
        rows.reconciled(recallId, actor.userId());
        return rec;
    }

    /**
     * A quality manager other than the reconciler answers "Approve recall closure": approved, the recall is CLOSED
     * (its holds are then no longer under an open recall); refused, it is HOLDS_PLACED again and back to "Reconcile
     * recall".
     *
     * @throws DomainException SAME_APPROVER, APPROVER_NOT_QUALITY_MANAGER (403), RECALL_NOT_RECONCILED,
     *                         RECALL_HOLD_STOCK_REMAINING (409), APPROVAL_NOTE_REQUIRED (422)
     */
    public void answerClosure(
            long recallId,
            boolean approve,
            String note,
            Actor approver,
            String processInstanceId,
            String activityId,
            String taskId) {
        Recalls.Row r = recalls.lock(recallId);
        if (r.status() != RecallStatus.RECONCILING) {
            throw DomainException.conflict(
                    "RECALL_NOT_RECONCILED",
                    "Recall " + r.number() + " is " + r.status() + "; its closure is approved after reconciliation.",
                    Map.of("recall", r.number(), "status", r.status().name()));
        }
        requireDifferentApprover(r, approver);
        if (!approve && (note == null || note.isBlank())) {
            throw DomainException.unprocessable(
                    "APPROVAL_NOTE_REQUIRED",
                    "Say why the closure of recall " + r.number() + " is refused.",
                    Map.of("recall", r.number()));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        if (note != null && !note.isBlank()) {
            details.put("note", note.strip());
        }
        if (approve) {
            Reconciliation rec = of(recallId);
            requireHoldsEmpty(rec);
            details.putAll(recorded(rec));
        }
        decisions.record(
                processInstanceId,
                activityId,
                taskId,
                SUBJECT_TYPE,
                Long.toString(recallId),
                approve ? CLOSURE_APPROVED : CLOSURE_REFUSED,
                details,
                approver.userId());
        if (approve) {
            rows.closed(recallId, approver.userId());
        } else {
            rows.reconciliationRefused(recallId);
        }
    }

    /** The user whose reconciliation awaits approval, from the decision records. */
    public String reconciledBy(long recallId) {
        List<DecisionRecords.SubjectDecision> all = decisions.forSubject(SUBJECT_TYPE, Long.toString(recallId));
        for (int i = all.size() - 1; i >= 0; i--) {
            if (RECONCILED.equals(all.get(i).decision())) {
                return all.get(i).decidedBy();
            }
        }
        return null;
    }

    void requireDifferentApprover(Recalls.Row r, Actor approver) {
        String reconciler = reconciledBy(r.id());
        if (reconciler == null) {
            throw DomainException.conflict(
                    "RECALL_NOT_RECONCILED",
                    "Recall " + r.number() + " has no recorded reconciliation.",
                    Map.of("recall", r.number()));
        }
        if (reconciler.equals(approver.userId())) {
            throw new DomainException(
                    "SAME_APPROVER",
                    DomainException.Kind.FORBIDDEN,
                    "User " + approver.userId() + " reconciled recall " + r.number()
                            + "; its closure must be approved by someone else.",
                    Map.of("recall", r.number(), "reconciledBy", reconciler));
        }
        if (!approver.isIn(Groups.QUALITY_MANAGERS)) {
            throw new DomainException(
                    "APPROVER_NOT_QUALITY_MANAGER",
                    DomainException.Kind.FORBIDDEN,
                    "The closure of recall " + r.number() + " is approved by a quality manager; " + approver.userId()
                            + " is not one.",
                    Map.of("recall", r.number()));
        }
    }

    private static void requireHoldsEmpty(Reconciliation rec) {
        if (!rec.holdsEmpty()) {
            throw DomainException.conflict(
                    "RECALL_HOLD_STOCK_REMAINING",
                    "Recall " + rec.recallNumber() + " still holds stock under its holds: "
                            + String.join(
                                    ", ",
                                    rec.stillHeld().stream()
                                            .map(h -> h.quantity() + " of " + h.internalLabel())
                                            .toList())
                            + "; scrap it or stage it for return to vendor through the hold process first.",
                    Map.of(
                            "recall",
                            rec.recallNumber(),
                            "stillHeld",
                            rec.stillHeld().stream()
                                    .map(h ->
                                            Map.of("holdId", h.holdId(), "lotId", h.lotId(), "quantity", h.quantity()))
                                    .toList()));
        }
    }

    /**
     * 409 {@code RECALL_FIGURES_CHANGED} when the figures read now are not those shown: the message names the figures
     * as they are now (and those no longer true), readable in Tasklist.
     */
    void requireFiguresAsShown(Reconciliation rec, String figuresShown) {
        if (figuresShown == null) {
            return;
        }
        List<String> now = List.of(figures(rec).split("\n"));
        List<String> shown = List.of(figuresShown.split("\n"));
        if (now.stream().sorted().toList().equals(shown.stream().sorted().toList())) {
            return; // the same figures, in whatever order they were read
        }
        List<String> changed =
                new ArrayList<>(now.stream().filter(l -> !shown.contains(l)).toList());
        List<String> gone = shown.stream().filter(l -> !now.contains(l)).toList();
        for (String g : gone) {
            changed.add("no longer: " + g);
        }
        if (changed.isEmpty()) {
            changed.add("a figure shown twice or once too often");
        }
        String named = String.join("; ", changed.subList(0, Math.min(CHANGES_NAMED, changed.size())));
        if (changed.size() > CHANGES_NAMED) {
            named += "; and " + (changed.size() - CHANGES_NAMED) + " more";
        }
        throw DomainException.conflict(
                "RECALL_FIGURES_CHANGED",
                "The figures of recall " + rec.recallNumber() + " changed since this task was opened: now " + named
                        + ". The task now shows the current figures: reload it, check them and complete it again.",
                Map.of("recall", rec.recallNumber(), "changed", List.copyOf(changed)));
    }

    private static Map<String, Object> recorded(Reconciliation rec) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("shipped", rec.shipped());
        d.put("returned", rec.returned());
        d.put("destroyedAtCustomers", rec.destroyedAtCustomers());
        d.put("unaccounted", rec.unaccounted());
        d.put(
                "customers",
                rec.customers().stream()
                        .map(c -> Map.of(
                                "customer", c.customerCode(),
                                "lotId", c.lotId(),
                                "shipped", c.shipped(),
                                "returned", c.returned(),
                                "destroyed", c.destroyedAtCustomer(),
                                "unaccounted", c.unaccounted()))
                        .toList());
        d.put("massBalanced", rec.lots().stream().allMatch(LotBalance::balanced));
        return d;
    }
}
