package org.lotledger.quality;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.location.LocationKind;
import org.lotledger.catalog.location.LocationView;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.LedgerQueries;
import org.lotledger.ledger.Movement;
import org.lotledger.ledger.Posting;
import org.lotledger.ledger.PostingExecutor;
import org.lotledger.ledger.PostingRequest;
import org.lotledger.ledger.PostingType;
import org.lotledger.ledger.Reservation;
import org.lotledger.ledger.Reservations;
import org.lotledger.ledger.ReservationsVoided;
import org.lotledger.ledger.StockStatus;
import org.lotledger.ledger.VoidReason;
import org.lotledger.platform.security.Groups;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Places a quality hold: records it and, in the same transaction, moves every AVAILABLE balance in its scope, in
 * every warehouse, to HOLD through one STATUS_CHANGE posting (one movement per balance), and records those
 * movements as what this hold answers for. QUARANTINE and REJECTED stock in scope is not moved; {@link OpenHolds}
 * keeps QUARANTINE stock from being released while the hold is open. In-transit stock is not moved either: the
 * ledger does not let HOLD stock be received from transit, so it lands in HOLD on arrival (the ledger gate's rule).
 * The pending reservations of every lot and location it moves to HOLD are voided by the same posting (reason HOLD),
 * as the gate requires (ADR 0011), and {@link ReservationsVoided} tells the demands they served to decide again.
 */
@Service
public class PlacingHold {

    public record HoldRequest(HoldScope scope, Long lotId, Long locationId, HoldReason reason, String note) {}

    public record Placed(HoldView hold) {}

    /**
     * What placing a hold posts: the movements of its STATUS_CHANGE posting and the pending reservations it voids
     * (reason HOLD), by lot, location and id.
     */
    public record HoldPlan(List<Movement> movements, List<Reservation> reservationsVoided) {}

    static final Set<String> QUALITY = Set.of(Groups.QUALITY, Groups.QUALITY_MANAGERS);

    private final Ledger ledger;
    private final PostingExecutor executor;
    private final QualityHolds holds;
    private final HoldApprovals approvals;
    private final CatalogQueries catalog;
    private final LedgerQueries stock;
    private final ApplicationEventPublisher events;
    private final Reservations reservations;

    public PlacingHold(
            Ledger ledger,
            PostingExecutor executor,
            QualityHolds holds,
            HoldApprovals approvals,
            CatalogQueries catalog,
            LedgerQueries stock,
            ApplicationEventPublisher events,
            Reservations reservations) {
        this.stock = stock;
        this.reservations = reservations;
        this.events = events;
        this.ledger = ledger;
        this.executor = executor;
        this.holds = holds;
        this.approvals = approvals;
        this.catalog = catalog;
    }

    public Placed place(HoldRequest r, Actor actor, String idempotencyKey) {
        requireQuality(actor, "place");
        String key = java.util.Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        validate(r);
        String fingerprint =
                sha256(r.scope() + "|" + r.lotId() + "|" + r.locationId() + "|" + r.reason() + "|" + r.note());
        return executor.inTransaction(() -> {
            holds.lockHoldDecisions();
            long holdId = holds.insert(
                    r.scope(), r.lotId(), r.locationId(), r.reason(), r.note(), key, fingerprint, actor.userId());
            List<Long> lots = lotsOf(r);
            holds.lockLots(lots);
            // read after the lots are locked: nobody posts on them until this hold commits
            HoldPlan plan = planOf(r, lots);
            List<Movement> moves = plan.movements();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("requestKey", key);
            details.put("scope", r.scope().name());
            details.put("reason", r.reason().name());
            if (!moves.isEmpty()) {
                List<Reservation> voided = plan.reservationsVoided();
                var posting = PostingRequest.of(PostingType.STATUS_CHANGE, actor, "quality-hold:" + holdId + ":place")
                        .movements(moves)
                        .reference(QualityHolds.SUBJECT_TYPE, Long.toString(holdId))
                        .note("Quality hold " + holdId + " (" + r.reason() + ")");
                voided.forEach(res -> posting.voids(res.id(), VoidReason.HOLD));
                Posting p = ledger.post(posting.build());
                if (!voided.isEmpty()) {
                    events.publishEvent(new ReservationsVoided(voided, VoidReason.HOLD, p.id(), actor.userId()));
                    details.put(
                            "reservationsVoided",
                            voided.stream().map(Reservation::id).toList());
                }
                for (Movement m : moves) {
                    holds.movement(holdId, m.lotId(), m.fromLocationId(), m.quantity(), p.id(), null);
                }
                holds.placedBy(holdId, p.id());
                details.put("postingId", p.id());
            }
            details.put("balancesMoved", moves.size());
            approvals.record(holdId, "PLACE", details, actor);
            // the review process starts in this transaction: a hold is never open without its "Review hold" task
            events.publishEvent(new HoldPlaced(holdId, r.scope(), r.reason(), actor.userId()));
            return new Placed(holds.view(holdId));
        });
    }

    /**
     * What {@link #place} would do now, without doing it: the movements of its STATUS_CHANGE posting (every AVAILABLE
     * balance in scope to HOLD, one per balance) and the pending reservations that posting would void — computed by
     * the same method {@code place} uses after its locks. Takes no lock and writes nothing; joins the caller's
     * transaction, so a caller that reads in one snapshot (the mock recall, ADR 0018) gets the plan of that snapshot.
     *
     * @throws DomainException as {@code place} does for the request (HOLD_NOT_ALLOWED, INVALID_HOLD,
     *                         INVALID_HOLD_SCOPE, UNKNOWN_LOT, UNKNOWN_LOCATION, HOLD_LOCATION_NOT_PHYSICAL)
     */
    public HoldPlan plan(HoldRequest r, Actor actor) {
        requireQuality(actor, "plan");
        validate(r);
        return planOf(r, lotsOf(r));
    }

    private List<Long> lotsOf(HoldRequest r) {
        return r.scope() == HoldScope.LOT ? List.of(r.lotId()) : stock.lotsAt(r.locationId(), StockStatus.AVAILABLE);
    }

    /** The one computation of a hold's movements and the reservations they void, for {@link #place} and {@link #plan}. */
    private HoldPlan planOf(HoldRequest r, List<Long> lots) {
        Long at = r.scope() == HoldScope.LOT ? null : r.locationId();
        List<Movement> moves = stock.physicalStock(lots, StockStatus.AVAILABLE, at).stream()
                .map(b -> new Movement(
                        b.lotId(),
                        b.locationId(),
                        StockStatus.AVAILABLE,
                        b.locationId(),
                        StockStatus.HOLD,
                        b.quantity()))
                .toList();
        if (moves.isEmpty()) {
            return new HoldPlan(List.of(), List.of());
        }
        // the whole AVAILABLE balance goes to HOLD: whatever was reserved there is voided by the posting
        Set<List<Long>> movedAt = new java.util.HashSet<>();
        moves.forEach(m -> movedAt.add(List.of(m.lotId(), m.fromLocationId())));
        List<Reservation> voided = reservations.pending(lots, at).stream()
                .filter(res -> movedAt.contains(List.of(res.lotId(), res.locationId())))
                .toList();
        return new HoldPlan(moves, voided);
    }

    private void validate(HoldRequest r) {
        if (r.scope() == null || r.reason() == null) {
            throw new DomainException(
                    "INVALID_HOLD",
                    DomainException.Kind.BAD_REQUEST,
                    "A hold needs a scope (LOT or LOCATION) and a reason.");
        }
        if ((r.scope() == HoldScope.LOT) != (r.lotId() != null && r.locationId() == null)
                || (r.scope() == HoldScope.LOCATION) != (r.locationId() != null && r.lotId() == null)) {
            throw DomainException.unprocessable(
                    "INVALID_HOLD_SCOPE",
                    "A LOT hold names a lot (lotId) and a LOCATION " + "hold a location (locationId), not both.",
                    Map.of("scope", r.scope().name()));
        }
        if (r.lotId() != null && catalog.findLot(r.lotId()).isEmpty()) {
            throw DomainException.notFound(
                    "UNKNOWN_LOT", "Lot " + r.lotId() + " does not exist.", Map.of("lotId", r.lotId()));
        }
        if (r.locationId() != null) {
            LocationView loc = catalog.findLocation(r.locationId())
                    .orElseThrow(() -> DomainException.notFound(
                            "UNKNOWN_LOCATION",
                            "Location " + r.locationId() + " does not exist.",
                            Map.of("locationId", r.locationId())));
            if (loc.kind() != LocationKind.PHYSICAL) {
                throw DomainException.unprocessable(
                        "HOLD_LOCATION_NOT_PHYSICAL",
                        "A location hold covers a shelf, " + "dock or freezer; " + loc.code() + " is " + loc.kind()
                                + ".",
                        Map.of("location", loc.code()));
            }
        }
    }

    static void requireQuality(Actor actor, String what) {
        if (!actor.isInAny(QUALITY)) {
            throw new DomainException(
                    "HOLD_NOT_ALLOWED",
                    DomainException.Kind.FORBIDDEN,
                    "Only quality may " + what + " a quality hold; " + actor.userId() + " may not.",
                    Map.of("allowed", new ArrayList<>(QUALITY)));
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
