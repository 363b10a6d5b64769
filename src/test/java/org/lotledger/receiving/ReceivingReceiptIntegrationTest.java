package org.lotledger.receiving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lotledger.catalog.demo.DemoCatalogLoader.EAST_DOCK;
import static org.lotledger.catalog.demo.DemoCatalogLoader.SKU_GLOVES_L;
import static org.lotledger.catalog.demo.DemoCatalogLoader.SKU_GLOVES_M;
import static org.lotledger.catalog.demo.DemoCatalogLoader.SUP_MEDIGLOVE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.common.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The receipt's process (bpmn/receiving-receipt.bpmn) on PostgreSQL, driven through the REST API as the ERP (erp),
 * a receiving clerk (rita) and, in Tasklist's place, the engine API as a receiving supervisor (sam) would use it:
 * each received lot starts its inspection, a lot that disagrees with the ASN gets the decision table's answer for an
 * ASN mismatch, and the differences found at close go to the receiving supervisors, not to the clerk.
 */
@IntegrationTest
class ReceivingReceiptIntegrationTest {

    static final String RECEIPT_PROCESS = "ReceivingReceipt";
    static final String RESOLVE = "Task_ResolveReceiptDiscrepancy";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identity;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ReceivingGoods receiving;

    record Reply(int status, JsonNode body) {}

    @Test
    void asn_differences_found_at_close_go_to_a_receiving_supervisor_who_resolves_them_and_not_to_the_clerk() {
        JsonNode po = order(line(SKU_GLOVES_M, 1000), line(SKU_GLOVES_L, 500));
        long l1 = po.at("/lines/0/id").asLong(), l2 = po.at("/lines/1/id").asLong();
        String p = gloveLot(), q = gloveLot(), r = gloveLot(), s = gloveLot();
        long asn = asn(
                po,
                body("itemId", item(SKU_GLOVES_M), "lotNumber", p, "quantity", 400, "uom", "EA"),
                body("itemId", item(SKU_GLOVES_M), "lotNumber", q, "quantity", 300, "uom", "EA"),
                body("itemId", item(SKU_GLOVES_L), "lotNumber", r, "quantity", 500, "uom", "EA"));
        long receipt = open(po.get("id").asLong(), asn);

        ProcessInstance pi = receiptProcess(receipt);
        assertThat(pi)
                .as("the receipt's process starts when the receipt is opened")
                .isNotNull();
        assertThat(runtime.getVariable(pi.getId(), "poNumber"))
                .isEqualTo(po.get("poNumber").asText());

        JsonNode asAnnounced = receive(receipt, l1, p, 400);
        JsonNode short250 = receive(receipt, l1, q, 250); // quantity difference: announced 300
        JsonNode otherLot = receive(receipt, l1, s, 50); // a lot the ASN does not name
        // lot r (500 on line 2) never arrives

        // one inspection per received lot, each an instance of its own; only the lot the ASN does not name mismatches
        assertThat(asnMismatchOfInspection(receipt, asAnnounced)).isFalse();
        assertThat(asnMismatchOfInspection(receipt, short250))
                .as("short so far: the rest might still come")
                .isFalse();
        assertThat(asnMismatchOfInspection(receipt, otherLot)).isTrue();
        // ... and gets dmn/inspection-level.dmn's answer for an ASN mismatch: full inspection by quality managers
        String mismatched = inspection(receipt, otherLot).getId();
        management.executeJob(management
                .createJobQuery()
                .processInstanceId(mismatched)
                .singleResult()
                .getId());
        assertThat(runtime.getVariable(mismatched, "inspectionLevel")).isEqualTo("FULL");
        assertThat(runtime.getVariable(mismatched, "qaGroup")).isEqualTo("quality-managers");
        assertThat(runtime.getVariable(mismatched, "slaHours")).isEqualTo(8L);

        Reply closed = post("rita", "/api/receipts/" + receipt + "/close", Map.of(), null);
        assertThat(closed.status()).as(closed.body().toString()).isEqualTo(200);
        assertThat(closed.body().get("discrepancies")).hasSize(3);

        Task task = tasks.createTaskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey(RESOLVE)
                .singleResult();
        assertThat(task).as("Resolve receipt discrepancy").isNotNull();
        assertThat(task.getName()).startsWith("Resolve receipt discrepancy · receipt " + receipt + " · ");
        assertThat(tasks.getIdentityLinksForTask(task.getId()))
                .extracting(l -> l.getGroupId() + ":" + l.getType())
                .containsExactly("receiving-supervisors:candidate");
        Map<String, Object> v = tasks.getVariables(task.getId());
        assertThat(v)
                .containsEntry("discrepancyCount", 3L)
                .containsEntry("missingCount", 2L)
                .containsEntry("discrepancyTypes", "QUANTITY, NOT_ARRIVED, LOT")
                .containsEntry("closedBy", "rita")
                .containsEntry("receiptId", receipt)
                .containsEntry("supplierName", "MediGlove Industries");
        assertThat((String) v.get("discrepancySummary"))
                .contains(
                        "**Quantity** — PO line 1 (" + SKU_GLOVES_M + ", quantities in EA), lot " + q
                                + ": announced 300, received 250",
                        "**Not arrived** — PO line 2 (" + SKU_GLOVES_L + ", quantities in EA), lot " + r
                                + ": announced 500, nothing received",
                        "**Other lot** — PO line 1 (" + SKU_GLOVES_M + ", quantities in EA): received lot " + s);

        // rita (receiving) neither finds it in her groups' tasks nor may see or complete it
        assertThat(tasks.createTaskQuery()
                        .taskCandidateGroupIn(List.of("receiving"))
                        .processInstanceId(pi.getId())
                        .count())
                .isZero();
        identity.setAuthentication("rita", List.of("receiving"));
        try {
            assertThat(tasks.createTaskQuery().taskId(task.getId()).count())
                    .as("Camunda authorization")
                    .isZero();
            assertThatThrownBy(() -> tasks.complete(
                            task.getId(),
                            Map.of("decision", "ACCEPT_AS_RECEIVED", "decisionReason", "looks fine to me")))
                    .isInstanceOf(AuthorizationException.class);
        } finally {
            identity.clearAuthentication();
        }
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count())
                .as("still open")
                .isOne();

        // sam (receiving + receiving-supervisors) finds it among his groups' tasks and resolves it
        assertThat(tasks.createTaskQuery()
                        .taskCandidateGroupIn(List.of("receiving", "receiving-supervisors"))
                        .processInstanceId(pi.getId())
                        .singleResult()
                        .getId())
                .isEqualTo(task.getId());
        identity.setAuthentication("sam", List.of("receiving", "receiving-supervisors"));
        try {
            assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("decision", "SUPPLIER_TO_SEND_MISSING")))
                    .hasMessageContaining("Write a note");
            tasks.complete(
                    task.getId(),
                    Map.of(
                            "decision",
                            "SUPPLIER_TO_SEND_MISSING",
                            "decisionReason",
                            "MediGlove ships lot " + r + " and 50 of " + q + " next week"));
        } finally {
            identity.clearAuthentication();
        }
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(pi.getId())
                        .count())
                .isZero();
        Map<String, Object> record = jdbc.queryForMap("""
                select subject_type, subject_id, decision, decided_by, details->>'reason' as reason from decision_record
                 where process_instance_id = ? and activity_id = ?""", pi.getId(), RESOLVE);
        assertThat(record)
                .containsEntry("subject_type", "RECEIPT")
                .containsEntry("subject_id", String.valueOf(receipt))
                .containsEntry("decision", "SUPPLIER_TO_SEND_MISSING")
                .containsEntry("decided_by", "sam");
        assertThat((String) record.get("reason")).startsWith("MediGlove ships lot " + r);
    }

    @Test
    void a_receipt_that_matches_its_asn_ends_at_close_without_a_task_even_when_it_was_opened_before_the_process() {
        JsonNode po = order(line(SKU_GLOVES_M, 100));
        long l1 = po.at("/lines/0/id").asLong();
        String p = gloveLot();
        long asn = asn(po, body("itemId", item(SKU_GLOVES_M), "lotNumber", p, "quantity", 100, "uom", "EA"));
        long receipt = open(po.get("id").asLong(), asn);
        // as if opened before bpmn/receiving-receipt.bpmn was deployed: the first lot starts the receipt's process
        runtime.deleteProcessInstance(receiptProcess(receipt).getId(), "test: a receipt opened before the process");
        assertThat(receiptProcess(receipt)).isNull();

        JsonNode received = receive(receipt, l1, p, 100);
        ProcessInstance pi = receiptProcess(receipt);
        assertThat(pi).isNotNull();
        assertThat(asnMismatchOfInspection(receipt, received)).isFalse();

        Reply closed = post("rita", "/api/receipts/" + receipt + "/close", Map.of(), null);
        assertThat(closed.status()).as(closed.body().toString()).isEqualTo(200);
        assertThat(closed.body().get("discrepancies")).isEmpty();
        assertThat(receiptProcess(receipt)).as("ended").isNull();
        assertThat(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(pi.getId())
                        .activityId("EndEvent_ReceiptMatchedAsn")
                        .count())
                .isOne();
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count())
                .isZero();
    }

    @Test
    void two_clerks_receiving_different_lines_of_one_receipt_at_once_both_get_their_inspection() throws Exception {
        JsonNode po = order(line(SKU_GLOVES_M, 100), line(SKU_GLOVES_L, 100));
        long l1 = po.at("/lines/0/id").asLong(), l2 = po.at("/lines/1/id").asLong();
        long receipt = open(po.get("id").asLong(), null);
        ProcessInstance pi = receiptProcess(receipt);

        // rita's receipt of line 1 has correlated its lot to the receipt's process but not committed yet ...
        CountDownLatch correlated = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<ReceiptView.Line> first = CompletableFuture.supplyAsync(() -> tx.execute(s -> {
            ReceiptView.Line line = receiving.receive(
                    receipt,
                    new ReceiveLine(
                            l1,
                            null,
                            null,
                            null,
                            gloveLot(),
                            null,
                            null,
                            null,
                            null,
                            new BigDecimal("40"),
                            "EA",
                            null,
                            null),
                    new Actor("rita", Set.of("receiving")),
                    UUID.randomUUID().toString());
            correlated.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return line;
        }));
        assertThat(correlated.await(20, TimeUnit.SECONDS)).isTrue();
        // ... when sam receives line 2 of the same receipt (the receipt header is only share-locked)
        CompletableFuture<Reply> second = CompletableFuture.supplyAsync(() -> post(
                "sam",
                "/api/receipts/" + receipt + "/lines",
                body("purchaseOrderLineId", l2, "lotNumber", gloveLot(), "quantity", 60, "uom", "EA"),
                UUID.randomUUID().toString()));
        waitForALockWaiter();
        release.countDown();

        ReceiptView.Line one = first.get(30, TimeUnit.SECONDS);
        Reply two = second.get(30, TimeUnit.SECONDS);
        assertThat(two.status()).as(two.body().toString()).isEqualTo(201);
        assertThat(inspection(receipt, json.valueToTree(Map.of("id", one.id(), "lotId", one.lotId()))))
                .isNotNull();
        assertThat(inspection(receipt, two.body())).isNotNull();
        assertThat(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(pi.getId())
                        .activityId("Task_StartInspection")
                        .count())
                .isEqualTo(2);
    }

    private void waitForALockWaiter() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            // sam's transaction waits for rita's: on the receipt process's turn (or, without it, on the engine's row)
            Long waiting = jdbc.queryForObject(
                    "select count(*) from pg_stat_activity where wait_event_type = 'Lock'", Long.class);
            if (waiting != null && waiting >= 1) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the second receipt never waited for the first");
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    ProcessInstance receiptProcess(long receipt) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(RECEIPT_PROCESS)
                .processInstanceBusinessKey("receipt-" + receipt)
                .singleResult();
    }

    ProcessInstance inspection(long receipt, JsonNode line) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey("ReceivingInspection")
                .processInstanceBusinessKey("lot-" + line.get("lotId").asLong() + ":receipt-" + receipt + "-line-"
                        + line.get("id").asLong())
                .singleResult();
    }

    boolean asnMismatchOfInspection(long receipt, JsonNode line) {
        ProcessInstance inspection = inspection(receipt, line);
        assertThat(inspection).as("inspection of lot " + line.get("lotNumber")).isNotNull();
        return (Boolean) runtime.getVariable(inspection.getId(), "asnMismatch");
    }

    static String gloveLot() {
        // MEDIGLOVE's lot label convention: five digits and a letter
        return String.format("%05d", ThreadLocalRandom.current().nextInt(100_000))
                + (char) ('A' + ThreadLocalRandom.current().nextInt(26));
    }

    long item(String sku) {
        return jdbc.queryForObject("select id from item where sku = ?", Long.class, sku);
    }

    Map<String, Object> line(String sku, int quantity) {
        return body(
                "itemId", item(sku), "quantity", quantity, "uom", "EA", "expectedUnitPrice", new BigDecimal("0.05"));
    }

    @SafeVarargs
    final JsonNode order(Map<String, Object>... lines) {
        long supplier = jdbc.queryForObject("select id from supplier where code = ?", Long.class, SUP_MEDIGLOVE);
        Reply r = post(
                "erp",
                "/api/purchase-orders",
                Map.of(
                        "poNumber",
                        "PO-RRP-" + UUID.randomUUID().toString().substring(0, 8),
                        "supplierId",
                        supplier,
                        "currency",
                        "USD",
                        "lines",
                        List.of(lines)),
                null);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.body();
    }

    @SafeVarargs
    final long asn(JsonNode po, Map<String, Object>... lines) {
        Reply r = post(
                "erp",
                "/api/advance-ship-notices",
                Map.of(
                        "asnNumber",
                        "RRP-" + UUID.randomUUID().toString().substring(0, 8),
                        "supplierId",
                        po.get("supplierId").asLong(),
                        "purchaseOrderId",
                        po.get("id").asLong(),
                        "lines",
                        new ArrayList<>(List.of(lines))),
                null);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    long open(long purchaseOrderId, Long asnId) {
        Map<String, Object> b = body("purchaseOrderId", purchaseOrderId, "dockBarcode", EAST_DOCK);
        if (asnId != null) {
            b.put("advanceShipNoticeId", asnId);
        }
        Reply r = post("rita", "/api/receipts", b, null);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    JsonNode receive(long receipt, long poLine, String lot, int quantity) {
        Reply r = post(
                "rita",
                "/api/receipts/" + receipt + "/lines",
                body("purchaseOrderLineId", poLine, "lotNumber", lot, "quantity", quantity, "uom", "EA"),
                UUID.randomUUID().toString());
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.body();
    }

    static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    Reply post(String user, String path, Object body, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        try {
            ResponseEntity<String> r = rest.withBasicAuth(user, user + "-demo")
                    .exchange(
                            path,
                            HttpMethod.POST,
                            new HttpEntity<>(json.writeValueAsString(body), headers),
                            String.class);
            return new Reply(
                    r.getStatusCode().value(),
                    r.getBody() == null || r.getBody().isBlank() ? json.nullNode() : json.readTree(r.getBody()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
