package org.lotledger.fulfillment.picking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.fulfillment.AllocatingOrders;
import org.lotledger.fulfillment.DemandSource;
import org.lotledger.ledger.Reservation;
import org.lotledger.ledger.Reservations;
import org.lotledger.platform.security.Groups;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes, reads, claims and releases pick tasks. A task is made per order of a {@link DemandSource} (a sales order, a
 * transfer order) over the order's pending reservations of that demand type in STORAGE and PICK_FACE zones that no
 * pick line serves yet (the reservations the pick made at a shipping location are the shipment's or the dispatch's):
 * one line per reservation, numbered in location-code order. The source locks the order's row first, so two requests
 * for the same order make one task. Work on a task (claim, release, confirm) is for the warehouse staff of its
 * warehouse ({@code warehouse@<code>}), everybody else gets 403 NOT_WAREHOUSE_STAFF.
 */
@Service
@NamedInterface("picking")
public class PickTasks {

    private final JdbcTemplate jdbc;
    private final Reservations reservations;
    private final Map<String, DemandSource> sources = new java.util.HashMap<>();

    public PickTasks(JdbcTemplate jdbc, Reservations reservations, List<DemandSource> sources) {
        this.jdbc = jdbc;
        this.reservations = reservations;
        for (DemandSource s : sources) {
            if (this.sources.put(s.demandType(), s) != null) {
                throw new IllegalStateException("two demand sources of type " + s.demandType());
            }
        }
    }

    /** The source of a demand type (SALES_ORDER, TRANSFER_ORDER). */
    DemandSource source(String demandType) {
        DemandSource s = sources.get(demandType);
        if (s == null) {
            throw new IllegalStateException("no demand source of type " + demandType);
        }
        return s;
    }

    /** The task's head, for the checks of the services that work on it. */
    record Head(
            long id,
            String demandType,
            long orderId,
            long warehouseId,
            String warehouseCode,
            PickTaskState state,
            String claimedBy) {}

    /**
     * A task over the sales order's reservations not yet on one.
     *
     * @throws DomainException UNKNOWN_SALES_ORDER (404), NOT_WAREHOUSE_STAFF (403, warehouse staff of another
     *                         warehouse), NOTHING_TO_PICK (409)
     */
    @Transactional
    public PickTaskView create(long salesOrderId, Actor actor) {
        return create(AllocatingOrders.DEMAND_TYPE, salesOrderId, actor);
    }

    /**
     * A task over the reservations of an order of the demand type that are not on a task yet.
     *
     * @throws DomainException the source's 404 and 409, NOT_WAREHOUSE_STAFF (403, warehouse staff of another
     *                         warehouse), NOTHING_TO_PICK (409)
     */
    @Transactional
    public PickTaskView create(String demandType, long orderId, Actor actor) {
        DemandSource source = source(demandType);
        DemandSource.PickableOrder order = source.lockForPicking(orderId, actor);
        String warehouse = order.warehouseCode();
        if (!actor.isInAny(Set.of(Groups.OPERATIONS, Groups.ADMIN)) && !actor.worksAt(warehouse, Groups.WAREHOUSE)) {
            throw notStaff(warehouse);
        }
        List<Reservation> pending = reservations.forDemand(demandType, String.valueOf(orderId), null).stream()
                .filter(r -> r.state() == Reservation.State.PENDING)
                .toList();
        List<Candidate> candidates = candidates(pending, order.warehouseId());
        if (candidates.isEmpty()) {
            throw DomainException.conflict(
                    "NOTHING_TO_PICK",
                    order.document() + " " + order.number()
                            + " has no reserved stock in storage or pick faces that is not on a pick task already.",
                    Map.of(order.idName(), orderId));
        }
        String name = "Pick " + order.taskNoun() + " " + order.number() + " · " + candidates.size()
                + (candidates.size() == 1 ? " line" : " lines");
        boolean salesOrder = AllocatingOrders.DEMAND_TYPE.equals(demandType);
        long taskId = jdbc.queryForObject(
                """
                insert into pick_task (demand_type, demand_order_id, order_number, sales_order_id, warehouse_id, name,
                                       created_by)
                values (?, ?, ?, ?, ?, ?, ?) returning id""",
                Long.class,
                demandType,
                orderId,
                order.number(),
                salesOrder ? orderId : null,
                order.warehouseId(),
                name,
                actor.userId());
        int no = 0;
        for (Candidate c : candidates) {
            Reservation r = c.reservation();
            long line = Long.parseLong(r.demand().line());
            jdbc.update(
                    """
                    insert into warehouse_move (kind, pick_task_id, line_no, sales_order_line_id, demand_line_id,
                                                reservation_id, lot_id, from_location_id, quantity)
                    values ('PICK', ?, ?, ?, ?, ?, ?, ?, ?)""", taskId, ++no, salesOrder ? line : null, line, r.id(), r.lotId(), r.locationId(), r.quantity());
        }
        return get(taskId);
    }

    private record Candidate(Reservation reservation, String locationCode) {}

    /** The reservations at STORAGE or PICK_FACE locations of the warehouse that no pick line takes yet. */
    private List<Candidate> candidates(List<Reservation> pending, long warehouseId) {
        if (pending.isEmpty()) {
            return List.of();
        }
        Long[] ids = pending.stream().map(Reservation::id).toArray(Long[]::new);
        Set<Long> onTask = Set.copyOf(jdbc.queryForList(
                "select reservation_id from warehouse_move where kind = 'PICK' and reservation_id = any(?)",
                Long.class,
                (Object) ids));
        Map<Long, String> pickable = new java.util.HashMap<>();
        jdbc.query(
                """
                select loc.id, loc.code from location loc join zone z on z.id = loc.zone_id
                 where loc.id = any(?) and loc.warehouse_id = ? and z.zone_type in ('STORAGE', 'PICK_FACE')""",
                rs -> {
                    pickable.put(rs.getLong(1), rs.getString(2));
                },
                pending.stream().map(Reservation::locationId).distinct().toArray(Long[]::new),
                warehouseId);
        List<Candidate> out = new ArrayList<>();
        for (Reservation r : pending) {
            if (!onTask.contains(r.id()) && pickable.containsKey(r.locationId())) {
                out.add(new Candidate(r, pickable.get(r.locationId())));
            }
        }
        out.sort(Comparator.comparing(Candidate::locationCode)
                .thenComparing(c -> c.reservation().id()));
        return out;
    }

    /** @throws DomainException UNKNOWN_PICK_TASK (404) */
    @Transactional(readOnly = true)
    public PickTaskView get(long taskId) {
        List<PickTaskView> found = jdbc.query(TASKS + " where t.id = ?", this::task, taskId);
        if (found.isEmpty()) {
            throw unknown(taskId);
        }
        return withLines(found.get(0));
    }

    /** A task as someone may see it: admins and operations every task, others those of their warehouses. */
    @Transactional(readOnly = true)
    public PickTaskView get(long taskId, Actor actor) {
        PickTaskView view = get(taskId);
        if (!seesAll(actor) && !actor.worksAt(view.warehouseCode(), Groups.WAREHOUSE)) {
            throw notStaff(view.warehouseCode());
        }
        return view;
    }

    /** The tasks of the warehouses the caller works at (all for admins and operations), newest first. */
    @Transactional(readOnly = true)
    public List<PickTaskView> list(String warehouseCode, PickTaskState state, Actor actor, int limit, int offset) {
        String[] visible =
                seesAll(actor) ? null : actor.warehousesAs(Groups.WAREHOUSE).toArray(String[]::new);
        List<PickTaskView> tasks = jdbc.query(
                TASKS + """
                         where (?::varchar is null or w.code = ?) and (?::varchar is null or t.state = ?)
                           and (?::varchar[] is null or w.code = any(?::varchar[]))
                         order by t.id desc limit ? offset ?""",
                this::task,
                warehouseCode,
                warehouseCode,
                state == null ? null : state.name(),
                state == null ? null : state.name(),
                visible,
                visible,
                limit,
                offset);
        return tasks.stream().map(this::withLines).toList();
    }

    /**
     * Claims the task for the caller (again by the same person: as it is).
     *
     * @throws DomainException NOT_WAREHOUSE_STAFF (403), PICK_TASK_CLAIMED (409, by another), PICK_TASK_CLOSED (409)
     */
    @Transactional
    public PickTaskView claim(long taskId, Actor actor) {
        Head h = lockForWork(taskId, actor);
        if (h.state() == PickTaskState.CLAIMED && !actor.userId().equals(h.claimedBy())) {
            throw claimedByAnother(h);
        }
        if (h.state() == PickTaskState.OPEN) {
            jdbc.update(
                    "update pick_task set state = 'CLAIMED', claimed_by = ?, claimed_at = now() where id = ?",
                    actor.userId(),
                    taskId);
        }
        return get(taskId);
    }

    /**
     * Gives the task back (OPEN) for someone else to claim.
     *
     * @throws DomainException NOT_WAREHOUSE_STAFF (403), PICK_TASK_CLAIMED (409, by another), PICK_TASK_NOT_CLAIMED
     *                         (409), PICK_TASK_CLOSED (409)
     */
    @Transactional
    public PickTaskView release(long taskId, Actor actor) {
        Head h = lockForWork(taskId, actor);
        if (h.state() == PickTaskState.OPEN) {
            throw DomainException.conflict(
                    "PICK_TASK_NOT_CLAIMED", "Pick task " + taskId + " is not claimed.", Map.of("pickTaskId", taskId));
        }
        if (!actor.userId().equals(h.claimedBy())) {
            throw claimedByAnother(h);
        }
        jdbc.update("update pick_task set state = 'OPEN', claimed_by = null, claimed_at = null where id = ?", taskId);
        return get(taskId);
    }

    /**
     * Locks the task's row for work by a warehouse worker of its warehouse: NOT_WAREHOUSE_STAFF (403) for anybody
     * else, PICK_TASK_CLOSED (409) when it is done or cancelled.
     */
    Head lockForWork(long taskId, Actor actor) {
        Head h = head(taskId, true);
        if (!actor.worksAt(h.warehouseCode(), Groups.WAREHOUSE)) {
            throw notStaff(h.warehouseCode());
        }
        if (h.state() == PickTaskState.DONE || h.state() == PickTaskState.CANCELLED) {
            throw DomainException.conflict(
                    "PICK_TASK_CLOSED",
                    "Pick task " + taskId + " is " + h.state() + ".",
                    Map.of("pickTaskId", taskId, "state", h.state().name()));
        }
        return h;
    }

    Head head(long taskId, boolean lock) {
        List<Head> found = jdbc.query(
                """
                select t.id, t.demand_type, t.demand_order_id, t.warehouse_id, w.code, t.state, t.claimed_by
                  from pick_task t join warehouse w on w.id = t.warehouse_id where t.id = ?""" + (lock ? " for update of t" : ""),
                (rs, i) -> new Head(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getString(5),
                        PickTaskState.valueOf(rs.getString(6)),
                        rs.getString(7)),
                taskId);
        if (found.isEmpty()) {
            throw unknown(taskId);
        }
        return found.get(0);
    }

    /** After a line changed: DONE when no line is open, CANCELLED when every line was voided. */
    void finishIfNoLineOpen(long taskId) {
        jdbc.update("""
                update pick_task t
                   set state = case when exists (select 1 from warehouse_move m
                                                  where m.pick_task_id = t.id and m.state = 'DONE')
                                    then 'DONE' else 'CANCELLED' end,
                       finished_at = now()
                 where t.id = ? and t.state in ('OPEN', 'CLAIMED')
                   and not exists (select 1 from warehouse_move m where m.pick_task_id = t.id and m.state = 'OPEN')""", taskId);
    }

    /** The short picks of the warehouses the caller works at (all for admins and operations), newest first. */
    @Transactional(readOnly = true)
    public List<PickException> exceptions(String warehouseCode, Actor actor) {
        String[] visible = seesAll(actor) || actor.isIn(Groups.INVENTORY_CONTROL)
                ? null
                : actor.warehousesAs(Groups.WAREHOUSE).toArray(String[]::new);
        return jdbc.query(
                """
                select e.id, e.pick_task_id, e.warehouse_move_id, w.code, e.lot_id, l.internal_label, loc.code,
                       e.expected_quantity, e.found_quantity, e.reason_code, e.reported_by, e.reported_at
                  from pick_exception e join warehouse w on w.id = e.warehouse_id join lot l on l.id = e.lot_id
                  join location loc on loc.id = e.location_id
                 where (?::varchar is null or w.code = ?) and (?::varchar[] is null or w.code = any(?::varchar[]))
                 order by e.id desc limit 500""",
                (rs, i) -> new PickException(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getBigDecimal(8).longValueExact(),
                        rs.getBigDecimal(9).longValueExact(),
                        rs.getString(10),
                        rs.getString(11),
                        instant(rs.getTimestamp(12))),
                warehouseCode,
                warehouseCode,
                visible,
                visible);
    }

    static DomainException claimedByAnother(Head h) {
        return DomainException.conflict(
                "PICK_TASK_CLAIMED",
                "Pick task " + h.id() + " is claimed by " + h.claimedBy() + ".",
                Map.of("pickTaskId", h.id(), "claimedBy", h.claimedBy()));
    }

    static DomainException notStaff(String warehouseCode) {
        return new DomainException(
                "NOT_WAREHOUSE_STAFF",
                DomainException.Kind.FORBIDDEN,
                "Only the warehouse staff of " + warehouseCode + " work on its pick tasks.",
                Map.of("warehouse", warehouseCode));
    }

    private static DomainException unknown(long taskId) {
        return DomainException.notFound(
                "UNKNOWN_PICK_TASK", "Pick task " + taskId + " does not exist.", Map.of("pickTaskId", taskId));
    }

    private static boolean seesAll(Actor actor) {
        return actor.isInAny(Set.of(Groups.OPERATIONS, Groups.ADMIN));
    }

    private static final String TASKS = """
            select t.id, t.name, t.sales_order_id, t.order_number, w.code, t.state, t.claimed_by, t.claimed_at,
                   t.created_by, t.created_at, t.finished_at, t.demand_type, t.demand_order_id
              from pick_task t join warehouse w on w.id = t.warehouse_id
            """;

    private PickTaskView task(ResultSet rs, int i) throws SQLException {
        return new PickTaskView(
                rs.getLong(1),
                rs.getString(2),
                (Long) rs.getObject(3),
                rs.getString(4),
                rs.getString(5),
                PickTaskState.valueOf(rs.getString(6)),
                rs.getString(7),
                instant(rs.getTimestamp(8)),
                rs.getString(9),
                instant(rs.getTimestamp(10)),
                instant(rs.getTimestamp(11)),
                List.of(),
                rs.getString(12),
                rs.getLong(13));
    }

    private PickTaskView withLines(PickTaskView t) {
        return new PickTaskView(
                t.id(),
                t.name(),
                t.salesOrderId(),
                t.orderNumber(),
                t.warehouseCode(),
                t.state(),
                t.claimedBy(),
                t.claimedAt(),
                t.createdBy(),
                t.createdAt(),
                t.finishedAt(),
                lines(t.id()),
                t.demandType(),
                t.orderId());
    }

    List<PickTaskView.Line> lines(long taskId) {
        return jdbc.query(
                LINES + " where m.pick_task_id = ? and m.kind = 'PICK' order by m.line_no", PickTasks::line, taskId);
    }

    static final String LINES = """
            select m.id, m.line_no, m.sales_order_line_id, m.reservation_id, m.lot_id, l.internal_label, l.lot_number,
                   i.id, i.sku, f.code, m.quantity, i.base_uom, m.state, m.picked_quantity, t.code, m.posting_id,
                   m.staged_reservation_id, m.override_id, m.short_pick_reason, m.confirmed_by, m.confirmed_at,
                   m.pick_task_id, m.from_location_id, m.demand_line_id
              from warehouse_move m join lot l on l.id = m.lot_id join item i on i.id = l.item_id
              join location f on f.id = m.from_location_id left join location t on t.id = m.to_location_id
            """;

    static PickTaskView.Line line(ResultSet rs, int i) throws SQLException {
        return new PickTaskView.Line(
                rs.getLong(1),
                rs.getInt(2),
                (Long) rs.getObject(3),
                rs.getLong(4),
                rs.getLong(5),
                rs.getString(6),
                rs.getString(7),
                rs.getLong(8),
                rs.getString(9),
                rs.getString(10),
                rs.getBigDecimal(11).longValueExact(),
                rs.getString(12),
                rs.getString(13),
                rs.getBigDecimal(14) == null ? null : rs.getBigDecimal(14).longValueExact(),
                rs.getString(15),
                (Long) rs.getObject(16),
                (Long) rs.getObject(17),
                (Long) rs.getObject(18),
                rs.getString(19),
                rs.getString(20),
                instant(rs.getTimestamp(21)),
                rs.getLong(24));
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
