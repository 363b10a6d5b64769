package org.lotledger.transfers;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The process's own records (V93): the supervisors' decisions about discrepancies and the follow-up postings
 * ({@code transfer_discrepancy_resolution}, append-only), and the overdue alerts ({@code transfer_alert}, never
 * deleted; the chase's answer is written once onto its alert).
 */
@Repository
public class TransferResolutions {

    /** One step of a discrepancy's resolution: the decision, or the posting that carried it out. */
    public record Resolution(
            long id,
            long discrepancyId,
            String step,
            TransferOutcome outcome,
            Instant newDeadline,
            String note,
            List<Long> postingIds,
            String processInstanceId,
            String taskId,
            String decidedBy,
            Instant decidedAt,
            Long holdId) {}

    /** An OVERDUE_IN_TRANSIT alert of a transfer. */
    public record Alert(
            long id,
            long transferOrderId,
            Instant overdueSince,
            String processInstanceId,
            String raisedBy,
            Instant raisedAt,
            Instant newDeadline,
            String chasedBy,
            String chaseNote) {}

    public static final String DECIDED = "DECIDED";
    public static final String POSTED = "POSTED";

    private final JdbcTemplate jdbc;

    TransferResolutions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long record(
            long discrepancyId,
            String step,
            TransferOutcome outcome,
            Instant newDeadline,
            String note,
            List<Long> postingIds,
            String processInstanceId,
            String taskId,
            String by) {
        return jdbc.queryForObject(
                """
                insert into transfer_discrepancy_resolution (discrepancy_id, step, outcome, new_deadline, note,
                       posting_ids, process_instance_id, task_id, decided_by, follow_up_step)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?,
                        case when ? = 'POSTED' then (select count(*) from transfer_discrepancy_resolution r
                                                      where r.discrepancy_id = ? and r.step = 'POSTED') else 0 end)
                returning id""",
                Long.class,
                discrepancyId,
                step,
                outcome.name(),
                newDeadline == null ? null : Timestamp.from(newDeadline),
                note,
                jdbc.execute((java.sql.Connection c) -> c.createArrayOf("bigint", postingIds.toArray())),
                processInstanceId,
                taskId,
                by,
                step,
                discrepancyId);
    }

    public static final String HANDED_TO_QUALITY = "HANDED_TO_QUALITY";

    /** Records that quality's hold {@code holdId} took the discrepancy's units over (V96). */
    void handedToQuality(long discrepancyId, long holdId, String processInstanceId, String taskId, String by) {
        jdbc.update("""
                insert into transfer_discrepancy_resolution (discrepancy_id, step, outcome, process_instance_id,
                       task_id, decided_by, hold_id)
                values (?, 'HANDED_TO_QUALITY', 'QUALITY_DECIDES', ?, ?, ?, ?)""", discrepancyId, processInstanceId, taskId, by == null ? "system:quality-intake" : by, holdId);
    }

    /** The quality hold that took the discrepancy's units over, once handed over. */
    public java.util.Optional<Long> handedHold(long discrepancyId) {
        return jdbc
                .queryForList(
                        "select hold_id from transfer_discrepancy_resolution where discrepancy_id = ?"
                                + " and step = 'HANDED_TO_QUALITY'",
                        Long.class,
                        discrepancyId)
                .stream()
                .findFirst();
    }

    /** Every step recorded for a discrepancy, oldest first. */
    public List<Resolution> of(long discrepancyId) {
        return jdbc.query(
                """
                select id, discrepancy_id, step, outcome, new_deadline, note, posting_ids, process_instance_id,
                       task_id, decided_by, decided_at, hold_id
                  from transfer_discrepancy_resolution where discrepancy_id = ? order by id""",
                (rs, n) -> {
                    Timestamp deadline = rs.getTimestamp(5);
                    Array a = rs.getArray(7);
                    List<Long> ids = new ArrayList<>();
                    for (Object o : (Object[]) a.getArray()) {
                        ids.add(((Number) o).longValue());
                    }
                    return new Resolution(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getString(3),
                            TransferOutcome.valueOf(rs.getString(4)),
                            deadline == null ? null : deadline.toInstant(),
                            rs.getString(6),
                            List.copyOf(ids),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getString(10),
                            rs.getTimestamp(11).toInstant(),
                            (Long) rs.getObject(12));
                },
                discrepancyId);
    }

    public Optional<Resolution> decision(long discrepancyId) {
        return of(discrepancyId).stream().filter(r -> r.step().equals(DECIDED)).findFirst();
    }

    long raiseAlert(long transferOrderId, Instant overdueSince, String processInstanceId, String by) {
        return jdbc.queryForObject(
                """
                insert into transfer_alert (transfer_order_id, alert_type, overdue_since, process_instance_id,
                       raised_by)
                values (?, 'OVERDUE_IN_TRANSIT', ?, ?, ?) returning id""", Long.class, transferOrderId, Timestamp.from(overdueSince), processInstanceId, by);
    }

    /** Writes the chase's answer onto the transfer's latest unanswered alert. */
    void chased(long transferOrderId, Instant newDeadline, String by, String note) {
        jdbc.update("""
                update transfer_alert set new_deadline = ?, chased_by = ?, chase_note = ?
                 where id = (select max(id) from transfer_alert where transfer_order_id = ? and chased_by is null)""", newDeadline == null ? null : Timestamp.from(newDeadline), by, note, transferOrderId);
    }

    public List<Alert> alerts(long transferOrderId) {
        return jdbc.query(
                """
                select id, transfer_order_id, overdue_since, process_instance_id, raised_by, raised_at, new_deadline,
                       chased_by, chase_note
                  from transfer_alert where transfer_order_id = ? order by id""",
                (rs, n) -> new Alert(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
                        rs.getString(8),
                        rs.getString(9)),
                transferOrderId);
    }

    /**
     * How many transfers are overdue now: an OVERDUE_IN_TRANSIT alert raised, the order still on its way (IN_TRANSIT
     * or PARTIALLY_RECEIVED), and no later deadline from the chase that is still ahead. Read from the database, so
     * every node reports the same.
     */
    public long overdueNow() {
        Long n = jdbc.queryForObject("""
                select count(*) from transfer_order o
                 where o.status in ('IN_TRANSIT', 'PARTIALLY_RECEIVED')
                   and exists (select 1 from transfer_alert a where a.transfer_order_id = o.id)
                   and coalesce((select a.new_deadline from transfer_alert a where a.transfer_order_id = o.id
                                  order by a.id desc limit 1), '-infinity'::timestamptz) <= now()""", Long.class);
        return n == null ? 0 : n;
    }
}
