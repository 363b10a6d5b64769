package org.lotledger.recall;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The recall's follow-up tables (V99, V100): {@code recall_acknowledgement} and {@code recall_return}. */
@Repository
class RecallFollowUpRows {

    /** A customer's answer to the notice about one lot. */
    record Acknowledgement(
            long id,
            long customerId,
            long lotId,
            Instant acknowledgedAt,
            long quantityAtCustomer,
            long quantityDestroyed,
            boolean returning,
            String recordedBy,
            Instant recordedAt) {}

    /** A return received against the recall. */
    record Return(
            long id,
            long customerId,
            long lotId,
            long quantity,
            long postingId,
            long locationId,
            long holdId,
            long shipmentPostingId,
            String shipmentNumber,
            String recordedBy,
            Instant recordedAt) {}

    private final JdbcTemplate jdbc;

    RecallFollowUpRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insertAcknowledgement(
            long recallId,
            long customerId,
            long lotId,
            Instant at,
            long atCustomer,
            long destroyed,
            boolean returning,
            String requestKey,
            String by) {
        return jdbc.queryForObject(
                """
                insert into recall_acknowledgement (recall_id, customer_id, lot_id, acknowledged_at, quantity_at_customer,
                                                    quantity_destroyed, will_return, request_key, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""",
                Long.class,
                recallId,
                customerId,
                lotId,
                Timestamp.from(at),
                atCustomer,
                destroyed,
                returning,
                requestKey,
                by);
    }

    /** The latest answer per customer and lot (by acknowledgement time, then as recorded). */
    List<Acknowledgement> latestAcknowledgements(long recallId) {
        return jdbc.query(
                """
                select distinct on (customer_id, lot_id) id, customer_id, lot_id, acknowledged_at,
                       quantity_at_customer, quantity_destroyed, will_return, recorded_by, recorded_at
                  from recall_acknowledgement where recall_id = ?
                 order by customer_id, lot_id, acknowledged_at desc, id desc""",
                (rs, i) -> new Acknowledgement(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getBoolean(7),
                        rs.getString(8),
                        rs.getTimestamp(9).toInstant()),
                recallId);
    }

    Optional<Acknowledgement> acknowledgement(long id) {
        return jdbc
                .query(
                        """
                        select id, customer_id, lot_id, acknowledged_at, quantity_at_customer, quantity_destroyed,
                               will_return, recorded_by, recorded_at from recall_acknowledgement where id = ?""",
                        (rs, i) -> new Acknowledgement(
                                rs.getLong(1),
                                rs.getLong(2),
                                rs.getLong(3),
                                rs.getTimestamp(4).toInstant(),
                                rs.getLong(5),
                                rs.getLong(6),
                                rs.getBoolean(7),
                                rs.getString(8),
                                rs.getTimestamp(9).toInstant()),
                        id)
                .stream()
                .findFirst();
    }

    long insertReturn(
            long recallId,
            long customerId,
            long lotId,
            long quantity,
            long postingId,
            long locationId,
            long holdId,
            long shipmentPostingId,
            String shipmentNumber,
            String requestKey,
            String by) {
        return jdbc.queryForObject(
                """
                insert into recall_return (recall_id, customer_id, lot_id, quantity, posting_id, location_id, hold_id,
                                           shipment_posting_id, shipment_number, request_key, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""",
                Long.class,
                recallId,
                customerId,
                lotId,
                quantity,
                postingId,
                locationId,
                holdId,
                shipmentPostingId,
                shipmentNumber,
                requestKey,
                by);
    }

    List<Return> returns(long recallId) {
        return jdbc.query(
                """
                select id, customer_id, lot_id, quantity, posting_id, location_id, hold_id, shipment_posting_id,
                       shipment_number, recorded_by, recorded_at
                  from recall_return where recall_id = ? order by id""",
                (rs, i) -> new Return(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getTimestamp(11).toInstant()),
                recallId);
    }

    /** What was returned against each shipment posting of a lot, under any recall (a unit returns only once). */
    Map<Long, Long> returnedAgainst(long lotId, long customerId) {
        Map<Long, Long> m = new java.util.HashMap<>();
        jdbc.query(
                """
                select shipment_posting_id, sum(quantity) from recall_return
                 where lot_id = ? and customer_id = ? group by shipment_posting_id""",
                rs -> {
                    m.put(rs.getLong(1), rs.getLong(2));
                },
                lotId,
                customerId);
        return m;
    }

    void reconciled(long recallId, String by) {
        jdbc.update(
                "update recall set status = 'RECONCILING', reconciled_by = ?, reconciled_at = clock_timestamp()"
                        + " where id = ? and status = 'HOLDS_PLACED'",
                by,
                recallId);
    }

    void reconciliationRefused(long recallId) {
        jdbc.update(
                "update recall set status = 'HOLDS_PLACED', reconciled_by = null, reconciled_at = null"
                        + " where id = ? and status = 'RECONCILING'",
                recallId);
    }

    boolean closed(long recallId, String by) {
        return jdbc.update(
                        "update recall set status = 'CLOSED', closed_by = ?, closed_at = clock_timestamp()"
                                + " where id = ? and status = 'RECONCILING'",
                        by,
                        recallId)
                == 1;
    }
}
