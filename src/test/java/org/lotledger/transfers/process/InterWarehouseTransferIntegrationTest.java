package org.lotledger.transfers.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.fulfillment.picking.PickingFixtures;
import org.lotledger.ledger.Ledger;
import org.lotledger.platform.camunda.TasksAsActor;
import org.lotledger.support.ApiClient;
import org.lotledger.support.HttpReply;
import org.lotledger.transfers.DiscrepancyType;
import org.lotledger.transfers.DispatchingTransfers;
import org.lotledger.transfers.ResolvingTransferDiscrepancies;
import org.lotledger.transfers.TransferDiscrepancies;
import org.lotledger.transfers.TransferDispatch;
import org.lotledger.transfers.TransferOutcome;
import org.lotledger.transfers.TransferReceiptClosed;
import org.lotledger.transfers.TransferResolutions;
import org.lotledger.transfers.TransferStockToQuality;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * bpmn/inter-warehouse-transfer.bpmn with its real delegates on PostgreSQL: a transfer of the test's own stock EAST
 * → WEST dispatched through the API starts its instance in the dispatch's transaction (a dispatch that fails after
 * the start leaves none); the receipt's close (recorded here with TransferDiscrepancies.record and published in a
 * transaction, as the receipt does) reaches it; supervisors decide in the task, the follow-up is posted through the
 * ledger by the group that may post it and refused for others; the overdue timer raises an alert the gauge counts;
 * the order ends CLOSED.
 */
@IntegrationTest
class InterWarehouseTransferIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    IdentityService identity;

    @Autowired
    TasksAsActor asActor;

    @Autowired
    InterWarehouseTransferProcess process;

    @Autowired
    TransferDiscrepancies discrepancies;

    @Autowired
    TransferResolutions resolutions;

    @Autowired
    ResolvingTransferDiscrepancies resolving;

    @Autowired
    DispatchingTransfers dispatching;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ConfigurableApplicationContext context;

    static final List<TransferStockToQuality> TO_QUALITY = new CopyOnWriteArrayList<>();
    static volatile boolean listening;

    PickingFixtures f;
    ApiClient otto;
    ApiClient walt;
    long lotA;
    long inTransit;
    long westAdjustment;

    @BeforeEach
    void stock() {
        synchronized (InterWarehouseTransferIntegrationTest.class) {
            if (!listening) {
                context.addApplicationListener((ApplicationListener<PayloadApplicationEvent<?>>) e -> {
                    if (e.getPayload() instanceof TransferStockToQuality q) {
                        TO_QUALITY.add(q);
                    }
                });
                listening = true;
            }
        }
        f = new PickingFixtures(jdbc);
        otto = ApiClient.as(port, json, "otto");
        walt = ApiClient.as(port, json, "walt");
        lotA = f.lot(f.supplierA, "A" + f.tag, LocalDate.now().plusDays(200));
        f.stock(ledger, lotA, "S1", 10);
        inTransit = jdbc.queryForObject("""
                select l.id from location l join warehouse f on f.id = l.warehouse_id
                  join warehouse t on t.id = l.destination_warehouse_id
                 where l.kind = 'IN_TRANSIT' and f.code = 'EAST' and t.code = 'WEST'""", Long.class);
        westAdjustment = jdbc.queryForObject("""
                select l.id from location l join warehouse w on w.id = l.warehouse_id
                 where l.kind = 'ADJUSTMENT' and w.code = 'WEST'""", Long.class);
    }

    /** A transfer of lot A's 10 EA EAST → WEST, allocated, picked by walt and staged (not dispatched). */
    long staged() {
        Map<String, Object> o = new HashMap<>();
        o.put("fromWarehouseCode", "EAST");
        o.put("toWarehouseCode", "WEST");
        o.put("shipDate", LocalDate.now().plusDays(1).toString());
        o.put("reason", "process " + f.tag);
        o.put("lines", List.of(Map.of("sku", f.sku, "quantity", 10, "uom", "EA")));
        HttpReply placed = otto.post("/api/transfer-orders", o);
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        long id = placed.id();
        assertThat(otto.post("/api/transfer-orders/" + id + "/allocation", null).status())
                .isEqualTo(200);
        HttpReply task = walt.post("/api/transfer-orders/" + id + "/pick-tasks", null);
        assertThat(task.status()).as(task.text()).isEqualTo(201);
        for (JsonNode line : task.body().get("lines")) {
            HttpReply picked = walt.post(
                    "/api/pick-tasks/" + task.id() + "/lines/" + line.get("id").asLong() + "/confirmation",
                    Map.of(
                            "locationBarcode", line.get("locationCode").asText(),
                            "lotLabel", f.label(line.get("lotId").asLong()),
                            "quantity", line.get("quantity").asLong(),
                            "uom", "EA",
                            "stagingLocationBarcode", f.shipBarcode));
            assertThat(picked.status()).as(picked.text()).isEqualTo(200);
        }
        return id;
    }

    long dispatched() {
        long id = staged();
        HttpReply d = walt.post(
                "/api/transfer-orders/" + id + "/dispatch",
                Map.of("stagingLocation", f.shipBarcode, "lotLabels", List.of(f.label(lotA))));
        assertThat(d.status()).as(d.text()).isEqualTo(200);
        return id;
    }

    String number(long id) {
        return jdbc.queryForObject("select order_number from transfer_order where id = ?", String.class, id);
    }

    long lineId(long id) {
        return jdbc.queryForObject("select id from transfer_order_line where transfer_order_id = ?", Long.class, id);
    }

    String status(long id) {
        return jdbc.queryForObject("select status from transfer_order where id = ?", String.class, id);
    }

    String instanceId(long id) {
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(InterWarehouseTransferProcess.businessKey(id))
                .singleResult()
                .getId();
    }

    long instances(long id) {
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(InterWarehouseTransferProcess.businessKey(id))
                .count();
    }

    /** The receipt's close as the receipt does it: discrepancies recorded and the event, in one transaction. */
    List<Long> close(long id, DiscrepancyType type, long quantity, boolean stillInTransit) {
        return close(id, type, quantity, stillInTransit, null);
    }

    List<Long> close(long id, DiscrepancyType type, long quantity, boolean stillInTransit, JsonNode scans) {
        return transaction.execute(s -> {
            long d = discrepancies.record(new TransferDiscrepancies.NewDiscrepancy(
                    id,
                    lineId(id),
                    type,
                    lotA,
                    null,
                    BigDecimal.TEN,
                    BigDecimal.valueOf(10 - quantity),
                    BigDecimal.valueOf(quantity),
                    BigDecimal.valueOf(quantity * 3),
                    scans,
                    "rita"));
            events.publishEvent(new TransferReceiptClosed(id, number(id), List.of(d), stillInTransit, "rita"));
            return List.of(d);
        });
    }

    Task task(long id, String definitionKey) {
        return tasks.createTaskQuery()
                .processInstanceBusinessKey(InterWarehouseTransferProcess.businessKey(id))
                .taskDefinitionKey(definitionKey)
                .singleResult();
    }

    void complete(String user, Task task, Map<String, Object> variables) {
        asActor.complete(process.actor(user), task, variables, false, "the transfer", Map.of());
    }

    static String code(Throwable t) {
        return ((DomainException) t).code();
    }

    long balance(long lot, long location) {
        List<BigDecimal> q = jdbc.queryForList(
                "select quantity from stock_balance where lot_id = ? and location_id = ? and status = 'AVAILABLE'",
                BigDecimal.class,
                lot,
                location);
        return q.isEmpty() ? 0 : q.get(0).longValueExact();
    }

    String inventoryControlOfEast() {
        String id = "iceast" + f.tag.toLowerCase().replaceAll("[^a-z0-9]", "");
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

    @Test
    void the_dispatch_starts_the_instance_and_a_dispatch_that_fails_after_the_start_leaves_none() {
        long failed = staged();
        Actor waltActor = process.actor("walt");
        assertThatThrownBy(() -> transaction.executeWithoutResult(s -> {
                    dispatching.dispatch(
                            failed,
                            new TransferDispatch(f.shipBarcode, List.of(f.label(lotA)), null),
                            waltActor,
                            "tp-fail-" + f.tag);
                    assertThat(instances(failed))
                            .as("started inside the dispatch")
                            .isEqualTo(1);
                    throw new IllegalStateException("fails after the start");
                }))
                .hasMessage("fails after the start");
        assertThat(instances(failed)).isZero();
        assertThat(jdbc.queryForObject(
                        "select dispatched_at is null from transfer_order where id = ?", Boolean.class, failed))
                .isTrue();

        HttpReply d = walt.post(
                "/api/transfer-orders/" + failed + "/dispatch",
                Map.of("stagingLocation", f.shipBarcode, "lotLabels", List.of(f.label(lotA))));
        assertThat(d.status()).as(d.text()).isEqualTo(200);
        assertThat(instances(failed)).isEqualTo(1);
        assertThat(runtime.createExecutionQuery()
                        .processInstanceBusinessKey(InterWarehouseTransferProcess.businessKey(failed))
                        .activityId(InterWarehouseTransferProcess.AWAIT_RECEIPT)
                        .count())
                .isEqualTo(1);
    }

    @Test
    void lost_in_transit_is_written_off_by_inventory_control_only_and_the_order_closes() {
        long id = dispatched();
        assertThat(balance(lotA, inTransit)).isGreaterThanOrEqualTo(10);
        long d = close(id, DiscrepancyType.SHORT, 10, true).get(0);

        Task resolve = task(id, InterWarehouseTransferProcess.RESOLVE_TASK);
        assertThat(resolve.getName())
                .isEqualTo("Resolve transfer discrepancy · " + number(id) + " · SHORT · lot A" + f.tag + " · 10 EA");
        assertThat(tasks.getIdentityLinksForTask(resolve.getId()))
                .extracting(l -> l.getGroupId())
                .containsExactly("receiving-supervisors@WEST");
        assertThatThrownBy(() -> complete("walt", resolve, Map.of("resolutionOutcome", "LOST_IN_TRANSIT")))
                .satisfies(t -> assertThat(code(t)).isEqualTo("TASK_NOT_ALLOWED"));
        assertThatThrownBy(() -> complete("sam", resolve, Map.of("resolutionOutcome", "QUALITY_DECIDES")))
                .satisfies(t -> assertThat(code(t)).isEqualTo("OUTCOME_NOT_FOR_DISCREPANCY"));
        assertThat(resolutions.of(d)).isEmpty();
        complete("sam", resolve, Map.of("resolutionOutcome", "LOST_IN_TRANSIT", "resolutionNote", "carrier lost it"));
        assertThat(resolutions.decision(d)).get().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(TransferOutcome.LOST_IN_TRANSIT);
            assertThat(r.decidedBy()).isEqualTo("sam");
        });

        Task followUp = task(id, InterWarehouseTransferProcess.FOLLOW_UP_TASK);
        assertThat(followUp.getName())
                .isEqualTo("Write off 10 EA of lot A" + f.tag + " lost in transit · " + number(id));
        assertThat(tasks.getIdentityLinksForTask(followUp.getId()))
                .extracting(l -> l.getGroupId())
                .containsExactly("inventory-control");
        long before = f.postings();
        for (String user : List.of("walt", "sam", "otto")) {
            assertThatThrownBy(() -> complete(user, followUp, Map.of("followUpConfirmed", true)))
                    .as(user)
                    .satisfies(t -> assertThat(code(t)).isEqualTo("TASK_NOT_ALLOWED"));
        }
        // the server's own check, whoever reaches the task (admin, /engine-rest): the group the posting type allows
        assertThatThrownBy(() -> resolving.requirePoster(d, process.actor("walt")))
                .satisfies(t -> assertThat(code(t)).isEqualTo("POSTING_TYPE_NOT_ALLOWED"));
        assertThatThrownBy(() -> complete("ivy", followUp, Map.of("followUpConfirmed", false)))
                .satisfies(t -> assertThat(code(t)).isEqualTo("FOLLOW_UP_NOT_CONFIRMED"));
        assertThat(f.postings()).as("nothing posted by a refusal").isEqualTo(before);

        complete("ivy", followUp, Map.of("followUpConfirmed", true));
        var posted = resolutions.of(d).stream()
                .filter(r -> r.step().equals(TransferResolutions.POSTED))
                .findFirst()
                .orElseThrow();
        assertThat(posted.decidedBy()).isEqualTo("ivy");
        assertThat(jdbc.queryForList("""
                        select p.posting_type, p.reason_code, p.actor, g.location_id, g.quantity
                          from posting p join posting_leg g on g.posting_id = p.id
                         where p.id = ? order by g.quantity""", posted.postingIds().get(0)).stream()
                        .map(r -> tuple(
                                r.get("posting_type"),
                                r.get("reason_code"),
                                r.get("actor"),
                                ((Number) r.get("location_id")).longValue(),
                                ((BigDecimal) r.get("quantity")).longValueExact()))
                        .toList())
                .containsExactly(
                        tuple("ADJUSTMENT", "TRANSIT_LOSS", "ivy", inTransit, -10L),
                        tuple("ADJUSTMENT", "TRANSIT_LOSS", "ivy", westAdjustment, 10L));
        assertThat(resolving.stillInTransit(id)).isFalse();
        assertThat(status(id)).isEqualTo("CLOSED");
        assertThat(instances(id)).isZero();
    }

    @Test
    void never_left_is_reversed_by_the_origins_inventory_control_not_by_another_warehouses() {
        long id = dispatched();
        long d = close(id, DiscrepancyType.SHORT, 10, true).get(0);
        complete(
                "sam", task(id, InterWarehouseTransferProcess.RESOLVE_TASK), Map.of("resolutionOutcome", "NEVER_LEFT"));
        Task followUp = task(id, InterWarehouseTransferProcess.FOLLOW_UP_TASK);
        assertThat(tasks.getIdentityLinksForTask(followUp.getId()))
                .extracting(l -> l.getGroupId())
                .containsExactly("inventory-control@EAST");
        assertThatThrownBy(() -> complete("ivy", followUp, Map.of("followUpConfirmed", true)))
                .satisfies(t -> assertThat(code(t)).isEqualTo("TASK_NOT_ALLOWED"));
        assertThatThrownBy(() -> resolving.requirePoster(d, process.actor("ivy")))
                .as("inventory control, but not of EAST, whose books the reversal corrects")
                .satisfies(t -> assertThat(code(t)).isEqualTo("NOT_WAREHOUSE_STAFF"));

        String ian = inventoryControlOfEast();
        complete(ian, followUp, Map.of("followUpConfirmed", true));
        long reversal = resolutions.of(d).stream()
                .filter(r -> r.step().equals(TransferResolutions.POSTED))
                .findFirst()
                .orElseThrow()
                .postingIds()
                .get(0);
        assertThat(jdbc.queryForMap(
                        "select posting_type, reason_code, actor, reverses_posting_id is not null as reverses from posting where id = ?",
                        reversal))
                .containsEntry("posting_type", "REVERSAL")
                .containsEntry("reason_code", "TRANSFER_NOT_SHIPPED")
                .containsEntry("actor", ian)
                .containsEntry("reverses", true);
        assertThat(balance(lotA, f.ship)).as("back where it was staged").isEqualTo(10);
        assertThat(status(id)).isEqualTo("CLOSED");
    }

    @Test
    void overdue_raises_an_alert_the_gauge_counts_operations_chases_and_still_coming_waits_again() {
        long id = dispatched();
        Job timer = management
                .createJobQuery()
                .processInstanceId(instanceId(id))
                .timers()
                .singleResult();
        Instant overdueAt = jdbc.queryForObject(
                        "select overdue_at from transfer_order where id = ?", java.sql.Timestamp.class, id)
                .toInstant();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(overdueAt.truncatedTo(ChronoUnit.MILLIS));
        management.executeJob(timer.getId());

        assertThat(resolutions.alerts(id)).singleElement().satisfies(a -> {
            assertThat(a.overdueSince()).isEqualTo(overdueAt.truncatedTo(ChronoUnit.MILLIS));
            assertThat(a.raisedBy()).isEqualTo("InterWarehouseTransfer");
        });
        // the alert is raised ahead of its time here (the job was run by hand): the gauge counts it all the same
        assertThat(meters.get("lotledger.transfers.overdue").gauge().value()).isGreaterThanOrEqualTo(1);
        Task chase = task(id, InterWarehouseTransferProcess.CHASE_TASK);
        assertThat(chase.getName()).startsWith("Chase transfer " + number(id) + " · overdue since ");
        assertThat(tasks.getIdentityLinksForTask(chase.getId()))
                .extracting(l -> l.getGroupId())
                .containsExactly("operations");
        assertThatThrownBy(() -> complete("otto", chase, Map.of("chaseNewDeadline", "2020-01-01T00:00")))
                .satisfies(t -> assertThat(code(t)).isEqualTo("NEW_DEADLINE_OUT_OF_RANGE"));
        Instant deadline = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        complete("otto", chase, Map.of("chaseNewDeadline", deadline.toString(), "chaseNote", "truck at the border"));
        assertThat(resolutions.alerts(id)).singleElement().satisfies(a -> {
            assertThat(a.chasedBy()).isEqualTo("otto");
            assertThat(a.newDeadline()).isEqualTo(deadline);
        });
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(instanceId(id))
                        .timers()
                        .list())
                .extracting(j -> j.getDuedate().toInstant())
                .contains(deadline);

        // the receipt closes 4 short; the supervisor says they are still coming: the process waits for them again
        long d = close(id, DiscrepancyType.SHORT, 4, true).get(0);
        Task resolve = task(id, InterWarehouseTransferProcess.RESOLVE_TASK);
        assertThatThrownBy(() -> complete("sam", resolve, Map.of("resolutionOutcome", "STILL_COMING")))
                .satisfies(t -> assertThat(code(t)).isEqualTo("NEW_DEADLINE_REQUIRED"));
        Instant rest = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        complete("sam", resolve, Map.of("resolutionOutcome", "STILL_COMING", "resolutionDeadline", rest.toString()));
        assertThat(resolutions.decision(d))
                .get()
                .satisfies(r -> assertThat(r.newDeadline()).isEqualTo(rest));
        assertThat(runtime.createExecutionQuery()
                        .processInstanceBusinessKey(InterWarehouseTransferProcess.businessKey(id))
                        .activityId(InterWarehouseTransferProcess.AWAIT_RECEIPT)
                        .count())
                .isEqualTo(1);
        assertThat(status(id)).isNotEqualTo("CLOSED");
        assertThatThrownBy(() -> resolving.close(id, "test"))
                .satisfies(t -> assertThat(code(t)).isEqualTo("TRANSFER_STILL_IN_TRANSIT"));
    }

    @Test
    void found_stock_is_booked_into_quarantine_where_it_was_set_aside_by_inventory_control() {
        long id = dispatched();
        long dock = jdbc.queryForObject("select id from location where code = 'WEST-DOCK-01'", Long.class);
        var scans = json.createArrayNode();
        scans.addObject().put("location", "WEST-DOCK-01").put("outcome", "SET_ASIDE");
        long over = close(id, DiscrepancyType.OVER, 2, true, scans).get(0);
        Task resolve = task(id, InterWarehouseTransferProcess.RESOLVE_TASK);
        assertThatThrownBy(() -> complete("sam", resolve, Map.of("resolutionOutcome", "NEVER_LEFT")))
                .satisfies(t -> assertThat(code(t)).isEqualTo("OUTCOME_NOT_FOR_DISCREPANCY"));
        complete("sam", resolve, Map.of("resolutionOutcome", "FOUND"));
        Task followUp = task(id, InterWarehouseTransferProcess.FOLLOW_UP_TASK);
        assertThat(followUp.getName()).startsWith("Book 2 EA of lot A" + f.tag + " found at WEST into quarantine");
        assertThatThrownBy(() -> complete("walt", followUp, Map.of("followUpConfirmed", true)))
                .satisfies(t -> assertThat(code(t)).isEqualTo("TASK_NOT_ALLOWED"));
        complete("ivy", followUp, Map.of("followUpConfirmed", true));
        long posting = resolutions.of(over).stream()
                .filter(r -> r.step().equals(TransferResolutions.POSTED))
                .findFirst()
                .orElseThrow()
                .postingIds()
                .get(0);
        assertThat(jdbc
                        .queryForList(
                                "select location_id, status, quantity from posting_leg where posting_id = ? order by quantity",
                                posting)
                        .stream()
                        .map(r -> tuple(
                                ((Number) r.get("location_id")).longValue(),
                                r.get("status"),
                                ((BigDecimal) r.get("quantity")).longValueExact()))
                        .toList())
                .containsExactly(tuple(westAdjustment, "QUARANTINE", -2L), tuple(dock, "QUARANTINE", 2L));
        assertThat(jdbc.queryForMap("select reason_code, actor from posting where id = ?", posting))
                .containsEntry("reason_code", "FOUND")
                .containsEntry("actor", "ivy");
        // the 10 EA shipped are still in transit (no receipt posted them here): the process waits for them
        assertThat(status(id)).isNotEqualTo("CLOSED");
        assertThat(runtime.createExecutionQuery()
                        .processInstanceBusinessKey(InterWarehouseTransferProcess.businessKey(id))
                        .activityId(InterWarehouseTransferProcess.AWAIT_RECEIPT)
                        .count())
                .isEqualTo(1);
    }

    @Test
    void damaged_units_go_to_quality_with_quality_offered_the_task() {
        long id = dispatched();
        // rita receives 2 EA damaged into WEST's quarantine (a real scan: the hand-over takes what it landed)
        ApiClient rita = ApiClient.as(port, json, "rita");
        HttpReply scan = rita.post(
                "/api/transfer-orders/" + id + "/receipts",
                Map.of(
                        "lotLabel", f.label(lotA),
                        "quantity", 2,
                        "uom", "EA",
                        "location", "WEST-QUAR-01",
                        "condition", "DAMAGED"));
        assertThat(scan.status()).as(scan.text()).isEqualTo(201);
        assertThat(scan.body().get("landedStatus").asText()).isEqualTo("QUARANTINE");
        long quarantine = jdbc.queryForObject("select id from location where code = 'WEST-QUAR-01'", Long.class);
        var scans = json.createArrayNode();
        scans.addObject()
                .put(
                        "scanId",
                        jdbc.queryForObject(
                                "select max(id) from transfer_receipt_scan where transfer_order_id = ?",
                                Long.class,
                                id))
                .put("location", "WEST-QUAR-01")
                .put("outcome", "RECEIVED");
        long d = close(id, DiscrepancyType.DAMAGED, 2, true, scans).get(0);
        Task resolve = task(id, InterWarehouseTransferProcess.RESOLVE_TASK);
        assertThat(tasks.getIdentityLinksForTask(resolve.getId()))
                .extracting(l -> l.getGroupId())
                .containsExactlyInAnyOrder("receiving-supervisors@WEST", "quality");
        assertThatThrownBy(() -> complete("sam", resolve, Map.of("resolutionOutcome", "LOST_IN_TRANSIT")))
                .satisfies(t -> assertThat(code(t)).isEqualTo("OUTCOME_NOT_FOR_DISCREPANCY"));
        complete("quinn", resolve, Map.of("resolutionOutcome", "QUALITY_DECIDES"));
        assertThat(resolutions.decision(d))
                .get()
                .satisfies(r -> assertThat(r.decidedBy()).isEqualTo("quinn"));
        assertThat(TO_QUALITY)
                .filteredOn(q -> q.discrepancyId() == d)
                .singleElement()
                .satisfies(q -> {
                    assertThat(q.lotId()).isEqualTo(lotA);
                    assertThat(q.quantity()).isEqualTo(2);
                });
        // quality took the 2 EA over: a STOCK hold, QUARANTINE -> HOLD in place, recorded on the transfer
        long holdId = resolutions.handedHold(d).orElseThrow();
        assertThat(resolutions.of(d))
                .extracting(r -> r.step() + " " + r.holdId())
                .containsExactly("DECIDED null", "HANDED_TO_QUALITY " + holdId);
        assertThat(jdbc.queryForMap(
                        "select scope, lot_id, reason, state, request_key from quality_hold where id = ?", holdId))
                .containsEntry("scope", "STOCK")
                .containsEntry("lot_id", lotA)
                .containsEntry("reason", "INVESTIGATION")
                .containsEntry("state", "OPEN")
                .containsEntry("request_key", "transfer:" + id + ":discrepancy:" + d);
        assertThat(quantity(lotA, quarantine, "QUARANTINE")).isZero();
        assertThat(quantity(lotA, quarantine, "HOLD")).isEqualTo(2);
        // handing the same discrepancy over again answers the same hold and posts nothing
        long postings = jdbc.queryForObject("select count(*) from posting", Long.class);
        transaction.executeWithoutResult(s -> resolving.handToQuality(d, instanceId(id)));
        assertThat(jdbc.queryForObject("select count(*) from posting", Long.class))
                .isEqualTo(postings);
        assertThat(jdbc.queryForObject(
                        "select count(*) from quality_hold where request_key like ?",
                        Long.class,
                        "transfer:" + id + ":discrepancy:" + d))
                .isEqualTo(1);
        // quinn releases them through the hold's process: AVAILABLE where they lie
        HttpReply released = ApiClient.as(port, json, "quinn")
                .postPosting("/api/holds/" + holdId + "/release", Map.of("note", "outer cartons only"));
        assertThat(released.status()).as(released.text()).isEqualTo(200);
        assertThat(released.body().get("state").asText()).isEqualTo("RELEASED");
        assertThat(quantity(lotA, quarantine, "HOLD")).isZero();
        assertThat(quantity(lotA, quarantine, "AVAILABLE")).isEqualTo(2);
    }

    long quantity(long lot, long location, String status) {
        List<BigDecimal> q = jdbc.queryForList(
                "select quantity from stock_balance where lot_id = ? and location_id = ? and status = ?",
                BigDecimal.class,
                lot,
                location,
                status);
        return q.isEmpty() ? 0 : q.get(0).longValueExact();
    }

    @Test
    void a_close_the_process_is_not_waiting_for_is_refused_and_rolls_back() {
        long id = dispatched();
        close(id, DiscrepancyType.SHORT, 10, true);
        long before = jdbc.queryForObject(
                "select count(*) from transfer_discrepancy where transfer_order_id = ?", Long.class, id);
        assertThatThrownBy(() -> close(id, DiscrepancyType.SHORT, 10, true))
                .satisfies(t -> assertThat(code(t)).isEqualTo("TRANSFER_DISCREPANCIES_OPEN"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from transfer_discrepancy where transfer_order_id = ?", Long.class, id))
                .isEqualTo(before);
    }

    @Test
    void a_close_of_a_transfer_without_a_running_process_is_let_through() {
        long id = staged(); // no dispatch, so no instance: as a transfer dispatched before the process existed
        transaction.executeWithoutResult(
                s -> events.publishEvent(new TransferReceiptClosed(id, number(id), List.of(), false, "rita")));
        assertThat(instances(id)).isZero();
    }
}
