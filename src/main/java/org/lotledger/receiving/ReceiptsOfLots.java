package org.lotledger.receiving;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where received lots came from, for the recall trace (issue 11 §1, backward): every receipt line of the lots with
 * its receipt (dock, clerk, date), purchase order number and line, and the advance ship notice line it was received
 * against (number, line, SSCC) when the receipt had one. Joins the caller's transaction (the trace's snapshot).
 */
@Component
public class ReceiptsOfLots {

    /**
     * One receipt line of a lot. {@code asnLine} is the ASN line of the receipt's ASN for the same PO line that
     * announced the lot (same SSCC, else same lot number), null when none did.
     *
     * @param reversed whether the line was reversed afterwards (its RECEIPT posting has a REVERSAL)
     */
    public record ReceivedLine(
            long lotId,
            long receiptId,
            long receiptLineId,
            long postingId,
            Instant receivedAt,
            String clerk,
            String dockCode,
            String warehouseCode,
            long supplierId,
            String poNumber,
            int poLine,
            String asnNumber,
            Integer asnLine,
            String sscc,
            long baseQuantity,
            String uom,
            boolean reversed) {}

    private final JdbcTemplate jdbc;

    ReceiptsOfLots(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** By lot, then the order received. Uses {@code receipt_line_lot} (V97). */
    @Transactional(readOnly = true)
    public List<ReceivedLine> of(Collection<Long> lotIds) {
        if (lotIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                """
                select rl.lot_id, r.id, rl.id, rl.posting_id, rl.created_at, rl.created_by, dock.code, w.code,
                       po.supplier_id, po.po_number, pol.line_number, asn.asn_number, al.line_number,
                       coalesce(rl.sscc, al.sscc), rl.base_quantity, rl.uom, rl.reversal_posting_id is not null
                  from receipt_line rl
                  join receipt r on r.id = rl.receipt_id
                  join location dock on dock.id = r.dock_location_id
                  join warehouse w on w.id = r.warehouse_id
                  join purchase_order po on po.id = r.purchase_order_id
                  join purchase_order_line pol on pol.id = rl.purchase_order_line_id
                  left join advance_ship_notice asn on asn.id = r.advance_ship_notice_id
                  left join lateral (
                        select a.line_number, a.sscc from asn_line a join lot l on l.id = rl.lot_id
                         where a.advance_ship_notice_id = r.advance_ship_notice_id
                           and a.purchase_order_line_id = rl.purchase_order_line_id
                           and (a.sscc = rl.sscc or upper(a.lot_number) = upper(l.lot_number))
                         order by (a.sscc = rl.sscc) desc nulls last, a.line_number limit 1) al on true
                 where rl.lot_id = any(?)
                 order by rl.lot_id, rl.created_at, rl.id""",
                (rs, n) -> new ReceivedLine(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getLong(9),
                        rs.getString(10),
                        rs.getInt(11),
                        rs.getString(12),
                        (Integer) rs.getObject(13),
                        rs.getString(14),
                        rs.getBigDecimal(15).longValueExact(),
                        rs.getString(16),
                        rs.getBoolean(17)),
                (Object) lotIds.toArray(Long[]::new));
    }
}
