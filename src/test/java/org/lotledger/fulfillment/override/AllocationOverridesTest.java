package org.lotledger.fulfillment.override;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.fulfillment.AllocationOverridden;
import org.lotledger.fulfillment.SalesOrderDraft;
import org.lotledger.fulfillment.SalesOrderView;
import org.lotledger.fulfillment.SalesOrdering;
import org.lotledger.fulfillment.override.process.AllocationOverrideProcess;
import org.lotledger.fulfillment.override.process.DecidingOverrides;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.LedgerFixtures;
import org.lotledger.ledger.Reservation;
import org.lotledger.ledger.Reservations;
import org.lotledger.ledger.StockStatus;
import org.lotledger.ledger.VoidReason;
import org.lotledger.quality.HoldReason;
import org.lotledger.quality.HoldScope;
import org.lotledger.quality.PlacingHold;
import org.lotledger.support.ApiClient;
import org.lotledger.support.HttpReply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Allocation overrides on PostgreSQL with the real process: what is never overridable is refused (naming the rule)
 * and writes nothing; an override the table lets through swaps at once; one it sends to a group opens "Approve
 * allocation override", which the requester may not approve (API, engine), another member approves (the swap) or
 * rejects (nothing changes). The reserved state is made here: a sales order, stock in storage, a reservation.
 */
@IntegrationTest
@RecordApplicationEvents
class AllocationOverridesTest {

    static final Actor OTTO = new Actor("otto", Set.of("operations"));

    @Autowired
    AllocationOverrides overrides;

    @Autowired
    DecidingOverrides deciding;

    @Autowired
    Reservations reservations;

    @Autowired
    SalesOrdering ordering;

    @Autowired
    Ledger ledger;

    @Autowired
    PlacingHold placing;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identity;

    @Autowired
    ApplicationEvents events;

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    LedgerFixtures f;
    long reservedLot;
    SalesOrderView order;
    Reservation reservation;

    @BeforeEach
    void reserved() {
        f = new LedgerFixtures(jdbc);
        String customer = "CUS-" + f.tag;
        jdbc.update(
                "insert into customer (code, name, customer_type, min_remaining_shelf_life_days)"
                        + " values (?, ?, 'CLINIC', 100)",
                customer,
                "Clinic " + f.tag);
        jdbc.update("update item set min_remaining_shelf_life_days = 30 where id = ?", f.itemId);
        reservedLot = lot(200);
        f.stock(ledger, reservedLot, "A1", StockStatus.AVAILABLE, 50);
        order = ordering.place(
                new SalesOrderDraft(
                        "TEST",
                        "SO-" + f.tag,
                        customer,
                        f.tag,
                        LocalDate.now().plusDays(3),
                        null,
                        List.of(new SalesOrderDraft.Line(
                                "SKU-" + f.tag, null, BigDecimal.TEN, "EA", BigDecimal.ONE, "USD", null, null))),
                "erp");
        long lineId = order.lines().get(0).id();
        reservation = reservations.reserve(
                new Reservations.ReserveRequest(
                        new Reservation.Demand("SALES_ORDER", String.valueOf(order.id()), String.valueOf(lineId)),
                        reservedLot,
                        f.location("A1"),
                        10,
                        "ALLOC-050"),
                OTTO,
                f.key());
    }

    /** A lot of the fixture's item expiring in {@code days}. */
    long lot(int days) {
        long lot = f.newLot();
        f.expiresIn(lot, days);
        return lot;
    }

    AllocationOverrideView ask(long lot, String location, String reason, Actor who) {
        return overrides.request(
                new AllocationOverrideRequest(reservation.id(), f.labelOf(lot), f.barcode(location), reason, "test"),
                who);
    }

    static String code(Throwable e) {
        return ((DomainException) e).code();
    }

    static Object rule(Throwable e) {
        return ((DomainException) e).details().get("rule");
    }

    long overridesOfOrder() {
        return jdbc.queryForObject(
                "select count(*) from allocation_override where sales_order_id = ?", Long.class, order.id());
    }

    Task approvalTask(long id) {
        return tasks.createTaskQuery()
                .processInstanceBusinessKey(AllocationOverrideProcess.businessKey(id))
                .singleResult();
    }

    BigDecimal allocated() {
        return jdbc.queryForObject(
                "select allocated_base_quantity from sales_order_line where id = ?",
                BigDecimal.class,
                order.lines().get(0).id());
    }

    @Test
    void another_lot_of_the_same_expiry_swaps_at_once_and_the_line_keeps_its_allocation() {
        long same = f.newLot();
        jdbc.update(
                "update lot set expires_on = (select expires_on from lot where id = ?) where id = ?",
                reservedLot,
                same);
        f.stock(ledger, same, "A2", StockStatus.AVAILABLE, 10);
        BigDecimal allocatedBefore = allocated();

        AllocationOverrideView o = ask(same, "A2", "LOT_NOT_ACCESSIBLE", OTTO);

        assertThat(o.deviation()).isEqualTo(Deviation.SAME_EXPIRY_OTHER_LOT);
        assertThat(o.approvalGroup()).isEqualTo("NONE");
        assertThat(o.state()).isEqualTo(AllocationOverrideView.State.APPLIED);
        Reservation old = reservations.get(reservation.id());
        assertThat(old.state()).isEqualTo(Reservation.State.VOIDED);
        assertThat(old.voidReason()).isEqualTo(VoidReason.OVERRIDE);
        Reservation fresh = reservations.get(o.newReservationId());
        assertThat(fresh.state()).isEqualTo(Reservation.State.PENDING);
        assertThat(fresh.lotId()).isEqualTo(same);
        assertThat(fresh.quantity()).isEqualTo(10);
        assertThat(fresh.demand()).isEqualTo(old.demand());
        assertThat(fresh.explanation()).startsWith("OVERRIDE #" + o.id());
        assertThat(events.stream(AllocationOverridden.class))
                .contains(new AllocationOverridden(
                        o.id(), order.id(), order.lines().get(0).id(), reservation.id(), fresh.id()));
        assertThat(allocated()).isEqualByComparingTo(allocatedBefore);
        assertThat(approvalTask(o.id())).isNull();
        assertThat(overrides.list(order.id(), AllocationOverrideView.State.APPLIED, 10, 0))
                .extracting(AllocationOverrideView::id)
                .containsExactly(o.id());
        assertThatThrownBy(() -> ask(same, "A1", "LOT_NOT_ACCESSIBLE", OTTO))
                .satisfies(e -> assertThat(code(e)).isEqualTo("RESERVATION_NOT_PENDING"));
    }

    @Test
    void expired_held_other_warehouse_and_below_item_minimum_stock_is_refused_naming_the_rule() {
        long expired = lot(10);
        f.stock(ledger, expired, "A2", StockStatus.AVAILABLE, 10);
        f.expiresIn(expired, -1);
        assertThatThrownBy(() -> ask(expired, "A2", "LOT_NOT_ACCESSIBLE", OTTO))
                .satisfies(e -> assertThat(code(e)).isEqualTo("OVERRIDE_NOT_ALLOWED"))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("ALLOC-020"));

        // HOLD stock exists only under a hold (the next case); QUARANTINE stands for the statuses never allocated
        long quarantined = lot(300);
        f.stock(ledger, quarantined, "Q1", StockStatus.QUARANTINE, 10);
        assertThatThrownBy(() -> ask(quarantined, "Q1", "LOT_NOT_ACCESSIBLE", OTTO))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("ALLOC-010"))
                .hasMessageContaining("QUARANTINE");

        long underHold = lot(300);
        f.stock(ledger, underHold, "A3", StockStatus.AVAILABLE, 10);
        placing.place(
                new PlacingHold.HoldRequest(HoldScope.LOT, underHold, null, HoldReason.INVESTIGATION, null),
                LedgerFixtures.QUALITY,
                f.key());
        assertThatThrownBy(() -> ask(underHold, "A3", "LOT_NOT_ACCESSIBLE", OTTO))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("ALLOC-040"));
        assertThat(jdbc.queryForObject(
                        "select quantity from stock_balance where lot_id = ? and status = 'HOLD'",
                        Long.class,
                        underHold))
                .as("the hold moved the stock to HOLD")
                .isEqualTo(10L);

        long shortDated = lot(20);
        f.stock(ledger, shortDated, "A2", StockStatus.AVAILABLE, 10);
        assertThatThrownBy(() -> ask(shortDated, "A2", "CUSTOMER_REQUEST", OTTO))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("ALLOC-030"));

        LedgerFixtures other = new LedgerFixtures(jdbc);
        assertThatThrownBy(() -> overrides.request(
                        new AllocationOverrideRequest(
                                reservation.id(),
                                f.labelOf(reservedLot),
                                other.barcode("A1"),
                                "LOT_NOT_ACCESSIBLE",
                                null),
                        OTTO))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("ALLOC-010"))
                .hasMessageContaining("warehouse " + other.tag);

        long thin = lot(300);
        f.stock(ledger, thin, "A2", StockStatus.AVAILABLE, 5);
        assertThatThrownBy(() -> ask(thin, "A2", "LOT_NOT_ACCESSIBLE", OTTO))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("OVR-QUANTITY"));

        assertThat(overridesOfOrder()).isZero();
        assertThat(reservations.get(reservation.id()).state()).isEqualTo(Reservation.State.PENDING);
    }

    @Test
    void warehouse_staff_of_another_warehouse_may_not_ask() {
        long later = lot(300);
        f.stock(ledger, later, "A2", StockStatus.AVAILABLE, 10);
        Actor wes = new Actor("wes", Set.of("warehouse", "warehouse@WEST"));
        assertThatThrownBy(() -> ask(later, "A2", "LOT_NOT_ACCESSIBLE", wes))
                .satisfies(e -> assertThat(code(e)).isEqualTo("NOT_WAREHOUSE_STAFF"));
        Actor staff = new Actor("walt", Set.of("warehouse", "warehouse@" + f.tag));
        assertThat(ask(later, "A2", "LOT_NOT_ACCESSIBLE", staff).state())
                .isEqualTo(AllocationOverrideView.State.REQUESTED);
    }

    @Test
    void below_the_customer_minimum_goes_to_operations_with_a_task_named_for_order_and_lots() {
        long shorter = lot(80); // the item needs 30 days, the customer 100: 20 short
        f.stock(ledger, shorter, "A2", StockStatus.AVAILABLE, 10);
        Actor walt = new Actor("walt", Set.of("warehouse", "warehouse@" + f.tag));
        AllocationOverrideView o = ask(shorter, "A2", "CUSTOMER_REQUEST", walt);
        assertThat(o.deviation()).isEqualTo(Deviation.BELOW_CUSTOMER_MINIMUM);
        assertThat(o.daysShort()).isEqualTo(20);
        assertThat(o.approvalGroup()).isEqualTo("operations");
        assertThat(o.state()).isEqualTo(AllocationOverrideView.State.REQUESTED);
        Task task = approvalTask(o.id());
        assertThat(task.getName())
                .isEqualTo("Approve override · order SO-" + f.tag + " · lot "
                        + o.reserved().lotNumber() + " → " + o.proposed().lotNumber());
        assertThat(tasks.getIdentityLinksForTask(task.getId()))
                .extracting(l -> l.getGroupId())
                .contains("operations");
        assertThat(task.getDueDate()).isNotNull();
        assertThat(tasks.getVariables(task.getId()))
                .containsEntry("customerName", "Clinic " + f.tag)
                .containsEntry("proposedExpiry", o.proposed().expiresOn())
                .containsEntry("reservedExpiry", o.reserved().expiresOn())
                .containsEntry("reasonCode", "CUSTOMER_REQUEST")
                .containsEntry("requestedBy", "walt");
        assertThatThrownBy(() -> ask(shorter, "A2", "CUSTOMER_REQUEST", walt))
                .satisfies(e -> assertThat(code(e)).isEqualTo("OVERRIDE_ALREADY_REQUESTED"));
    }

    @Test
    void the_requester_may_not_approve_through_the_api_or_the_engine_and_another_member_approves_and_swaps() {
        long later = lot(300);
        f.stock(ledger, later, "A2", StockStatus.AVAILABLE, 10);
        AllocationOverrideView o = ask(later, "A2", "LOT_NOT_ACCESSIBLE", OTTO);
        assertThat(o.deviation()).isEqualTo(Deviation.LATER_EXPIRY);
        assertThat(o.approvalGroup()).isEqualTo("operations");

        // the API, over HTTP, as otto: the same listener refuses
        HttpReply api = ApiClient.as(port, json, "otto")
                .post("/api/allocation-overrides/" + o.id() + "/decision", Map.of("decision", "APPROVE"));
        assertThat(api.status()).as(api.text()).isEqualTo(403);
        assertThat(api.text()).contains("SAME_APPROVER");

        // what /engine-rest/task/{id}/complete and Tasklist do: complete as the signed-in user
        Task task = approvalTask(o.id());
        identity.setAuthentication("otto", new ArrayList<>(List.of("operations")));
        try {
            assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("overrideDecision", "APPROVE")))
                    .hasMessageContaining("someone else approves it");
        } finally {
            identity.clearAuthentication();
        }
        // nor a quality manager for an operations override
        assertThatThrownBy(() -> deciding.decide(o.id(), true, null, new Actor("maria", Set.of("quality-managers"))))
                .satisfies(e -> assertThat(code(e)).isIn("APPROVER_NOT_IN_GROUP", "TASK_NOT_ALLOWED"));
        assertThat(overrides.get(o.id()).state()).isEqualTo(AllocationOverrideView.State.REQUESTED);
        assertThat(reservations.get(reservation.id()).state()).isEqualTo(Reservation.State.PENDING);

        String opal = operationsUser();
        AllocationOverrideView approved = deciding.decide(o.id(), true, "fine", new Actor(opal, Set.of("operations")));
        assertThat(approved.state()).isEqualTo(AllocationOverrideView.State.APPLIED);
        assertThat(approved.decidedBy()).isEqualTo(opal);
        assertThat(approved.decidedAt()).isNotNull();
        assertThat(reservations.get(reservation.id()).voidReason()).isEqualTo(VoidReason.OVERRIDE);
        assertThat(reservations.get(approved.newReservationId()).lotId()).isEqualTo(later);
        assertThat(approvalTask(o.id())).isNull();
        assertThat(jdbc.queryForList(
                        "select decision from decision_record where subject_type = 'ALLOCATION_OVERRIDE'"
                                + " and subject_id = ? order by id",
                        String.class,
                        String.valueOf(o.id())))
                .containsExactly("REQUESTED", "APPROVED");
    }

    @Test
    void the_requester_may_not_approve_in_tasklist_nor_through_engine_rest() {
        long later = lot(300);
        f.stock(ledger, later, "A2", StockStatus.AVAILABLE, 10);
        AllocationOverrideView o = ask(later, "A2", "LOT_NOT_ACCESSIBLE", OTTO);
        Task task = approvalTask(o.id());
        org.lotledger.support.TasklistSession tasklist =
                org.lotledger.support.TasklistSession.loginAsDemo(port, json, "otto");
        HttpReply own = tasklist.submitForm(task.getId(), Map.of("overrideDecision", "APPROVE"));
        assertThat(own.status()).as(own.text()).isEqualTo(403);
        assertThat(own.text()).contains("SAME_APPROVER");

        // /engine-rest is for admin and integration: an override admin asked for (as operations) admin may not approve
        long other = lot(400);
        f.stock(ledger, other, "A3", StockStatus.AVAILABLE, 10);
        deciding.decide(o.id(), false, "another lot instead", new Actor(operationsUser(), Set.of("operations")));
        AllocationOverrideView byAdmin = overrides.request(
                new AllocationOverrideRequest(
                        reservation.id(), f.labelOf(other), f.barcode("A3"), "LOT_NOT_ACCESSIBLE", null),
                new Actor("admin", Set.of("operations", "admin")));
        Task adminTask = approvalTask(byAdmin.id());
        HttpReply rest = ApiClient.as(port, json, "admin")
                .post(
                        "/engine-rest/task/" + adminTask.getId() + "/complete",
                        Map.of("variables", Map.of("overrideDecision", Map.of("value", "APPROVE", "type", "String"))));
        assertThat(rest.status()).as(rest.text()).isBetween(400, 499);
        assertThat(rest.text()).contains("SAME_APPROVER");
        assertThat(approvalTask(byAdmin.id())).as("the task stays open").isNotNull();
        assertThat(overrides.get(byAdmin.id()).state()).isEqualTo(AllocationOverrideView.State.REQUESTED);
    }

    @Test
    void a_rejection_needs_a_reason_and_leaves_the_reservation() {
        long later = lot(300);
        f.stock(ledger, later, "A2", StockStatus.AVAILABLE, 10);
        AllocationOverrideView o = ask(later, "A2", "EXPIRY_MATCH", OTTO);
        Actor opal = new Actor(operationsUser(), Set.of("operations"));
        assertThatThrownBy(() -> deciding.decide(o.id(), false, " ", opal))
                .satisfies(e -> assertThat(code(e)).isEqualTo("REJECTION_REASON_REQUIRED"));
        AllocationOverrideView rejected = deciding.decide(o.id(), false, "keep FEFO", opal);
        assertThat(rejected.state()).isEqualTo(AllocationOverrideView.State.REJECTED);
        assertThat(rejected.decisionComment()).isEqualTo("keep FEFO");
        assertThat(reservations.get(reservation.id()).state()).isEqualTo(Reservation.State.PENDING);
        assertThat(approvalTask(o.id())).isNull();
        assertThatThrownBy(() -> deciding.decide(o.id(), true, null, opal))
                .satisfies(e -> assertThat(code(e)).isEqualTo("OVERRIDE_NOT_AWAITING_APPROVAL"));
    }

    /** A second operations user besides otto (the demo has one), in Camunda's identity. */
    String operationsUser() {
        String id = "opal" + f.tag.toLowerCase();
        if (identity.createUserQuery().userId(id).count() == 0) {
            var u = identity.newUser(id);
            u.setPassword(id + "-pw-1");
            identity.saveUser(u);
            identity.createMembership(id, "operations");
        }
        return id;
    }
}
