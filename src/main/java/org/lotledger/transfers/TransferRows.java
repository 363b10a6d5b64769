package org.lotledger.transfers;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The V88 tables (transfer orders, their lines and shipped lots, the per-warehouse counter), plain JDBC: the order's
 * row is locked ({@code for update}) by every change of it, so allocation, picks, cancellation and dispatch of one
 * order run one after the other.
 */
@Repository
class TransferRows {

    private final JdbcTemplate jdbc;

    TransferRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Header(
            long id,
            String number,
            long fromWarehouseId,
            String fromCode,
            long toWarehouseId,
            String toCode,
            String temperatureClass,
            LocalDate shipDate,
            String reason,
            String note,
            TransferStatus status,
            int transitDays,
            int graceHours,
            LocalDate plannedArrival,
            String createdBy,
            Instant createdAt,
            long version,
            String cancelledBy,
            String cancelReason,
            String dispatchedBy,
            Instant dispatchedAt,
            Long stagingLocationId,
            String coldChainLogger,
            Instant expectedArrivalAt,
            Instant overdueAt) {}

    record LineRow(
            long id,
            long orderId,
            int lineNumber,
            long itemId,
            BigDecimal quantity,
            String uom,
            Long requestedLotId,
            long ordered,
            long allocated,
            long picked,
            long shipped,
            long cancelled,
            long received,
            String cancelledBy,
            String cancelReason) {

        /** Ordered less cancelled less allocated (picked counts as allocated). */
        long unallocated() {
            return ordered - cancelled - allocated;
        }

        TransferStates.LineQuantities quantities() {
            return new TransferStates.LineQuantities(ordered, allocated, picked, shipped, cancelled, received);
        }
    }

    record ShippedRow(
            long id,
            long lineId,
            long lotId,
            long fromLocationId,
            long inTransitLocationId,
            long reservationId,
            long postingId,
            long shipped,
            long received) {}

    long nextNumber(long warehouseId) {
        return jdbc.queryForObject("""
                insert into transfer_order_number_counter (warehouse_id, last_number) values (?, 1)
                on conflict (warehouse_id) do update set last_number = transfer_order_number_counter.last_number + 1
                returning last_number""", Long.class, warehouseId);
    }

    long insertOrder(
            String number,
            long fromId,
            long toId,
            String temperatureClass,
            LocalDate shipDate,
            String reason,
            String note,
            int transitDays,
            int graceHours,
            String transitRule,
            LocalDate plannedArrival,
            String actor) {
        return jdbc.queryForObject(
                """
                insert into transfer_order (order_number, from_warehouse_id, to_warehouse_id, temperature_class,
                       ship_date, reason, note, status, transit_days, grace_hours, transit_rule, planned_arrival,
                       created_by)
                values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?) returning id""",
                Long.class,
                number,
                fromId,
                toId,
                temperatureClass,
                shipDate,
                reason,
                note,
                transitDays,
                graceHours,
                transitRule,
                plannedArrival,
                actor);
    }

    void insertLine(
            long orderId,
            int lineNumber,
            long itemId,
            BigDecimal quantity,
            String uom,
            Long requestedLotId,
            long orderedBase) {
        jdbc.update("""
                insert into transfer_order_line (transfer_order_id, line_number, item_id, ordered_quantity, ordered_uom,
                       requested_lot_id, ordered_base_quantity)
                values (?, ?, ?, ?, ?, ?, ?)""", orderId, lineNumber, itemId, quantity, uom, requestedLotId, orderedBase);
    }

    private static final String HEADER = """
            select t.id, t.order_number, t.from_warehouse_id, f.code, t.to_warehouse_id, d.code, t.temperature_class,
                   t.ship_date, t.reason, t.note, t.status, t.transit_days, t.grace_hours, t.planned_arrival,
                   t.created_by, t.created_at, t.version, t.cancelled_by, t.cancel_reason, t.dispatched_by,
                   t.dispatched_at, t.staging_location_id, t.cold_chain_logger, t.expected_arrival_at, t.overdue_at
              from transfer_order t join warehouse f on f.id = t.from_warehouse_id
              join warehouse d on d.id = t.to_warehouse_id
            """;

    Optional<Header> find(long id) {
        return jdbc.query(HEADER + " where t.id = ?", TransferRows::header, id).stream()
                .findFirst();
    }

    /** The order's row locked to the end of the transaction. */
    Optional<Header> lock(long id) {
        return jdbc.query(HEADER + " where t.id = ? for update of t", TransferRows::header, id).stream()
                .findFirst();
    }

    List<Header> list(Long warehouseId, String status, int limit, int offset) {
        return jdbc.query(
                HEADER + """
                         where (?::bigint is null or t.from_warehouse_id = ? or t.to_warehouse_id = ?)
                           and (?::varchar is null or t.status = ?)
                         order by t.id desc limit ? offset ?""",
                TransferRows::header,
                warehouseId,
                warehouseId,
                warehouseId,
                status,
                status,
                limit,
                offset);
    }

    List<LineRow> lines(long orderId) {
        return jdbc.query(
                """
                select l.id, l.transfer_order_id, l.line_number, l.item_id, l.ordered_quantity, l.ordered_uom,
                       l.requested_lot_id, l.ordered_base_quantity, l.allocated_base_quantity, l.picked_base_quantity,
                       l.shipped_base_quantity, l.cancelled_base_quantity,
                       least(l.shipped_base_quantity, coalesce((select sum(s.received_quantity)
                                  from transfer_shipped_lot s where s.transfer_order_line_id = l.id), 0)),
                       l.cancelled_by, l.cancel_reason
                  from transfer_order_line l where l.transfer_order_id = ? order by l.line_number""",
                (rs, i) -> new LineRow(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getInt(3),
                        rs.getLong(4),
                        rs.getBigDecimal(5),
                        rs.getString(6),
                        (Long) rs.getObject(7),
                        rs.getBigDecimal(8).longValueExact(),
                        rs.getBigDecimal(9).longValueExact(),
                        rs.getBigDecimal(10).longValueExact(),
                        rs.getBigDecimal(11).longValueExact(),
                        rs.getBigDecimal(12).longValueExact(),
                        rs.getBigDecimal(13).longValueExact(),
                        rs.getString(14),
                        rs.getString(15)),
                orderId);
    }

    /** The line's order, or empty when there is no such line of that order. */
    Optional<Long> orderOfLine(long lineId) {
        return jdbc
                .queryForList("select transfer_order_id from transfer_order_line where id = ?", Long.class, lineId)
                .stream()
                .findFirst();
    }

    void addAllocated(long lineId, long quantity) {
        jdbc.update(
                "update transfer_order_line set allocated_base_quantity = allocated_base_quantity + ? where id = ?",
                quantity,
                lineId);
    }

    /** What was voided leaves the allocation, never below what was picked. */
    void releaseAllocated(long lineId, long quantity) {
        jdbc.update("""
                update transfer_order_line
                   set allocated_base_quantity = greatest(picked_base_quantity, allocated_base_quantity - ?)
                 where id = ?""", quantity, lineId);
    }

    /** Raises picked; the CHECK refuses more than allocated (the caller asks first). */
    void addPicked(long lineId, long quantity) {
        jdbc.update(
                "update transfer_order_line set picked_base_quantity = picked_base_quantity + ? where id = ?",
                quantity,
                lineId);
    }

    void addShipped(long lineId, long quantity) {
        jdbc.update(
                "update transfer_order_line set shipped_base_quantity = shipped_base_quantity + ? where id = ?",
                quantity,
                lineId);
    }

    /** The whole line cancelled: allocated and picked given up (the reservations are voided by the caller). */
    void cancelLine(long lineId, String actor, String reason) {
        jdbc.update("""
                update transfer_order_line set cancelled_base_quantity = ordered_base_quantity,
                       allocated_base_quantity = 0, picked_base_quantity = 0, cancelled_by = ?, cancel_reason = ?
                 where id = ?""", actor, reason, lineId);
    }

    void status(long orderId, TransferStatus status, String cancelledBy, String cancelReason) {
        jdbc.update(
                """
                update transfer_order set status = ?, version = version + 1, updated_at = now(),
                       cancelled_by = coalesce(cancelled_by, ?), cancel_reason = coalesce(cancel_reason, ?)
                 where id = ?""",
                status.name(),
                status == TransferStatus.CANCELLED ? cancelledBy : null,
                status == TransferStatus.CANCELLED ? cancelReason : null,
                orderId);
    }

    void dispatched(
            long orderId,
            String actor,
            long stagingLocationId,
            String logger,
            Instant dispatchedAt,
            Instant expectedAt,
            Instant overdueAt) {
        jdbc.update(
                """
                update transfer_order set dispatched_by = ?, dispatched_at = ?, staging_location_id = ?,
                       cold_chain_logger = ?, expected_arrival_at = ?, overdue_at = ?
                 where id = ?""",
                actor,
                Timestamp.from(dispatchedAt),
                stagingLocationId,
                logger,
                Timestamp.from(expectedAt),
                Timestamp.from(overdueAt),
                orderId);
    }

    void insertShipped(
            long orderId,
            long lineId,
            long lotId,
            long fromLocationId,
            long inTransitId,
            long reservationId,
            long postingId,
            long quantity,
            String scannedLabel,
            String actor) {
        jdbc.update(
                """
                insert into transfer_shipped_lot (transfer_order_id, transfer_order_line_id, lot_id, from_location_id,
                       in_transit_location_id, reservation_id, posting_id, shipped_quantity, scanned_label,
                       dispatched_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                orderId,
                lineId,
                lotId,
                fromLocationId,
                inTransitId,
                reservationId,
                postingId,
                quantity,
                scannedLabel,
                actor);
    }

    /**
     * A lot row shipped by a supplementary TRANSFER_OUT (OVER the origin confirms, WRONG_LOT the lot sent): no
     * reservation; the line's shipped quantity stays what the dispatch shipped (what the line received counts up to
     * it).
     */
    void insertSupplementaryShipped(
            long orderId,
            long lineId,
            long lotId,
            long fromLocationId,
            long inTransitId,
            long postingId,
            long quantity,
            String label,
            String reason,
            String actor) {
        jdbc.update(
                """
                insert into transfer_shipped_lot (transfer_order_id, transfer_order_line_id, lot_id, from_location_id,
                       in_transit_location_id, reservation_id, posting_id, shipped_quantity, scanned_label,
                       dispatched_by, supplementary_reason)
                values (?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?)""", orderId, lineId, lotId, fromLocationId, inTransitId, postingId, quantity, label, actor, reason);
    }

    List<ShippedRow> shipped(long orderId) {
        return jdbc.query(
                """
                select s.id, s.transfer_order_line_id, s.lot_id, s.from_location_id, s.in_transit_location_id,
                       s.reservation_id, s.posting_id, s.shipped_quantity, s.received_quantity
                  from transfer_shipped_lot s where s.transfer_order_id = ? order by s.id""",
                (rs, i) -> new ShippedRow(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getBigDecimal(8).longValueExact(),
                        rs.getBigDecimal(9).longValueExact()),
                orderId);
    }

    private static Header header(ResultSet rs, int i) throws SQLException {
        return new Header(
                rs.getLong(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getLong(5),
                rs.getString(6),
                rs.getString(7),
                rs.getObject(8, LocalDate.class),
                rs.getString(9),
                rs.getString(10),
                TransferStatus.valueOf(rs.getString(11)),
                rs.getInt(12),
                rs.getInt(13),
                rs.getObject(14, LocalDate.class),
                rs.getString(15),
                instant(rs.getTimestamp(16)),
                rs.getLong(17),
                rs.getString(18),
                rs.getString(19),
                rs.getString(20),
                instant(rs.getTimestamp(21)),
                (Long) rs.getObject(22),
                rs.getString(23),
                instant(rs.getTimestamp(24)),
                instant(rs.getTimestamp(25)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
