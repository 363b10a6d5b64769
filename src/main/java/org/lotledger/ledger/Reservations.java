package org.lotledger.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reserves stock for demands and voids reservations (ADR 0011); the posting that takes reserved stock posts its
 * reservations itself ({@link PostingRequest#consumes()}). Reserving locks the lots' heads ({@link LotLocks}, the
 * gate's lock order, all lots of a call at once), then reads AVAILABLE and what is pending there, and refuses more
 * than is unreserved with {@code INSUFFICIENT_UNRESERVED_STOCK}; the database re-checks the same limit in its
 * triggers. Runs in the caller's transaction (an allocation writes its reservations under one lock set).
 */
@Service
public class Reservations {

    /**
     * What to reserve: {@code quantity} base units of a lot's AVAILABLE stock at a location for a demand's line.
     *
     * @param explanation why this stock (the allocation rules' ids); at most 500 characters, may be null
     */
    public record ReserveRequest(
            Reservation.Demand demand, long lotId, long locationId, long quantity, String explanation) {}

    /** What is pending at a lot and location, summed. */
    public record Pending(long lotId, long locationId, long quantity) {}

    private final JdbcTemplate jdbc;
    private final LotLocks locks;
    private final ApplicationEventPublisher events;

    public Reservations(JdbcTemplate jdbc, LotLocks locks, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.locks = locks;
        this.events = events;
    }

    /** Reserves one line's stock; the same key again answers the reservation it made. */
    @Transactional(propagation = Propagation.REQUIRED)
    public Reservation reserve(ReserveRequest request, Actor actor, String idempotencyKey) {
        return reserveAll(List.of(request), actor, idempotencyKey).get(0);
    }

    /**
     * Reserves several lines' stock at once, under the locks of all their lots (taken together, in lot id order, so
     * two allocations never deadlock). Each request's key is {@code idempotencyKey#n}, its position: a replay answers
     * the reservations made; a key used for something else is refused ({@code IDEMPOTENCY_KEY_REUSED}).
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public List<Reservation> reserveAll(List<ReserveRequest> requests, Actor actor, String idempotencyKey) {
        Objects.requireNonNull(actor, "actor");
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 190) {
            throw DomainException.unprocessable(
                    "IDEMPOTENCY_KEY_REQUIRED",
                    "A reservation needs an idempotency key (at most 190 characters).",
                    Map.of());
        }
        requests.forEach(Reservations::validate);
        locks.lockForDecision(requests.stream().map(ReserveRequest::lotId).toList());
        List<Reservation> out = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            ReserveRequest r = requests.get(i);
            String key = idempotencyKey + "#" + i;
            Reservation earlier = byKey(key);
            if (earlier != null) {
                out.add(replay(earlier, r, key));
                continue;
            }
            unreserved(r);
            out.add(insert(r, actor, key));
        }
        return out;
    }

    /**
     * Voids pending reservations on their own (an order cancelled, an expiry, the rest of a short pick), under their
     * lots' locks, and publishes {@link ReservationsVoided}. A reservation no longer pending is refused
     * ({@code RESERVATION_NOT_PENDING}) and nothing is voided.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public List<Reservation> voidPending(Collection<Long> reservationIds, VoidReason reason, Actor actor) {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(actor, "actor");
        if (reservationIds.isEmpty()) {
            return List.of();
        }
        Long[] ids = new TreeSet<>(reservationIds).toArray(Long[]::new);
        locks.lockForDecision(jdbc.queryForList(
                "select distinct lot_id from stock_reservation where id = any(?)", Long.class, (Object) ids));
        List<Reservation> before = byIds(ids);
        for (Reservation r : before) {
            if (r.state() != Reservation.State.PENDING) {
                throw DomainException.conflict(
                        "RESERVATION_NOT_PENDING",
                        "Reservation " + r.id() + " is " + r.state() + " already.",
                        Map.of("reservationId", r.id(), "state", r.state().name()));
            }
        }
        if (before.size() != ids.length) {
            throw DomainException.notFound(
                    "UNKNOWN_RESERVATION", "Some of the reservations " + List.of(ids) + " do not exist.", Map.of());
        }
        jdbc.update("""
                update stock_reservation set state = 'VOIDED', void_reason = ?, closed_by = ?, closed_at = clock_timestamp()
                 where id = any(?) and state = 'PENDING'""", reason.name(), actor.userId(), ids);
        events.publishEvent(new ReservationsVoided(before, reason, null, actor.userId()));
        return byIds(ids);
    }

    /** The pending reservations of these lots (at one location, when given), by lot, location and id. */
    @Transactional(readOnly = true)
    public List<Reservation> pending(Collection<Long> lotIds, Long locationId) {
        if (lotIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                "select " + ReservationRows.COLUMNS + " from stock_reservation r"
                        + " where r.state = 'PENDING' and r.lot_id = any(?)"
                        + " and (?::bigint is null or r.location_id = ?)"
                        + " order by r.lot_id, r.location_id, r.id",
                (rs, i) -> ReservationRows.map(rs),
                lotIds.toArray(Long[]::new),
                locationId,
                locationId);
    }

    /** What is pending per lot and location, for these lots (the allocation's candidates subtract it). */
    @Transactional(readOnly = true)
    public List<Pending> pendingSums(Collection<Long> lotIds) {
        if (lotIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                """
                select lot_id, location_id, sum(quantity) from stock_reservation
                 where state = 'PENDING' and lot_id = any(?)
                 group by lot_id, location_id order by lot_id, location_id""",
                (rs, i) -> new Pending(
                        rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3).longValueExact()),
                (Object) lotIds.toArray(Long[]::new));
    }

    /** A demand's reservations in every state (a line's, when given), oldest first. */
    @Transactional(readOnly = true)
    public List<Reservation> forDemand(String demandType, String demandReference, String demandLine) {
        return jdbc.query(
                "select " + ReservationRows.COLUMNS + " from stock_reservation r"
                        + " where r.demand_type = ? and r.demand_reference = ?"
                        + " and (?::varchar is null or r.demand_line = ?) order by r.id",
                (rs, i) -> ReservationRows.map(rs),
                demandType,
                demandReference,
                demandLine,
                demandLine);
    }

    @Transactional(readOnly = true)
    public Reservation get(long reservationId) {
        List<Reservation> found = byIds(new Long[] {reservationId});
        if (found.isEmpty()) {
            throw DomainException.notFound(
                    "UNKNOWN_RESERVATION",
                    "Reservation " + reservationId + " does not exist.",
                    Map.of("reservationId", reservationId));
        }
        return found.get(0);
    }

    private static void validate(ReserveRequest r) {
        Reservation.Demand d = r.demand();
        if (d == null || blankOrLong(d.type(), 30) || blankOrLong(d.reference(), 100) || blankOrLong(d.line(), 100)) {
            throw DomainException.unprocessable(
                    "INVALID_RESERVATION",
                    "A reservation names its demand: a type (at most 30 characters), a reference and a line (at most"
                            + " 100 each).",
                    Map.of());
        }
        if (r.quantity() <= 0 || r.quantity() > 1_000_000_000L) {
            throw DomainException.unprocessable(
                    "INVALID_QUANTITY",
                    "A reservation reserves 1 to 1e9 base units, not " + r.quantity() + ".",
                    Map.of("quantity", r.quantity()));
        }
        if (r.explanation() != null && r.explanation().length() > 500) {
            throw DomainException.unprocessable(
                    "INVALID_RESERVATION", "A reservation's explanation has at most 500 characters.", Map.of());
        }
    }

    private static boolean blankOrLong(String s, int max) {
        return s == null || s.isBlank() || s.length() > max;
    }

    /** Under the lot's lock: AVAILABLE there, less what is pending, covers the request. */
    private void unreserved(ReserveRequest r) {
        Map<String, Object> row = jdbc.queryForMap(
                """
                select (select internal_label from lot where id = ?) as lot,
                       (select code from location where id = ?) as location,
                       (select kind from location where id = ?) as kind,
                       (select quantity from stock_balance
                         where lot_id = ? and location_id = ? and status = 'AVAILABLE') as available,
                       (select coalesce(sum(quantity), 0) from stock_reservation
                         where lot_id = ? and location_id = ? and state = 'PENDING') as reserved""", r.lotId(), r.locationId(), r.locationId(), r.lotId(), r.locationId(), r.lotId(), r.locationId());
        if (row.get("lot") == null) {
            throw DomainException.notFound(
                    "UNKNOWN_LOT", "Lot " + r.lotId() + " does not exist.", Map.of("lotId", r.lotId()));
        }
        if (row.get("location") == null) {
            throw DomainException.notFound(
                    "UNKNOWN_LOCATION",
                    "Location " + r.locationId() + " does not exist.",
                    Map.of("locationId", r.locationId()));
        }
        if (!"PHYSICAL".equals(row.get("kind"))) {
            throw DomainException.unprocessable(
                    "RESERVATION_LOCATION_NOT_PHYSICAL",
                    "Stock is reserved at a physical location, not at " + row.get("location") + ".",
                    Map.of("location", row.get("location")));
        }
        BigDecimal available = row.get("available") == null ? BigDecimal.ZERO : (BigDecimal) row.get("available");
        BigDecimal reserved = (BigDecimal) row.get("reserved");
        BigDecimal unreserved = available.subtract(reserved);
        if (unreserved.compareTo(BigDecimal.valueOf(r.quantity())) < 0) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("lot", row.get("lot"));
            details.put("location", row.get("location"));
            details.put("available", plain(available));
            details.put("reserved", plain(reserved));
            details.put("requested", r.quantity());
            throw DomainException.conflict(
                    "INSUFFICIENT_UNRESERVED_STOCK",
                    "Lot " + row.get("lot") + " at " + row.get("location") + " has " + plain(available)
                            + " AVAILABLE of which " + plain(reserved) + " is reserved; " + r.quantity()
                            + " more cannot be reserved.",
                    details);
        }
    }

    private Reservation insert(ReserveRequest r, Actor actor, String key) {
        return jdbc.queryForObject(
                """
                insert into stock_reservation as r (demand_type, demand_reference, demand_line, lot_id, location_id,
                                                    quantity, explanation, actor, idempotency_key, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, clock_timestamp())
                returning""" + " " + ReservationRows.COLUMNS,
                (rs, i) -> ReservationRows.map(rs),
                r.demand().type(),
                r.demand().reference(),
                r.demand().line(),
                r.lotId(),
                r.locationId(),
                r.quantity(),
                r.explanation(),
                actor.userId(),
                key);
    }

    private Reservation byKey(String key) {
        List<Reservation> found = jdbc.query(
                "select " + ReservationRows.COLUMNS + " from stock_reservation r where r.idempotency_key = ?",
                (rs, i) -> ReservationRows.map(rs),
                key);
        return found.isEmpty() ? null : found.get(0);
    }

    private static Reservation replay(Reservation earlier, ReserveRequest r, String key) {
        boolean same = earlier.demand().equals(r.demand())
                && earlier.lotId() == r.lotId()
                && earlier.locationId() == r.locationId()
                && earlier.quantity() == r.quantity()
                && Objects.equals(earlier.explanation(), r.explanation());
        if (!same) {
            throw DomainException.conflict(
                    "IDEMPOTENCY_KEY_REUSED",
                    "Idempotency key '" + key + "' was already used for another reservation (" + earlier.id() + ").",
                    Map.of("reservationId", earlier.id()));
        }
        return earlier;
    }

    private List<Reservation> byIds(Long[] ids) {
        return jdbc.query(
                "select " + ReservationRows.COLUMNS + " from stock_reservation r where r.id = any(?) order by r.id",
                (rs, i) -> ReservationRows.map(rs),
                (Object) ids);
    }

    private static String plain(BigDecimal q) {
        return q.stripTrailingZeros().toPlainString();
    }
}
