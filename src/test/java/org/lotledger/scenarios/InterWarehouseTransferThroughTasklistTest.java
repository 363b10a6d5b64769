package org.lotledger.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.fulfillment.picking.PickingFixtures;
import org.lotledger.ledger.Ledger;
import org.lotledger.support.ApiClient;
import org.lotledger.support.HttpReply;
import org.lotledger.support.TasklistSession;
import org.lotledger.transfers.process.InterWarehouseTransferProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scenario (c) of issue 10 through the API and Tasklist as the people involved work it: otto orders a chilled
 * vaccine EAST → WEST over two lots (the test's own item and lots, made CHILLED, standing in for the demo's flu
 * vaccine whose stock other tests count on), walt picks by GS1 scan and dispatches by scan with the cold-chain
 * logger, the in-transit balance and {@code GET /api/in-transit} show it, rita receives at WEST with lot B a case
 * short and a case of lot A damaged and closes the receipt, sam resolves both discrepancies in Tasklist (the short
 * case lost in transit, the damaged one for quality), ivy (inventory-control) confirms the write-off in Tasklist and
 * the order ends CLOSED; the legs and balances as tables after each step, each lot's history unbroken from EAST's
 * shelf to WEST's.
 */
@IntegrationTest
class InterWarehouseTransferThroughTasklistTest {

    static final String CHILLED_SHELF = "WEST-CHL-01-01";
    static final String QUARANTINE = "WEST-QUAR-01";
    static final String TRANSIT = "TRANSIT-EAST-WEST";
    static final Map<String, Object> IN_RANGE = Map.of("inRange", true, "minCelsius", 2.4, "maxCelsius", 7.1);

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
    ManagementService management;

    @Test
    void
            a_chilled_transfer_is_picked_and_dispatched_by_scan_received_short_and_damaged_resolved_in_tasklist_and_closed() {
        PickingFixtures f = new PickingFixtures(jdbc);
        jdbc.update("update item set temperature_class = 'CHILLED' where id = ?", f.itemId);
        long lotA = f.stockedLot(ledger, "A", 200, "S1", 20);
        long lotB = f.stockedLot(ledger, "B", 300, "S2", 20);
        ApiClient otto = ApiClient.as(port, json, "otto");
        ApiClient walt = ApiClient.as(port, json, "walt");
        ApiClient rita = ApiClient.as(port, json, "rita");
        ScenarioFixture api = new ScenarioFixture(otto, runtime, management);
        String s1 = f.barcode("S1");
        String s2 = f.barcode("S2");
        String ship = f.shipBarcode;

        // otto orders 40 EA EAST → WEST and allocates: FEFO over lot A (20) and lot B (20)
        HttpReply placed = otto.post(
                "/api/transfer-orders",
                ScenarioFixture.body(
                        "fromWarehouseCode",
                        "EAST",
                        "toWarehouseCode",
                        "WEST",
                        "shipDate",
                        LocalDate.now().plusDays(1).toString(),
                        "reason",
                        "flu campaign at West clinics " + f.tag,
                        "lines",
                        List.of(ScenarioFixture.body("sku", f.sku, "quantity", 40, "uom", "EA"))));
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        long id = placed.id();
        String number = placed.body().get("orderNumber").asText();
        assertThat(number).startsWith("TO-EAST-");
        assertThat(placed.body().get("temperatureClass").asText()).isEqualTo("CHILLED");
        HttpReply allocated = otto.post("/api/transfer-orders/" + id + "/allocation", null);
        assertThat(allocated.status()).as(allocated.text()).isEqualTo(200);
        assertThat(status(otto, id)).isEqualTo("ALLOCATED");

        // walt makes the pick task and confirms each line by the lot's GS1 label
        HttpReply task = walt.post("/api/transfer-orders/" + id + "/pick-tasks", null);
        assertThat(task.status()).as(task.text()).isEqualTo(201);
        assertThat(task.body().get("name").asText()).startsWith("Pick transfer " + number + " · ");
        for (JsonNode line : task.body().get("lines")) {
            HttpReply picked = walt.post(
                    "/api/pick-tasks/" + task.id() + "/lines/" + line.get("id").asLong() + "/confirmation",
                    ScenarioFixture.body(
                            "locationBarcode",
                            line.get("locationCode").asText(),
                            "lotLabel",
                            f.gs1(line.get("lotId").asLong()),
                            "quantity",
                            line.get("quantity").asLong(),
                            "uom",
                            "EA",
                            "stagingLocationBarcode",
                            ship));
            assertThat(picked.status()).as(picked.text()).isEqualTo(200);
        }
        assertThat(status(otto, id)).isEqualTo("PICKING");
        assertThat(api.balances(lotA)).containsExactlyInAnyOrder("EAST-ADJ AVAILABLE -20", ship + " AVAILABLE 20");
        assertThat(api.balances(lotB)).containsExactlyInAnyOrder("EAST-ADJ AVAILABLE -20", ship + " AVAILABLE 20");

        // walt dispatches by scanning the staging location, both lots' GS1 labels and the cold-chain logger
        Map<String, Object> dispatch =
                ScenarioFixture.body("stagingLocation", ship, "lotLabels", List.of(f.gs1(lotA), f.gs1(lotB)));
        HttpReply noLogger = walt.post("/api/transfer-orders/" + id + "/dispatch", dispatch);
        assertThat(noLogger.status() + " " + noLogger.code()).isEqualTo("422 COLD_CHAIN_LOGGER_REQUIRED");
        dispatch.put("coldChainLogger", "TT-" + f.tag);
        HttpReply dispatched = walt.post("/api/transfer-orders/" + id + "/dispatch", dispatch);
        assertThat(dispatched.status()).as(dispatched.text()).isEqualTo(200);
        assertThat(dispatched.body().get("status").asText()).isEqualTo("IN_TRANSIT");
        assertThat(dispatched.body().get("coldChainLogger").asText()).isEqualTo("TT-" + f.tag);
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(InterWarehouseTransferProcess.businessKey(id))
                        .count())
                .as("the transfer's process started in the dispatch")
                .isEqualTo(1);
        assertThat(api.balances(lotA)).containsExactlyInAnyOrder("EAST-ADJ AVAILABLE -20", TRANSIT + " AVAILABLE 20");
        assertThat(api.balances(lotB)).containsExactlyInAnyOrder("EAST-ADJ AVAILABLE -20", TRANSIT + " AVAILABLE 20");
        assertThat(inTransit(rita, id))
                .containsExactlyInAnyOrder(
                        f.label(lotA) + " 20 overdue=false " + TRANSIT, f.label(lotB) + " 20 overdue=false " + TRANSIT);
        assertThat(api.moves(lotA, "A"))
                .containsExactly(
                        "OPENING_BALANCE A EAST-ADJ → " + s1 + " AVAILABLE 20 by ivy",
                        "PICK A " + s1 + " → " + ship + " AVAILABLE 20 by walt",
                        "TRANSFER_OUT A " + ship + " → " + TRANSIT + " AVAILABLE 20 by walt");
        assertThat(api.moves(lotB, "B"))
                .containsExactly(
                        "OPENING_BALANCE B EAST-ADJ → " + s2 + " AVAILABLE 20 by ivy",
                        "PICK B " + s2 + " → " + ship + " AVAILABLE 20 by walt",
                        "TRANSFER_OUT B " + ship + " → " + TRANSIT + " AVAILABLE 20 by walt");

        // rita receives at WEST: lot A a case good and a case damaged (into quarantine), lot B one case of two
        String receipts = "/api/transfer-orders/" + id + "/receipts";
        HttpReply goodA = rita.post(receipts, scan(f.gs1(lotA), 1, "BOX", CHILLED_SHELF, "GOOD"));
        assertThat(goodA.status()).as(goodA.text()).isEqualTo(201);
        HttpReply damagedA = rita.post(receipts, scan(f.label(lotA), 10, "EA", QUARANTINE, "DAMAGED"));
        assertThat(damagedA.status()).as(damagedA.text()).isEqualTo(201);
        assertThat(damagedA.body().get("landedStatus").asText()).isEqualTo("QUARANTINE");
        HttpReply goodB = rita.post(receipts, scan(f.gs1(lotB), 1, "BOX", CHILLED_SHELF, "GOOD"));
        assertThat(goodB.status()).as(goodB.text()).isEqualTo(201);
        assertThat(status(otto, id)).isEqualTo("PARTIALLY_RECEIVED");
        assertThat(api.balances(lotA))
                .containsExactlyInAnyOrder(
                        "EAST-ADJ AVAILABLE -20", CHILLED_SHELF + " AVAILABLE 10", QUARANTINE + " QUARANTINE 10");
        assertThat(api.balances(lotB))
                .containsExactlyInAnyOrder(
                        "EAST-ADJ AVAILABLE -20", TRANSIT + " AVAILABLE 10", CHILLED_SHELF + " AVAILABLE 10");
        assertThat(inTransit(rita, id)).containsExactly(f.label(lotB) + " 10 overdue=false " + TRANSIT);
        assertThat(api.moves(lotB, "B"))
                .endsWith("TRANSFER_IN B " + TRANSIT + " → " + CHILLED_SHELF + " AVAILABLE 10 by rita");

        // rita closes the receipt: lot B a case SHORT, lot A a case DAMAGED
        HttpReply closed = rita.post(receipts + "/close", null);
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        assertThat(closed.body().get("stillInTransit").asBoolean()).isTrue();
        List<String> discrepancies = new ArrayList<>();
        closed.body()
                .get("discrepancies")
                .forEach(d -> discrepancies.add(d.get("type").asText() + " "
                        + d.get("lotId").asLong() + " " + d.get("quantity").asLong()));
        assertThat(discrepancies).containsExactlyInAnyOrder("SHORT " + lotB + " 10", "DAMAGED " + lotA + " 10");
        String instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(InterWarehouseTransferProcess.businessKey(id))
                .singleResult()
                .getId();
        api.runDueJobs(List.of(instance));

        // sam resolves both in Tasklist: the short case lost in transit, the damaged case for quality
        List<Task> resolve = tasks(id, InterWarehouseTransferProcess.RESOLVE_TASK);
        assertThat(resolve)
                .extracting(Task::getName)
                .containsExactlyInAnyOrder(
                        "Resolve transfer discrepancy · " + number + " · SHORT · lot B" + f.tag + " · 10 EA",
                        "Resolve transfer discrepancy · " + number + " · DAMAGED · lot A" + f.tag + " · 10 EA");
        TasklistSession sam = TasklistSession.loginAsDemo(port, json, "sam");
        for (Task t : resolve) {
            String outcome = t.getName().contains("SHORT") ? "LOST_IN_TRANSIT" : "QUALITY_DECIDES";
            HttpReply submitted = sam.submitForm(
                    t.getId(), Map.of("resolutionOutcome", outcome, "resolutionNote", "scenario (c) " + f.tag));
            assertThat(submitted.status()).as(outcome + " " + submitted.text()).isBetween(200, 204);
        }
        api.runDueJobs(List.of(instance));
        assertThat(tasks(id, InterWarehouseTransferProcess.RESOLVE_TASK)).isEmpty();

        // the write-off is offered to inventory-control only; sam cannot post it, ivy confirms it in Tasklist
        List<Task> followUps = tasks(id, InterWarehouseTransferProcess.FOLLOW_UP_TASK);
        assertThat(followUps)
                .extracting(Task::getName)
                .containsExactly("Write off 10 EA of lot B" + f.tag + " lost in transit · " + number);
        Task writeOff = followUps.get(0);
        assertThat(tasks.getIdentityLinksForTask(writeOff.getId()))
                .extracting(l -> l.getGroupId())
                .containsExactly("inventory-control");
        HttpReply bySam = sam.submitForm(writeOff.getId(), Map.of("followUpConfirmed", true));
        assertThat(bySam.status())
                .as("sam may not post a write-off: " + bySam.text())
                .isBetween(400, 499);
        assertThat(api.balances(lotB)).contains(TRANSIT + " AVAILABLE 10");
        TasklistSession ivy = TasklistSession.loginAsDemo(port, json, "ivy");
        HttpReply confirmed = ivy.submitForm(writeOff.getId(), Map.of("followUpConfirmed", true));
        assertThat(confirmed.status()).as(confirmed.text()).isBetween(200, 204);
        api.runDueJobs(List.of(instance));

        // nothing in transit, the damaged case is quality's: a STOCK hold took it over (QUARANTINE -> HOLD where it
        // lies), the transfer recorded the hand-over with the hold's id, the order CLOSED
        assertThat(api.balances(lotB))
                .containsExactlyInAnyOrder(
                        "EAST-ADJ AVAILABLE -20", CHILLED_SHELF + " AVAILABLE 10", "WEST-ADJ AVAILABLE 10");
        assertThat(api.balances(lotA))
                .containsExactlyInAnyOrder(
                        "EAST-ADJ AVAILABLE -20", CHILLED_SHELF + " AVAILABLE 10", QUARANTINE + " HOLD 10");
        assertThat(inTransit(rita, id)).isEmpty();
        assertThat(status(otto, id)).isEqualTo("CLOSED");
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(InterWarehouseTransferProcess.businessKey(id))
                        .count())
                .isZero();
        long holdId = jdbc.queryForObject("""
                select r.hold_id from transfer_discrepancy_resolution r join transfer_discrepancy d on d.id = r.discrepancy_id
                 where d.transfer_order_id = ? and r.step = 'HANDED_TO_QUALITY'""", Long.class, id);
        ApiClient quinn = ApiClient.as(port, json, "quinn");
        JsonNode hold = quinn.get("/api/holds/" + holdId).body();
        assertThat(hold.get("scope").asText()).isEqualTo("STOCK");
        assertThat(hold.get("reason").asText()).isEqualTo("INVESTIGATION");
        assertThat(hold.get("note").asText()).contains(number, "damaged in transit", "sam");

        // quinn (quality) decides in Tasklist: scrap the damaged case; walt confirms the move to SCRAP by scan
        TasklistSession quinnTl = TasklistSession.loginAsDemo(port, json, "quinn");
        String review = holdTask(holdId, "Task_ReviewHold");
        assertThat(tasks.createTaskQuery().taskId(review).singleResult().getName())
                .startsWith("Review hold " + holdId + " · ");
        assertThat(rita.postPosting(
                                "/api/holds/" + holdId + "/scrap",
                                ScenarioFixture.body("reasonCode", "DAMAGED_IN_TRANSIT"))
                        .status())
                .as("a receiver does not decide a hold")
                .isEqualTo(403);
        HttpReply reviewed = quinnTl.submitForm(
                review,
                Map.of("outcome", "SCRAP", "scrapReasonCode", "DAMAGED_IN_TRANSIT", "decisionNote", "vials broken"));
        assertThat(reviewed.status()).as(reviewed.text()).isBetween(200, 204);
        assertThat(api.balances(lotA))
                .as("nothing scrapped before the warehouse moves it")
                .contains(QUARANTINE + " HOLD 10");
        String move = holdTask(holdId, "Task_MoveHeldStock");
        String quarantineBarcode =
                jdbc.queryForObject("select barcode from location where code = ?", String.class, QUARANTINE);
        HttpReply moved = TasklistSession.loginAsDemo(port, json, "walt")
                .submitForm(move, Map.of("scannedLot", f.label(lotA), "scannedLocation", quarantineBarcode));
        assertThat(moved.status()).as(moved.text()).isBetween(200, 204);
        assertThat(quinn.get("/api/holds/" + holdId).body().get("state").asText())
                .isEqualTo("CLOSED");
        assertThat(api.balances(lotA))
                .containsExactlyInAnyOrder(
                        "EAST-ADJ AVAILABLE -20", CHILLED_SHELF + " AVAILABLE 10", "WEST-SCRAP HOLD 10");

        // each lot's history, unbroken from EAST's shelf to WEST's
        assertThat(api.moves(lotA, "A"))
                .containsExactly(
                        "OPENING_BALANCE A EAST-ADJ → " + s1 + " AVAILABLE 20 by ivy",
                        "PICK A " + s1 + " → " + ship + " AVAILABLE 20 by walt",
                        "TRANSFER_OUT A " + ship + " → " + TRANSIT + " AVAILABLE 20 by walt",
                        "TRANSFER_IN A " + TRANSIT + " → " + CHILLED_SHELF + " AVAILABLE 10 by rita",
                        "TRANSFER_IN A " + TRANSIT + " AVAILABLE → " + QUARANTINE + " QUARANTINE 10 by rita",
                        "STATUS_CHANGE A " + QUARANTINE + " QUARANTINE → " + QUARANTINE
                                + " HOLD 10 by system:quality-intake",
                        "SCRAP A " + QUARANTINE + " → WEST-SCRAP HOLD 10 by quinn");
        assertThat(api.moves(lotB, "B"))
                .containsExactly(
                        "OPENING_BALANCE B EAST-ADJ → " + s2 + " AVAILABLE 20 by ivy",
                        "PICK B " + s2 + " → " + ship + " AVAILABLE 20 by walt",
                        "TRANSFER_OUT B " + ship + " → " + TRANSIT + " AVAILABLE 20 by walt",
                        "TRANSFER_IN B " + TRANSIT + " → " + CHILLED_SHELF + " AVAILABLE 10 by rita",
                        "ADJUSTMENT B " + TRANSIT + " → WEST-ADJ AVAILABLE 10 by ivy");
    }

    private String holdTask(long holdId, String definitionKey) {
        List<Task> found = tasks.createTaskQuery()
                .processInstanceBusinessKey(org.lotledger.quality.process.HoldProcess.businessKey(holdId))
                .taskDefinitionKey(definitionKey)
                .list();
        assertThat(found).as(definitionKey + " of hold " + holdId).hasSize(1);
        return found.get(0).getId();
    }

    private List<Task> tasks(long id, String definitionKey) {
        return tasks.createTaskQuery()
                .processInstanceBusinessKey(InterWarehouseTransferProcess.businessKey(id))
                .taskDefinitionKey(definitionKey)
                .list();
    }

    private static String status(ApiClient reader, long id) {
        HttpReply r = reader.get("/api/transfer-orders/" + id);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body().get("status").asText();
    }

    /** This transfer's rows of GET /api/in-transit?warehouse=WEST: "label quantity overdue=… in-transit location". */
    private static List<String> inTransit(ApiClient reader, long id) {
        HttpReply r = reader.get("/api/in-transit?warehouse=WEST");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        r.body().forEach(row -> {
            if (row.get("transferOrderId").asLong() == id) {
                rows.add(row.get("internalLabel").asText() + " "
                        + row.get("quantity").asLong() + " overdue="
                        + row.get("overdue").asBoolean() + " "
                        + row.get("inTransitLocationCode").asText());
            }
        });
        return rows;
    }

    private static Map<String, Object> scan(
            String label, long quantity, String uom, String location, String condition) {
        return ScenarioFixture.body(
                "lotLabel",
                label,
                "quantity",
                quantity,
                "uom",
                uom,
                "location",
                location,
                "condition",
                condition,
                "coldChain",
                IN_RANGE);
    }
}
