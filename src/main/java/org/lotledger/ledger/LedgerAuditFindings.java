package org.lotledger.ledger;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lotledger.ledger.LedgerSelfAudit.Discrepancy;
import org.lotledger.ledger.LedgerSelfAudit.HoldDiscrepancy;
import org.lotledger.ledger.LedgerSelfAudit.MisplacedStock;
import org.lotledger.ledger.LedgerSelfAudit.ReservationLeak;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the self-audit finds, each a query in the audit's snapshot transaction ({@link LedgerSelfAudit} takes the
 * lock, records the run and raises the alarm): kept balances that disagree with the ledger, HOLD stock that
 * disagrees with the quality holds' book, AVAILABLE stock in zones that do not take it, pending reservations
 * above AVAILABLE, and pending reservations of demand lines that no longer take stock. At most 1000 of each.
 */
final class LedgerAuditFindings {

    private final JdbcTemplate jdbc;
    private final ObjectProvider<HeldStock> heldStock;
    private final ObjectProvider<OpenDemands> openDemands;

    LedgerAuditFindings(
            JdbcTemplate jdbc, ObjectProvider<HeldStock> heldStock, ObjectProvider<OpenDemands> openDemands) {
        this.jdbc = jdbc;
        this.heldStock = heldStock;
        this.openDemands = openDemands;
    }

    /** Buckets whose kept balance differs from the sum of their legs. */
    List<Discrepancy> balancesThatDisagreeWithTheLedger() {
        return jdbc.query(
                """
                with replay as (
                    select lot_id, location_id, status, sum(quantity) as quantity
                      from posting_leg group by lot_id, location_id, status)
                select coalesce(b.lot_id, r.lot_id) as lot_id, coalesce(b.location_id, r.location_id) as location_id,
                       coalesce(b.status, r.status) as status,
                       coalesce(b.quantity, 0) as kept, coalesce(r.quantity, 0) as from_ledger
                  from stock_balance b
                  full outer join replay r
                    on r.lot_id = b.lot_id and r.location_id = b.location_id and r.status = b.status
                 where coalesce(b.quantity, 0) <> coalesce(r.quantity, 0)
                 order by 1, 2, 3
                 limit 1000
                """,
                (rs, i) -> new Discrepancy(
                        rs.getLong("lot_id"),
                        rs.getLong("location_id"),
                        rs.getString("status"),
                        rs.getBigDecimal("kept"),
                        rs.getBigDecimal("from_ledger")));
    }

    /** The kept balances compared. */
    long buckets() {
        return jdbc.queryForObject("select count(*) from stock_balance", Long.class);
    }

    /**
     * HOLD balances at physical and in-transit locations against the holds' book, per lot and location; and holds
     * that ended while their book still shows stock. Without a quality feature every HOLD balance is a finding.
     */
    List<HoldDiscrepancy> holdBook() {
        Map<HeldStock.LotAt, BigDecimal> ledger = new LinkedHashMap<>();
        jdbc.query("""
                select b.lot_id, b.location_id, b.quantity from stock_balance b join location l on l.id = b.location_id
                 where b.status = 'HOLD' and b.quantity <> 0 and l.kind in ('PHYSICAL', 'IN_TRANSIT')
                 order by 1, 2""", rs -> {
            ledger.put(new HeldStock.LotAt(rs.getLong(1), rs.getLong(2)), rs.getBigDecimal(3));
        });
        HeldStock book = heldStock.getIfAvailable();
        Map<HeldStock.LotAt, HeldStock.Attributed> held = book == null ? Map.of() : book.attributed();
        java.util.Set<HeldStock.LotAt> all =
                new java.util.TreeSet<>(java.util.Comparator.comparingLong(HeldStock.LotAt::lotId)
                        .thenComparingLong(HeldStock.LotAt::locationId));
        all.addAll(ledger.keySet());
        all.addAll(held.keySet());
        List<HoldDiscrepancy> out = new ArrayList<>();
        for (HeldStock.LotAt at : all) {
            BigDecimal inLedger = ledger.getOrDefault(at, BigDecimal.ZERO);
            HeldStock.Attributed byHolds = held.getOrDefault(at, new HeldStock.Attributed(0, List.of()));
            if (inLedger.compareTo(BigDecimal.valueOf(byHolds.quantity())) != 0) {
                out.add(new HoldDiscrepancy(
                        at.lotId(),
                        at.locationId(),
                        inLedger,
                        byHolds.quantity(),
                        byHolds.holdIds(),
                        byHolds.holdIds().isEmpty()
                                ? "HOLD stock under no quality hold"
                                : "the quality holds' book differs from the HOLD balance"));
            }
        }
        if (book != null) {
            for (HeldStock.EndedHold e : book.endedHoldsStillHolding()) {
                out.add(new HoldDiscrepancy(
                        e.at().lotId(),
                        e.at().locationId(),
                        ledger.getOrDefault(e.at(), BigDecimal.ZERO),
                        e.quantity(),
                        List.of(e.holdId()),
                        "hold " + e.holdId() + " is " + e.state() + " but its book still shows " + e.quantity()));
            }
        }
        return out.size() > 1000 ? out.subList(0, 1000) : out;
    }

    /**
     * AVAILABLE stock at physical locations whose zone does not take AVAILABLE stock (zones constrain arrivals, not
     * status changes in place: an inspection accepted at the dock leaves AVAILABLE stock there until it is put away),
     * oldest first, with the instant its balance there last became positive.
     */
    List<MisplacedStock> availableStockInZonesThatRefuseIt() {
        return jdbc.query("""
                select b.lot_id, b.location_id, l.code, z.code, z.zone_type, b.quantity,
                       (select max(g.recorded_at) from posting_leg g
                         where g.lot_id = b.lot_id and g.location_id = b.location_id and g.status = 'AVAILABLE'
                           and g.balance_after > 0 and g.balance_after - g.quantity <= 0) as since,
                       clock_timestamp()
                  from stock_balance b join location l on l.id = b.location_id join zone z on z.id = l.zone_id
                 where b.status = 'AVAILABLE' and b.quantity > 0 and l.kind = 'PHYSICAL'
                   and not ('AVAILABLE' = any(z.allowed_statuses))
                 order by since nulls first, b.lot_id, b.location_id
                 limit 1000""", (rs, i) -> {
            Instant since =
                    rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant();
            Instant now = rs.getTimestamp(8).toInstant();
            return new MisplacedStock(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getBigDecimal(6),
                    since,
                    since == null ? null : Duration.between(since, now));
        });
    }

    /** Per lot and location, pending reservations above the AVAILABLE balance (ADR 0011). */
    List<ReservationLeak> reservationsAboveAvailable() {
        return jdbc.query(
                """
                select r.lot_id, r.location_id, coalesce(b.quantity, 0) as available, sum(r.quantity) as reserved,
                       array_agg(r.id order by r.id) as ids
                  from stock_reservation r
                  left join stock_balance b
                    on b.lot_id = r.lot_id and b.location_id = r.location_id and b.status = 'AVAILABLE'
                 where r.state = 'PENDING'
                 group by r.lot_id, r.location_id, b.quantity
                having sum(r.quantity) > coalesce(b.quantity, 0)
                 order by 1, 2
                 limit 1000""",
                (rs, i) -> ReservationLeak.aboveAvailable(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getBigDecimal(3),
                        rs.getBigDecimal(4).longValueExact(),
                        List.of((Long[]) rs.getArray(5).getArray())));
    }

    /**
     * Pending reservations, per demand line, lot and location, of demand lines that the feature owning their demand
     * type says no longer take stock ({@link OpenDemands}); demand types no feature answers for are not checked.
     */
    List<ReservationLeak> reservationsOfDemandsNoLongerOpen() {
        Map<String, OpenDemands> byType = new LinkedHashMap<>();
        openDemands.orderedStream().forEach(o -> byType.putIfAbsent(o.demandType(), o));
        if (byType.isEmpty()) {
            return List.of();
        }
        record Pending(Reservation.Demand demand, long lotId, long locationId, BigDecimal available) {}
        Map<Pending, List<long[]>> pending = new LinkedHashMap<>();
        jdbc.query(
                """
                select r.demand_type, r.demand_reference, r.demand_line, r.lot_id, r.location_id,
                       coalesce(b.quantity, 0), r.id, r.quantity
                  from stock_reservation r
                  left join stock_balance b
                    on b.lot_id = r.lot_id and b.location_id = r.location_id and b.status = 'AVAILABLE'
                 where r.state = 'PENDING' and r.demand_type = any(?)
                 order by r.demand_type, r.demand_reference, r.demand_line, r.lot_id, r.location_id, r.id""",
                rs -> {
                    Pending p = new Pending(
                            new Reservation.Demand(rs.getString(1), rs.getString(2), rs.getString(3)),
                            rs.getLong(4),
                            rs.getLong(5),
                            rs.getBigDecimal(6));
                    pending.computeIfAbsent(p, k -> new ArrayList<>())
                            .add(new long[] {rs.getLong(7), rs.getBigDecimal(8).longValueExact()});
                },
                (Object) byType.keySet().toArray(String[]::new));
        Map<String, java.util.Set<Reservation.Demand>> demands = new LinkedHashMap<>();
        pending.keySet()
                .forEach(p -> demands.computeIfAbsent(p.demand().type(), k -> new java.util.LinkedHashSet<>())
                        .add(p.demand()));
        Map<Reservation.Demand, String> notOpen = new LinkedHashMap<>();
        demands.forEach((type, lines) -> notOpen.putAll(byType.get(type).notOpen(lines)));
        List<ReservationLeak> out = new ArrayList<>();
        pending.forEach((p, reservations) -> {
            String state = notOpen.get(p.demand());
            if (state != null && out.size() < 1000) {
                out.add(new ReservationLeak(
                        p.lotId(),
                        p.locationId(),
                        p.available(),
                        reservations.stream().mapToLong(r -> r[1]).sum(),
                        reservations.stream().map(r -> r[0]).toList(),
                        ReservationLeak.DEMAND_NOT_OPEN,
                        p.demand(),
                        state));
            }
        });
        return out;
    }
}
