package org.lotledger.ledger;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.lotledger.catalog.item.ItemPostings;
import org.lotledger.common.DomainException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the ledger: balances by any of item, lot, location, warehouse and status; the history of a lot in the
 * order it was recorded; the balance of a lot at a location as of a past instant; count snapshots; and the stock in
 * transit between warehouses per transfer.
 * See ADR 0005 for why as-of answers stay correct while other postings commit.
 *
 * <p>This is the one door through which other packages read the ledger's tables (no SQL outside
 * {@code org.lotledger.ledger} names them; {@code LedgerTablesStayInTheLedgerTest} checks the sources). Every
 * method joins the caller's transaction when there is one, so a feature that locked lots ({@link LotLocks}) reads
 * the balances those locks protect. None of the stock reads below throws for "nothing there": an empty answer
 * never marks the caller's transaction rollback-only.
 *
 * <p>Over 300 lines because it is the one read door of the ledger (ADR 0009): many small queries, each a few lines of
 * SQL; the callers are in other modules, and one class is where they find them.
 */
@Service
public class LedgerQueries implements ItemPostings {

    /** A kept balance: whole base units of one lot at one location in one status. */
    public record Stock(long lotId, long locationId, StockStatus status, long quantity) {}

    /** What a location holds, across lots and statuses, and how much of it is one lot (for putaway). */
    public record LocationStock(long locationId, long total, long ofLot) {}

    public record BalanceFilter(
            Long itemId, Long lotId, Long locationId, Long warehouseId, StockStatus status, boolean includeVirtual) {}

    public record BalanceRow(
            long lotId,
            String lotNumber,
            String internalLabel,
            long itemId,
            String sku,
            long locationId,
            String locationCode,
            String locationKind,
            Long warehouseId,
            String warehouseCode,
            StockStatus status,
            BigDecimal quantity,
            String baseUom,
            BigDecimal unitCost,
            BigDecimal value,
            String currency) {}

    public record HistoryRow(
            long postingId,
            String postingType,
            String referenceType,
            String referenceId,
            String reasonCode,
            String actor,
            Instant occurredAt,
            Instant recordedAt,
            String processInstanceId,
            Long reversesPostingId,
            int legNo,
            long lotSeq,
            long locationId,
            String locationCode,
            StockStatus status,
            BigDecimal quantity,
            BigDecimal balanceAfter,
            BigDecimal unitCost,
            BigDecimal extendedValue,
            String currency) {}

    /**
     * A leg at a customer's location (kind CUSTOMER) of a SHIPMENT, RETURN or REVERSAL posting: what reached the
     * customer (positive) or came back from it (negative), in whole base units of the lot's item.
     */
    public record CustomerLeg(
            long postingId,
            String postingType,
            String referenceType,
            String referenceId,
            Long reversesPostingId,
            Instant occurredAt,
            Instant recordedAt,
            long lotId,
            long itemId,
            long locationId,
            long customerId,
            long quantity) {}

    public record AsOf(long lotId, long locationId, Instant asOf, Map<StockStatus, BigDecimal> balances) {}

    private final JdbcTemplate jdbc;

    public LedgerQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<BalanceRow> balances(BalanceFilter f, int limit, int offset) {
        StringBuilder sql = new StringBuilder("""
                select b.lot_id, l.lot_number, l.internal_label, l.item_id, i.sku, b.location_id, loc.code, loc.kind,
                       loc.warehouse_id, w.code, b.status, b.quantity, i.base_uom, l.unit_cost,
                       b.quantity * l.unit_cost, l.currency
                  from stock_balance b
                  join lot l on l.id = b.lot_id
                  join item i on i.id = l.item_id
                  join location loc on loc.id = b.location_id
                  left join warehouse w on w.id = loc.warehouse_id
                 where b.quantity <> 0""");
        List<Object> args = new ArrayList<>();
        if (!f.includeVirtual()) {
            sql.append(" and loc.kind in ('PHYSICAL', 'IN_TRANSIT')");
        }
        if (f.itemId() != null) {
            sql.append(" and l.item_id = ?");
            args.add(f.itemId());
        }
        if (f.lotId() != null) {
            sql.append(" and b.lot_id = ?");
            args.add(f.lotId());
        }
        if (f.locationId() != null) {
            sql.append(" and b.location_id = ?");
            args.add(f.locationId());
        }
        if (f.warehouseId() != null) {
            sql.append(" and loc.warehouse_id = ?");
            args.add(f.warehouseId());
        }
        if (f.status() != null) {
            sql.append(" and b.status = ?");
            args.add(f.status().name());
        }
        sql.append(" order by i.sku, l.lot_number, loc.code, b.status limit ? offset ?");
        args.add(limit);
        args.add(offset);
        return jdbc.query(
                sql.toString(),
                (rs, n) -> new BalanceRow(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getLong(6),
                        rs.getString(7),
                        rs.getString(8),
                        (Long) rs.getObject(9),
                        rs.getString(10),
                        StockStatus.valueOf(rs.getString(11)),
                        rs.getBigDecimal(12),
                        rs.getString(13),
                        rs.getBigDecimal(14),
                        rs.getBigDecimal(15),
                        rs.getString(16).trim()),
                args.toArray());
    }

    /** Every leg of a lot, in the order the ledger recorded them (the lot's sequence, which is its commit order). */
    @Transactional(readOnly = true)
    public List<HistoryRow> history(long lotId) {
        requireLot(lotId);
        return jdbc.query(
                """
                select p.id, p.posting_type, p.reference_type, p.reference_id, p.reason_code, p.actor, p.occurred_at,
                       p.recorded_at, p.process_instance_id, p.reverses_posting_id, g.leg_no, g.lot_seq, g.location_id,
                       loc.code, g.status, g.quantity, g.balance_after, g.unit_cost, g.extended_value, g.currency
                  from posting_leg g
                  join posting p on p.id = g.posting_id
                  join location loc on loc.id = g.location_id
                 where g.lot_id = ?
                 order by g.lot_seq""",
                (rs, n) -> new HistoryRow(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8).toInstant(),
                        rs.getString(9),
                        (Long) rs.getObject(10),
                        rs.getInt(11),
                        rs.getLong(12),
                        rs.getLong(13),
                        rs.getString(14),
                        StockStatus.valueOf(rs.getString(15)),
                        rs.getBigDecimal(16),
                        rs.getBigDecimal(17),
                        rs.getBigDecimal(18),
                        rs.getBigDecimal(19),
                        rs.getString(20).trim()),
                lotId);
    }

    /**
     * The balance per status of a lot at a location as of an instant of recording time. Waits for postings of the
     * lot that are in flight (a share lock on the lot's head), so the answer for a past instant can never change
     * afterwards; then one index probe per status finds the last leg at or before the instant.
     */
    @Transactional
    public AsOf balanceAsOf(long lotId, long locationId, Instant asOf) {
        requireLot(lotId);
        jdbc.queryForList("select lot_id from lot_ledger_head where lot_id = ? for share", Long.class, lotId);
        Instant now =
                jdbc.queryForObject("select clock_timestamp()", Timestamp.class).toInstant();
        if (asOf.isAfter(now)) {
            throw DomainException.unprocessable(
                    "AS_OF_IN_FUTURE",
                    "The ledger answers for instants up to now (" + now + "), not " + asOf + ".",
                    Map.of("asOf", asOf.toString()));
        }
        Map<StockStatus, BigDecimal> balances = new EnumMap<>(StockStatus.class);
        // nothing was recorded before the ledger's earliest day: earlier instants read as that day (all zero)
        Timestamp at = Timestamp.from(asOf.isBefore(LedgerLimits.EARLIEST) ? LedgerLimits.EARLIEST : asOf);
        for (StockStatus s : StockStatus.values()) {
            List<BigDecimal> last = jdbc.queryForList("""
                    select balance_after from posting_leg
                     where lot_id = ? and location_id = ? and status = ? and recorded_at <= ?
                     order by recorded_at desc, lot_seq desc limit 1""", BigDecimal.class, lotId, locationId, s.name(), at);
            balances.put(s, last.isEmpty() ? BigDecimal.ZERO : last.get(0));
        }
        return new AsOf(lotId, locationId, asOf, balances);
    }

    /**
     * The instant a count snapshot stands for: taken after every in-flight posting on these lots has committed,
     * so {@link #balanceAsOf} at this instant is exactly what the books said when the count started, whatever is
     * posted while people count.
     */
    @Transactional
    public Instant countSnapshot(Collection<Long> lotIds) {
        jdbc.queryForList(
                "select lot_id from lot_ledger_head where lot_id = any(?) order by lot_id for share",
                Long.class,
                (Object) lotIds.toArray(Long[]::new));
        return jdbc.queryForObject("select clock_timestamp()", Timestamp.class).toInstant();
    }

    // ---- reads for other features, in the caller's transaction -----------------------------------------------

    /**
     * The SHIPMENT, RETURN and REVERSAL legs at customers' locations (kind CUSTOMER), filtered by any of lot, customer
     * and item, and by the posting's occurred time ({@code from} inclusive, {@code to} exclusive), in the order the
     * ledger recorded them. Summed per lot and customer they are the customer location's kept balance (only these
     * posting types touch a CUSTOMER location). Lot-level shipment history (issue 9 §8) joins them with the
     * shipments.
     */
    @Transactional(readOnly = true)
    public List<CustomerLeg> customerLegs(Long lotId, Long customerId, Long itemId, Instant from, Instant to) {
        return jdbc.query(
                """
                select p.id, p.posting_type, p.reference_type, p.reference_id, p.reverses_posting_id, p.occurred_at,
                       p.recorded_at, g.lot_id, l.item_id, g.location_id, loc.customer_id, g.quantity
                  from posting_leg g
                  join posting p on p.id = g.posting_id
                  join location loc on loc.id = g.location_id
                  join lot l on l.id = g.lot_id
                 where loc.kind = 'CUSTOMER'
                   and p.posting_type in ('SHIPMENT', 'RETURN', 'REVERSAL')
                   and (?::bigint is null or g.lot_id = ?)
                   and (?::bigint is null or loc.customer_id = ?)
                   and (?::bigint is null or l.item_id = ?)
                   and (?::timestamptz is null or p.occurred_at >= ?)
                   and (?::timestamptz is null or p.occurred_at < ?)
                 order by p.recorded_at, p.id, g.leg_no""",
                (rs, n) -> new CustomerLeg(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        (Long) rs.getObject(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7).toInstant(),
                        rs.getLong(8),
                        rs.getLong(9),
                        rs.getLong(10),
                        rs.getLong(11),
                        rs.getBigDecimal(12).longValueExact()),
                lotId,
                lotId,
                customerId,
                customerId,
                itemId,
                itemId,
                ts(from),
                ts(from),
                ts(to),
                ts(to));
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    // ---- stock in transit between warehouses (ADR 0013) -----------------------------------------------------

    /**
     * What to read of the stock in transit: every argument may be null (no filter).
     *
     * @param fromWarehouseId the origin: the in-transit location's {@code warehouse_id}, whose books the stock is on
     * @param toWarehouseId   the destination: the in-transit location's {@code destination_warehouse_id}
     */
    public record InTransitFilter(
            Long fromWarehouseId, Long toWarehouseId, String referenceType, String referenceId, Long lotId) {

        public static InTransitFilter all() {
            return new InTransitFilter(null, null, null, null, null);
        }

        public static InTransitFilter ofReference(String referenceType, String referenceId) {
            return new InTransitFilter(null, null, referenceType, referenceId, null);
        }
    }

    /**
     * A lot still in transit under one reference (a transfer order: {@code TRANSFER_ORDER}, its number), at the
     * in-transit location of the warehouse pair it travels between.
     *
     * @param quantity       whole base units still in transit under this reference, in any status: what its
     *                       TRANSFER_OUT postings put in minus what its TRANSFER_IN, ADJUSTMENT (lost in transit) and
     *                       REVERSAL postings took out. Negative only if more left under this reference than it
     *                       brought (the receipt refuses that, {@code NOT_IN_TRANSIT}); the rows of a location sum to
     *                       its balance all the same
     * @param firstShippedAt when the first TRANSFER_OUT under this reference was posted (occurred time); null when no
     *                       TRANSFER_OUT under it reached this location (stock put there another way)
     */
    public record InTransit(
            long locationId,
            String locationCode,
            long fromWarehouseId,
            String fromWarehouseCode,
            long toWarehouseId,
            String toWarehouseCode,
            long lotId,
            String lotNumber,
            String internalLabel,
            long itemId,
            String sku,
            String referenceType,
            String referenceId,
            long quantity,
            String baseUom,
            BigDecimal unitCost,
            String currency,
            Instant firstShippedAt) {}

    /**
     * The stock in transit, per in-transit location ({@code TRANSIT-<from>-<to>}), lot and reference: the sum of the
     * legs at the in-transit location, grouped by the reference of the posting they belong to. A REVERSAL counts under
     * the reference of the posting it reverses (its own reference is that posting), so a reversed TRANSFER_OUT
     * ("never left", "wrong lot") nets out under the transfer, and a reversed TRANSFER_IN puts the stock back in transit
     * under it. Every posting that moves stock into or out of an in-transit location for a transfer cites the transfer
     * (TRANSFER_OUT, TRANSFER_IN, the lost-in-transit ADJUSTMENT); a posting that keeps the stock in transit (a hold's
     * STATUS_CHANGE) nets to zero under its own reference and does not show. Every leg at the location counts, so
     * summed per location (and lot) the rows are the location's kept balance across statuses; rows that net to zero
     * are left out. Only lots with a balance at an in-transit location are read, so the cost follows what is in transit
     * now, not the ledger's history. Ordered by location, lot, reference; no locks taken (a receipt that must not take
     * more than is in transit reads this after locking the lots, {@link LotLocks}).
     */
    @Transactional(readOnly = true)
    public List<InTransit> inTransit(InTransitFilter f) {
        return jdbc.query(
                """
                with open as (
                    select distinct b.lot_id, b.location_id
                      from stock_balance b
                      join location loc on loc.id = b.location_id
                     where loc.kind = 'IN_TRANSIT' and b.quantity <> 0
                       and (?::bigint is null or loc.warehouse_id = ?)
                       and (?::bigint is null or loc.destination_warehouse_id = ?)
                       and (?::bigint is null or b.lot_id = ?)),
                legs as (
                    select g.lot_id, g.location_id, g.quantity, p.posting_type, p.occurred_at,
                           case when p.reverses_posting_id is null then p.reference_type else o.reference_type end
                               as reference_type,
                           case when p.reverses_posting_id is null then p.reference_id else o.reference_id end
                               as reference_id
                      from open
                      join posting_leg g on g.lot_id = open.lot_id and g.location_id = open.location_id
                      join posting p on p.id = g.posting_id
                      left join posting o on o.id = p.reverses_posting_id)
                select legs.location_id, loc.code, loc.warehouse_id, fw.code, loc.destination_warehouse_id, tw.code,
                       legs.lot_id, l.lot_number, l.internal_label, l.item_id, i.sku, legs.reference_type,
                       legs.reference_id, sum(legs.quantity), i.base_uom, l.unit_cost, l.currency,
                       min(legs.occurred_at) filter (where legs.posting_type = 'TRANSFER_OUT')
                  from legs
                  join location loc on loc.id = legs.location_id
                  join warehouse fw on fw.id = loc.warehouse_id
                  join warehouse tw on tw.id = loc.destination_warehouse_id
                  join lot l on l.id = legs.lot_id
                  join item i on i.id = l.item_id
                 where (?::varchar is null or legs.reference_type = ?)
                   and (?::varchar is null or legs.reference_id = ?)
                 group by legs.location_id, loc.code, loc.warehouse_id, fw.code, loc.destination_warehouse_id, tw.code,
                          legs.lot_id, l.lot_number, l.internal_label, l.item_id, i.sku, legs.reference_type,
                          legs.reference_id, i.base_uom, l.unit_cost, l.currency
                having sum(legs.quantity) <> 0
                 order by loc.code, legs.lot_id, legs.reference_type nulls first, legs.reference_id nulls first""",
                (rs, n) -> new InTransit(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getString(6),
                        rs.getLong(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getLong(10),
                        rs.getString(11),
                        rs.getString(12),
                        rs.getString(13),
                        rs.getBigDecimal(14).longValueExact(),
                        rs.getString(15),
                        rs.getBigDecimal(16),
                        rs.getString(17).trim(),
                        rs.getTimestamp(18) == null ? null : rs.getTimestamp(18).toInstant()),
                f.fromWarehouseId(),
                f.fromWarehouseId(),
                f.toWarehouseId(),
                f.toWarehouseId(),
                f.lotId(),
                f.lotId(),
                f.referenceType(),
                f.referenceType(),
                f.referenceId(),
                f.referenceId());
    }

    /** Whether a posting was reversed (wholly or in part: a posting has at most one reversal). */
    @Transactional(readOnly = true)
    public boolean reversed(long postingId) {
        Long n = jdbc.queryForObject(
                "select count(*) from posting where reverses_posting_id = ?", Long.class, postingId);
        return n != null && n > 0;
    }

    /** The kept balance of a lot at a location in a status; 0 when there is none. */
    @Transactional(readOnly = true)
    public long quantity(long lotId, long locationId, StockStatus status) {
        List<BigDecimal> q = jdbc.queryForList(
                "select quantity from stock_balance where lot_id = ? and location_id = ? and status = ?",
                BigDecimal.class,
                lotId,
                locationId,
                status.name());
        return q.isEmpty() ? 0 : q.get(0).longValueExact();
    }

    /** The lots with stock in a status at a location (positive balances), by lot id. */
    @Transactional(readOnly = true)
    public List<Long> lotsAt(long locationId, StockStatus status) {
        return jdbc.queryForList("""
                select lot_id from stock_balance where location_id = ? and status = ? and quantity > 0
                 order by lot_id""", Long.class, locationId, status.name());
    }

    /**
     * The positive balances in a status of these lots at physical locations, at one location only when
     * {@code locationId} is given; by lot, then location. Read after locking the lots ({@link LotLocks}) to decide on
     * exactly what is there.
     */
    @Transactional(readOnly = true)
    public List<Stock> physicalStock(Collection<Long> lotIds, StockStatus status, Long locationId) {
        if (lotIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                """
                select b.lot_id, b.location_id, b.quantity from stock_balance b join location loc on loc.id = b.location_id
                 where b.status = ? and b.quantity > 0 and loc.kind = 'PHYSICAL'
                   and b.lot_id = any(?) and (?::bigint is null or b.location_id = ?)
                 order by b.lot_id, b.location_id""",
                (rs, i) -> new Stock(
                        rs.getLong(1),
                        rs.getLong(2),
                        status,
                        rs.getBigDecimal(3).longValueExact()),
                status.name(),
                lotIds.toArray(Long[]::new),
                locationId,
                locationId);
    }

    /** Per location: everything it holds (all lots and statuses) and how much of that is {@code lotId}. */
    @Transactional(readOnly = true)
    public Map<Long, LocationStock> stockAt(Collection<Long> locationIds, long lotId) {
        Map<Long, LocationStock> out = new java.util.HashMap<>();
        for (long id : locationIds) {
            out.put(id, new LocationStock(id, 0, 0));
        }
        if (locationIds.isEmpty()) {
            return out;
        }
        jdbc.query(
                """
                select location_id, coalesce(sum(quantity), 0), coalesce(sum(quantity) filter (where lot_id = ?), 0)
                  from stock_balance where location_id = any(?) group by location_id""",
                rs -> {
                    out.put(
                            rs.getLong(1),
                            new LocationStock(
                                    rs.getLong(1),
                                    rs.getBigDecimal(2).longValueExact(),
                                    rs.getBigDecimal(3).longValueExact()));
                },
                lotId,
                locationIds.toArray(Long[]::new));
        return out;
    }

    /**
     * A balance bucket allocation may decide on, read without locks: a lot's positive balance at a physical location
     * in a zone, in any status and warehouse (so a backorder can say why), with what pending reservations hold of it
     * (AVAILABLE buckets only; never more than the balance) and the lot's expiry and first receipt.
     *
     * @param expiry          the lot's expiry, or null
     * @param firstReceivedAt the lot's first receipt day at UTC midnight, or when the lot was created
     */
    public record AllocationStock(
            long lotId,
            long locationId,
            long itemId,
            long warehouseId,
            String zoneType,
            StockStatus status,
            long quantity,
            long reserved,
            java.time.LocalDate expiry,
            Instant firstReceivedAt) {}

    /** The {@link AllocationStock} buckets of these items, by lot and location; no locks taken. */
    @Transactional(readOnly = true)
    public List<AllocationStock> allocationStock(Collection<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                """
                select b.lot_id, b.location_id, l.item_id, loc.warehouse_id, z.zone_type, b.status, b.quantity,
                       case when b.status = 'AVAILABLE' then least(b.quantity, coalesce(r.pending, 0)) else 0 end,
                       l.expires_on,
                       coalesce(l.first_received_on::timestamp at time zone 'UTC', l.created_at)
                  from stock_balance b
                  join lot l on l.id = b.lot_id
                  join location loc on loc.id = b.location_id and loc.kind = 'PHYSICAL'
                  join zone z on z.id = loc.zone_id
                  left join (select lot_id, location_id, sum(quantity) as pending from stock_reservation
                              where state = 'PENDING' group by lot_id, location_id) r
                         on r.lot_id = b.lot_id and r.location_id = b.location_id
                 where l.item_id = any(?) and b.quantity > 0
                 order by b.lot_id, b.location_id, b.status""",
                (rs, i) -> new AllocationStock(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getString(5),
                        StockStatus.valueOf(rs.getString(6)),
                        rs.getBigDecimal(7).longValueExact(),
                        rs.getBigDecimal(8).longValueExact(),
                        rs.getObject(9, java.time.LocalDate.class),
                        rs.getTimestamp(10).toInstant()),
                (Object) itemIds.toArray(Long[]::new));
    }

    /** The items of these lots (lot id to item id). */
    @Transactional(readOnly = true)
    public Map<Long, Long> itemsOfLots(Collection<Long> lotIds) {
        Map<Long, Long> out = new java.util.HashMap<>();
        if (lotIds.isEmpty()) {
            return out;
        }
        jdbc.query(
                "select id, item_id from lot where id = any(?)",
                rs -> {
                    out.put(rs.getLong(1), rs.getLong(2));
                },
                (Object) lotIds.toArray(Long[]::new));
        return out;
    }

    /** A pending reservation with its lot's expiry and the zone type of its location (the expiry job's scan). */
    public record PendingAtZone(Reservation reservation, java.time.LocalDate expiry, String zoneType) {}

    /**
     * The pending reservations of a demand type at physical locations of one warehouse whose zone type is one of
     * {@code zoneTypes}, oldest first; no locks taken.
     */
    @Transactional(readOnly = true)
    public List<PendingAtZone> pendingInWarehouse(String demandType, long warehouseId, Collection<String> zoneTypes) {
        return jdbc.query(
                "select " + ReservationRows.COLUMNS + ", l.expires_on, z.zone_type from stock_reservation r"
                        + " join lot l on l.id = r.lot_id join location loc on loc.id = r.location_id"
                        + " join zone z on z.id = loc.zone_id"
                        + " where r.state = 'PENDING' and r.demand_type = ? and loc.warehouse_id = ?"
                        + " and z.zone_type = any(?) order by r.id",
                (rs, i) -> new PendingAtZone(
                        ReservationRows.map(rs),
                        rs.getObject("expires_on", java.time.LocalDate.class),
                        rs.getString("zone_type")),
                demandType,
                warehouseId,
                zoneTypes.toArray(String[]::new));
    }

    /** A reservation with what a reader needs of its lot and location. */
    public record ReservationDetail(
            Reservation reservation,
            String lotNumber,
            String lotLabel,
            java.time.LocalDate expiry,
            String locationCode) {}

    /** A demand's reservations in every state with their lots' numbers, labels and expiries, oldest first. */
    @Transactional(readOnly = true)
    public List<ReservationDetail> reservationDetails(String demandType, String demandReference) {
        return jdbc.query(
                "select " + ReservationRows.COLUMNS + ", l.lot_number, l.internal_label, l.expires_on, loc.code"
                        + " from stock_reservation r join lot l on l.id = r.lot_id"
                        + " join location loc on loc.id = r.location_id"
                        + " where r.demand_type = ? and r.demand_reference = ? order by r.id",
                (rs, i) -> new ReservationDetail(
                        ReservationRows.map(rs),
                        rs.getString("lot_number"),
                        rs.getString("internal_label"),
                        rs.getObject("expires_on", java.time.LocalDate.class),
                        rs.getString("code")),
                demandType,
                demandReference);
    }

    /** Whether any posting moved a lot of the item (the catalog freezes the item's units then). */
    @Override
    @Transactional(readOnly = true)
    public boolean existFor(long itemId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from posting_leg pl join lot l on l.id = pl.lot_id where l.item_id = ?)",
                Boolean.class,
                itemId));
    }

    /** Whether a posting of this type moved another lot of the same item from the same supplier. */
    @Transactional(readOnly = true)
    public boolean anyOtherLotPosted(PostingType type, long itemId, long supplierId, long exceptLotId) {
        return Boolean.TRUE.equals(
                jdbc.queryForObject("""
                select exists (select 1 from posting_leg g join posting p on p.id = g.posting_id
                                 join lot o on o.id = g.lot_id
                                where p.posting_type = ? and o.item_id = ? and o.supplier_id = ? and o.id <> ?)""", Boolean.class, type.name(), itemId, supplierId, exceptLotId));
    }

    // ---- the recall trace (issue 11 §1, ADR 0014) ---------------------------------------------------------

    /**
     * A leg of a traced lot at a location outside the company's shelves (supplier, customer, in transit, adjustment,
     * scrap, QA sample): one event of the lot's way in or out. A REVERSAL is described by the posting it reverses
     * ({@code effectiveType}, reference), with {@code reversal} set; its quantity carries the reversal's sign.
     *
     * @param quantity          signed whole base units at the virtual location: positive when stock went there (out
     *                          of the company's shelves), negative when it came from there
     * @param shelfLocationId   the physical location on the posting's other side for this lot (null when none)
     */
    public record TraceLeg(
            long postingId,
            String postingType,
            String effectiveType,
            boolean reversal,
            String referenceType,
            String referenceId,
            Instant occurredAt,
            String actor,
            long lotId,
            long locationId,
            String locationKind,
            String locationCode,
            Long warehouseId,
            String warehouseCode,
            Long destinationWarehouseId,
            String destinationWarehouseCode,
            Long customerId,
            String customerCode,
            String customerName,
            Long supplierId,
            String supplierCode,
            String supplierName,
            String status,
            long quantity,
            Long shelfLocationId,
            String shelfLocationCode,
            String shelfWarehouseCode) {}

    /**
     * Every leg of these lots at a non-physical location, in the order the ledger recorded them (per lot, its
     * sequence), with the physical location on the posting's other side. Set-based, in materialized parts (each
     * planned on its own, which keeps the planner's join search small): all legs of the lots in one bitmap scan of
     * {@code posting_leg (lot_id, lot_seq)} (each heap page read once, in table order), split into the boundary legs
     * (non-physical locations) and the shelf legs; the shelf side of each boundary leg is a merge of the two on
     * posting (the opposite-signed physical leg with the lowest leg number), not a probe per leg; the places
     * (location, warehouses, customer, supplier) and postings are joined once per row. On 10 M legs this reads
     * fewer pages than finding the boundary legs through their buckets and probing each posting's legs
     * (docs/performance.md, "Trace speed, profiled"); a lot whose history is mostly shelf moves reads those too.
     */
    @Transactional(readOnly = true)
    public List<TraceLeg> traceLegs(Collection<Long> lotIds) {
        return ofLots(
                lotIds,
                """
                with mine as materialized (
                    select g.posting_id, g.leg_no, g.lot_id, g.location_id, g.status, g.quantity, g.lot_seq,
                           loc.kind <> 'PHYSICAL' as outside
                      from posting_leg g join location loc on loc.id = g.location_id
                     where g.lot_id = any(?)),
                legs as materialized (select * from mine where outside),
                shelves as materialized (
                    select distinct on (g.lot_id, g.lot_seq) g.lot_id, g.lot_seq, x.location_id
                      from legs g
                      join mine x on x.posting_id = g.posting_id and x.lot_id = g.lot_id and not x.outside
                                 and sign(x.quantity) <> sign(g.quantity)
                     order by g.lot_id, g.lot_seq, x.leg_no),
                places as materialized (
                    select loc.id, loc.kind, loc.code, w.id as warehouse_id, w.code as warehouse_code,
                           dw.id as destination_id, dw.code as destination_code, c.id as customer_id, c.code as customer_code,
                           c.name as customer_name, s.id as supplier_id, s.code as supplier_code, s.name as supplier_name
                      from location loc
                      left join warehouse w on w.id = loc.warehouse_id
                      left join warehouse dw on dw.id = loc.destination_warehouse_id
                      left join customer c on c.id = loc.customer_id
                      left join supplier s on s.id = loc.supplier_id
                     where loc.id in (select location_id from legs))
                select p.id, p.posting_type, coalesce(o.posting_type, p.posting_type), p.reverses_posting_id is not null,
                       coalesce(o.reference_type, p.reference_type), coalesce(o.reference_id, p.reference_id),
                       p.occurred_at, p.actor, g.lot_id, g.location_id, pl.kind, pl.code, pl.warehouse_id, pl.warehouse_code,
                       pl.destination_id, pl.destination_code, pl.customer_id, pl.customer_code, pl.customer_name,
                       pl.supplier_id, pl.supplier_code, pl.supplier_name, g.status, g.quantity,
                       shelf.id, shelf.code, sw.code
                  from legs g
                  join posting p on p.id = g.posting_id
                  left join posting o on o.id = p.reverses_posting_id
                  join places pl on pl.id = g.location_id
                  left join shelves sh on sh.lot_id = g.lot_id and sh.lot_seq = g.lot_seq
                  left join location shelf on shelf.id = sh.location_id
                  left join warehouse sw on sw.id = shelf.warehouse_id
                 order by g.lot_id, g.lot_seq""",
                (rs, n) -> new TraceLeg(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBoolean(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant(),
                        rs.getString(8),
                        rs.getLong(9),
                        rs.getLong(10),
                        rs.getString(11),
                        rs.getString(12),
                        (Long) rs.getObject(13),
                        rs.getString(14),
                        (Long) rs.getObject(15),
                        rs.getString(16),
                        (Long) rs.getObject(17),
                        rs.getString(18),
                        rs.getString(19),
                        (Long) rs.getObject(20),
                        rs.getString(21),
                        rs.getString(22),
                        rs.getString(23),
                        rs.getBigDecimal(24).longValueExact(),
                        (Long) rs.getObject(25),
                        rs.getString(26),
                        rs.getString(27)));
    }

    /**
     * A kept, non-zero balance of a traced lot at any location, with what is reserved of it (pending reservations)
     * and the zone type of a physical location (SHIPPING: staged for a shipment or transfer).
     */
    public record TraceBalance(
            long lotId,
            long locationId,
            String locationKind,
            String locationCode,
            Long warehouseId,
            String warehouseCode,
            String zoneType,
            Long customerId,
            String customerCode,
            String status,
            long quantity,
            long reserved) {}

    /** The non-zero kept balances of these lots at every kind of location, by lot, location, status. */
    @Transactional(readOnly = true)
    public List<TraceBalance> traceBalances(Collection<Long> lotIds) {
        return ofLots(
                lotIds,
                """
                select b.lot_id, b.location_id, loc.kind, loc.code, w.id, w.code, z.zone_type, c.id, c.code, b.status,
                       b.quantity,
                       case when b.status = 'AVAILABLE' and loc.kind = 'PHYSICAL' then coalesce((
                           select sum(r.quantity) from stock_reservation r
                            where r.state = 'PENDING' and r.lot_id = b.lot_id and r.location_id = b.location_id), 0)
                       else 0 end
                  from stock_balance b
                  join location loc on loc.id = b.location_id
                  left join warehouse w on w.id = loc.warehouse_id
                  left join zone z on z.id = loc.zone_id
                  left join customer c on c.id = loc.customer_id
                 where b.lot_id = any(?) and b.quantity <> 0
                 order by b.lot_id, w.code nulls last, loc.code, b.status""",
                (rs, n) -> new TraceBalance(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        (Long) rs.getObject(5),
                        rs.getString(6),
                        rs.getString(7),
                        (Long) rs.getObject(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getBigDecimal(11).longValueExact(),
                        rs.getBigDecimal(12).longValueExact()));
    }

    /** The trace queries' one shape: nothing for no lots, else one statement with the lots as its array parameter. */
    private <T> List<T> ofLots(Collection<Long> lotIds, String sql, RowMapper<T> rows) {
        if (lotIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(sql, rows, (Object) lotIds.toArray(Long[]::new));
    }

    private void requireLot(long lotId) {
        Boolean exists = jdbc.queryForObject("select exists(select 1 from lot where id = ?)", Boolean.class, lotId);
        if (!Boolean.TRUE.equals(exists)) {
            throw DomainException.notFound("UNKNOWN_LOT", "Lot " + lotId + " does not exist.", Map.of("lotId", lotId));
        }
    }
}
