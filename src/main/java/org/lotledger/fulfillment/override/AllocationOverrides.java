package org.lotledger.fulfillment.override;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lotledger.catalog.reason.PostingTypeName;
import org.lotledger.catalog.reason.ReasonCodeCheck;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.evidence.DecisionRecords;
import org.lotledger.fulfillment.AllocationOverridden;
import org.lotledger.ledger.LedgerQueries;
import org.lotledger.ledger.Reservation;
import org.lotledger.ledger.Reservations;
import org.lotledger.ledger.StockStatus;
import org.lotledger.ledger.VoidReason;
import org.lotledger.platform.camunda.DecisionTables;
import org.lotledger.platform.security.Groups;
import org.lotledger.quality.OpenHolds;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Allocation overrides (issue 9 §5, docs/fulfillment.md "Overrides"): another lot, or the same lot at another
 * location, than a pending sales-order reservation holds. {@link #request} checks what is never overridable
 * ({@link OverridePolicy}), asks dmn/allocation-override-approval.dmn ({@code overrideApproval}) who must approve, and
 * either swaps at once (NONE) or records the request and has the approval process started
 * ({@link AllocationOverrideRequested}). {@link #decide} records an approver's answer (four eyes, read from the
 * decision records); {@link #apply} swaps: the old reservation VOIDED with reason OVERRIDE, the proposed stock
 * reserved with an explanation citing the override, in the caller's transaction, then {@link AllocationOverridden}.
 * Nothing is posted: the picker's scan posts the PICK.
 */
@Service
public class AllocationOverrides {

    public static final String SUBJECT_TYPE = "ALLOCATION_OVERRIDE";
    public static final String DECISION_TABLE = "overrideApproval";
    public static final String NONE = "NONE";
    public static final String REQUESTED = "REQUESTED";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";

    private final JdbcTemplate jdbc;
    private final Reservations reservations;
    private final LedgerQueries ledger;
    private final OpenHolds holds;
    private final ReasonCodeCheck reasons;
    private final DecisionTables tables;
    private final DecisionRecords decisions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public AllocationOverrides(
            JdbcTemplate jdbc,
            Reservations reservations,
            LedgerQueries ledger,
            OpenHolds holds,
            ReasonCodeCheck reasons,
            DecisionTables tables,
            DecisionRecords decisions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.reservations = reservations;
        this.ledger = ledger;
        this.holds = holds;
        this.reasons = reasons;
        this.tables = tables;
        this.decisions = decisions;
        this.events = events;
        this.clock = clock;
    }

    /** The sales order line behind a reservation, and what the table and the task need of it. */
    record Line(
            long orderId,
            String orderNumber,
            String warehouse,
            String customer,
            String customerType,
            int customerMinDays,
            long lineId,
            long itemId,
            String sku,
            String riskClass,
            int itemMinDays,
            Integer lineMinDays,
            String warehouseTimeZone) {}

    /**
     * Asks for an override, in the caller's transaction (the door's): refused before anything is written.
     *
     * @throws DomainException OVERRIDE_NOT_ALLOWED (422, 409 for OVR-QUANTITY) with details.rule,
     *     RESERVATION_NOT_PENDING, OVERRIDE_ALREADY_REQUESTED (409), NOT_WAREHOUSE_STAFF (403), INVALID_REASON_CODE,
     *     UNKNOWN_LOT, AMBIGUOUS_LOT, UNKNOWN_LOCATION, UNKNOWN_RESERVATION
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public AllocationOverrideView request(AllocationOverrideRequest r, Actor actor) {
        Reservation reservation = reservations.get(r.reservationId());
        if (!"SALES_ORDER".equals(reservation.demand().type())) {
            throw DomainException.unprocessable(
                    "NOT_A_SALES_ORDER_RESERVATION",
                    "Reservation " + reservation.id() + " is for "
                            + reservation.demand().type() + ", not a sales order.",
                    Map.of("reservationId", reservation.id()));
        }
        Line line = line(reservation);
        if (!actor.worksAt(line.warehouse(), Groups.WAREHOUSE) && !actor.isIn(Groups.OPERATIONS)) {
            throw new DomainException(
                    "NOT_WAREHOUSE_STAFF",
                    DomainException.Kind.FORBIDDEN,
                    actor.userId() + " is not warehouse staff of " + line.warehouse() + ", where order "
                            + line.orderNumber() + " ships from.",
                    Map.of("warehouse", line.warehouse()));
        }
        if (reservation.state() != Reservation.State.PENDING) {
            throw DomainException.conflict(
                    "RESERVATION_NOT_PENDING",
                    "Reservation " + reservation.id() + " is " + reservation.state() + "; only a pending one is"
                            + " overridden.",
                    Map.of(
                            "reservationId",
                            reservation.id(),
                            "state",
                            reservation.state().name(),
                            "rule",
                            "OVR-PENDING"));
        }
        Long open = jdbc
                .query(
                        "select id from allocation_override where reservation_id = ? and state = 'REQUESTED'",
                        (rs, i) -> rs.getLong(1),
                        reservation.id())
                .stream()
                .findFirst()
                .orElse(null);
        if (open != null) {
            throw DomainException.conflict(
                    "OVERRIDE_ALREADY_REQUESTED",
                    "Override " + open + " of reservation " + reservation.id() + " awaits approval already.",
                    Map.of("overrideId", open, "reservationId", reservation.id()));
        }
        String reasonCode = reasons.check(
                r.reasonCode().toUpperCase(java.util.Locale.ROOT), PostingTypeName.ALLOCATION_OVERRIDE, true);
        long lotId = resolveLot(r.proposedLot().trim(), line.itemId());
        Map<String, Object> location = location(r.proposedLocation().trim());
        long locationId = ((Number) location.get("id")).longValue();
        Map<String, Object> lot = lot(lotId);
        Map<String, Object> reservedLot = lot(reservation.lotId());
        // days are counted where the stock ships from, as allocation and the expiry job count them
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of(line.warehouseTimeZone())));
        long available = ledger.quantity(lotId, locationId, StockStatus.AVAILABLE);
        String other = null;
        for (StockStatus s : List.of(StockStatus.HOLD, StockStatus.QUARANTINE, StockStatus.REJECTED)) {
            if (ledger.quantity(lotId, locationId, s) > 0) {
                other = s.name();
                break;
            }
        }
        long reservedThere = reservations.pendingSums(List.of(lotId)).stream()
                .filter(p -> p.locationId() == locationId)
                .mapToLong(Reservations.Pending::quantity)
                .sum();
        String zoneType = (String) location.get("zone_type");
        OverridePolicy.Facts facts = new OverridePolicy.Facts(
                today,
                line.warehouse(),
                line.itemId(),
                line.itemMinDays(),
                line.customerMinDays(),
                line.lineMinDays(),
                reservation.lotId(),
                reservation.locationId(),
                date(reservedLot.get("expires_on")),
                reservation.quantity(),
                lotId,
                locationId,
                (String) lot.get("internal_label"),
                (String) location.get("code"),
                ((Number) lot.get("item_id")).longValue(),
                date(lot.get("expires_on")),
                (String) location.get("warehouse"),
                "PHYSICAL".equals(location.get("kind")) && ("STORAGE".equals(zoneType) || "PICK_FACE".equals(zoneType)),
                holds.covers(lotId, locationId),
                available,
                reservedThere,
                other);
        OverridePolicy.Assessment a = OverridePolicy.assess(facts);
        String group = approvalGroup(a, reasonCode, line, reservation.quantity());
        long id = jdbc.queryForObject(
                """
                insert into allocation_override (sales_order_id, sales_order_line_id, reservation_id, reserved_lot_id,
                    reserved_location_id, proposed_lot_id, proposed_location_id, quantity, deviation, days_short,
                    reason_code, note, approval_group, state, requested_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?) returning id""",
                Long.class,
                line.orderId(),
                line.lineId(),
                reservation.id(),
                reservation.lotId(),
                reservation.locationId(),
                lotId,
                locationId,
                reservation.quantity(),
                a.deviation().name(),
                a.daysShort(),
                reasonCode,
                blankToNull(r.note()),
                group,
                actor.userId());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reservationId", reservation.id());
        details.put("proposedLotId", lotId);
        details.put("proposedLocationId", locationId);
        details.put("deviation", a.deviation().name());
        details.put("reasonCode", reasonCode);
        details.put("approvalGroup", group);
        decisions.record(null, null, null, SUBJECT_TYPE, Long.toString(id), REQUESTED, details, actor.userId());
        if (NONE.equals(group)) {
            apply(id, actor);
        } else {
            events.publishEvent(new AllocationOverrideRequested(id, group));
        }
        return get(id);
    }

    /** Who must approve, from the table; NONE when nobody. */
    String approvalGroup(OverridePolicy.Assessment a, String reasonCode, Line line, long quantity) {
        Map<String, Object> in = new HashMap<>();
        in.put("deviation", a.deviation().name());
        in.put("reasonCode", reasonCode);
        in.put("riskClass", line.riskClass());
        in.put("customerType", line.customerType());
        in.put("daysShort", a.daysShort());
        in.put("quantity", quantity);
        Map<String, Object> out = tables.evaluate(DECISION_TABLE, in);
        Object required = out.get("approvalRequired");
        Object group = out.get("approverGroup");
        return Boolean.TRUE.equals(required) && group != null ? group.toString() : NONE;
    }

    /**
     * The approver's answer, in the caller's transaction (the task's completion): four eyes — not the requester, read
     * from the decision records — and a member of the group the table answered.
     *
     * @throws DomainException SAME_APPROVER (403), APPROVER_NOT_IN_GROUP (403), OVERRIDE_NOT_REQUESTED (409),
     *     REJECTION_REASON_REQUIRED (422)
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public AllocationOverrideView decide(
            long id,
            boolean approve,
            String comment,
            Actor approver,
            String processInstanceId,
            String activityId,
            String taskId) {
        AllocationOverrideView o = lockedGet(id);
        if (o.state() != AllocationOverrideView.State.REQUESTED) {
            throw DomainException.conflict(
                    "OVERRIDE_NOT_REQUESTED",
                    "Override " + id + " is " + o.state() + "; there is nothing to decide.",
                    Map.of("overrideId", id, "state", o.state().name()));
        }
        String requester = requester(id);
        if (requester.equals(approver.userId())) {
            throw new DomainException(
                    "SAME_APPROVER",
                    DomainException.Kind.FORBIDDEN,
                    "User " + approver.userId() + " asked for override " + id + "; someone else approves it.",
                    Map.of("overrideId", id, "requestedBy", requester));
        }
        if (!approver.isIn(o.approvalGroup())) {
            throw new DomainException(
                    "APPROVER_NOT_IN_GROUP",
                    DomainException.Kind.FORBIDDEN,
                    "Override " + id + " is approved by " + o.approvalGroup() + "; " + approver.userId()
                            + " is not in it.",
                    Map.of("overrideId", id, "approvalGroup", o.approvalGroup()));
        }
        String text = blankToNull(comment);
        if (!approve && text == null) {
            throw DomainException.unprocessable(
                    "REJECTION_REASON_REQUIRED",
                    "Say why you reject the override, so the requester knows.",
                    Map.of("overrideId", id));
        }
        if (text != null && text.length() > 500) {
            throw DomainException.unprocessable(
                    "COMMENT_TOO_LONG", "A comment has at most 500 characters.", Map.of("overrideId", id));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("requestedBy", requester);
        if (text != null) {
            details.put("comment", text);
        }
        decisions.record(
                processInstanceId,
                activityId,
                taskId,
                SUBJECT_TYPE,
                Long.toString(id),
                approve ? APPROVED : REJECTED,
                details,
                approver.userId());
        jdbc.update("""
                update allocation_override set state = ?, decided_by = ?, decided_at = clock_timestamp(),
                       decision_comment = ? where id = ? and state = 'REQUESTED'""", approve ? APPROVED : REJECTED, approver.userId(), text, id);
        return get(id);
    }

    /** Whether override {@code id} was approved (read from the record, the process's gateway asks). */
    public boolean approved(long id) {
        return get(id).state() == AllocationOverrideView.State.APPROVED;
    }

    /**
     * The swap, in the caller's transaction: void the reserved stock (OVERRIDE), reserve the proposed one, publish
     * {@link AllocationOverridden}. The reservation's own re-check refuses when the proposed stock was taken
     * meanwhile (INSUFFICIENT_UNRESERVED_STOCK), and the whole transaction rolls back.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public AllocationOverrideView apply(long id, Actor actor) {
        AllocationOverrideView o = lockedGet(id);
        if (o.state() == AllocationOverrideView.State.APPLIED) {
            return o;
        }
        boolean atOnce = NONE.equals(o.approvalGroup()) && o.state() == AllocationOverrideView.State.REQUESTED;
        if (!atOnce && o.state() != AllocationOverrideView.State.APPROVED) {
            throw DomainException.conflict(
                    "OVERRIDE_NOT_APPROVED",
                    "Override " + id + " is " + o.state() + "; only an approved override is applied.",
                    Map.of("overrideId", id, "state", o.state().name()));
        }
        Reservation old = reservations.get(o.reservationId());
        reservations.voidPending(List.of(old.id()), VoidReason.OVERRIDE, actor);
        String explanation = "OVERRIDE #" + id + " " + o.deviation() + " " + o.reasonCode() + " (instead of lot "
                + o.reserved().lotLabel() + " at " + o.reserved().location() + ")";
        Reservation fresh = reservations.reserve(
                new Reservations.ReserveRequest(
                        old.demand(),
                        o.proposed().lotId(),
                        o.proposed().locationId(),
                        old.quantity(),
                        explanation.length() > 500 ? explanation.substring(0, 500) : explanation),
                actor,
                "allocation-override-" + id);
        jdbc.update(
                "update allocation_override set state = 'APPLIED', new_reservation_id = ?, applied_at = clock_timestamp()"
                        + " where id = ?",
                fresh.id(),
                id);
        events.publishEvent(new AllocationOverridden(id, o.orderId(), o.lineId(), old.id(), fresh.id()));
        return get(id);
    }

    /** Notes the approval process's instance on the record. */
    public void started(long id, String processInstanceId) {
        jdbc.update("update allocation_override set process_instance_id = ? where id = ?", processInstanceId, id);
    }

    /** The requester, as the decision records say (not a process variable). */
    public String requester(long id) {
        return decisions.forSubject(SUBJECT_TYPE, Long.toString(id)).stream()
                .filter(d -> REQUESTED.equals(d.decision()))
                .map(DecisionRecords.SubjectDecision::decidedBy)
                .findFirst()
                .orElseThrow(() -> DomainException.conflict(
                        "OVERRIDE_REQUEST_NOT_RECORDED",
                        "Override " + id + " has no recorded request.",
                        Map.of("overrideId", id)));
    }

    public AllocationOverrideView get(long id) {
        List<AllocationOverrideView> found = jdbc.query(SELECT + " where o.id = ?", this::map, id);
        if (found.isEmpty()) {
            throw DomainException.notFound(
                    "UNKNOWN_ALLOCATION_OVERRIDE",
                    "Allocation override " + id + " does not exist.",
                    Map.of("overrideId", id));
        }
        return found.get(0);
    }

    /** Newest first; by order and state when given. */
    public List<AllocationOverrideView> list(Long orderId, AllocationOverrideView.State state, int limit, int offset) {
        return jdbc.query(
                SELECT + " where (?::bigint is null or o.sales_order_id = ?) and (?::varchar is null or o.state = ?)"
                        + " order by o.id desc limit ? offset ?",
                this::map,
                orderId,
                orderId,
                state == null ? null : state.name(),
                state == null ? null : state.name(),
                limit,
                offset);
    }

    /** The order's warehouse and customer, for the task and the form. */
    public Map<String, Object> context(long id) {
        return jdbc.queryForMap("""
                select so.order_number, w.code as warehouse, c.code as customer_code, c.name as customer_name,
                       i.sku, i.base_uom
                  from allocation_override o join sales_order so on so.id = o.sales_order_id
                  join warehouse w on w.id = so.warehouse_id join customer c on c.id = so.customer_id
                  join sales_order_line l on l.id = o.sales_order_line_id join item i on i.id = l.item_id
                 where o.id = ?""", id);
    }

    private AllocationOverrideView lockedGet(long id) {
        jdbc.query("select id from allocation_override where id = ? for update", (rs, i) -> rs.getLong(1), id);
        return get(id);
    }

    private static final String SELECT = """
            select o.*, so.order_number,
                   rl.internal_label as r_label, rl.lot_number as r_number, rl.expires_on as r_expiry, rloc.code as r_loc,
                   pl.internal_label as p_label, pl.lot_number as p_number, pl.expires_on as p_expiry, ploc.code as p_loc
              from allocation_override o
              join sales_order so on so.id = o.sales_order_id
              join lot rl on rl.id = o.reserved_lot_id join location rloc on rloc.id = o.reserved_location_id
              join lot pl on pl.id = o.proposed_lot_id join location ploc on ploc.id = o.proposed_location_id""";

    private AllocationOverrideView map(ResultSet rs, int i) throws SQLException {
        return new AllocationOverrideView(
                rs.getLong("id"),
                rs.getLong("sales_order_id"),
                rs.getString("order_number"),
                rs.getLong("sales_order_line_id"),
                rs.getLong("reservation_id"),
                new AllocationOverrideView.Stock(
                        rs.getLong("reserved_lot_id"),
                        rs.getString("r_label"),
                        rs.getString("r_number"),
                        rs.getString("r_expiry"),
                        rs.getLong("reserved_location_id"),
                        rs.getString("r_loc")),
                new AllocationOverrideView.Stock(
                        rs.getLong("proposed_lot_id"),
                        rs.getString("p_label"),
                        rs.getString("p_number"),
                        rs.getString("p_expiry"),
                        rs.getLong("proposed_location_id"),
                        rs.getString("p_loc")),
                rs.getBigDecimal("quantity").longValueExact(),
                Deviation.valueOf(rs.getString("deviation")),
                rs.getInt("days_short"),
                rs.getString("reason_code"),
                rs.getString("note"),
                rs.getString("approval_group"),
                AllocationOverrideView.State.valueOf(rs.getString("state")),
                rs.getString("requested_by"),
                instant(rs, "requested_at"),
                rs.getString("decided_by"),
                instant(rs, "decided_at"),
                rs.getString("decision_comment"),
                (Long) rs.getObject("new_reservation_id"),
                instant(rs, "applied_at"),
                rs.getString("process_instance_id"));
    }

    private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private Line line(Reservation r) {
        List<Line> found = jdbc.query(
                """
                select so.id, so.order_number, w.code, c.code, c.customer_type, c.min_remaining_shelf_life_days,
                       l.id, i.id, i.sku, i.risk_class, i.min_remaining_shelf_life_days, l.min_remaining_shelf_life_days,
                       w.time_zone
                  from sales_order so join sales_order_line l on l.sales_order_id = so.id
                  join warehouse w on w.id = so.warehouse_id join customer c on c.id = so.customer_id
                  join item i on i.id = l.item_id
                 where so.id::text = ? and l.id::text = ?""",
                (rs, i) -> new Line(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6),
                        rs.getLong(7),
                        rs.getLong(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getInt(11),
                        (Integer) rs.getObject(12),
                        rs.getString(13)),
                r.demand().reference(),
                r.demand().line());
        if (found.isEmpty()) {
            throw DomainException.notFound(
                    "UNKNOWN_SALES_ORDER_LINE",
                    "Reservation " + r.id() + " names no sales order line (" + r.demand() + ").",
                    Map.of("reservationId", r.id()));
        }
        return found.get(0);
    }

    private long resolveLot(String given, long itemId) {
        List<Long> found = new ArrayList<>();
        if (given.matches("[0-9]{1,18}")) {
            found.addAll(jdbc.queryForList("select id from lot where id = ?", Long.class, Long.parseLong(given)));
        }
        if (found.isEmpty()) {
            found.addAll(jdbc.queryForList("select id from lot where internal_label = ?", Long.class, given));
        }
        if (found.isEmpty()) {
            found.addAll(jdbc.queryForList(
                    "select id from lot where item_id = ? and upper(lot_number) = upper(?) order by id",
                    Long.class,
                    itemId,
                    given));
        }
        if (found.isEmpty()) {
            throw DomainException.notFound(
                    "UNKNOWN_LOT", "No lot '" + given + "' (id, internal label or lot number).", Map.of("lot", given));
        }
        if (found.size() > 1) {
            throw DomainException.unprocessable(
                    "AMBIGUOUS_LOT",
                    "Lot number '" + given + "' names " + found.size() + " lots (of several suppliers); give the"
                            + " internal label.",
                    Map.of("lot", given, "lotIds", found));
        }
        return found.get(0);
    }

    private Map<String, Object> location(String given) {
        List<Map<String, Object>> found = jdbc.queryForList("""
                select l.id, l.code, l.kind, w.code as warehouse, z.zone_type
                  from location l left join warehouse w on w.id = l.warehouse_id left join zone z on z.id = l.zone_id
                 where l.code = ? or l.barcode = ? order by (l.code = ?) desc limit 1""", given, given, given);
        if (found.isEmpty()) {
            throw DomainException.notFound(
                    "UNKNOWN_LOCATION", "No location '" + given + "' (code or barcode).", Map.of("location", given));
        }
        return found.get(0);
    }

    private Map<String, Object> lot(long lotId) {
        return jdbc.queryForMap(
                "select id, item_id, internal_label, lot_number, expires_on from lot where id = ?", lotId);
    }

    private static LocalDate date(Object v) {
        return v == null ? null : ((java.sql.Date) v).toLocalDate();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
