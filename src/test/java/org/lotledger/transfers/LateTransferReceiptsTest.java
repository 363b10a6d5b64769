package org.lotledger.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.Ledger;
import org.lotledger.platform.camunda.TasksAsActor;
import org.lotledger.support.HttpReply;
import org.lotledger.transfers.process.InterWarehouseTransferProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Late receipts through the API and the process: a transfer closed short, resolved "still coming", takes further
 * scans and a further close (a later receipt round, measured against what was still in transit when it began); the
 * process correlates each close as the next TransferReceiptClosed, and the order ends CLOSED once everything arrived.
 * The OVER the origin confirms and the WRONG_LOT corrected: supplementary postings at the origin, each by the group
 * that may post it, then received by a later round.
 */
@IntegrationTest
class LateTransferReceiptsTest {

    static final String AMB_1 = "WEST-AMB-01-01";
    static final String AMB_2 = "WEST-AMB-01-02";

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TasksAsActor asActor;

    @Autowired
    InterWarehouseTransferProcess process;

    @Autowired
    TransferDiscrepancies discrepancies;

    @Autowired
    IdentityService identity;

    @Autowired
    ResolvingTransferDiscrepancies resolving;

    Task followUpTask(long id) {
        return tasks.createTaskQuery()
                .processInstanceBusinessKey(InterWarehouseTransferProcess.businessKey(id))
                .taskDefinitionKey(InterWarehouseTransferProcess.FOLLOW_UP_TASK)
                .singleResult();
    }

    void complete(String user, Task task, Map<String, Object> variables) {
        asActor.complete(process.actor(user), task, variables, false, "the transfer", Map.of());
    }

    static String code(Throwable t) {
        return ((DomainException) t).code();
    }

    List<String> groupsOf(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .map(l -> l.getGroupId())
                .toList();
    }

    /** Legs of a posting: type, reason, actor, lot, location, status, quantity. */
    List<org.assertj.core.groups.Tuple> legs(long postingId) {
        return jdbc.queryForList("""
                        select p.posting_type, p.reason_code, p.actor, g.lot_id, g.location_id, g.status, g.quantity
                          from posting p join posting_leg g on g.posting_id = p.id
                         where p.id = ? order by g.quantity""", postingId).stream()
                .map(r -> tuple(
                        r.get("posting_type"),
                        r.get("reason_code"),
                        r.get("actor"),
                        ((Number) r.get("lot_id")).longValue(),
                        ((Number) r.get("location_id")).longValue(),
                        r.get("status"),
                        ((BigDecimal) r.get("quantity")).longValueExact()))
                .toList();
    }

    List<Long> postedBy(long discrepancyId) {
        return context(discrepancyId).stream()
                .filter(r -> r.step().equals(TransferResolutions.POSTED))
                .flatMap(r -> r.postingIds().stream())
                .toList();
    }

    @Autowired
    TransferResolutions resolutions;

    List<TransferResolutions.Resolution> context(long discrepancyId) {
        return resolutions.of(discrepancyId);
    }

    String inventoryControlOfEast(String tag) {
        String id = "iceast" + tag.toLowerCase().replaceAll("[^a-z0-9]", "");
        if (identity.createUserQuery().userId(id).count() == 0) {
            User u = identity.newUser(id);
            u.setFirstName("Ian");
            u.setLastName("East");
            u.setPassword(id + "-pass");
            identity.saveUser(u);
            identity.createMembership(id, "inventory-control");
            identity.createMembership(id, "inventory-control@EAST");
        }
        return id;
    }

    long shelf(TransferFixture fx, String code) {
        return jdbc.queryForObject("select id from location where barcode = ?", Long.class, fx.f.barcode(code));
    }

    String status(long id) {
        return jdbc.queryForObject("select status from transfer_order where id = ?", String.class, id);
    }

    long instances(long id) {
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(InterWarehouseTransferProcess.businessKey(id))
                .count();
    }

    Task resolveTask(long id) {
        return tasks.createTaskQuery()
                .processInstanceBusinessKey(InterWarehouseTransferProcess.businessKey(id))
                .taskDefinitionKey(InterWarehouseTransferProcess.RESOLVE_TASK)
                .singleResult();
    }

    void stillComing(long id) {
        Instant deadline = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        asActor.complete(
                process.actor("sam"),
                resolveTask(id),
                Map.of("resolutionOutcome", "STILL_COMING", "resolutionDeadline", deadline.toString()),
                false,
                "the transfer",
                Map.of());
    }

    /** A transfer order of 10 dispatched from EAST by the fixture, and where its receipts are posted. */
    record Dispatched(TransferFixture fx, long id, String number, String path) {

        /** rita scans {@code qty} EA of a lot in GOOD condition at a location. */
        HttpReply scan(long lot, long qty, String location) {
            return fx.rita.post(path, TransferReceiptsApiTest.scan(fx.f.label(lot), qty, "EA", location, "GOOD"));
        }

        /** {@link #scan}, which must be received (201). */
        HttpReply received(long lot, long qty, String location) {
            HttpReply r = scan(lot, qty, location);
            assertThat(r.status()).as(r.text()).isEqualTo(201);
            return r;
        }

        HttpReply close() {
            return fx.rita.post(path + "/close", null);
        }

        /** {@link #close}, which must close the round (200). */
        HttpReply closed() {
            HttpReply r = close();
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            return r;
        }
    }

    Dispatched dispatchedTen(long lotA, long lotB) {
        TransferFixture fx = new TransferFixture(jdbc, ledger, json, port, lotA, lotB);
        JsonNode t = fx.dispatched(fx.order(fx.bySku(10)), null);
        long id = t.get("id").asLong();
        return new Dispatched(fx, id, t.get("orderNumber").asText(), "/api/transfer-orders/" + id + "/receipts");
    }

    List<org.assertj.core.groups.Tuple> discrepanciesOf(long id) {
        return discrepancies.ofTransfer(id).stream()
                .map(d -> tuple(
                        d.type(),
                        d.expectedQuantity().longValueExact(),
                        d.actualQuantity().longValueExact(),
                        d.quantity().longValueExact()))
                .toList();
    }

    @Test
    void a_short_still_coming_arrives_in_later_rounds_and_the_order_closes() {
        Dispatched d = dispatchedTen(10, 0);
        TransferFixture fx = d.fx();
        long id = d.id();
        String number = d.number();
        String path = d.path();

        // round 1: 6 of 10 arrive; the close finds SHORT 4
        d.received(fx.lotA, 6, AMB_1);
        HttpReply close1 = d.closed();
        assertThat(close1.body().get("stillInTransit").asBoolean()).isTrue();
        assertThat(discrepanciesOf(id)).containsExactly(tuple(DiscrepancyType.SHORT, 10L, 6L, 4L));

        // round 2 opens with a late scan while the SHORT is still undecided; its close waits for the decision
        HttpReply late = d.received(fx.lotA, 3, AMB_2);
        assertThat(late.body().get("receivedQuantity").asLong()).isEqualTo(3);
        HttpReply early = d.close();
        assertThat(early.status() + " " + early.code()).isEqualTo("409 TRANSFER_DISCREPANCIES_OPEN");
        assertThat(discrepanciesOf(id)).hasSize(1);

        // sam: still coming; round 2's close measures 3 received against the 4 still in transit: SHORT 1
        stillComing(id);
        HttpReply close2 = d.closed();
        assertThat(close2.body().get("stillInTransit").asBoolean()).isTrue();
        assertThat(discrepanciesOf(id))
                .containsExactly(tuple(DiscrepancyType.SHORT, 10L, 6L, 4L), tuple(DiscrepancyType.SHORT, 4L, 3L, 1L));
        HttpReply empty = d.close();
        assertThat(empty.status() + " " + empty.code())
                .as("nothing scanned since the close")
                .isEqualTo("409 TRANSFER_RECEIPT_CLOSED");

        // still coming again; the last unit arrives in round 3, whose close finds nothing: the order CLOSED
        stillComing(id);
        d.received(fx.lotA, 1, AMB_2);
        HttpReply close3 = d.closed();
        assertThat(close3.body().get("stillInTransit").asBoolean()).isFalse();
        assertThat(discrepanciesOf(id)).hasSize(2);
        assertThat(jdbc.queryForObject("select status from transfer_order where id = ?", String.class, id))
                .isEqualTo("CLOSED");
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(InterWarehouseTransferProcess.businessKey(id))
                        .count())
                .isZero();

        // the receipt's view names each scan's round
        HttpReply view = fx.rita.get(path);
        assertThat(view.status()).as(view.text()).isEqualTo(200);
        List<String> rounds = new java.util.ArrayList<>();
        view.body()
                .get("scans")
                .forEach(sc -> rounds.add(
                        sc.get("round").asInt() + ":" + sc.get("quantity").asLong()));
        assertThat(rounds).containsExactly("1:6", "2:3", "3:1");

        // nothing in transit any more: no scan and no close after the last round
        HttpReply after = d.scan(fx.lotA, 1, AMB_2);
        assertThat(after.status() + " " + after.code()).isEqualTo("409 TRANSFER_RECEIPT_CLOSED");
        assertThat(fx.balance(fx.lotA, fx.inTransit)).isZero();
        assertThat(jdbc.queryForList("""
                        select g.location_id, g.status, g.quantity from posting p join posting_leg g on g.posting_id = p.id
                         where p.posting_type = 'TRANSFER_IN' and p.reference_type = 'TRANSFER_ORDER'
                           and p.reference_id = ? and g.quantity > 0 order by p.id""", number).stream()
                        .map(r -> tuple(
                                ((Number) r.get("location_id")).longValue(),
                                r.get("status"),
                                ((BigDecimal) r.get("quantity")).longValueExact()))
                        .toList())
                .containsExactly(
                        tuple(location(AMB_1), "AVAILABLE", 6L),
                        tuple(location(AMB_2), "AVAILABLE", 3L),
                        tuple(location(AMB_2), "AVAILABLE", 1L));
        assertThat(fx.otto.get(path).body().get("scans")).hasSize(3);
    }

    long location(String barcode) {
        return jdbc.queryForObject("select id from location where barcode = ?", Long.class, barcode);
    }

    @Test
    void over_the_origin_confirms_is_a_transfer_out_by_the_origins_warehouse_staff_then_received() {
        Dispatched d = dispatchedTen(12, 0);
        TransferFixture fx = d.fx();
        long id = d.id();
        long s1 = shelf(fx, "S1");
        assertThat(fx.balance(fx.lotA, s1))
                .as("the origin's books still hold 2 on S1")
                .isEqualTo(2);

        // 12 arrive: 10 received, 2 set aside; the close finds OVER 2
        HttpReply twelve = d.received(fx.lotA, 12, AMB_1);
        assertThat(twelve.body().get("setAsideQuantity").asLong()).isEqualTo(2);
        d.closed();
        assertThat(discrepanciesOf(id)).containsExactly(tuple(DiscrepancyType.OVER, 10L, 12L, 2L));
        long over = discrepancies.ofTransfer(id).get(0).id();

        complete("sam", resolveTask(id), Map.of("resolutionOutcome", "ORIGIN_CONFIRMS"));
        Task followUp = followUpTask(id);
        assertThat(followUp.getName())
                .startsWith("Post transfer-out of 2 EA of lot A" + fx.f.tag + " sent over by EAST");
        assertThat(groupsOf(followUp)).containsExactly("warehouse@EAST");
        long before = fx.postings();
        for (String user : List.of("wes", "ivy", "otto")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> complete(user, followUp, Map.of("followUpConfirmed", true)))
                    .as(user)
                    .satisfies(e -> assertThat(code(e)).isEqualTo("TASK_NOT_ALLOWED"));
        }
        // the server's own checks, whoever reaches the task: the posting type's group, and the origin's staff
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> resolving.requirePoster(over, process.actor("ivy")))
                .satisfies(e -> assertThat(code(e)).isEqualTo("POSTING_TYPE_NOT_ALLOWED"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> resolving.requirePoster(over, process.actor("wes")))
                .satisfies(e -> assertThat(code(e)).isEqualTo("NOT_WAREHOUSE_STAFF"));
        assertThat(fx.postings()).isEqualTo(before);

        complete("walt", followUp, Map.of("followUpConfirmed", true));
        List<Long> posted = postedBy(over);
        assertThat(posted).hasSize(1);
        assertThat(legs(posted.get(0)))
                .containsExactly(
                        tuple("TRANSFER_OUT", "OVER_SHIPPED", "walt", fx.lotA, s1, "AVAILABLE", -2L),
                        tuple("TRANSFER_OUT", "OVER_SHIPPED", "walt", fx.lotA, fx.inTransit, "AVAILABLE", 2L));
        assertThat(jdbc.queryForObject("select reference_id from posting where id = ?", String.class, posted.get(0)))
                .isEqualTo(d.number());
        assertThat(status(id)).isNotEqualTo("CLOSED");

        // the set-aside units are received by a later round; its close finds nothing and the order closes
        HttpReply two = d.received(fx.lotA, 2, AMB_2);
        assertThat(two.body().get("receivedQuantity").asLong()).isEqualTo(2);
        d.closed();
        assertThat(discrepanciesOf(id)).hasSize(1);
        assertThat(fx.balance(fx.lotA, fx.inTransit)).isZero();
        assertThat(fx.balance(fx.lotA, location(AMB_1)) + fx.balance(fx.lotA, location(AMB_2)))
                .isEqualTo(12);
        assertThat(status(id)).isEqualTo("CLOSED");
        assertThat(instances(id)).isZero();
    }

    @Test
    void a_wrong_lot_is_reversed_by_the_origins_inventory_control_re_sent_by_its_warehouse_staff_and_received() {
        Dispatched d = dispatchedTen(10, 10);
        TransferFixture fx = d.fx();
        long id = d.id();
        long s2 = shelf(fx, "S2");
        assertThat(fx.balance(fx.lotA, fx.inTransit)).as("lot A left (FEFO)").isEqualTo(10);
        String ic = inventoryControlOfEast(fx.f.tag);

        // lot B arrives instead: not in transit, set aside; the close finds WRONG_LOT A → B
        HttpReply b = d.scan(fx.lotB, 10, AMB_1);
        assertThat(b.status() + " " + b.code()).isEqualTo("409 NOT_IN_TRANSIT");
        d.closed();
        assertThat(discrepanciesOf(id)).containsExactly(tuple(DiscrepancyType.WRONG_LOT, 10L, 0L, 10L));
        long wrong = discrepancies.ofTransfer(id).get(0).id();

        complete("sam", resolveTask(id), Map.of("resolutionOutcome", "WRONG_LOT_CORRECTED"));
        // 1: the reversal of lot A's transfer-out, by the origin's inventory control only
        Task reverse = followUpTask(id);
        assertThat(reverse.getName()).startsWith("Reverse transfer-out of lot A" + fx.f.tag + " at EAST (wrong lot");
        assertThat(groupsOf(reverse)).containsExactly("inventory-control@EAST");
        for (String user : List.of("walt", "ivy")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> complete(user, reverse, Map.of("followUpConfirmed", true)))
                    .as(user)
                    .satisfies(e -> assertThat(code(e)).isEqualTo("TASK_NOT_ALLOWED"));
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> resolving.requirePoster(wrong, process.actor("ivy")))
                .satisfies(e -> assertThat(code(e)).isEqualTo("NOT_WAREHOUSE_STAFF"));
        complete(ic, reverse, Map.of("followUpConfirmed", true));
        assertThat(fx.balance(fx.lotA, fx.inTransit)).isZero();

        // 2: the transfer-out of lot B from where EAST's books hold it, by EAST's warehouse staff only
        Task resend = followUpTask(id);
        assertThat(resend.getName()).startsWith("Post transfer-out of 10 EA of lot B" + fx.f.tag + " sent instead");
        assertThat(groupsOf(resend)).containsExactly("warehouse@EAST");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> complete(ic, resend, Map.of("followUpConfirmed", true)))
                .satisfies(e -> assertThat(code(e)).isEqualTo("TASK_NOT_ALLOWED"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> resolving.requirePoster(wrong, process.actor("wes")))
                .satisfies(e -> assertThat(code(e)).isEqualTo("NOT_WAREHOUSE_STAFF"));
        complete("walt", resend, Map.of("followUpConfirmed", true));
        List<Long> posted = postedBy(wrong);
        assertThat(posted).hasSize(2);
        assertThat(legs(posted.get(0)))
                .extracting(
                        r -> r.toList().get(0),
                        r -> r.toList().get(1),
                        r -> r.toList().get(2))
                .containsOnly(tuple("REVERSAL", "WRONG_LOT_SHIPPED", ic));
        assertThat(legs(posted.get(0))).extracting(r -> r.toList().get(3)).containsOnly(fx.lotA);
        assertThat(legs(posted.get(1)))
                .containsExactly(
                        tuple("TRANSFER_OUT", "WRONG_LOT_SHIPPED", "walt", fx.lotB, s2, "AVAILABLE", -10L),
                        tuple("TRANSFER_OUT", "WRONG_LOT_SHIPPED", "walt", fx.lotB, fx.inTransit, "AVAILABLE", 10L));
        assertThat(fx.balance(fx.lotB, fx.inTransit)).isEqualTo(10);
        assertThat(status(id)).isNotEqualTo("CLOSED");

        // lot B received by a later round: nothing found, the order closes
        d.received(fx.lotB, 10, AMB_1);
        d.closed();
        assertThat(discrepanciesOf(id)).hasSize(1);
        assertThat(fx.balance(fx.lotB, location(AMB_1))).isEqualTo(10);
        assertThat(status(id)).isEqualTo("CLOSED");
        assertThat(instances(id)).isZero();
        // lot identity restored by postings: A reads TRANSFER_OUT, REVERSAL; B reads TRANSFER_OUT, TRANSFER_IN
        String types = """
                select string_agg(distinct p.posting_type, ',' order by p.posting_type) from posting p
                 where p.id in (select posting_id from posting_leg where lot_id = ?)
                   and p.posting_type in ('TRANSFER_OUT', 'TRANSFER_IN', 'REVERSAL')""";
        assertThat(jdbc.queryForObject(types, String.class, fx.lotA)).isEqualTo("REVERSAL,TRANSFER_OUT");
        assertThat(jdbc.queryForObject(types, String.class, fx.lotB)).isEqualTo("TRANSFER_IN,TRANSFER_OUT");
    }

    /** Balances of a lot on shelves and in transit as (location, status, quantity), nonzero only. */
    List<org.assertj.core.groups.Tuple> balancesOf(long lot) {
        return jdbc
                .queryForList(
                        "select b.location_id, b.status, b.quantity from stock_balance b join location l on l.id = b.location_id"
                                + " where b.lot_id = ? and b.quantity <> 0 and l.kind in ('PHYSICAL', 'IN_TRANSIT')"
                                + " order by b.location_id, b.status",
                        lot)
                .stream()
                .map(r -> tuple(
                        ((Number) r.get("location_id")).longValue(),
                        r.get("status"),
                        ((BigDecimal) r.get("quantity")).longValueExact()))
                .toList();
    }

    @Test
    void a_partial_wrong_lot_reverses_the_part_not_received_re_sends_the_lot_sent_and_receives_it() {
        Dispatched d = dispatchedTen(10, 10);
        TransferFixture fx = d.fx();
        long id = d.id();
        String number = d.number();
        long s2 = shelf(fx, "S2");
        long amb1 = location(AMB_1);
        assertThat(fx.balance(fx.lotA, fx.inTransit)).as("lot A left (FEFO)").isEqualTo(10);
        String ic = inventoryControlOfEast(fx.f.tag);

        // 6 of lot A and 4 of lot B arrive: A received, B not in transit, set aside; the close finds WRONG_LOT 4
        d.received(fx.lotA, 6, AMB_1);
        HttpReply b = d.scan(fx.lotB, 4, AMB_1);
        assertThat(b.status() + " " + b.code()).isEqualTo("409 NOT_IN_TRANSIT");
        d.closed();
        assertThat(discrepanciesOf(id)).containsExactly(tuple(DiscrepancyType.WRONG_LOT, 10L, 6L, 4L));
        long wrong = discrepancies.ofTransfer(id).get(0).id();

        complete("sam", resolveTask(id), Map.of("resolutionOutcome", "WRONG_LOT_CORRECTED"));
        // 1: the 4 of lot A that did not arrive go back to EAST's books, by its inventory control only
        Task reverse = followUpTask(id);
        assertThat(reverse.getName())
                .isEqualTo(
                        "Reverse transfer-out of 4 EA of lot A" + fx.f.tag + " at EAST (wrong lot sent) · " + number);
        assertThat(groupsOf(reverse)).containsExactly("inventory-control@EAST");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> complete("walt", reverse, Map.of("followUpConfirmed", true)))
                .satisfies(e -> assertThat(code(e)).isEqualTo("TASK_NOT_ALLOWED"));
        complete(ic, reverse, Map.of("followUpConfirmed", true));

        // 2: the transfer-out of 4 of lot B from where EAST's books hold it, by EAST's warehouse staff only
        Task resend = followUpTask(id);
        assertThat(resend.getName())
                .isEqualTo("Post transfer-out of 4 EA of lot B" + fx.f.tag + " sent instead from EAST · " + number);
        assertThat(groupsOf(resend)).containsExactly("warehouse@EAST");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> complete(ic, resend, Map.of("followUpConfirmed", true)))
                .satisfies(e -> assertThat(code(e)).isEqualTo("TASK_NOT_ALLOWED"));
        complete("walt", resend, Map.of("followUpConfirmed", true));

        List<Long> posted = postedBy(wrong);
        assertThat(posted).hasSize(2);
        // the reversal takes 4 of lot A's transfer-out back to where it left from (the outbound staging the pick
        // moved it to)
        long outA =
                jdbc.queryForObject("select reverses_posting_id from posting where id = ?", Long.class, posted.get(0));
        long leftFrom = jdbc.queryForObject(
                "select location_id from posting_leg where posting_id = ? and quantity < 0", Long.class, outA);
        assertThat(legs(outA))
                .containsExactly(
                        tuple("TRANSFER_OUT", null, "walt", fx.lotA, leftFrom, "AVAILABLE", -10L),
                        tuple("TRANSFER_OUT", null, "walt", fx.lotA, fx.inTransit, "AVAILABLE", 10L));
        assertThat(legs(posted.get(0)))
                .containsExactly(
                        tuple("REVERSAL", "WRONG_LOT_SHIPPED", ic, fx.lotA, fx.inTransit, "AVAILABLE", -4L),
                        tuple("REVERSAL", "WRONG_LOT_SHIPPED", ic, fx.lotA, leftFrom, "AVAILABLE", 4L));
        assertThat(legs(posted.get(1)))
                .containsExactly(
                        tuple("TRANSFER_OUT", "WRONG_LOT_SHIPPED", "walt", fx.lotB, s2, "AVAILABLE", -4L),
                        tuple("TRANSFER_OUT", "WRONG_LOT_SHIPPED", "walt", fx.lotB, fx.inTransit, "AVAILABLE", 4L));
        assertThat(status(id)).isNotEqualTo("CLOSED");

        // lot B received by a later round: nothing found, the order closes, nothing of it left in transit
        d.received(fx.lotB, 4, AMB_1);
        d.closed();
        assertThat(discrepanciesOf(id)).hasSize(1);
        assertThat(status(id)).isEqualTo("CLOSED");
        assertThat(instances(id)).isZero();
        assertThat(jdbc.queryForObject("""
                        select coalesce(sum(g.quantity), 0) from posting_leg g join posting p on p.id = g.posting_id
                          left join posting o on o.id = p.reverses_posting_id
                         where g.location_id = ? and coalesce(o.reference_id, p.reference_id) = ?""", BigDecimal.class, fx.inTransit, number))
                .as("the in-transit location nets to 0 for the transfer")
                .isZero();
        // A: 4 back on EAST's books where it left from, 6 at WEST; B: 6 left on S2, 4 at WEST
        assertThat(balancesOf(fx.lotA))
                .containsExactlyInAnyOrder(tuple(leftFrom, "AVAILABLE", 4L), tuple(amb1, "AVAILABLE", 6L));
        assertThat(balancesOf(fx.lotB))
                .containsExactlyInAnyOrder(tuple(s2, "AVAILABLE", 6L), tuple(amb1, "AVAILABLE", 4L));
        // the partial reversal is the transfer-out's one reversal: nothing more of it goes back
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reversingPostings.reversePart(
                        outA, 1, "WRONG_LOT_SHIPPED", "again", process.actor(ic), "again-" + fx.f.tag))
                .satisfies(e -> assertThat(code(e)).isEqualTo("ALREADY_REVERSED"));
    }

    @Autowired
    org.lotledger.ledger.ReversingPostings reversingPostings;
}
