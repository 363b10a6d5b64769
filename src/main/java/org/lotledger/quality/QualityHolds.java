package org.lotledger.quality;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lotledger.common.DomainException;
import org.lotledger.evidence.DecisionRecords;
import org.lotledger.ledger.LedgerQueries;
import org.lotledger.ledger.LotLocks;
import org.lotledger.ledger.StockStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The hold tables: quality_hold (the record, its state is the only thing that changes), quality_hold_movement and
 * quality_hold_outcome (append-only). Joins the caller's transaction.
 *
 * <p>Over 300 lines because it is the SQL of three tables written out (formatted one clause per line); it holds no
 * decisions.
 */
@Repository
public class QualityHolds {

    /** The columns a service decides on; the row is locked when read with {@link #lock}. */
    public record HoldRow(
            long id,
            HoldScope scope,
            Long lotId,
            Long locationId,
            HoldReason reason,
            HoldState state,
            String note,
            String requestFingerprint) {}

    public static final String SUBJECT_TYPE = "QUALITY_HOLD";

    private final JdbcTemplate jdbc;
    private final DecisionRecords decisions;
    private final LedgerQueries ledger;
    private final LotLocks lotLocks;

    public QualityHolds(JdbcTemplate jdbc, DecisionRecords decisions, LedgerQueries ledger, LotLocks lotLocks) {
        this.jdbc = jdbc;
        this.decisions = decisions;
        this.ledger = ledger;
        this.lotLocks = lotLocks;
    }

    /**
     * Takes the hold-decision lock for the rest of the caller's transaction; the first lock every hold decision takes
     * (then the hold, then the lots). Hold decisions run one at a time across the application: a release hands stock
     * over to another open hold, and two releases (or a release and a placement) deciding at once could each see the
     * other still open and leave stock HOLD under no open hold. Holds are few; a transaction-scoped advisory lock
     * costs nothing. The API takes it before it touches the process, so that of two people deciding one hold at once
     * the second sees the first one's outcome (a 409) instead of a process instance that ended under it.
     */
    public void lockHoldDecisions() {
        jdbc.queryForList("select pg_advisory_xact_lock(hashtext('lotledger.quality_hold'))");
    }

    long insert(
            HoldScope scope,
            Long lotId,
            Long locationId,
            HoldReason reason,
            String note,
            String requestKey,
            String fingerprint,
            String placedBy) {
        return jdbc.queryForObject(
                """
                insert into quality_hold (scope, lot_id, location_id, reason, note, request_key, request_fingerprint, placed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""",
                Long.class,
                scope.name(),
                lotId,
                locationId,
                reason.name(),
                note,
                requestKey,
                fingerprint,
                placedBy);
    }

    /** Whether a hold was ever placed with this request key (open or ended). */
    boolean placedWithKey(String requestKey) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from quality_hold where request_key = ?)", Boolean.class, requestKey));
    }

    void placedBy(long holdId, long postingId) {
        jdbc.update("update quality_hold set place_posting_id = ? where id = ?", postingId, holdId);
    }

    /** Reads and locks the hold, so that two outcomes of one hold never run at once. */
    HoldRow lock(long holdId) {
        return jdbc.query(SELECT + " where id = ? for update", this::row, holdId).stream()
                .findFirst()
                .orElseThrow(() -> notFound(holdId));
    }

    void end(long holdId, HoldState state, String by) {
        jdbc.update(
                "update quality_hold set state = ?, ended_by = ?, ended_at = now() where id = ? and state = 'OPEN'",
                state.name(),
                by,
                holdId);
    }

    void movement(long holdId, long lotId, long locationId, long quantity, Long postingId, Long inheritedFrom) {
        jdbc.update("""
                insert into quality_hold_movement (hold_id, lot_id, location_id, quantity, posting_id, inherited_from_hold_id)
                values (?, ?, ?, ?, ?, ?)""", holdId, lotId, locationId, quantity, postingId, inheritedFrom);
    }

    void outcome(
            long holdId,
            HoldOutcome outcome,
            long lotId,
            long locationId,
            long quantity,
            Long toLocationId,
            Long toHoldId,
            Long postingId,
            String reasonCode,
            String requestKey,
            String decidedBy) {
        jdbc.update(
                """
                insert into quality_hold_outcome (hold_id, outcome, lot_id, location_id, quantity, to_location_id,
                                                  to_hold_id, posting_id, reason_code, request_key, decided_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                holdId,
                outcome.name(),
                lotId,
                locationId,
                quantity,
                toLocationId,
                toHoldId,
                postingId,
                reasonCode,
                requestKey,
                decidedBy);
    }

    boolean outcomeRecorded(long holdId, String requestKey) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from quality_hold_outcome where hold_id = ? and request_key = ?)",
                Boolean.class,
                holdId,
                requestKey));
    }

    /** Per lot and location: what the hold moved or inherited minus every outcome; only positive rows. */
    /** The hold's state, without loading its movements, outcomes and decisions (a gateway asks this). */
    public HoldState stateOf(long holdId) {
        return HoldState.valueOf(
                jdbc.query("select state from quality_hold where id = ?", (rs, i) -> rs.getString(1), holdId).stream()
                        .findFirst()
                        .orElseThrow(() -> notFound(holdId)));
    }

    public HoldReason reasonOf(long holdId) {
        return HoldReason.valueOf(
                jdbc.query("select reason from quality_hold where id = ?", (rs, i) -> rs.getString(1), holdId).stream()
                        .findFirst()
                        .orElseThrow(() -> notFound(holdId)));
    }

    public List<HoldView.Remaining> remaining(long holdId) {
        return jdbc.query(
                """
                with r as (
                    select lot_id, location_id, sum(quantity) as q from (
                        select lot_id, location_id, quantity from quality_hold_movement where hold_id = ?
                        union all
                        select lot_id, location_id, -quantity from quality_hold_outcome where hold_id = ?) x
                     group by lot_id, location_id)
                select r.lot_id, l.internal_label, r.location_id, loc.code, r.q
                  from r join lot l on l.id = r.lot_id join location loc on loc.id = r.location_id
                 where r.q > 0 order by r.lot_id, r.location_id""",
                (rs, i) -> new HoldView.Remaining(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getBigDecimal(5).longValueExact()),
                holdId,
                holdId);
    }

    /** The HOLD balance of a lot at a location right now (read under the lot's ledger lock by the callers). */
    long heldAt(long lotId, long locationId) {
        return ledger.quantity(lotId, locationId, StockStatus.HOLD);
    }

    /** Takes the lots' ledger locks in the ledger's order, before reading their balances. */
    void lockLots(java.util.Collection<Long> lotIds) {
        lotLocks.lockForDecision(lotIds);
    }

    public HoldView view(long holdId) {
        List<HoldView> found = jdbc.query(
                """
                select h.id, h.scope, h.lot_id, l.internal_label, h.location_id, loc.code, h.reason, h.state, h.note,
                       h.placed_by, h.placed_at, h.place_posting_id, h.ended_by, h.ended_at
                  from quality_hold h left join lot l on l.id = h.lot_id left join location loc on loc.id = h.location_id
                 where h.id = ?""",
                (rs, i) -> {
                    long id = rs.getLong(1);
                    List<HoldView.Decision> ds = new ArrayList<>();
                    List<String> approvers = new ArrayList<>();
                    for (DecisionRecords.SubjectDecision d : decisions.forSubject(SUBJECT_TYPE, Long.toString(id))) {
                        ds.add(new HoldView.Decision(
                                d.id(),
                                d.processInstanceId(),
                                d.activityId(),
                                d.decision(),
                                d.decidedBy(),
                                d.decidedAt(),
                                d.details()));
                        if (HoldApprovals.isApproval(d.decision()) && !approvers.contains(d.decidedBy())) {
                            approvers.add(d.decidedBy());
                        }
                    }
                    return new HoldView(
                            id,
                            HoldScope.valueOf(rs.getString(2)),
                            (Long) rs.getObject(3),
                            rs.getString(4),
                            (Long) rs.getObject(5),
                            rs.getString(6),
                            HoldReason.valueOf(rs.getString(7)),
                            HoldState.valueOf(rs.getString(8)),
                            rs.getString(9),
                            rs.getString(10),
                            instant(rs.getTimestamp(11)),
                            (Long) rs.getObject(12),
                            rs.getString(13),
                            instant(rs.getTimestamp(14)),
                            movements(id),
                            outcomes(id),
                            remaining(id),
                            ds,
                            approvers);
                },
                holdId);
        if (found.isEmpty()) {
            throw notFound(holdId);
        }
        return found.get(0);
    }

    public List<HoldView> list(HoldState state, Long lotId, Long locationId, int limit, int offset) {
        StringBuilder sql = new StringBuilder("select id from quality_hold where true");
        List<Object> args = new ArrayList<>();
        if (state != null) {
            sql.append(" and state = ?");
            args.add(state.name());
        }
        if (lotId != null) {
            // holds on the lot itself, and location holds that moved or took over some of it
            sql.append(" and (lot_id = ? or id in (select hold_id from quality_hold_movement where lot_id = ?))");
            args.add(lotId);
            args.add(lotId);
        }
        if (locationId != null) {
            sql.append(
                    " and (location_id = ? or id in (select hold_id from quality_hold_movement where location_id = ?))");
            args.add(locationId);
            args.add(locationId);
        }
        sql.append(" order by id desc limit ? offset ?");
        args.add(limit);
        args.add(offset);
        return jdbc.queryForList(sql.toString(), Long.class, args.toArray()).stream()
                .map(this::view)
                .toList();
    }

    private List<HoldView.Movement> movements(long holdId) {
        return jdbc.query(
                """
                select m.lot_id, l.internal_label, m.location_id, loc.code, m.quantity, m.posting_id,
                       m.inherited_from_hold_id, m.recorded_at
                  from quality_hold_movement m join lot l on l.id = m.lot_id join location loc on loc.id = m.location_id
                 where m.hold_id = ? order by m.id""",
                (rs, i) -> new HoldView.Movement(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getBigDecimal(5).longValueExact(),
                        (Long) rs.getObject(6),
                        (Long) rs.getObject(7),
                        instant(rs.getTimestamp(8))),
                holdId);
    }

    private List<HoldView.Outcome> outcomes(long holdId) {
        return jdbc.query(
                """
                select o.outcome, o.lot_id, l.internal_label, o.location_id, loc.code, o.quantity, o.to_location_id,
                       o.to_hold_id, o.posting_id, o.reason_code, o.decided_by, o.recorded_at
                  from quality_hold_outcome o join lot l on l.id = o.lot_id join location loc on loc.id = o.location_id
                 where o.hold_id = ? order by o.id""",
                (rs, i) -> new HoldView.Outcome(
                        HoldOutcome.valueOf(rs.getString(1)),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getBigDecimal(6).longValueExact(),
                        (Long) rs.getObject(7),
                        (Long) rs.getObject(8),
                        (Long) rs.getObject(9),
                        rs.getString(10),
                        rs.getString(11),
                        instant(rs.getTimestamp(12))),
                holdId);
    }

    private HoldRow row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new HoldRow(
                rs.getLong(1),
                HoldScope.valueOf(rs.getString(2)),
                (Long) rs.getObject(3),
                (Long) rs.getObject(4),
                HoldReason.valueOf(rs.getString(5)),
                HoldState.valueOf(rs.getString(6)),
                rs.getString(7),
                rs.getString(8));
    }

    private static final String SELECT =
            "select id, scope, lot_id, location_id, reason, state, note, request_fingerprint from quality_hold";

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static DomainException notFound(long holdId) {
        return DomainException.notFound(
                "UNKNOWN_HOLD", "Quality hold " + holdId + " does not exist.", Map.of("holdId", holdId));
    }
}
