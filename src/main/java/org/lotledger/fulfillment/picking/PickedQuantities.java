package org.lotledger.fulfillment.picking;

import java.util.List;
import java.util.Map;
import org.lotledger.common.DomainException;
import org.lotledger.fulfillment.SalesOrderStates;
import org.lotledger.fulfillment.SalesOrderStates.LineQuantities;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Raises a sales order line's picked quantity and sets the line's and the order's states from the quantities
 * ({@link SalesOrderStates}). The order's row is locked first, so picks of several lines of one order set its state
 * one after the other; the version goes up as every change of the order does, so an edit made on an older copy of it
 * is refused. Picking only raises picked: the allocated quantity is the allocation's (a short pick's voided rest
 * lowers it in the allocation's {@code ReservationsVoided} listener).
 */
@Component
class PickedQuantities {

    private final JdbcTemplate jdbc;

    PickedQuantities(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(long salesOrderLineId, long quantity) {
        Long orderId = jdbc.queryForObject(
                "select sales_order_id from sales_order_line where id = ?", Long.class, salesOrderLineId);
        jdbc.queryForObject("select id from sales_order where id = ? for update", Long.class, orderId);
        LineQuantities q = quantities("l.id = ?", salesOrderLineId).get(0);
        LineQuantities after;
        try {
            after = new LineQuantities(q.ordered(), q.allocated(), q.picked() + quantity, q.shipped(), q.cancelled());
        } catch (IllegalArgumentException e) {
            throw DomainException.conflict(
                    "PICKED_ABOVE_ALLOCATED",
                    "Sales order line " + salesOrderLineId + " has " + q.allocated() + " allocated and " + q.picked()
                            + " picked; " + quantity + " more cannot be picked for it.",
                    Map.of("salesOrderLineId", salesOrderLineId));
        }
        jdbc.update("""
                update sales_order_line set picked_base_quantity = ?, status = ?, version = version + 1,
                       updated_at = now() where id = ?""", after.picked(), SalesOrderStates.ofLine(after).name(), salesOrderLineId);
        boolean closed = "CLOSED"
                .equals(jdbc.queryForObject("select status from sales_order where id = ?", String.class, orderId));
        jdbc.update(
                "update sales_order set status = ?, version = version + 1, updated_at = now() where id = ?",
                SalesOrderStates.ofOrder(quantities("l.sales_order_id = ?", orderId), closed)
                        .name(),
                orderId);
    }

    private List<LineQuantities> quantities(String where, long id) {
        return jdbc.query(
                """
                select l.ordered_base_quantity, l.allocated_base_quantity, l.picked_base_quantity,
                       l.shipped_base_quantity, l.cancelled_base_quantity from sales_order_line l where """ + " " + where + " order by l.id",
                (rs, i) -> new LineQuantities(
                        rs.getBigDecimal(1).longValueExact(),
                        rs.getBigDecimal(2).longValueExact(),
                        rs.getBigDecimal(3).longValueExact(),
                        rs.getBigDecimal(4).longValueExact(),
                        rs.getBigDecimal(5).longValueExact()),
                id);
    }
}
