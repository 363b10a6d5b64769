package org.lotledger.transfers;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The receipt's rows (V92): the scans ({@code transfer_receipt_scan}, append-only), the received quantity of the
 * shipped lots, and the close on the order. The order's row is locked by the caller ({@link TransferRows#lock}).
 */
@Repository
class TransferReceiptRows {

    private final JdbcTemplate jdbc;

    TransferReceiptRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A scan to keep; {@code shippedLotId}, {@code postingId}, {@code landedStatus} set when it was received. */
    record NewScan(
            long orderId,
            long lineId,
            Long shippedLotId,
            long lotId,
            String scannedLabel,
            long locationId,
            String condition,
            long quantity,
            String outcome,
            String landedStatus,
            Long holdId,
            Long postingId,
            String setAsideReason,
            Boolean inRange,
            BigDecimal minCelsius,
            BigDecimal maxCelsius,
            boolean excursion,
            String scanKey,
            String scannedBy) {}

    record ScanRow(
            long id,
            long lineId,
            Long shippedLotId,
            long lotId,
            String scannedLabel,
            long locationId,
            String condition,
            long quantity,
            String outcome,
            String landedStatus,
            Long holdId,
            Long postingId,
            String setAsideReason,
            Boolean inRange,
            BigDecimal minCelsius,
            BigDecimal maxCelsius,
            boolean excursion,
            String scannedBy,
            Instant scannedAt,
            int round) {}

    record Closed(String closedBy, Instant closedAt) {}

    /** Keeps a scan; empty when one with that key is kept already (a refused scan retried). */
    Optional<Long> insert(NewScan s) {
        return jdbc
                .queryForList(
                        """
                        insert into transfer_receipt_scan (transfer_order_id, transfer_order_line_id,
                               transfer_shipped_lot_id, lot_id, scanned_label, location_id, condition, quantity, outcome,
                               landed_status, hold_id, posting_id, set_aside_reason, cold_chain_in_range,
                               cold_chain_min_celsius, cold_chain_max_celsius, excursion, scan_key, scanned_by,
                               receipt_round)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                                (select receipt_rounds_closed + 1 from transfer_order where id = ?))
                        on conflict (scan_key) do nothing returning id""",
                        Long.class,
                        s.orderId(),
                        s.lineId(),
                        s.shippedLotId(),
                        s.lotId(),
                        s.scannedLabel(),
                        s.locationId(),
                        s.condition(),
                        s.quantity(),
                        s.outcome(),
                        s.landedStatus(),
                        s.holdId(),
                        s.postingId(),
                        s.setAsideReason(),
                        s.inRange(),
                        s.minCelsius(),
                        s.maxCelsius(),
                        s.excursion(),
                        s.scanKey(),
                        s.scannedBy(),
                        s.orderId())
                .stream()
                .findFirst();
    }

    List<ScanRow> scans(long orderId) {
        return scans(orderId, false);
    }

    /** The scans of the receipt round still open (kept after the latest close, or all before the first). */
    List<ScanRow> scansOfOpenRound(long orderId) {
        return scans(orderId, true);
    }

    /** How many receipt rounds were closed (0 before the first close). */
    int roundsClosed(long orderId) {
        return jdbc.queryForObject(
                "select receipt_rounds_closed from transfer_order where id = ?", Integer.class, orderId);
    }

    private List<ScanRow> scans(long orderId, boolean openRoundOnly) {
        return jdbc.query(
                """
                select id, transfer_order_line_id, transfer_shipped_lot_id, lot_id, scanned_label, location_id,
                       condition, quantity, outcome, landed_status, hold_id, posting_id, set_aside_reason,
                       cold_chain_in_range, cold_chain_min_celsius, cold_chain_max_celsius, excursion, scanned_by,
                       scanned_at, receipt_round
                  from transfer_receipt_scan s where transfer_order_id = ?
                   and (not ? or receipt_round = (select receipt_rounds_closed + 1 from transfer_order t
                                                   where t.id = s.transfer_order_id))
                 order by id""",
                (rs, i) -> new ScanRow(
                        rs.getLong(1),
                        rs.getLong(2),
                        (Long) rs.getObject(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getLong(6),
                        rs.getString(7),
                        rs.getBigDecimal(8).longValueExact(),
                        rs.getString(9),
                        rs.getString(10),
                        (Long) rs.getObject(11),
                        (Long) rs.getObject(12),
                        rs.getString(13),
                        (Boolean) rs.getObject(14),
                        rs.getBigDecimal(15),
                        rs.getBigDecimal(16),
                        rs.getBoolean(17),
                        rs.getString(18),
                        rs.getTimestamp(19).toInstant(),
                        rs.getInt(20)),
                orderId,
                openRoundOnly);
    }

    /** Raises what was received of a shipped lot row; the CHECK keeps it ≤ shipped (the caller asked first). */
    void addReceived(long shippedLotId, long quantity) {
        jdbc.update(
                "update transfer_shipped_lot set received_quantity = received_quantity + ? where id = ?",
                quantity,
                shippedLotId);
    }

    Optional<Closed> closed(long orderId) {
        return jdbc
                .query(
                        "select receipt_closed_by, receipt_closed_at from transfer_order where id = ?"
                                + " and receipt_closed_at is not null",
                        (rs, i) ->
                                new Closed(rs.getString(1), rs.getTimestamp(2).toInstant()),
                        orderId)
                .stream()
                .findFirst();
    }

    void close(long orderId, String actor, Instant at) {
        jdbc.update("""
                update transfer_order set receipt_closed_by = ?, receipt_closed_at = ?, version = version + 1,
                       receipt_rounds_closed = receipt_rounds_closed + 1, updated_at = now()
                 where id = ?""", actor, Timestamp.from(at), orderId);
    }

    /** The transfers of these numbers with their expected and overdue times (for the in-transit report). */
    record Timing(
            long id,
            String number,
            String fromCode,
            String toCode,
            Instant dispatchedAt,
            Instant expectedArrivalAt,
            Instant overdueAt) {}

    List<Timing> timings(List<String> numbers) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                """
                select t.id, t.order_number, f.code, d.code, t.dispatched_at, t.expected_arrival_at, t.overdue_at
                  from transfer_order t join warehouse f on f.id = t.from_warehouse_id
                  join warehouse d on d.id = t.to_warehouse_id
                 where t.order_number = any (?)""",
                (rs, i) -> new Timing(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        instant(rs.getTimestamp(5)),
                        instant(rs.getTimestamp(6)),
                        instant(rs.getTimestamp(7))),
                (Object) numbers.toArray(String[]::new));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
