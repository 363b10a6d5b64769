package org.lotledger.transfers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.item.ItemView;
import org.lotledger.catalog.location.LocationKind;
import org.lotledger.catalog.location.LocationView;
import org.lotledger.catalog.lot.LotView;
import org.lotledger.catalog.reason.ReasonCodeNames;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.LedgerQueries;
import org.lotledger.ledger.Movement;
import org.lotledger.ledger.Posting;
import org.lotledger.ledger.PostingRequest;
import org.lotledger.ledger.PostingType;
import org.lotledger.ledger.ReversingPostings;
import org.lotledger.ledger.StockStatus;
import org.lotledger.platform.security.Groups;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the process {@code InterWarehouseTransfer} does to a transfer (issue 10 §4), in the caller's transaction (a
 * task's completion, the engine's): overdue alerts and their chase, the supervisor's decision about a discrepancy,
 * the follow-up posting in the name of the user who confirms it — refused for anyone whose group the posting type or
 * the warehouse does not allow, before anything is written — and the order's close when nothing of it is in transit
 * and every discrepancy is resolved.
 */
@Service
public class ResolvingTransferDiscrepancies {

    /** The latest a new deadline may be set (chase or "still coming"). */
    static final Duration LONGEST_DEADLINE = Duration.ofDays(90);

    private final TransferDiscrepancies discrepancies;
    private final TransferResolutions resolutions;
    private final TransferRows rows;
    private final TransferQueries queries;
    private final CatalogQueries catalog;
    private final LedgerQueries stock;
    private final Ledger ledger;
    private final ReversingPostings reversing;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ResolvingTransferDiscrepancies(
            TransferDiscrepancies discrepancies,
            TransferResolutions resolutions,
            TransferRows rows,
            TransferQueries queries,
            CatalogQueries catalog,
            LedgerQueries stock,
            Ledger ledger,
            ReversingPostings reversing,
            ApplicationEventPublisher events,
            Clock clock) {
        this.discrepancies = discrepancies;
        this.resolutions = resolutions;
        this.rows = rows;
        this.queries = queries;
        this.catalog = catalog;
        this.stock = stock;
        this.ledger = ledger;
        this.reversing = reversing;
        this.events = events;
        this.clock = clock;
    }

    /** What a task about the discrepancy shows (its name, its form): plain values. */
    public Map<String, Object> context(long discrepancyId) {
        TransferDiscrepancy d = discrepancy(discrepancyId);
        TransferRows.Header h = header(d.transferOrderId());
        LotView lot = catalog.findLot(d.lotId()).orElseThrow();
        ItemView item = catalog.findItem(lot.itemId()).orElseThrow();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("discrepancyType", d.type().name());
        v.put("discrepancyValue", d.value().doubleValue());
        v.put("lotNumber", lot.lotNumber());
        v.put("lotLabel", lot.internalLabel());
        v.put("sku", item.sku());
        v.put("quantityText", d.quantity().stripTrailingZeros().toPlainString() + " " + item.baseUom());
        v.put("expectedText", d.expectedQuantity().stripTrailingZeros().toPlainString() + " " + item.baseUom());
        v.put("actualText", d.actualQuantity().stripTrailingZeros().toPlainString() + " " + item.baseUom());
        v.put(
                "valueText",
                d.value().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()
                        + (lot.currency() == null ? "" : " " + lot.currency()));
        v.put("recordedBy", d.recordedBy());
        v.put("fromWarehouse", h.fromCode());
        v.put("toWarehouse", h.toCode());
        v.put(
                "outcomeChoices",
                String.join(
                        ", ",
                        TransferOutcome.of(d.type()).stream().map(Enum::name).toList()));
        return v;
    }

    /** The receiving supervisors of the destination: the group every "Resolve transfer discrepancy" is offered to. */
    public String supervisorsOf(long transferOrderId) {
        return Groups.atWarehouse(
                Groups.RECEIVING_SUPERVISORS, header(transferOrderId).toCode());
    }

    /**
     * Records the supervisor's decision (who, when, outcome), every check before the row.
     *
     * @param candidateGroups the groups the task was offered to; the decider must be in one of them
     * @throws DomainException NOT_WAREHOUSE_STAFF (403) for someone not among them; DISCREPANCY_ALREADY_DECIDED
     *                         (409); OUTCOME_REQUIRED, OUTCOME_NOT_FOR_DISCREPANCY, NEW_DEADLINE_REQUIRED,
     *                         NEW_DEADLINE_OUT_OF_RANGE, TRANSFER_LOT_RECEIVED (422)
     */
    @Transactional
    public TransferOutcome decide(
            long discrepancyId,
            String outcomeName,
            Instant newDeadline,
            String note,
            Set<String> candidateGroups,
            Actor actor,
            String processInstanceId,
            String taskId) {
        TransferDiscrepancy d = discrepancy(discrepancyId);
        TransferRows.Header h = header(d.transferOrderId());
        if (candidateGroups.stream().noneMatch(actor::isIn)) {
            throw new DomainException(
                    "NOT_WAREHOUSE_STAFF",
                    DomainException.Kind.FORBIDDEN,
                    actor.userId() + " is none of " + candidateGroups + ", who resolve discrepancies of " + h.number()
                            + " at " + h.toCode() + ".",
                    Map.of("warehouse", h.toCode(), "candidateGroups", List.copyOf(candidateGroups)));
        }
        if (resolutions.decision(discrepancyId).isPresent()) {
            throw DomainException.conflict(
                    "DISCREPANCY_ALREADY_DECIDED",
                    "Discrepancy " + discrepancyId + " of " + h.number() + " is decided already.",
                    Map.of("discrepancyId", discrepancyId));
        }
        TransferOutcome outcome = outcome(outcomeName, d);
        Instant deadline = null;
        if (outcome == TransferOutcome.STILL_COMING) {
            deadline = requireDeadline(newDeadline);
        }
        if (outcome == TransferOutcome.NEVER_LEFT) {
            List<TransferRows.ShippedRow> shipped = shippedOf(d);
            long received = shipped.stream()
                    .mapToLong(TransferRows.ShippedRow::received)
                    .sum();
            if (shipped.isEmpty() || received > 0) {
                throw DomainException.unprocessable(
                        "TRANSFER_LOT_RECEIVED",
                        "Some of lot " + d.lotId() + " of " + h.number()
                                + " was received: it left the origin; choose another outcome.",
                        Map.of("discrepancyId", discrepancyId, "received", received));
            }
        }
        if (outcome == TransferOutcome.WRONG_LOT_CORRECTED) {
            List<TransferRows.ShippedRow> shipped = shippedOf(d);
            long received = shipped.stream()
                    .mapToLong(TransferRows.ShippedRow::received)
                    .sum();
            long left =
                    shipped.stream().mapToLong(TransferRows.ShippedRow::shipped).sum();
            long reversible = Math.min(reversibleOf(shipped), inTransitOf(h, d.lotId()));
            if (reversible < d.quantity().longValueExact()) {
                throw DomainException.unprocessable(
                        "WRONG_LOT_NOT_WHOLE",
                        "Lot " + d.lotId() + " of " + h.number() + " left " + left + ", " + received
                                + " of it was received and " + reversible + " of it can still go back to "
                                + h.fromCode() + "'s books: less than the lot sent replaces ("
                                + d.quantity().toPlainString() + "); resolve the rest as SHORT or OVER.",
                        Map.of(
                                "discrepancyId",
                                discrepancyId,
                                "received",
                                received,
                                "shipped",
                                left,
                                "reversible",
                                reversible));
            }
        }
        resolutions.record(
                discrepancyId,
                TransferResolutions.DECIDED,
                outcome,
                deadline,
                blankToNull(note),
                List.of(),
                processInstanceId,
                taskId,
                actor.userId());
        return outcome;
    }

    /** The decided outcome of a discrepancy (what the process's gateway asks). */
    public TransferOutcome decided(long discrepancyId) {
        return resolutions
                .decision(discrepancyId)
                .map(TransferResolutions.Resolution::outcome)
                .orElseThrow(() -> DomainException.conflict(
                        "DISCREPANCY_NOT_DECIDED",
                        "Discrepancy " + discrepancyId + " has no decision yet.",
                        Map.of("discrepancyId", discrepancyId)));
    }

    /** The candidate group of the next follow-up task (who may post its step), from the decided outcome. */
    public String posterGroup(long discrepancyId) {
        TransferDiscrepancy d = discrepancy(discrepancyId);
        TransferRows.Header h = header(d.transferOrderId());
        return decided(discrepancyId).stepCandidateGroup(stepsPosted(discrepancyId), h.fromCode(), h.toCode());
    }

    /** Whether a follow-up posting of the decided outcome is still to be posted (the model's loop). */
    public boolean moreFollowUps(long discrepancyId) {
        return stepsPosted(discrepancyId) < decided(discrepancyId).steps().size();
    }

    private int stepsPosted(long discrepancyId) {
        return (int) resolutions.of(discrepancyId).stream()
                .filter(r -> r.step().equals(TransferResolutions.POSTED))
                .count();
    }

    private TransferOutcome.Step nextStep(long discrepancyId, TransferOutcome outcome) {
        int done = stepsPosted(discrepancyId);
        if (done >= outcome.steps().size()) {
            throw DomainException.conflict(
                    "FOLLOW_UP_POSTED",
                    "Every follow-up of discrepancy " + discrepancyId + " (" + outcome + ") is posted already.",
                    Map.of("discrepancyId", discrepancyId));
        }
        return outcome.steps().get(done);
    }

    /** The follow-up task's name, e.g. "Write off 2 EA of lot L-7 lost in transit · TO-EAST-3". */
    public String followUpName(long discrepancyId) {
        TransferDiscrepancy d = discrepancy(discrepancyId);
        TransferRows.Header h = header(d.transferOrderId());
        Map<String, Object> c = context(discrepancyId);
        return switch (decided(discrepancyId)) {
            case LOST_IN_TRANSIT ->
                "Write off " + c.get("quantityText") + " of lot " + c.get("lotNumber") + " lost in transit · "
                        + h.number();
            case FOUND ->
                "Book " + c.get("quantityText") + " of lot " + c.get("lotNumber") + " found at " + h.toCode()
                        + " into quarantine · " + h.number();
            case NEVER_LEFT ->
                "Reverse transfer-out of lot " + c.get("lotNumber") + " at " + h.fromCode() + " (never left) · "
                        + h.number();
            case ORIGIN_CONFIRMS ->
                "Post transfer-out of " + c.get("quantityText") + " of lot " + c.get("lotNumber") + " sent over by "
                        + h.fromCode() + " · " + h.number();
            case WRONG_LOT_CORRECTED ->
                stepsPosted(discrepancyId) == 0
                        ? "Reverse transfer-out of "
                                + (d.quantity().compareTo(d.expectedQuantity()) == 0
                                                && d.actualQuantity().signum() == 0
                                        ? ""
                                        : c.get("quantityText") + " of ")
                                + "lot " + c.get("lotNumber") + " at " + h.fromCode() + " (wrong lot sent) · "
                                + h.number()
                        : "Post transfer-out of " + c.get("quantityText") + " of lot "
                                + lotNumber(d.receivedLotId()) + " sent instead from " + h.fromCode() + " · "
                                + h.number();
            default -> "Post the outcome of discrepancy " + discrepancyId + " · " + h.number();
        };
    }

    /**
     * Refuses the follow-up's poster unless the posting type's groups and the outcome's warehouse group allow them;
     * called when the follow-up task is completed, before anything is posted.
     *
     * @throws DomainException POSTING_TYPE_NOT_ALLOWED, NOT_WAREHOUSE_STAFF (403)
     */
    public void requirePoster(long discrepancyId, Actor actor) {
        TransferDiscrepancy d = discrepancy(discrepancyId);
        TransferRows.Header h = header(d.transferOrderId());
        TransferOutcome outcome = decided(discrepancyId);
        if (outcome.steps().isEmpty()) {
            return;
        }
        int index = stepsPosted(discrepancyId);
        TransferOutcome.Step step = nextStep(discrepancyId, outcome);
        PostingType type = postingType(outcome, index);
        if (!actor.isInAny(type.groups()) || !actor.isIn(step.group())) {
            throw new DomainException(
                    "POSTING_TYPE_NOT_ALLOWED",
                    DomainException.Kind.FORBIDDEN,
                    "User " + actor.userId() + " may not post the " + type + " of " + outcome + " (" + h.number()
                            + "): " + step.group() + " does.",
                    Map.of("postingType", type.name(), "group", step.group()));
        }
        String warehouse = switch (step.side()) {
            case ORIGIN -> h.fromCode();
            case DESTINATION -> h.toCode();
            case NONE -> null;
        };
        if (warehouse != null && !actor.worksAt(warehouse, step.group())) {
            throw new DomainException(
                    "NOT_WAREHOUSE_STAFF",
                    DomainException.Kind.FORBIDDEN,
                    actor.userId() + " is not " + step.group() + " of " + warehouse + ", on whose books the " + type
                            + " of " + h.number() + " is posted.",
                    Map.of("warehouse", warehouse));
        }
    }

    /**
     * Posts the decided outcome as {@code actor} (checked by {@link #requirePoster} first), in the caller's
     * transaction, and records the POSTED step with the postings.
     *
     * @param key the posting's idempotency key (the process's, {@code ProcessPostings.idempotencyKey})
     */
    @Transactional
    public List<Long> post(long discrepancyId, Actor actor, String key, String processInstanceId, String taskId) {
        requirePoster(discrepancyId, actor);
        TransferDiscrepancy d = discrepancy(discrepancyId);
        TransferRows.Header h = rows.lock(d.transferOrderId()).orElseThrow();
        TransferOutcome outcome = decided(discrepancyId);
        List<Long> posted = new ArrayList<>();
        switch (outcome) {
            case LOST_IN_TRANSIT -> {
                long inTransit = catalog.inTransitLocationId(h.fromWarehouseId(), h.toWarehouseId());
                long stillThere = inTransitOf(h, d.lotId());
                long quantity = d.quantity().longValueExact();
                if (stillThere < quantity) {
                    throw DomainException.conflict(
                            "NOT_IN_TRANSIT",
                            "Only " + stillThere + " of lot " + d.lotId() + " is in transit under " + h.number()
                                    + ", not " + quantity + ".",
                            Map.of("inTransit", stillThere, "quantity", quantity));
                }
                long adjustment = catalog.warehouseLocationId(h.toWarehouseId(), LocationKind.ADJUSTMENT);
                Posting p = ledger.post(PostingRequest.of(PostingType.ADJUSTMENT, actor, key)
                        .movement(new Movement(
                                d.lotId(),
                                inTransit,
                                StockStatus.AVAILABLE,
                                adjustment,
                                StockStatus.AVAILABLE,
                                quantity))
                        .reference("TRANSFER_ORDER", h.number())
                        .reason(ReasonCodeNames.TRANSIT_LOSS)
                        .processInstance(processInstanceId)
                        .note("Lost in transit: " + h.number() + " " + h.fromCode() + " → " + h.toCode()
                                + ", discrepancy " + discrepancyId)
                        .build());
                posted.add(p.id());
            }
            case NEVER_LEFT -> {
                int n = 0;
                for (TransferRows.ShippedRow s : shippedOf(d)) {
                    Posting p = reversing.reverse(
                            s.postingId(),
                            ReasonCodeNames.TRANSFER_NOT_SHIPPED,
                            "Never left " + h.fromCode() + ": " + h.number() + ", discrepancy " + discrepancyId,
                            actor,
                            key + ":" + n++);
                    posted.add(p.id());
                }
            }
            case FOUND -> {
                LocationView at = setAsideAt(d, h);
                long adjustment = catalog.warehouseLocationId(h.toWarehouseId(), LocationKind.ADJUSTMENT);
                Posting p = ledger.post(PostingRequest.of(PostingType.ADJUSTMENT, actor, key)
                        .movement(new Movement(
                                d.lotId(),
                                adjustment,
                                StockStatus.QUARANTINE,
                                at.id(),
                                StockStatus.QUARANTINE,
                                d.quantity().longValueExact()))
                        .reference("TRANSFER_ORDER", h.number())
                        .reason(ReasonCodeNames.FOUND)
                        .processInstance(processInstanceId)
                        .note("Found with transfer " + h.number() + " at " + at.code() + ", discrepancy "
                                + discrepancyId)
                        .build());
                posted.add(p.id());
            }
            case ORIGIN_CONFIRMS ->
                posted.add(supplementaryTransferOut(
                        d, h, d.lotId(), ReasonCodeNames.OVER_SHIPPED, actor, key, processInstanceId, "sent over"));
            case WRONG_LOT_CORRECTED -> {
                if (stepsPosted(discrepancyId) == 0) {
                    // the part of the expected lot the lot sent replaces goes back to the origin's books: each
                    // shipped row's transfer-out reversed whole when none of it arrived and all of it is replaced,
                    // else in part (what of it did not arrive, at most what is still to replace)
                    long rest = d.quantity().longValueExact();
                    long stillThere = inTransitOf(h, d.lotId());
                    if (stillThere < rest) {
                        throw DomainException.conflict(
                                "NOT_IN_TRANSIT",
                                "Only " + stillThere + " of lot " + d.lotId() + " is in transit under " + h.number()
                                        + ", not " + rest + ".",
                                Map.of("inTransit", stillThere, "quantity", rest));
                    }
                    String why = "Wrong lot sent: lot " + d.receivedLotId() + " left " + h.fromCode() + " instead: "
                            + h.number() + ", discrepancy " + discrepancyId;
                    int n = 0;
                    for (TransferRows.ShippedRow s : shippedOf(d)) {
                        long take = Math.min(rest, s.shipped() - s.received());
                        if (take <= 0 || stock.reversed(s.postingId())) {
                            continue;
                        }
                        Posting p = take == s.shipped()
                                ? reversing.reverse(
                                        s.postingId(), ReasonCodeNames.WRONG_LOT_SHIPPED, why, actor, key + ":" + n++)
                                : reversing.reversePart(
                                        s.postingId(),
                                        take,
                                        ReasonCodeNames.WRONG_LOT_SHIPPED,
                                        why,
                                        actor,
                                        key + ":" + n++);
                        posted.add(p.id());
                        rest -= take;
                    }
                    if (rest > 0) {
                        throw DomainException.conflict(
                                "NOT_IN_TRANSIT",
                                rest + " of lot " + d.lotId() + " replaced by lot " + d.receivedLotId() + " is on no"
                                        + " transfer-out of " + h.number() + " that can still be reversed.",
                                Map.of("quantity", d.quantity().longValueExact(), "unreversed", rest));
                    }
                } else {
                    posted.add(supplementaryTransferOut(
                            d,
                            h,
                            d.receivedLotId(),
                            ReasonCodeNames.WRONG_LOT_SHIPPED,
                            actor,
                            key,
                            processInstanceId,
                            "sent instead of lot " + d.lotId()));
                }
            }
            default ->
                throw DomainException.conflict(
                        "NOTHING_TO_POST",
                        "Outcome " + outcome + " of discrepancy " + discrepancyId + " posts nothing.",
                        Map.of("discrepancyId", discrepancyId, "outcome", outcome.name()));
        }
        resolutions.record(
                discrepancyId,
                TransferResolutions.POSTED,
                outcome,
                null,
                null,
                posted,
                processInstanceId,
                taskId,
                actor.userId());
        return posted;
    }

    /**
     * DAMAGED, TEMPERATURE_EXCURSION: the units are at the destination in QUARANTINE; quality takes it from here
     * ({@link TransferStockToQuality}, in this transaction).
     */
    @Transactional
    public void handToQuality(long discrepancyId, String processInstanceId) {
        TransferDiscrepancy d = discrepancy(discrepancyId);
        TransferRows.Header h = header(d.transferOrderId());
        events.publishEvent(new TransferStockToQuality(
                d.transferOrderId(),
                h.number(),
                discrepancyId,
                d.type(),
                d.lotId(),
                h.toWarehouseId(),
                d.quantity().longValueExact(),
                processInstanceId));
    }

    /** Whether any of the transfer's stock is still in its in-transit location (the ledger's legs under it). */
    public boolean stillInTransit(long transferOrderId) {
        TransferRows.Header h = header(transferOrderId);
        return stock.inTransit(LedgerQueries.InTransitFilter.ofReference("TRANSFER_ORDER", h.number())).stream()
                .anyMatch(t -> t.quantity() > 0);
    }

    /**
     * Closes the order: nothing of it in transit and every discrepancy decided and, where it posts, posted.
     *
     * @throws DomainException TRANSFER_STILL_IN_TRANSIT, DISCREPANCIES_OPEN (409)
     */
    @Transactional
    public void close(long transferOrderId, String by) {
        TransferRows.Header h = rows.lock(transferOrderId).orElseThrow(() -> TransferQueries.notFound(transferOrderId));
        if (h.status() == TransferStatus.CLOSED) {
            return;
        }
        if (stillInTransit(transferOrderId)) {
            throw DomainException.conflict(
                    "TRANSFER_STILL_IN_TRANSIT",
                    "Some of " + h.number() + " is still in transit.",
                    Map.of("orderNumber", h.number()));
        }
        List<Long> open = new ArrayList<>();
        for (TransferDiscrepancy d : discrepancies.ofTransfer(transferOrderId)) {
            var steps = resolutions.of(d.id());
            boolean decided = steps.stream().anyMatch(r -> r.step().equals(TransferResolutions.DECIDED));
            boolean posts = steps.stream()
                    .anyMatch(r -> r.step().equals(TransferResolutions.DECIDED)
                            && r.outcome().followUp() == TransferOutcome.FollowUp.POSTING);
            long postedSteps = steps.stream()
                    .filter(r -> r.step().equals(TransferResolutions.POSTED))
                    .count();
            boolean posted = steps.stream()
                    .filter(r -> r.step().equals(TransferResolutions.DECIDED))
                    .allMatch(r -> postedSteps >= r.outcome().steps().size());
            if (!decided || (posts && !posted)) {
                open.add(d.id());
            }
        }
        if (!open.isEmpty()) {
            throw DomainException.conflict(
                    "DISCREPANCIES_OPEN",
                    h.number() + " has discrepancies not resolved: " + open + ".",
                    Map.of("discrepancyIds", open));
        }
        rows.status(transferOrderId, TransferStatus.CLOSED, by, null);
    }

    /** Records an OVERDUE_IN_TRANSIT alert (the process's timer fired). */
    @Transactional
    public long raiseOverdueAlert(long transferOrderId, Instant overdueSince, String processInstanceId) {
        header(transferOrderId);
        return resolutions.raiseAlert(transferOrderId, overdueSince, processInstanceId, "InterWarehouseTransfer");
    }

    /**
     * The chase's answer: a new deadline (optional; checked), a note, who. Answers the deadline the process waits
     * for next: the new one, or {@code chaseAgainAfter} from now.
     *
     * @throws DomainException NEW_DEADLINE_OUT_OF_RANGE (422)
     */
    @Transactional
    public Instant chased(long transferOrderId, Instant newDeadline, String note, Duration chaseAgainAfter, String by) {
        header(transferOrderId);
        Instant deadline = newDeadline == null ? null : requireDeadline(newDeadline);
        resolutions.chased(transferOrderId, deadline, by, blankToNull(note));
        return deadline != null ? deadline : clock.instant().plus(chaseAgainAfter);
    }

    private Instant requireDeadline(Instant newDeadline) {
        if (newDeadline == null) {
            throw DomainException.unprocessable(
                    "NEW_DEADLINE_REQUIRED", "Say by when the rest is expected (newDeadline).", Map.of());
        }
        Instant now = clock.instant();
        if (!newDeadline.isAfter(now) || newDeadline.isAfter(now.plus(LONGEST_DEADLINE))) {
            throw DomainException.unprocessable(
                    "NEW_DEADLINE_OUT_OF_RANGE",
                    "A new deadline lies after now and at most " + LONGEST_DEADLINE.toDays() + " days ahead.",
                    Map.of(
                            "earliest",
                            now.toString(),
                            "latest",
                            now.plus(LONGEST_DEADLINE).toString()));
        }
        return newDeadline;
    }

    private TransferOutcome outcome(String name, TransferDiscrepancy d) {
        if (name == null || name.isBlank()) {
            throw DomainException.unprocessable(
                    "OUTCOME_REQUIRED",
                    "Choose an outcome: " + TransferOutcome.of(d.type()) + ".",
                    Map.of("discrepancyId", d.id()));
        }
        TransferOutcome outcome;
        try {
            outcome = TransferOutcome.valueOf(name.strip());
        } catch (IllegalArgumentException e) {
            outcome = null;
        }
        if (outcome == null || !outcome.answers(d.type())) {
            throw DomainException.unprocessable(
                    "OUTCOME_NOT_FOR_DISCREPANCY",
                    "A " + d.type() + " discrepancy is resolved by one of " + TransferOutcome.of(d.type()) + ", not '"
                            + name + "'.",
                    Map.of(
                            "discrepancyId",
                            d.id(),
                            "allowed",
                            TransferOutcome.of(d.type()).stream()
                                    .map(Enum::name)
                                    .toList()));
        }
        return outcome;
    }

    /** Where the receipt set the found stock aside: the location of its first scan, at the destination. */
    private LocationView setAsideAt(TransferDiscrepancy d, TransferRows.Header h) {
        String code = d.scans() == null || d.scans().isEmpty()
                ? null
                : d.scans().get(0).path("location").asText(null);
        return java.util.Optional.ofNullable(code)
                .flatMap(catalog::findLocationByCode)
                .filter(l -> l.warehouseId() != null && l.warehouseId() == h.toWarehouseId())
                .orElseThrow(() -> DomainException.unprocessable(
                        "FOUND_LOCATION_UNKNOWN",
                        "Discrepancy " + d.id() + " does not say where at " + h.toCode() + " the stock was set aside.",
                        Map.of("discrepancyId", d.id())));
    }

    static PostingType postingType(TransferOutcome outcome) {
        return postingType(outcome, 0);
    }

    /** The posting type of the outcome's follow-up step {@code index}; null when it posts nothing. */
    static PostingType postingType(TransferOutcome outcome, int index) {
        return switch (outcome) {
            case LOST_IN_TRANSIT, FOUND -> PostingType.ADJUSTMENT;
            case NEVER_LEFT -> PostingType.REVERSAL;
            case ORIGIN_CONFIRMS -> PostingType.TRANSFER_OUT;
            case WRONG_LOT_CORRECTED -> index == 0 ? PostingType.REVERSAL : PostingType.TRANSFER_OUT;
            default -> null;
        };
    }

    /**
     * A supplementary TRANSFER_OUT of {@code lotId} from where the origin's books hold it (the origin's shelf with
     * the most AVAILABLE of it that holds the whole quantity) into the pair's in-transit location, under the
     * transfer, and the shipped lot row the receipt receives against (a later receipt round).
     *
     * @throws DomainException NOT_ON_ORIGIN_BOOKS (409) when no location of the origin holds that much of the lot
     */
    private long supplementaryTransferOut(
            TransferDiscrepancy d,
            TransferRows.Header h,
            long lotId,
            String reason,
            Actor actor,
            String key,
            String processInstanceId,
            String why) {
        long quantity = d.quantity().longValueExact();
        LedgerQueries.Stock from = stock.physicalStock(List.of(lotId), StockStatus.AVAILABLE, null).stream()
                .filter(s -> s.quantity() >= quantity)
                .filter(s -> catalog.findLocation(s.locationId())
                        .map(l -> l.warehouseId() != null && l.warehouseId() == h.fromWarehouseId())
                        .orElse(false))
                .max(java.util.Comparator.comparingLong(LedgerQueries.Stock::quantity))
                .orElseThrow(() -> DomainException.conflict(
                        "NOT_ON_ORIGIN_BOOKS",
                        "No location of " + h.fromCode() + " holds " + quantity + " AVAILABLE of lot " + lotId
                                + " on the books: count it there first (the supplementary transfer-out posts from"
                                + " where the origin's books hold it).",
                        Map.of("lotId", lotId, "quantity", quantity, "warehouse", h.fromCode())));
        long inTransit = catalog.inTransitLocationId(h.fromWarehouseId(), h.toWarehouseId());
        Posting p = ledger.post(PostingRequest.of(PostingType.TRANSFER_OUT, actor, key)
                .movement(new Movement(
                        lotId, from.locationId(), StockStatus.AVAILABLE, inTransit, StockStatus.AVAILABLE, quantity))
                .reference("TRANSFER_ORDER", h.number())
                .reason(reason)
                .processInstance(processInstanceId)
                .note("Supplementary transfer-out, " + why + ": " + h.number() + " " + h.fromCode() + " → " + h.toCode()
                        + ", discrepancy " + d.id())
                .build());
        rows.insertSupplementaryShipped(
                h.id(),
                d.transferOrderLineId(),
                lotId,
                from.locationId(),
                inTransit,
                p.id(),
                quantity,
                catalog.findLot(lotId).map(LotView::internalLabel).orElse("#" + lotId),
                reason,
                actor.userId());
        return p.id();
    }

    private String lotNumber(Long lotId) {
        return lotId == null
                ? "?"
                : catalog.findLot(lotId).map(LotView::lotNumber).orElse("#" + lotId);
    }

    private long inTransitOf(TransferRows.Header h, long lotId) {
        return stock
                .inTransit(new LedgerQueries.InTransitFilter(null, null, "TRANSFER_ORDER", h.number(), lotId))
                .stream()
                .mapToLong(LedgerQueries.InTransit::quantity)
                .sum();
    }

    /** What of the lot's shipped rows did not arrive, on rows whose transfer-out is not reversed yet. */
    private long reversibleOf(List<TransferRows.ShippedRow> shipped) {
        return shipped.stream()
                .filter(s -> !stock.reversed(s.postingId()))
                .mapToLong(s -> Math.max(0, s.shipped() - s.received()))
                .sum();
    }

    private List<TransferRows.ShippedRow> shippedOf(TransferDiscrepancy d) {
        return rows.shipped(d.transferOrderId()).stream()
                .filter(s -> s.lineId() == d.transferOrderLineId() && s.lotId() == d.lotId())
                .toList();
    }

    private TransferDiscrepancy discrepancy(long id) {
        return discrepancies
                .find(id)
                .orElseThrow(() -> DomainException.notFound(
                        "UNKNOWN_TRANSFER_DISCREPANCY", "No transfer discrepancy " + id + ".", Map.of("id", id)));
    }

    private TransferRows.Header header(long id) {
        return rows.find(id).orElseThrow(() -> TransferQueries.notFound(id));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static BigDecimal zero() {
        return BigDecimal.ZERO;
    }
}
