package org.lotledger.fulfillment.shipping;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The shipment tables (V85), and the sales order row lock that serialises opening shipments of one order. */
@Component
class ShipmentRows {

    record Header(
            long id,
            String number,
            long orderId,
            String orderNumber,
            long warehouseId,
            long customerId,
            String state,
            String openedBy,
            Instant openedAt,
            String dispatchedBy,
            Instant dispatchedAt,
            Long postingId) {}

    record LineRow(
            long id,
            int lineNo,
            long orderLineId,
            long reservationId,
            long itemId,
            long lotId,
            long locationId,
            long staged,
            Long shipped) {}

    private static final String HEADER = """
            select s.id, s.shipment_number, s.sales_order_id, o.order_number, s.warehouse_id, s.customer_id, s.state,
                   s.opened_by, s.opened_at, s.dispatched_by, s.dispatched_at, s.posting_id
              from shipment s join sales_order o on o.id = s.sales_order_id""";

    private final JdbcTemplate jdbc;

    ShipmentRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void lockOrder(long orderId) {
        jdbc.queryForList("select id from sales_order where id = ? for update", Long.class, orderId);
    }

    /** The next number of the warehouse's sequence: the counter row is taken and raised in one statement. */
    long nextNumber(long warehouseId) {
        return jdbc.queryForObject("""
                insert into shipment_number_counter as c (warehouse_id, last_number) values (?, 1)
                on conflict (warehouse_id) do update set last_number = c.last_number + 1
                returning last_number""", Long.class, warehouseId);
    }

    Set<Long> reservationsOnShipments(Collection<Long> reservationIds) {
        if (reservationIds.isEmpty()) {
            return Set.of();
        }
        return new TreeSet<>(jdbc.queryForList(
                "select reservation_id from shipment_line where reservation_id = any(?)", Long.class, (Object)
                        reservationIds.toArray(Long[]::new)));
    }

    long insert(String number, long orderId, long warehouseId, long customerId, String actor) {
        return jdbc.queryForObject("""
                insert into shipment (shipment_number, sales_order_id, warehouse_id, customer_id, opened_by)
                values (?, ?, ?, ?, ?) returning id""", Long.class, number, orderId, warehouseId, customerId, actor);
    }

    void insertLine(
            long shipmentId,
            int lineNo,
            long orderLineId,
            long reservationId,
            long itemId,
            long lotId,
            long locationId,
            long staged) {
        jdbc.update("""
                insert into shipment_line (shipment_id, line_no, sales_order_line_id, reservation_id, item_id, lot_id,
                                           location_id, staged_quantity)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", shipmentId, lineNo, orderLineId, reservationId, itemId, lotId, locationId, staged);
    }

    Optional<Header> find(long id) {
        return jdbc.query(HEADER + " where s.id = ?", (rs, i) -> header(rs), id).stream()
                .findFirst();
    }

    Optional<Header> lock(long id) {
        return jdbc.query(HEADER + " where s.id = ? for update of s", (rs, i) -> header(rs), id).stream()
                .findFirst();
    }

    List<Header> list(Long warehouseId, Long customerId, Long orderId, String state, int limit, int offset) {
        return jdbc.query(
                HEADER + " " + """
                         where (?::bigint is null or s.warehouse_id = ?) and (?::bigint is null or s.customer_id = ?)
                           and (?::bigint is null or s.sales_order_id = ?) and (?::varchar is null or s.state = ?)
                         order by s.id desc limit ? offset ?""",
                (rs, i) -> header(rs),
                warehouseId,
                warehouseId,
                customerId,
                customerId,
                orderId,
                orderId,
                state,
                state,
                limit,
                offset);
    }

    List<Header> byPostings(Collection<Long> postingIds) {
        if (postingIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(HEADER + " where s.posting_id = any(?)", (rs, i) -> header(rs), (Object)
                postingIds.toArray(Long[]::new));
    }

    List<Header> byNumbers(Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        return jdbc.query(HEADER + " where s.shipment_number = any(?)", (rs, i) -> header(rs), (Object)
                numbers.toArray(String[]::new));
    }

    List<LineRow> lines(long shipmentId) {
        return jdbc.query(
                """
                select id, line_no, sales_order_line_id, reservation_id, item_id, lot_id, location_id, staged_quantity,
                       shipped_quantity
                  from shipment_line where shipment_id = ? order by line_no""",
                (rs, i) -> new LineRow(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getBigDecimal(8).longValueExact(),
                        rs.getBigDecimal(9) == null ? null : rs.getBigDecimal(9).longValueExact()),
                shipmentId);
    }

    void dispatched(long shipmentId, long postingId, String actor, long scannedLocationId) {
        jdbc.update("""
                update shipment set state = 'DISPATCHED', posting_id = ?, dispatched_by = ?,
                                    dispatched_at = clock_timestamp(), scanned_location_id = ?
                 where id = ? and state = 'OPEN'""", postingId, actor, scannedLocationId, shipmentId);
    }

    void shipped(long lineId, long quantity) {
        jdbc.update("update shipment_line set shipped_quantity = ? where id = ?", quantity, lineId);
    }

    private static Header header(ResultSet rs) throws SQLException {
        return new Header(
                rs.getLong(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getLong(5),
                rs.getLong(6),
                rs.getString(7),
                rs.getString(8),
                instant(rs.getTimestamp(9)),
                rs.getString(10),
                instant(rs.getTimestamp(11)),
                (Long) rs.getObject(12));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static <T> List<T> copy(List<T> l) {
        return new ArrayList<>(l);
    }
}
