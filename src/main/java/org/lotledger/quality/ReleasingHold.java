package org.lotledger.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.location.LocationKind;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.Movement;
import org.lotledger.ledger.Posting;
import org.lotledger.ledger.PostingExecutor;
import org.lotledger.ledger.PostingRequest;
import org.lotledger.ledger.PostingType;
import org.lotledger.ledger.StockStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The outcomes of a hold, each its own posting with an idempotency key derived from the hold, the outcome and the
 * caller's key. They act only on what the hold answers for ({@link QualityHolds#remaining}: what it moved to HOLD
 * or took over, minus earlier outcomes):
 * <ul>
 *   <li>release: per lot and location, HOLD → AVAILABLE of what this hold still answers for and is still HOLD
 *       there; where another open hold covers the stock it stays HOLD and that hold takes it over; the hold
 *       becomes RELEASED;</li>
 *   <li>scrap: HOLD → the warehouse's SCRAP location (posting type SCRAP, reason code required);</li>
 *   <li>return to vendor: a MOVE of the HOLD stock by quality to a REJECT_STAGING location (the return itself,
 *       RETURN_TO_VENDOR to the supplier, is the warehouse's task later).</li>
 * </ul>
 * Scrap and return to vendor take quantities per lot and location (a split), or everything when none are given;
 * when nothing is left on the hold it becomes CLOSED.
 */
@Service
public class ReleasingHold {

    /** A quantity of one lot at one location; {@code toLocationId} only for return to vendor (else chosen). */
    public record Line(long lotId, long locationId, long quantity, Long toLocationId) {
    }

    private final Ledger ledger;
    private final PostingExecutor executor;
    private final QualityHolds holds;
    private final OpenHolds openHolds;
    private final HoldApprovals approvals;
    private final CatalogQueries catalog;
    private final JdbcTemplate jdbc;

    public ReleasingHold(Ledger ledger, PostingExecutor executor, QualityHolds holds, OpenHolds openHolds,
                         HoldApprovals approvals, CatalogQueries catalog, JdbcTemplate jdbc) {
        this.ledger = ledger;
        this.executor = executor;
        this.holds = holds;
        this.openHolds = openHolds;
        this.approvals = approvals;
        this.catalog = catalog;
        this.jdbc = jdbc;
    }

    public HoldView release(long holdId, String note, Actor actor, String idempotencyKey) {
        return release(holdId, null, note, actor, idempotencyKey);
    }

    /**
     * Releases the given quantities per lot and location, or, with {@code lines} null, everything the hold answers
     * for (the hold then becomes RELEASED). A partial release leaves the rest held; the hold is CLOSED when nothing
     * is left.
     */
    public HoldView release(long holdId, List<Line> lines, String note, Actor actor, String idempotencyKey) {
        return decide(holdId, "RELEASE", actor, idempotencyKey, () -> {
            String key = idempotencyKey;
            List<Movement> moves = new ArrayList<>();
            Map<String, Object> details = details(key, note);
            int handedOver = 0;
            List<HoldView.Remaining> targets = lines == null ? lockedRemaining(holdId)
                    : chosen(holdId, lines).stream().map(l -> new HoldView.Remaining(l.lotId(), null, l.locationId(),
                    null, l.quantity())).toList();
            for (HoldView.Remaining r : targets) {
                var other = openHolds.otherThan(holdId, r.lotId(), r.locationId());
                if (other.isPresent()) {
                    holds.outcome(holdId, HoldOutcome.HANDED_OVER, r.lotId(), r.locationId(), r.quantity(), null,
                            other.get(), null, null, key, actor.userId());
                    holds.movement(other.get(), r.lotId(), r.locationId(), r.quantity(), null, holdId);
                    handedOver++;
                    continue;
                }
                long q = Math.min(r.quantity(), holds.heldAt(r.lotId(), r.locationId()));
                if (q > 0) {
                    moves.add(new Movement(r.lotId(), r.locationId(), StockStatus.HOLD, r.locationId(), StockStatus.AVAILABLE, q));
                }
                if (r.quantity() > q) {
                    holds.outcome(holdId, HoldOutcome.NOT_FOUND, r.lotId(), r.locationId(), r.quantity() - q, null,
                            null, null, null, key, actor.userId());
                }
            }
            if (!moves.isEmpty()) {
                Posting p = ledger.post(PostingRequest.of(PostingType.STATUS_CHANGE, actor, postingKey(holdId, "release", key))
                        .movements(moves).reference(QualityHolds.SUBJECT_TYPE, Long.toString(holdId))
                        .note(note(holdId, "released", note)).build());
                for (Movement m : moves) {
                    holds.outcome(holdId, HoldOutcome.RELEASED, m.lotId(), m.fromLocationId(), m.quantity(), null, null,
                            p.id(), null, key, actor.userId());
                }
                details.put("postingId", p.id());
            }
            details.put("balancesReleased", moves.size());
            details.put("balancesHandedOver", handedOver);
            if (lines == null) {
                holds.end(holdId, HoldState.RELEASED, actor.userId());
            } else {
                closeIfEmpty(holdId, actor);
            }
            return details;
        });
    }

    public HoldView scrap(long holdId, List<Line> lines, String reasonCode, String note, Actor actor,
                          String idempotencyKey) {
        if (reasonCode == null || reasonCode.isBlank()) {
            throw DomainException.unprocessable("REASON_CODE_REQUIRED", "Scrapping held stock needs a reason code.",
                    Map.of("postingType", PostingType.SCRAP.name()));
        }
        return decide(holdId, "SCRAP", actor, idempotencyKey, () -> {
            List<Line> chosen = chosen(holdId, lines);
            List<Movement> moves = new ArrayList<>();
            for (Line l : chosen) {
                long warehouseId = warehouseOf(l.locationId());
                long scrap = catalog.warehouseLocationId(warehouseId, LocationKind.SCRAP);
                moves.add(new Movement(l.lotId(), l.locationId(), StockStatus.HOLD, scrap, StockStatus.HOLD, l.quantity()));
            }
            Posting p = ledger.post(PostingRequest.of(PostingType.SCRAP, actor, postingKey(holdId, "scrap", idempotencyKey))
                    .movements(moves).reason(reasonCode.trim().toUpperCase())
                    .reference(QualityHolds.SUBJECT_TYPE, Long.toString(holdId))
                    .note(note(holdId, "scrapped", note)).build());
            for (Movement m : moves) {
                holds.outcome(holdId, HoldOutcome.SCRAPPED, m.lotId(), m.fromLocationId(), m.quantity(),
                        m.toLocationId(), null, p.id(), reasonCode.trim().toUpperCase(), idempotencyKey, actor.userId());
            }
            closeIfEmpty(holdId, actor);
            Map<String, Object> details = details(idempotencyKey, note);
            details.put("postingId", p.id());
            details.put("reasonCode", reasonCode.trim().toUpperCase());
            details.put("lines", moves.size());
            return details;
        });
    }

    public HoldView returnToVendor(long holdId, List<Line> lines, String note, Actor actor, String idempotencyKey) {
        return decide(holdId, "RETURN_TO_VENDOR", actor, idempotencyKey, () -> {
            List<Movement> moves = new ArrayList<>();
            for (Line l : chosen(holdId, lines)) {
                long to = l.toLocationId() != null ? l.toLocationId() : stagingFor(l.lotId(), l.locationId());
                moves.add(new Movement(l.lotId(), l.locationId(), StockStatus.HOLD, to, StockStatus.HOLD, l.quantity()));
            }
            Posting p = ledger.post(PostingRequest.of(PostingType.MOVE, actor, postingKey(holdId, "rtv", idempotencyKey))
                    .movements(moves).reference(QualityHolds.SUBJECT_TYPE, Long.toString(holdId))
                    .note(note(holdId, "staged for return to vendor", note)).build());
            for (Movement m : moves) {
                holds.outcome(holdId, HoldOutcome.RETURN_TO_VENDOR, m.lotId(), m.fromLocationId(), m.quantity(),
                        m.toLocationId(), null, p.id(), null, idempotencyKey, actor.userId());
            }
            closeIfEmpty(holdId, actor);
            Map<String, Object> details = details(idempotencyKey, note);
            details.put("postingId", p.id());
            details.put("lines", moves.size());
            return details;
        });
    }

    /**
     * The frame of every outcome: quality only, a key, one hold decision at a time, the hold locked and OPEN (a
     * repeated request never gets here: the door replays its first answer, ADR 0009).
     */
    private HoldView decide(long holdId, String decision, Actor actor, String idempotencyKey,
                            Supplier<Map<String, Object>> work) {
        PlacingHold.requireQuality(actor, "decide");
        String key = java.util.Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        return executor.inTransaction(() -> {
            PlacingHold.serialize(jdbc);
            QualityHolds.HoldRow hold = holds.lock(holdId);
            if (hold.state() != HoldState.OPEN) {
                throw DomainException.conflict("HOLD_NOT_OPEN", "Hold " + holdId + " is " + hold.state()
                        + "; only an open hold can be " + decision.toLowerCase().replace('_', ' ') + "d.",
                        Map.of("holdId", holdId, "state", hold.state().name()));
            }
            Map<String, Object> details = work.get();
            approvals.record(holdId, decision, details, actor);
            return holds.view(holdId);
        });
    }

    /** What the hold answers for, read after its lots are locked (so the HOLD balances read next stay put). */
    private List<HoldView.Remaining> lockedRemaining(long holdId) {
        List<HoldView.Remaining> before = holds.remaining(holdId);
        holds.lockLots(new TreeSet<>(before.stream().map(HoldView.Remaining::lotId).toList()));
        return before;
    }

    /** The lines asked for, checked against what the hold answers for; all of it (what is still HOLD) if none. */
    private List<Line> chosen(long holdId, List<Line> lines) {
        List<HoldView.Remaining> remaining = lockedRemaining(holdId);
        if (lines == null || lines.isEmpty()) {
            List<Line> all = new ArrayList<>();
            for (HoldView.Remaining r : remaining) {
                long q = Math.min(r.quantity(), holds.heldAt(r.lotId(), r.locationId()));
                if (q > 0) {
                    all.add(new Line(r.lotId(), r.locationId(), q, null));
                }
            }
            if (all.isEmpty()) {
                throw DomainException.unprocessable("NOTHING_ON_HOLD", "Hold " + holdId + " holds no stock any more.",
                        Map.of("holdId", holdId));
            }
            return all;
        }
        Map<String, Long> asked = new LinkedHashMap<>();
        for (Line l : lines) {
            if (l.quantity() <= 0) {
                throw DomainException.unprocessable("INVALID_QUANTITY", "Quantities are whole, positive numbers of the "
                        + "item's base unit; got " + l.quantity() + ".", Map.of("quantity", l.quantity()));
            }
            asked.merge(l.lotId() + "@" + l.locationId(), l.quantity(), Long::sum);
        }
        for (var e : asked.entrySet()) {
            long have = remaining.stream().filter(r -> (r.lotId() + "@" + r.locationId()).equals(e.getKey()))
                    .mapToLong(HoldView.Remaining::quantity).sum();
            if (e.getValue() > have) {
                String[] lotAt = e.getKey().split("@");
                throw DomainException.unprocessable("QUANTITY_EXCEEDS_HOLD", "Hold " + holdId + " answers for " + have
                                + " of lot " + lotAt[0] + " at location " + lotAt[1] + ", not " + e.getValue() + ".",
                        Map.of("holdId", holdId, "lotId", Long.parseLong(lotAt[0]),
                                "locationId", Long.parseLong(lotAt[1]), "onHold", have, "requested", e.getValue()));
            }
        }
        return lines;
    }

    private void closeIfEmpty(long holdId, Actor actor) {
        if (holds.remaining(holdId).isEmpty()) {
            holds.end(holdId, HoldState.CLOSED, actor.userId());
        }
    }

    long warehouseOf(long locationId) {
        Long wh = catalog.findLocation(locationId).map(l -> l.warehouseId()).orElse(null);
        if (wh == null) {
            throw DomainException.notFound("UNKNOWN_LOCATION", "Location " + locationId + " is no warehouse location.",
                    Map.of("locationId", locationId));
        }
        return wh;
    }

    /** The first active location (by code) of a REJECT_STAGING zone of the stock's warehouse that takes HOLD stock of its temperature class. */
    long stagingFor(long lotId, long locationId) {
        long warehouseId = warehouseOf(locationId);
        List<Long> found = jdbc.queryForList("""
                select loc.id from location loc join zone z on z.id = loc.zone_id
                 where loc.warehouse_id = ? and loc.kind = 'PHYSICAL' and loc.active and z.active
                   and z.zone_type = 'REJECT_STAGING' and 'HOLD' = any(z.allowed_statuses)
                   and (select i.temperature_class from lot l join item i on i.id = l.item_id where l.id = ?)
                       = any(z.allowed_temperature_classes)
                 order by loc.code limit 1""", Long.class, warehouseId, lotId);
        if (found.isEmpty()) {
            throw DomainException.unprocessable("NO_RTV_STAGING_LOCATION", "Warehouse " + warehouseId + " has no "
                    + "active reject-staging location that takes this lot on hold.", Map.of("warehouseId", warehouseId));
        }
        return found.get(0);
    }

    private static Map<String, Object> details(String key, String note) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("requestKey", key);
        if (note != null && !note.isBlank()) {
            d.put("note", note);
        }
        return d;
    }

    private static String note(long holdId, String what, String note) {
        String s = "Quality hold " + holdId + " " + what + (note == null || note.isBlank() ? "" : ": " + note);
        return s.length() > 500 ? s.substring(0, 500) : s;
    }

    /** Derived from the hold, the outcome and the caller's key, so a retried outcome finds its posting. */
    static String postingKey(long holdId, String outcome, String callerKey) {
        return "quality-hold:" + holdId + ":" + outcome + ":" + callerKey;
    }
}
