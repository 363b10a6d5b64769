package org.lotledger.recall;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lotledger.common.DomainException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code recall} and {@code recall_hold} tables (V99). */
@Repository
public class Recalls {

    /** A recall's row as stored, without its lots. */
    public record Row(
            long id,
            String number,
            RecallScope scope,
            String reason,
            RecallClass recallClass,
            RecallMode mode,
            String note,
            RecallStatus status,
            String processInstanceId,
            String startedBy,
            Instant startedAt,
            Instant holdsPlacedAt,
            String withdrawnBy,
            Instant withdrawnAt,
            String withdrawalNote) {}

    private static final String SELECT = """
            select id, number, scope_lot_id, scope_batch_ref, scope_item_id, scope_dates, scope_from, scope_to, reason,
                   recall_class, mode, note, status, process_instance_id, started_by, started_at, holds_placed_at,
                   withdrawn_by, withdrawn_at, withdrawal_note
              from recall""";

    private final JdbcTemplate jdbc;

    Recalls(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(
            RecallScope scope, String reason, RecallClass recallClass, RecallMode mode, String note, String startedBy) {
        RecallScope.Stored stored = scope.stored();
        long id = jdbc.queryForObject("select nextval('recall_number_seq')", Long.class);
        return jdbc.queryForObject(
                """
                insert into recall (number, scope_lot_id, scope_batch_ref, scope_item_id, scope_dates, scope_from,
                                    scope_to, reason, recall_class, mode, note, status, started_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?) returning id""",
                Long.class,
                "RC-" + id,
                stored.lotId(),
                stored.batchRef(),
                stored.itemId(),
                stored.dates(),
                stored.from(),
                stored.to(),
                reason,
                recallClass.name(),
                mode.name(),
                note,
                startedBy);
    }

    void lot(long recallId, long lotId, int depth, String holdKey) {
        jdbc.update(
                "insert into recall_hold (recall_id, lot_id, depth, hold_key) values (?, ?, ?, ?)",
                recallId,
                lotId,
                depth,
                holdKey);
    }

    void processStarted(long recallId, String processInstanceId) {
        jdbc.update("update recall set process_instance_id = ? where id = ?", processInstanceId, recallId);
    }

    /** The lot the recall's {@code index}-th "Place recall hold" instance holds (lots in ascending id order). */
    RecallView.Lot lotAt(long recallId, int index) {
        return lots(recallId).get(index);
    }

    void holdPlaced(long recallId, long lotId, long holdId) {
        jdbc.update(
                "update recall_hold set hold_id = ?, placed_at = clock_timestamp() where recall_id = ? and lot_id = ?"
                        + " and hold_id is null",
                holdId,
                recallId,
                lotId);
    }

    /** @return whether the recall moved from OPEN to HOLDS_PLACED now */
    boolean holdsPlaced(long recallId) {
        return jdbc.update(
                        "update recall set status = 'HOLDS_PLACED', holds_placed_at = clock_timestamp() where id = ?"
                                + " and status = 'OPEN'",
                        recallId)
                == 1;
    }

    void withdrawn(long recallId, String by, String note) {
        jdbc.update(
                "update recall set status = 'WITHDRAWN', withdrawn_by = ?, withdrawn_at = clock_timestamp(),"
                        + " withdrawal_note = ? where id = ?",
                by,
                note,
                recallId);
    }

    public Row get(long recallId) {
        return find(recallId).orElseThrow(() -> notFound(recallId));
    }

    Optional<Row> find(long recallId) {
        return jdbc.query(SELECT + " where id = ?", this::row, recallId).stream()
                .findFirst();
    }

    /** Reads and locks the recall, so that two changes of one recall never run at once. */
    Row lock(long recallId) {
        return jdbc.query(SELECT + " where id = ? for update", this::row, recallId).stream()
                .findFirst()
                .orElseThrow(() -> notFound(recallId));
    }

    List<Row> list(RecallStatus status, int limit, int offset) {
        return status == null
                ? jdbc.query(SELECT + " order by id desc limit ? offset ?", this::row, limit, offset)
                : jdbc.query(
                        SELECT + " where status = ? order by id desc limit ? offset ?",
                        this::row,
                        status.name(),
                        limit,
                        offset);
    }

    public List<RecallView.Lot> lots(long recallId) {
        return jdbc.query(
                """
                select h.lot_id, l.lot_number, l.internal_label, h.depth, h.hold_id, h.hold_key, h.placed_at
                  from recall_hold h join lot l on l.id = h.lot_id
                 where h.recall_id = ? order by h.lot_id""",
                (rs, i) -> new RecallView.Lot(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        (Long) rs.getObject(5),
                        rs.getString(6),
                        instant(rs, 7)),
                recallId);
    }

    /** The open recall (not CLOSED nor WITHDRAWN) whose hold this is, if any. */
    Optional<String> openRecallHolding(long holdId) {
        return jdbc.queryForList("""
                        select r.number from recall_hold h join recall r on r.id = h.recall_id
                         where h.hold_id = ? and r.status not in ('CLOSED', 'WITHDRAWN')""", String.class, holdId).stream().findFirst();
    }

    static String scopeLabel(RecallScope s, Map<Long, String> lotLabels, String itemSku) {
        if (s.lotId() != null) {
            return "lot " + lotLabels.getOrDefault(s.lotId(), "#" + s.lotId());
        }
        if (s.batchRef() != null) {
            return "batch " + s.batchRef().strip();
        }
        boolean manufactured = s.manufacturedFrom() != null;
        LocalDate from = manufactured ? s.manufacturedFrom() : s.receivedFrom();
        LocalDate to = manufactured ? s.manufacturedTo() : s.receivedTo();
        return "item " + (itemSku == null ? "#" + s.itemId() : itemSku) + " " + (manufactured ? "made" : "received")
                + " " + from + "…" + to;
    }

    private Row row(ResultSet rs, int i) throws SQLException {
        String dates = rs.getString(6);
        LocalDate from = rs.getObject(7, LocalDate.class);
        LocalDate to = rs.getObject(8, LocalDate.class);
        RecallScope scope = new RecallScope(
                (Long) rs.getObject(3),
                rs.getString(4),
                (Long) rs.getObject(5),
                "MANUFACTURED".equals(dates) ? from : null,
                "MANUFACTURED".equals(dates) ? to : null,
                "RECEIVED".equals(dates) ? from : null,
                "RECEIVED".equals(dates) ? to : null);
        return new Row(
                rs.getLong(1),
                rs.getString(2),
                scope,
                rs.getString(9),
                RecallClass.valueOf(rs.getString(10)),
                RecallMode.valueOf(rs.getString(11)),
                rs.getString(12),
                RecallStatus.valueOf(rs.getString(13)),
                rs.getString(14),
                rs.getString(15),
                instant(rs, 16),
                instant(rs, 17),
                rs.getString(18),
                instant(rs, 19),
                rs.getString(20));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static DomainException notFound(long recallId) {
        return DomainException.notFound(
                "UNKNOWN_RECALL", "Recall " + recallId + " does not exist.", Map.of("recallId", recallId));
    }
}
