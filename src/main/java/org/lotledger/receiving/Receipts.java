package org.lotledger.receiving;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lotledger.common.DomainException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The receiving tables, in plain SQL (append-only rows; the database guards them, see V50__receiving.sql). */
@Repository
public class Receipts {

    /** A receipt header as the service needs it. */
    record Header(
            long id,
            long warehouseId,
            long dockLocationId,
            long purchaseOrderId,
            Long advanceShipNoticeId,
            String status) {
        boolean open() {
            return "OPEN".equals(status);
        }
    }

    /** A receipt line as the service needs it to reverse it. */
    record LineRow(
            long id,
            long receiptId,
            long purchaseOrderLineId,
            long lotId,
            long baseQuantity,
            long postingId,
            Long reversalPostingId) {}

    private final JdbcTemplate jdbc;

    public Receipts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long warehouseId, long dockLocationId, long purchaseOrderId, Long asnId, String actor) {
        return jdbc.queryForObject(
                "insert into receipt (warehouse_id, dock_location_id, purchase_order_id, "
                        + "advance_ship_notice_id, status, opened_by) values (?, ?, ?, ?, 'OPEN', ?) returning id",
                Long.class,
                warehouseId,
                dockLocationId,
                purchaseOrderId,
                asnId,
                actor);
    }

    /** The header, locked: {@code share} for adding lines (many at once), exclusive for closing. */
    Header lock(long receiptId, boolean exclusive) {
        List<Header> rows = jdbc.query(
                "select id, warehouse_id, dock_location_id, purchase_order_id, "
                        + "advance_ship_notice_id, status from receipt where id = ? for "
                        + (exclusive ? "update" : "share"),
                (rs, n) -> new Header(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        (Long) rs.getObject(5),
                        rs.getString(6)),
                receiptId);
        if (rows.isEmpty()) {
            throw notFound(receiptId);
        }
        return rows.get(0);
    }

    long insertLine(
            long receiptId,
            long poLineId,
            long lotId,
            BigDecimal quantity,
            String uom,
            long baseQuantity,
            String sscc,
            String gtin,
            String scanned,
            long postingId,
            String actor) {
        return jdbc.queryForObject(
                "insert into receipt_line (receipt_id, purchase_order_line_id, lot_id, quantity, uom, "
                        + "base_quantity, sscc, gtin, scanned, posting_id, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "returning id",
                Long.class,
                receiptId,
                poLineId,
                lotId,
                quantity,
                uom,
                baseQuantity,
                sscc,
                gtin,
                scanned,
                postingId,
                actor);
    }

    boolean ssccReceived(String sscc) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from receipt_line where sscc = ? " + "and reversal_posting_id is null)",
                Boolean.class,
                sscc));
    }

    LineRow lockLine(long receiptId, long lineId) {
        List<LineRow> rows = jdbc.query(
                "select id, receipt_id, purchase_order_line_id, lot_id, base_quantity, posting_id, "
                        + "reversal_posting_id from receipt_line where id = ? and receipt_id = ? for update",
                (rs, n) -> new LineRow(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getBigDecimal(5).longValueExact(),
                        rs.getLong(6),
                        (Long) rs.getObject(7)),
                lineId,
                receiptId);
        if (rows.isEmpty()) {
            throw DomainException.notFound(
                    "UNKNOWN_RECEIPT_LINE",
                    "Receipt " + receiptId + " has no line " + lineId,
                    Map.of("receiptId", receiptId, "receiptLineId", lineId));
        }
        return rows.get(0);
    }

    void markReversed(long lineId, long reversalPostingId, String actor) {
        jdbc.update(
                "update receipt_line set reversal_posting_id = ?, reversed_by = ?, reversed_at = now() where id = ?",
                reversalPostingId,
                actor,
                lineId);
    }

    void close(long receiptId, String actor) {
        jdbc.update(
                "update receipt set status = 'CLOSED', closed_by = ?, closed_at = now() where id = ?",
                actor,
                receiptId);
    }

    void insertDiscrepancy(long receiptId, AsnComparison.Discrepancy d) {
        jdbc.update(
                "insert into receipt_discrepancy (receipt_id, discrepancy_type, purchase_order_line_id, asn_line_id, "
                        + "lot_number, expected, actual) values (?, ?, ?, ?, ?, ?, ?)",
                receiptId,
                d.type().name(),
                d.purchaseOrderLineId(),
                d.asnLineId(),
                d.lotNumber(),
                d.expected(),
                d.actual());
    }

    /** The lines of a receipt that still stand (not reversed), with their lot's number and expiry. */
    List<AsnComparison.Received> standingLines(long receiptId) {
        return jdbc.query(
                "select rl.purchase_order_line_id, l.lot_number, l.expires_on, rl.base_quantity "
                        + "from receipt_line rl join lot l on l.id = rl.lot_id "
                        + "where rl.receipt_id = ? and rl.reversal_posting_id is null order by rl.id",
                (rs, n) -> new AsnComparison.Received(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getObject(3, java.time.LocalDate.class),
                        rs.getBigDecimal(4).longValueExact()),
                receiptId);
    }

    public Optional<ReceiptView> find(long receiptId) {
        List<ReceiptView> rows = jdbc.query(
                "select r.*, loc.barcode from receipt r join location loc "
                        + "on loc.id = r.dock_location_id where r.id = ?",
                (rs, n) -> header(rs),
                receiptId);
        return rows.stream().findFirst();
    }

    public ReceiptView get(long receiptId) {
        return find(receiptId).orElseThrow(() -> notFound(receiptId));
    }

    public List<ReceiptView> list(Long purchaseOrderId, String status) {
        List<Long> ids = jdbc.queryForList(
                "select id from receipt where (?::bigint is null or purchase_order_id = ?) "
                        + "and (?::varchar is null or status = ?) order by id",
                Long.class,
                purchaseOrderId,
                purchaseOrderId,
                status,
                status);
        return ids.stream().map(this::get).toList();
    }

    private ReceiptView header(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        List<ReceiptView.Line> lines = jdbc.query(
                "select rl.*, l.lot_number, l.internal_label from receipt_line rl "
                        + "join lot l on l.id = rl.lot_id where rl.receipt_id = ? order by rl.id",
                (r, n) -> new ReceiptView.Line(
                        r.getLong("id"),
                        r.getLong("purchase_order_line_id"),
                        r.getLong("lot_id"),
                        r.getString("lot_number"),
                        r.getString("internal_label"),
                        r.getBigDecimal("quantity").stripTrailingZeros(),
                        r.getString("uom"),
                        r.getBigDecimal("base_quantity").longValueExact(),
                        r.getString("sscc"),
                        r.getString("gtin"),
                        r.getLong("posting_id"),
                        r.getObject("reversal_posting_id") != null,
                        (Long) r.getObject("reversal_posting_id"),
                        r.getString("created_by"),
                        instant(r.getTimestamp("created_at"))),
                id);
        List<ReceiptView.Discrepancy> discrepancies = jdbc.query(
                "select * from receipt_discrepancy where receipt_id = ? " + "order by id",
                (r, n) -> new ReceiptView.Discrepancy(
                        r.getLong("id"),
                        r.getString("discrepancy_type"),
                        r.getLong("purchase_order_line_id"),
                        (Long) r.getObject("asn_line_id"),
                        r.getString("lot_number"),
                        r.getString("expected"),
                        r.getString("actual")),
                id);
        return new ReceiptView(
                id,
                rs.getLong("warehouse_id"),
                rs.getLong("dock_location_id"),
                rs.getString("barcode"),
                rs.getLong("purchase_order_id"),
                (Long) rs.getObject("advance_ship_notice_id"),
                rs.getString("status"),
                rs.getString("opened_by"),
                instant(rs.getTimestamp("opened_at")),
                rs.getString("closed_by"),
                instant(rs.getTimestamp("closed_at")),
                lines,
                discrepancies);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static DomainException notFound(long receiptId) {
        return DomainException.notFound(
                "UNKNOWN_RECEIPT", "Receipt " + receiptId + " does not exist", Map.of("receiptId", receiptId));
    }
}
