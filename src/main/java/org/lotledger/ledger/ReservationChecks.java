package org.lotledger.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lotledger.common.DomainException;

/**
 * The gate's checks of a posting against the pending reservations (ADR 0011), as pure functions over the facts read
 * under the lots' locks: the reservations a posting consumes or voids are its own lots' pending ones, and each is
 * consumed where the posting takes AVAILABLE stock of it; and no posting leaves less AVAILABLE stock at a lot and
 * location than what stays reserved there ({@code STOCK_RESERVED}, naming the reservations). Run after the balance
 * checks ({@link BalanceChecks}); the database re-checks the limit in its triggers.
 */
final class ReservationChecks {

    private ReservationChecks() {}

    /** The reservations the request names: each once, pending, of a lot of this posting, consumed where it is taken. */
    static void named(PostingRequest r, Map<Bucket, Long> delta, StockFacts facts) {
        Set<Long> seen = new HashSet<>();
        Map<Bucket, Long> consumedAt = new LinkedHashMap<>();
        for (Reservation.Consumption c : r.consumes()) {
            Reservation res = pendingOfThisPosting(c.reservationId(), seen, facts);
            if (c.quantity() <= 0 || c.quantity() > res.quantity()) {
                throw DomainException.unprocessable(
                        "INVALID_RESERVATION_QUANTITY",
                        "Reservation " + res.id() + " reserves " + res.quantity() + "; a posting takes 1 to "
                                + res.quantity() + " of it, not " + c.quantity() + ".",
                        Map.of("reservationId", res.id(), "reserved", res.quantity(), "requested", c.quantity()));
            }
            consumedAt.merge(new Bucket(res.lotId(), res.locationId(), StockStatus.AVAILABLE), c.quantity(), Long::sum);
        }
        for (Reservation.Voiding v : r.voids()) {
            if (v.reason() == null) {
                throw DomainException.unprocessable(
                        "VOID_REASON_REQUIRED",
                        "Voiding reservation " + v.reservationId() + " needs a reason.",
                        Map.of("reservationId", v.reservationId()));
            }
            pendingOfThisPosting(v.reservationId(), seen, facts);
        }
        consumedAt.forEach((b, q) -> {
            long taken = -Math.min(0, delta.getOrDefault(b, 0L));
            if (q > taken) {
                throw DomainException.unprocessable(
                        "RESERVATION_NOT_TAKEN",
                        "The posting takes " + taken + " AVAILABLE of lot " + lot(b, facts) + " at "
                                + location(b, facts) + " but consumes " + q + " reserved there.",
                        Map.of("lot", lot(b, facts), "location", location(b, facts), "taken", taken, "consumed", q));
            }
        });
    }

    /**
     * No AVAILABLE bucket the posting lowers is left below what stays pending there: the reservations the posting
     * consumes or voids are no longer pending (a consumed one's rest is released).
     */
    static void reserved(PostingRequest r, Map<Bucket, Long> delta, StockFacts facts) {
        if (facts.reservations().isEmpty()) {
            return;
        }
        Set<Long> closing = new HashSet<>();
        r.consumes().forEach(c -> closing.add(c.reservationId()));
        r.voids().forEach(v -> closing.add(v.reservationId()));
        Map<Bucket, List<Reservation>> pending = new HashMap<>();
        for (Reservation res : facts.reservations().values()) {
            if (res.state() == Reservation.State.PENDING && !closing.contains(res.id())) {
                pending.computeIfAbsent(
                                new Bucket(res.lotId(), res.locationId(), StockStatus.AVAILABLE),
                                k -> new ArrayList<>())
                        .add(res);
            }
        }
        for (var e : delta.entrySet()) {
            Bucket b = e.getKey();
            List<Reservation> left = pending.get(b);
            if (b.status() != StockStatus.AVAILABLE || e.getValue() >= 0 || left == null) {
                continue;
            }
            BigDecimal after = facts.balances().getOrDefault(b, BigDecimal.ZERO).add(BigDecimal.valueOf(e.getValue()));
            long reserved = left.stream().mapToLong(Reservation::quantity).sum();
            if (BigDecimal.valueOf(reserved).compareTo(after) > 0) {
                throw stockReserved(b, facts, after, reserved, left);
            }
        }
    }

    private static Reservation pendingOfThisPosting(long id, Set<Long> seen, StockFacts facts) {
        if (!seen.add(id)) {
            throw DomainException.unprocessable(
                    "RESERVATION_NAMED_TWICE",
                    "Reservation " + id + " is named twice: a posting consumes or voids it once.",
                    Map.of("reservationId", id));
        }
        Reservation res = facts.reservations().get(id);
        if (res == null) {
            throw DomainException.notFound(
                    "UNKNOWN_RESERVATION", "Reservation " + id + " does not exist.", Map.of("reservationId", id));
        }
        if (!facts.heads().containsKey(res.lotId())) {
            // only the posting's own lots are locked: another lot's reservation could change under us
            throw DomainException.unprocessable(
                    "RESERVATION_NOT_IN_POSTING",
                    "Reservation " + id + " is of a lot this posting does not move.",
                    Map.of("reservationId", id));
        }
        if (res.state() != Reservation.State.PENDING) {
            throw DomainException.conflict(
                    "RESERVATION_NOT_PENDING",
                    "Reservation " + id + " is " + res.state() + " already"
                            + (res.postingId() == null ? "" : " (posting " + res.postingId() + ")") + ".",
                    details(id, res));
        }
        return res;
    }

    private static Map<String, Object> details(long id, Reservation res) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("reservationId", id);
        d.put("state", res.state().name());
        if (res.postingId() != null) {
            d.put("postingId", res.postingId());
        }
        return d;
    }

    private static DomainException stockReserved(
            Bucket b, StockFacts facts, BigDecimal after, long reserved, List<Reservation> left) {
        List<Map<String, Object>> named = new ArrayList<>();
        left.stream()
                .sorted(java.util.Comparator.comparingLong(Reservation::id))
                .forEach(res -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", res.id());
                    m.put("demandType", res.demand().type());
                    m.put("demandReference", res.demand().reference());
                    m.put("demandLine", res.demand().line());
                    m.put("quantity", res.quantity());
                    named.add(m);
                });
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("lot", lot(b, facts));
        details.put("location", location(b, facts));
        details.put("availableAfter", after.stripTrailingZeros().toPlainString());
        details.put("reserved", reserved);
        details.put("reservations", named);
        return DomainException.conflict(
                "STOCK_RESERVED",
                "Lot " + lot(b, facts) + " at " + location(b, facts) + " would keep "
                        + after.stripTrailingZeros().toPlainString() + " AVAILABLE but " + reserved
                        + " is reserved there (reservations "
                        + left.stream().map(Reservation::id).sorted().toList()
                        + "): consume or void them in the same posting.",
                details);
    }

    private static String lot(Bucket b, StockFacts facts) {
        var lot = facts.lots().get(b.lotId());
        return lot == null ? Long.toString(b.lotId()) : lot.internalLabel();
    }

    private static String location(Bucket b, StockFacts facts) {
        var loc = facts.locations().get(b.locationId());
        return loc == null ? Long.toString(b.locationId()) : loc.code();
    }
}
