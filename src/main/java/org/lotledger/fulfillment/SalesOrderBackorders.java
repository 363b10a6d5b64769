package org.lotledger.fulfillment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.lotledger.fulfillment.allocation.BackorderReason;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A line's backorder as its last allocation run left it ({@code sales_order_backorder}, V83): replaced per run,
 * deleted when the line is covered or cancelled.
 */
@Component
class SalesOrderBackorders {

    /** What a line waits for, per reason. */
    record Row(long salesOrderId, long lineId, BackorderReason reason, long quantity, Instant decidedAt) {}

    private final JdbcTemplate jdbc;

    SalesOrderBackorders(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the line's backorder with these quantities per reason (none: the line is covered). */
    void replace(long salesOrderId, long lineId, Map<BackorderReason, Long> quantities) {
        clear(lineId);
        quantities.forEach((reason, q) -> {
            if (q > 0) {
                jdbc.update("""
                        insert into sales_order_backorder (sales_order_id, sales_order_line_id, reason, quantity,
                                                           decided_at)
                        values (?, ?, ?, ?, clock_timestamp())""", salesOrderId, lineId, reason.name(), q);
            }
        });
    }

    void clear(long lineId) {
        jdbc.update("delete from sales_order_backorder where sales_order_line_id = ?", lineId);
    }

    List<Row> ofOrder(long salesOrderId) {
        return jdbc.query(
                "select sales_order_id, sales_order_line_id, reason, quantity, decided_at from sales_order_backorder"
                        + " where sales_order_id = ? order by sales_order_line_id, reason",
                (rs, i) -> new Row(
                        rs.getLong(1),
                        rs.getLong(2),
                        BackorderReason.valueOf(rs.getString(3)),
                        rs.getBigDecimal(4).longValueExact(),
                        rs.getTimestamp(5).toInstant()),
                salesOrderId);
    }

    /**
     * The orders with backordered lines of these items (all items when null), oldest backorder first, at most
     * {@code limit}.
     */
    List<Long> ordersWaitingFor(Collection<Long> itemIds, int limit) {
        return ordersWaitingFor(itemIds, null, limit);
    }

    /**
     * The orders shipping from this warehouse (any when null) with backordered lines of these items (all items when
     * null), oldest backorder first, at most {@code limit}. Nothing backordered, nothing read but the backorders.
     */
    List<Long> ordersWaitingFor(Collection<Long> itemIds, Long warehouseId, int limit) {
        Long[] items = itemIds == null ? null : itemIds.toArray(Long[]::new);
        return jdbc.queryForList("""
                select b.sales_order_id from sales_order_backorder b
                  join sales_order_line l on l.id = b.sales_order_line_id
                  join sales_order o on o.id = b.sales_order_id
                 where (?::bigint[] is null or l.item_id = any(?::bigint[]))
                   and (?::bigint is null or o.warehouse_id = ?::bigint)
                 group by b.sales_order_id order by min(b.decided_at), b.sales_order_id limit ?""", Long.class, items, items, warehouseId, warehouseId, limit);
    }

    /** Per line of the order: the backordered total. */
    Map<Long, Long> totalsOf(long salesOrderId) {
        return ofOrder(salesOrderId).stream()
                .collect(Collectors.groupingBy(Row::lineId, Collectors.summingLong(Row::quantity)));
    }
}
