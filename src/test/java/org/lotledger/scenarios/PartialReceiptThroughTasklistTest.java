package org.lotledger.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotledger.scenarios.ScenarioFixture.DOCK;
import static org.lotledger.scenarios.ScenarioFixture.DRESSING;
import static org.lotledger.scenarios.ScenarioFixture.GS;
import static org.lotledger.scenarios.ScenarioFixture.SUPPLIER;
import static org.lotledger.scenarios.ScenarioFixture.SYRINGE;
import static org.lotledger.scenarios.ScenarioFixture.body;
import static org.lotledger.scenarios.ScenarioFixture.yymmdd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.platform.security.AuthorizationsSetup;
import org.lotledger.support.ApiClient;
import org.lotledger.support.HttpReply;
import org.lotledger.support.TasklistSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scenario (a) of issue 3, "a partial receipt with mixed lots", through the interfaces people and machines use and
 * nothing else: the ERP (erp) places the order and sends the ASN over the API; the receiving clerk (rita) receives
 * by GS1 scans over the API; the QA inspector (quinn) works "Inspect lot" in Tasklist (its REST calls, after the
 * form login, with Camunda's CSRF token); the warehouse clerk (walt) puts the accepted stock away where the API
 * directs. The engine's own work, the asynchronous jobs, is run through the ManagementService because the job
 * executor is off in tests. The ledger is read back through the API as tables of legs and balances.
 *
 * <p>The ledger-level version of the receipt is ReceivingApiTest; the inspection's own paths are
 * ReceivingInspectionProcessTest and ReceivingInspectionIntegrationTest.
 */
@IntegrationTest
class PartialReceiptThroughTasklistTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient erp;
    ApiClient rita;
    ApiClient walt;
    ScenarioFixture f;

    @BeforeEach
    void clients() {
        erp = ApiClient.as(port, json, "erp");
        rita = ApiClient.as(port, json, "rita");
        walt = ApiClient.as(port, json, "walt");
        f = new ScenarioFixture(ApiClient.as(port, json, "quinn"), runtime, management);
    }

    @Test
    void scenario_a_a_partial_receipt_with_mixed_lots_is_inspected_in_tasklist_and_put_away_as_directed() {
        LocalDate today = LocalDate.now();
        LocalDate made = today.minusMonths(1);
        LocalDate dressingExpiry = today.plusYears(2);
        LocalDate syringeExpiry = today.plusYears(4);
        JsonNode dressing = f.item(DRESSING); // 10 EA a box, ambient, wound care
        JsonNode syringe = f.item(SYRINGE); // 100 EA a box, ambient
        long supplier = f.supplierId(SUPPLIER);
        String lotA = ScenarioFixture.woundWellLot();
        String lotB = ScenarioFixture.woundWellLot();
        String lotC = ScenarioFixture.woundWellLot();
        String palletC = ScenarioFixture.sscc();

        // ---- the ERP places the order (200 dressings, 1000 syringes) and forwards the supplier's ASN ------------
        HttpReply po = erp.post(
                "/api/purchase-orders",
                body(
                        "poNumber",
                        ScenarioFixture.unique("PO-E2E-"),
                        "supplierId",
                        supplier,
                        "currency",
                        "USD",
                        "lines",
                        List.of(
                                body(
                                        "itemId",
                                        dressing.get("id").asLong(),
                                        "quantity",
                                        20,
                                        "uom",
                                        "BOX",
                                        "expectedUnitPrice",
                                        new java.math.BigDecimal("24.00")),
                                body(
                                        "itemId",
                                        syringe.get("id").asLong(),
                                        "quantity",
                                        10,
                                        "uom",
                                        "BOX",
                                        "expectedUnitPrice",
                                        new java.math.BigDecimal("12.00")))));
        assertThat(po.status()).as(po.text()).isEqualTo(201);
        long poId = po.id();
        long dressingLine = po.body().at("/lines/0/id").asLong();
        long syringeLine = po.body().at("/lines/1/id").asLong();

        HttpReply asn = erp.post(
                "/api/advance-ship-notices",
                body(
                        "asnNumber",
                        ScenarioFixture.unique("ASN-E2E-"),
                        "supplierId",
                        supplier,
                        "purchaseOrderId",
                        poId,
                        "shippedOn",
                        today.minusDays(2).toString(),
                        "expectedOn",
                        today.toString(),
                        "lines",
                        List.of(
                                body(
                                        "poLineNumber",
                                        1,
                                        "itemId",
                                        dressing.get("id").asLong(),
                                        "lotNumber",
                                        lotA,
                                        "manufacturedOn",
                                        made.toString(),
                                        "expiresOn",
                                        dressingExpiry.toString(),
                                        "quantity",
                                        60,
                                        "uom",
                                        "EA"),
                                body(
                                        "poLineNumber",
                                        1,
                                        "itemId",
                                        dressing.get("id").asLong(),
                                        "lotNumber",
                                        lotB,
                                        "manufacturedOn",
                                        made.toString(),
                                        "expiresOn",
                                        dressingExpiry.toString(),
                                        "quantity",
                                        40,
                                        "uom",
                                        "EA"),
                                body(
                                        "poLineNumber",
                                        2,
                                        "itemId",
                                        syringe.get("id").asLong(),
                                        "lotNumber",
                                        lotC,
                                        "manufacturedOn",
                                        made.toString(),
                                        "expiresOn",
                                        syringeExpiry.toString(),
                                        "quantity",
                                        300,
                                        "uom",
                                        "EA",
                                        "sscc",
                                        palletC))));
        assertThat(asn.status()).as(asn.text()).isEqualTo(201);

        // ---- rita receives by scanning: two lots of the dressings, one pallet of syringes; half the order ----------
        HttpReply receipt = rita.post(
                "/api/receipts", body("purchaseOrderId", poId, "dockBarcode", DOCK, "advanceShipNoticeId", asn.id()));
        assertThat(receipt.status()).as(receipt.text()).isEqualTo(201);
        String lines = "/api/receipts/" + receipt.id() + "/lines";
        // GS1-128 from a case label: symbology identifier, the variable-length lot ended by GS; 6 boxes typed
        HttpReply a = rita.postPosting(
                lines,
                body(
                        "scan",
                        "]C1" + "01" + f.gtin(dressing, "BOX") + "17" + yymmdd(dressingExpiry) + "10" + lotA + GS + "11"
                                + yymmdd(made),
                        "quantity",
                        6));
        // GS1 DataMatrix on the each: the count (AI 30) is on the label
        HttpReply b = rita.postPosting(
                lines,
                body(
                        "scan",
                        "]d2" + "01" + f.gtin(dressing, "EA") + "17" + yymmdd(dressingExpiry) + "10" + lotB + GS + "30"
                                + "40"));
        // the pallet label in its human-readable form: SSCC, content GTIN at box level, 3 boxes
        HttpReply c = rita.postPosting(
                lines,
                body(
                        "scan",
                        "(00)" + palletC + "(02)" + f.gtin(syringe, "BOX") + "(37)3" + "(17)" + yymmdd(syringeExpiry)
                                + "(11)" + yymmdd(made) + "(10)" + lotC));
        for (HttpReply r : List.of(a, b, c)) {
            assertThat(r.status()).as(r.text()).isEqualTo(201);
        }
        assertThat(List.of(
                        a.body().get("baseQuantity").asLong(),
                        b.body().get("baseQuantity").asLong(),
                        c.body().get("baseQuantity").asLong()))
                .containsExactly(60L, 40L, 300L);
        assertThat(List.of(
                        a.body().get("lotNumber").asText(),
                        b.body().get("lotNumber").asText(),
                        c.body().get("lotNumber").asText()))
                .containsExactly(lotA, lotB, lotC);
        assertThat(c.body().get("sscc").asText()).isEqualTo(palletC);
        long idA = a.body().get("lotId").asLong();
        long idB = b.body().get("lotId").asLong();
        long idC = c.body().get("lotId").asLong();
        String labelA = a.body().get("internalLabel").asText();
        String labelC = c.body().get("internalLabel").asText();

        HttpReply closed = rita.post("/api/receipts/" + receipt.id() + "/close", null);
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        assertThat(closed.body().get("discrepancies"))
                .as("the delivery is what the ASN announced")
                .isEmpty();
        HttpReply order = erp.get("/api/purchase-orders/" + poId);
        assertThat(order.body().get("status").asText()).isEqualTo("OPEN");
        assertThat(order.body().get("lines"))
                .extracting(l -> l.get("status").asText())
                .containsExactly("OPEN", "OPEN");

        // nothing received is AVAILABLE: all of it waits in quarantine at the dock
        assertThat(f.balances(idA)).containsExactlyInAnyOrder("SUP-WOUNDWELL QUARANTINE -60", DOCK + " QUARANTINE 60");
        assertThat(f.balances(idB)).containsExactlyInAnyOrder("SUP-WOUNDWELL QUARANTINE -40", DOCK + " QUARANTINE 40");
        assertThat(f.balances(idC))
                .containsExactlyInAnyOrder("SUP-WOUNDWELL QUARANTINE -300", DOCK + " QUARANTINE 300");

        // ---- the engine decides the inspection level of each lot (an asynchronous job)
        // -------------------------------
        Map<Long, String> inspections = new LinkedHashMap<>();
        for (long lot : List.of(idA, idB, idC)) {
            assertThat(f.inspectionOf(lot)).as("inspection of lot " + lot).isNotNull();
            inspections.put(lot, f.inspectionOf(lot));
        }
        assertThat(f.runDueJobs(new ArrayList<>(inspections.values()))).isEqualTo(3);

        // ---- quinn finds her three "Inspect lot" tasks in Tasklist -----------------------------------------------
        TasklistSession quinn = TasklistSession.loginAsDemo(port, json, "quinn");
        assertThat(quinn.csrfToken())
                .as("Camunda's CSRF cookie after opening Tasklist")
                .isNotBlank();
        assertThat(quinn.currentUser().body().get("userId").asText()).isEqualTo("quinn");
        Map<Long, String> taskOfLot = new HashMap<>();
        // each name says what the task is about, so the list reads at a glance
        Map<Long, String> names = Map.of(
                idA,
                "Inspect lot " + lotA + " · " + DRESSING + " · 60 EA",
                idB,
                "Inspect lot " + lotB + " · " + DRESSING + " · 40 EA",
                idC,
                "Inspect lot " + lotC + " · " + SYRINGE + " · 300 EA");
        for (JsonNode t : quinn.filterTasks(AuthorizationsSetup.GROUP_TASKS_FILTER)) {
            inspections.forEach((lot, pi) -> {
                if (pi.equals(t.get("processInstanceId").asText())) {
                    assertThat(t.get("name").asText()).isEqualTo(names.get(lot));
                    assertThat(t.get("due").isNull())
                            .as("due by the table's SLA")
                            .isFalse();
                    assertThat(t.get("taskDefinitionKey").asText()).isEqualTo("Task_InspectLot");
                    taskOfLot.put(lot, t.get("id").asText());
                }
            });
        }
        assertThat(taskOfLot).as("quinn's 'My group tasks'").containsOnlyKeys(idA, idB, idC);
        assertThat(quinn.candidateTasks("quality"))
                .extracting(t -> t.get("id").asText())
                .contains(taskOfLot.get(idA), taskOfLot.get(idB), taskOfLot.get(idC));

        // what the form shows, read the way Tasklist reads it
        String taskA = taskOfLot.get(idA);
        HttpReply formRef = quinn.form(taskA);
        assertThat(formRef.status()).as(formRef.text()).isEqualTo(200);
        assertThat(formRef.body().at("/camundaFormRef/key").asText()).isEqualTo("inspect-lot");
        HttpReply schema = quinn.deployedForm(taskA);
        assertThat(schema.status()).as(schema.text()).isEqualTo(200);
        List<String> keys = new ArrayList<>();
        schema.body().get("components").forEach(k -> {
            if (k.has("key")) {
                keys.add(k.get("key").asText());
            }
        });
        assertThat(keys)
                .contains("decision", "acceptedQuantity", "rejectedQuantity", "destroyedSamples", "decisionReason");
        Map<String, String> shownA = shown(quinn, taskA);
        assertThat(shownA)
                .containsEntry("lotNumber", lotA)
                .containsEntry("internalLabel", labelA)
                .containsEntry("sku", DRESSING)
                .containsEntry("supplierName", "WoundWell Medical")
                .containsEntry("expiresOn", dressingExpiry.toString())
                .containsEntry("quantityUnderInspection", "60")
                .containsEntry("baseUom", "EA")
                .containsEntry("temperatureClass", "AMBIENT")
                .containsEntry("inspectionLevel", "SAMPLE")
                .containsEntry("sampleSize", "13");
        assertThat(shownA.get("receiptRef")).startsWith("receipt-" + receipt.id() + "-line-");
        assertThat(shown(quinn, taskOfLot.get(idB)))
                .containsEntry("lotNumber", lotB)
                .containsEntry("quantityUnderInspection", "40");
        assertThat(shown(quinn, taskOfLot.get(idC)))
                .containsEntry("lotNumber", lotC)
                .containsEntry("sku", SYRINGE)
                .containsEntry("quantityUnderInspection", "300")
                .containsEntry("inspectionLevel", "SAMPLE");

        // ---- a bad submission: the parts do not add up; she reads why, and nothing changed ----------------------
        HttpReply claimed = quinn.claim(taskA);
        assertThat(claimed.status()).as(claimed.text()).isEqualTo(204);
        List<String> legsBefore = f.legs(idA);
        Map<String, Object> accept = form("ACCEPT", 60, 0, 2, "", true, true, "PASS");
        HttpReply refused = quinn.submitForm(taskA, accept);
        // the listener's refusal comes back as itself (platform/camunda/EngineRefusals): its status, code and message,
        // which Tasklist shows the inspector
        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.body().get("code").asText()).isEqualTo("INSPECTION_RESULT_INVALID");
        assertThat(refused.message())
                .isEqualTo(
                        "Accepted (60) + rejected (0) + destroyed samples (2) must equal the 60 units under inspection.");
        HttpReply stillOpen = quinn.task(taskA);
        assertThat(stillOpen.status()).as(stillOpen.text()).isEqualTo(200);
        assertThat(stillOpen.body().get("assignee").asText()).isEqualTo("quinn");
        assertThat(shown(quinn, taskA)).doesNotContainKeys("decision", "acceptedQuantity", "destroyedSamples");
        assertThat(f.legs(idA)).isEqualTo(legsBefore);
        assertThat(decisionsRecorded(inspections.get(idA))).isZero();

        // ---- she accepts lot A (2 samples destroyed), rejects lot B, accepts part of lot C -----------------------
        accept.put("acceptedQuantity", 58);
        assertThat(quinn.submitForm(taskA, accept).status()).isEqualTo(204);
        String taskB = taskOfLot.get(idB);
        String taskC = taskOfLot.get(idC);
        assertThat(quinn.claim(taskB).status()).isEqualTo(204);
        HttpReply rejectB = quinn.submitForm(
                taskB, form("REJECT", 0, 38, 2, "Labels smudged: the lot number cannot be read", false, true, "FAIL"));
        assertThat(rejectB.status()).as(rejectB.text()).isEqualTo(204);
        assertThat(quinn.claim(taskC).status()).isEqualTo(204);
        HttpReply partialC = quinn.submitForm(
                taskC, form("PARTIAL", 250, 45, 5, "45 syringes with cracked barrels", true, true, "PASS"));
        assertThat(partialC.status()).as(partialC.text()).isEqualTo(204);
        assertThat(quinn.filterTasks(AuthorizationsSetup.GROUP_TASKS_FILTER))
                .extracting(t -> t.get("id").asText())
                .doesNotContain(taskA, taskB, taskC);
        assertThat(quinn.logout().status()).isEqualTo(204);
        assertThat(quinn.currentUser().status()).isEqualTo(401);

        // the engine posts each result in a job of its own
        assertThat(f.runDueJobs(new ArrayList<>(inspections.values()))).isEqualTo(3);
        inspections
                .values()
                .forEach(pi -> assertThat(runtime.createProcessInstanceQuery()
                                .processInstanceId(pi)
                                .count())
                        .as("inspection %s ended", pi)
                        .isZero());

        // ---- walt puts the accepted stock away where he is directed -------------------------------------------------
        String binA = putAway(labelA, 58);
        String binC = putAway(labelC, 250);

        // ---- the ledger, read through the API
        // -------------------------------------------------------------------------
        assertThat(f.legs(idA))
                .containsExactly(
                        "RECEIPT SUP-WOUNDWELL QUARANTINE -60 by rita",
                        "RECEIPT " + DOCK + " QUARANTINE +60 by rita",
                        "QA_SAMPLE " + DOCK + " QUARANTINE -2 by quinn",
                        "QA_SAMPLE EAST-QA QUARANTINE +2 by quinn",
                        "STATUS_CHANGE " + DOCK + " QUARANTINE -58 by quinn",
                        "STATUS_CHANGE " + DOCK + " AVAILABLE +58 by quinn",
                        "PUTAWAY " + DOCK + " AVAILABLE -58 by walt",
                        "PUTAWAY " + binA + " AVAILABLE +58 by walt");
        assertThat(f.legs(idB))
                .containsExactly(
                        "RECEIPT SUP-WOUNDWELL QUARANTINE -40 by rita",
                        "RECEIPT " + DOCK + " QUARANTINE +40 by rita",
                        "QA_SAMPLE " + DOCK + " QUARANTINE -2 by quinn",
                        "QA_SAMPLE EAST-QA QUARANTINE +2 by quinn",
                        "STATUS_CHANGE " + DOCK + " QUARANTINE -38 by quinn",
                        "STATUS_CHANGE " + DOCK + " REJECTED +38 by quinn",
                        "MOVE " + DOCK + " REJECTED -38 by quinn",
                        "MOVE EAST-REJ-01 REJECTED +38 by quinn");
        assertThat(f.legs(idC))
                .containsExactly(
                        "RECEIPT SUP-WOUNDWELL QUARANTINE -300 by rita",
                        "RECEIPT " + DOCK + " QUARANTINE +300 by rita",
                        "QA_SAMPLE " + DOCK + " QUARANTINE -5 by quinn",
                        "QA_SAMPLE EAST-QA QUARANTINE +5 by quinn",
                        "STATUS_CHANGE " + DOCK + " QUARANTINE -250 by quinn",
                        "STATUS_CHANGE " + DOCK + " AVAILABLE +250 by quinn",
                        "STATUS_CHANGE " + DOCK + " QUARANTINE -45 by quinn",
                        "STATUS_CHANGE " + DOCK + " REJECTED +45 by quinn",
                        "MOVE " + DOCK + " REJECTED -45 by quinn",
                        "MOVE EAST-REJ-01 REJECTED +45 by quinn",
                        "PUTAWAY " + DOCK + " AVAILABLE -250 by walt",
                        "PUTAWAY " + binC + " AVAILABLE +250 by walt");

        // balances per lot / location / status; the dock is empty again
        assertThat(f.balances(idA))
                .containsExactlyInAnyOrder(
                        "SUP-WOUNDWELL QUARANTINE -60", "EAST-QA QUARANTINE 2", binA + " AVAILABLE 58");
        assertThat(f.balances(idB))
                .containsExactlyInAnyOrder(
                        "SUP-WOUNDWELL QUARANTINE -40", "EAST-QA QUARANTINE 2", "EAST-REJ-01 REJECTED 38");
        assertThat(f.balances(idC))
                .containsExactlyInAnyOrder(
                        "SUP-WOUNDWELL QUARANTINE -300",
                        "EAST-QA QUARANTINE 5",
                        "EAST-REJ-01 REJECTED 45",
                        binC + " AVAILABLE 250");
    }

    /** The variables Tasklist fills the form with, as text. */
    private static Map<String, String> shown(TasklistSession session, String taskId) {
        HttpReply r = session.formVariables(taskId);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        Map<String, String> values = new HashMap<>();
        r.body()
                .fields()
                .forEachRemaining(
                        e -> values.put(e.getKey(), e.getValue().path("value").asText()));
        return values;
    }

    /** What form-js submits for the inspect-lot form of an ambient item (the cold-chain box is hidden). */
    private static Map<String, Object> form(
            String decision,
            int accepted,
            int rejected,
            int destroyed,
            String reason,
            boolean labelsLegible,
            boolean certificateOk,
            String sampleResult) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("labelsLegible", labelsLegible);
        m.put("certificateOfAnalysisOk", certificateOk);
        m.put("sampleResult", sampleResult);
        m.put("decision", decision);
        m.put("acceptedQuantity", accepted);
        m.put("rejectedQuantity", rejected);
        m.put("destroyedSamples", destroyed);
        m.put("decisionReason", reason);
        return m;
    }

    /** GET the suggestion, then confirm by scanning the first suggested location; returns it. */
    private String putAway(String lotLabel, int quantity) {
        HttpReply suggestion = walt.get("/api/putaway/suggestion?lot=" + lotLabel + "&from=" + DOCK);
        assertThat(suggestion.status()).as(suggestion.text()).isEqualTo(200);
        assertThat(suggestion.body().get("directedZone").asText()).isEqualTo("AMB");
        List<String> bins = new ArrayList<>();
        suggestion.body().get("locations").forEach(l -> bins.add(l.asText()));
        assertThat(bins).isNotEmpty().allMatch(l -> l.startsWith("EAST-AMB-"));
        HttpReply done = walt.postPosting(
                "/api/putaway",
                body(
                        "lot",
                        lotLabel,
                        "fromLocation",
                        DOCK,
                        "toLocation",
                        bins.get(0),
                        "quantity",
                        quantity,
                        "unit",
                        "EA"));
        assertThat(done.status()).as(done.text()).isEqualTo(201);
        assertThat(done.body().get("type").asText()).isEqualTo("PUTAWAY");
        return bins.get(0);
    }

    private long decisionsRecorded(String processInstanceId) {
        return jdbc.queryForObject(
                "select count(*) from decision_record where process_instance_id = ?", Long.class, processInstanceId);
    }
}
