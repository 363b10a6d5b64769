package org.lotledger.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.LedgerQueries;
import org.lotledger.ledger.Movement;
import org.lotledger.ledger.Posting;
import org.lotledger.ledger.PostingRequest;
import org.lotledger.ledger.PostingType;
import org.lotledger.ledger.StockStatus;
import org.lotledger.platform.security.Groups;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quality takes over named QUARANTINE stock of one lot: the damaged or out-of-cold-chain units a transfer's receipt
 * put at quarantine locations of the destination, once a receiving supervisor decided QUALITY_DECIDES. A hold of
 * scope {@link HoldScope#STOCK} is placed: one STATUS_CHANGE QUARANTINE → HOLD of exactly those units (each part
 * capped at what is still QUARANTINE there), recorded as what the hold answers for, a {@code PLACE} decision, and the
 * hold's review process started ({@link HoldPlaced}), all in the caller's transaction. From there the hold is like
 * any other: "Review hold" in Tasklist, release (HOLD → AVAILABLE where it lies, then put away) or scrap (a warehouse
 * move by scan), with the usual second-approval rules.
 *
 * <p>A STOCK hold covers nothing but what it moved: it is not {@link OpenHolds#covering} the lot or the location, so
 * other QUARANTINE stock of the lot at the dock, and later arrivals, are not caught by it.
 *
 * <p>Idempotent by {@code requestKey}: a second call with the key answers the hold placed by the first.
 */
@Service
public class TakingOverQuarantine {

    /** Who places the hold: the application on quality's behalf (the supervisor's decision is the evidence). */
    static final Actor INTAKE = new Actor("system:quality-intake", Set.of(Groups.QUALITY));

    /** Units of the lot in QUARANTINE at one location. */
    public record Part(long locationId, long quantity) {}

    /**
     * @param reason     the hold's reason (TEMPERATURE_EXCURSION; INVESTIGATION for damaged units)
     * @param reference  what the stock comes from, e.g. {@code TRANSFER_ORDER}/{@code TO-EAST-3}, kept in the evidence
     * @param decidedBy  who handed it to quality (the supervisor), kept in the evidence
     * @param requestKey e.g. {@code transfer:<id>:discrepancy:<n>}
     */
    public record TakeOver(
            long lotId,
            List<Part> parts,
            HoldReason reason,
            String note,
            String referenceType,
            String referenceId,
            String decidedBy,
            String requestKey) {}

    private final Ledger ledger;
    private final QualityHolds holds;
    private final HoldApprovals approvals;
    private final LedgerQueries stock;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;

    public TakingOverQuarantine(
            Ledger ledger,
            QualityHolds holds,
            HoldApprovals approvals,
            LedgerQueries stock,
            ApplicationEventPublisher events,
            JdbcTemplate jdbc) {
        this.ledger = ledger;
        this.holds = holds;
        this.approvals = approvals;
        this.stock = stock;
        this.events = events;
        this.jdbc = jdbc;
    }

    /**
     * Places the STOCK hold (or answers the one placed with this key) and returns its id.
     *
     * @throws DomainException NOTHING_IN_QUARANTINE (422) when none of the units is QUARANTINE any more
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long takeOver(TakeOver t) {
        Objects.requireNonNull(t.requestKey(), "requestKey");
        holds.lockHoldDecisions();
        Optional<Long> placed = placedWith(t.requestKey());
        if (placed.isPresent()) {
            return placed.get();
        }
        holds.lockLots(List.of(t.lotId()));
        // read after the lot is locked: nobody posts on it until this hold commits
        Map<Long, Long> byLocation = new LinkedHashMap<>();
        t.parts().forEach(p -> byLocation.merge(p.locationId(), p.quantity(), Long::sum));
        List<Movement> moves = new ArrayList<>();
        List<Map<String, Object>> missing = new ArrayList<>();
        byLocation.forEach((locationId, wanted) -> {
            long there = stock.quantity(t.lotId(), locationId, StockStatus.QUARANTINE);
            long q = Math.min(wanted, there);
            if (q > 0) {
                moves.add(new Movement(t.lotId(), locationId, StockStatus.QUARANTINE, locationId, StockStatus.HOLD, q));
            }
            if (q < wanted) {
                missing.add(Map.of("locationId", locationId, "expected", wanted, "quarantined", there));
            }
        });
        if (moves.isEmpty()) {
            throw DomainException.unprocessable(
                    "NOTHING_IN_QUARANTINE",
                    "None of the units of lot " + t.lotId() + " handed to quality is in QUARANTINE any more.",
                    Map.of("lotId", t.lotId(), "missing", missing));
        }
        String note = t.note() == null
                ? null
                : t.note().substring(0, Math.min(1000, t.note().length()));
        long holdId = holds.insert(
                HoldScope.STOCK,
                t.lotId(),
                null,
                t.reason(),
                note,
                t.requestKey(),
                PlacingHold.sha256(t.toString()),
                INTAKE.userId());
        Posting p =
                ledger.post(PostingRequest.of(PostingType.STATUS_CHANGE, INTAKE, "quality-hold:" + holdId + ":place")
                        .movements(moves)
                        .reference(QualityHolds.SUBJECT_TYPE, Long.toString(holdId))
                        .note("Quality hold " + holdId + " (" + t.reason() + "): taken over from " + t.referenceType()
                                + " " + t.referenceId())
                        .build());
        for (Movement m : moves) {
            holds.movement(holdId, m.lotId(), m.fromLocationId(), m.quantity(), p.id(), null);
        }
        holds.placedBy(holdId, p.id());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("requestKey", t.requestKey());
        details.put("scope", HoldScope.STOCK.name());
        details.put("reason", t.reason().name());
        details.put("postingId", p.id());
        details.put("balancesMoved", moves.size());
        details.put("referenceType", t.referenceType());
        details.put("referenceId", t.referenceId());
        details.put("handedOverBy", t.decidedBy());
        if (!missing.isEmpty()) {
            details.put("notInQuarantine", missing);
        }
        approvals.record(holdId, "PLACE", details, INTAKE);
        events.publishEvent(new HoldPlaced(holdId, HoldScope.STOCK, t.reason(), INTAKE.userId()));
        return holdId;
    }

    private Optional<Long> placedWith(String requestKey) {
        return jdbc.queryForList("select id from quality_hold where request_key = ?", Long.class, requestKey).stream()
                .findFirst();
    }
}
