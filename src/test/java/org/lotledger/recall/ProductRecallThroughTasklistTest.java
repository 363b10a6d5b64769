package org.lotledger.recall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.catalog.item.Gtin;
import org.lotledger.fulfillment.shipping.ShipmentView;
import org.lotledger.ledger.Reservation;
import org.lotledger.ledger.Reservations;
import org.lotledger.platform.security.AuthorizationsSetup;
import org.lotledger.recall.demo.RecallBatchStory;
import org.lotledger.support.ApiClient;
import org.lotledger.support.HttpReply;
import org.lotledger.support.TasklistSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A product recall end to end through the interfaces people and machines use (issue 11 §6). The batch is a fresh one
 * of the test's own, told through the real flows by {@link RecallBatchStory} (items of its own too, so that no other
 * test's backorder takes its stock; the demo batch MFG-2026-0042 is never recalled here: other tests use its stock):
 * received at EAST and WEST, shipped to four customers, part of it in transit EAST → WEST, part relabelled into a child
 * lot, one order allocated and not shipped.
 *
 * <p>{@code maria} (quality-managers) starts the LIVE recall over the API; the engine places the holds (its jobs run
 * here, the job executor being off in tests): every warehouse's stock of the three lots goes to HOLD, the open order's
 * reservation is voided, and the stock in transit lands in HOLD when {@code rita} receives it at WEST. The notice list
 * is the shipment history. Customers acknowledge; {@code rita} receives two returns by scan (and is refused a third
 * that is more than the customer holds). The held stock is scrapped through the hold process ({@code quinn} decides,
 * {@code maria} approves, the warehouse confirms by scan). {@code quinn} reconciles in Tasklist; {@code maria} refuses
 * the closure in Tasklist (a customer has not answered); once it has, {@code maria} reconciles again herself, so her
 * approval is refused through Tasklist, the API and the engine's task completion ({@code /engine-rest} turns her
 * away at its door: it is for integration and admin), and another quality manager ({@code mark})
 * closes the recall. The ledger is read back as tables.
 */
@IntegrationTest
class ProductRecallThroughTasklistTest {

    static final String RETURNS = RecallFixtures.RETURNS_LOCATION;

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RecallBatchStory story;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    IdentityService identity;

    @Autowired
    Reservations reservations;

    @Autowired
    TaskService tasks;

    ApiClient maria;
    ApiClient quinn;
    ApiClient rita;
    ApiClient erp;

    @Test
    void maria_recalls_a_batch_that_is_held_everywhere_noticed_returned_scrapped_reconciled_and_closed_by_four_eyes() {
        maria = ApiClient.as(port, json, "maria");
        quinn = ApiClient.as(port, json, "quinn");
        rita = ApiClient.as(port, json, "rita");
        erp = ApiClient.as(port, json, "erp");
        SplittableRandom random = new SplittableRandom(UUID.randomUUID().getMostSignificantBits());
        String tag = "RB" + Integer.toString(10_000 + random.nextInt(89_999)) + random.nextInt(10);
        String batchRef = "MFG-" + tag;
        String frozenSku = "VAC-F-" + tag;
        String chilledSku = "VAC-C-" + tag;
        createItem(frozenSku, "FROZEN", random);
        createItem(chilledSku, "CHILLED", random);
        LocalDate today = LocalDate.now();
        RecallBatchStory.Batch batch = new RecallBatchStory.Batch(
                batchRef,
                tag,
                "NORDVAX",
                new RecallBatchStory.Lot(
                        frozenSku,
                        fiveDigits(random),
                        today.minusMonths(1),
                        today.plusMonths(10),
                        new BigDecimal("19.50")),
                new RecallBatchStory.Lot(
                        chilledSku,
                        fiveDigits(random),
                        today.minusMonths(1),
                        today.plusMonths(10),
                        new BigDecimal("8.75")),
                fiveDigits(random),
                "EAST-FRZ-01-01",
                "EAST-CHL-01-01",
                "WEST-CHL-01-01",
                new RecallBatchStory.Customers("MERCY-HOSP", "QUEENS-CLINIC", "STLUKE-HOSP", "PACIFIC-HOSP"),
                new RecallBatchStory.Quantities(60, 10, 5, 6, 4, 50, 8, 4, 30, 7, 6),
                String.format("%07d", random.nextInt(10_000_000)));
        assertThat(story.told(batch)).isFalse();
        RecallBatchStory.Told told = story.tell(batch);
        assertThat(story.told(batch)).isTrue();
        assertThat(story.complete(batch)).as("the story got to its relabel").isTrue();
        long frozen = told.frozenLotId();
        long chilled = told.chilledLotId();
        long child = told.childLotId();
        long mercy = customer("MERCY-HOSP");
        long queens = customer("QUEENS-CLINIC");
        long stluke = customer("STLUKE-HOSP");
        long pacific = customer("PACIFIC-HOSP");
        assertThat(onHand(frozen))
                .containsExactlyInAnyOrder("EAST-FRZ-01-01 AVAILABLE 35", "TRANSIT-EAST-WEST AVAILABLE 6");
        assertThat(onHand(chilled))
                .containsExactlyInAnyOrder("EAST-CHL-01-01 AVAILABLE 38", "WEST-CHL-01-01 AVAILABLE 23");
        assertThat(onHand(child)).containsExactly("EAST-FRZ-01-01 AVAILABLE 4");
        List<Reservation> open = reservations.forDemand("SALES_ORDER", String.valueOf(told.openSalesOrderId()), null);
        assertThat(open).extracting(r -> r.state() + " " + r.quantity()).containsExactly("PENDING 6");

        // ---- maria recalls the batch (quinn may not start a LIVE recall)
        // ---------------------------------------------
        Map<String, Object> request = Map.of(
                "scope",
                Map.of("batchRef", batchRef),
                "reason",
                "supplier notice: potency below specification",
                "recallClass",
                "II",
                "mode",
                "LIVE",
                "note",
                "hospitals first");
        HttpReply byQuinn = quinn.post("/api/recalls", request);
        assertThat(byQuinn.status()).as(byQuinn.text()).isEqualTo(403);
        HttpReply started = maria.post("/api/recalls", request);
        assertThat(started.status()).as(started.text()).isEqualTo(201);
        long recall = started.id();
        String number = started.body().get("number").asText();
        String pi = started.body().get("processInstanceId").asText();
        assertThat(started.body().get("scopeLabel").asText()).isEqualTo("batch " + batchRef);
        assertThat(RecallIntegrationTest.lots(started.body()))
                .as("the batch's lots and the child relabelled from one of them")
                .containsExactlyInAnyOrder(frozen, chilled, child);

        // ---- the engine places a hold per lot: every warehouse's stock to HOLD, the open order's reservation voided
        // --
        RecallFixtures.runHoldJobs(management, pi);
        JsonNode placed = maria.get("/api/recalls/" + recall).body();
        assertThat(placed.get("status").asText()).isEqualTo("HOLDS_PLACED");
        Map<Long, Long> holdOf = new HashMap<>();
        placed.get("lots")
                .forEach(
                        l -> holdOf.put(l.get("lotId").asLong(), l.get("holdId").asLong()));
        assertThat(holdOf).containsOnlyKeys(frozen, chilled, child).doesNotContainValue(0L);
        assertThat(jdbc.queryForList(
                        "select reason || ' ' || state from quality_hold where id in (?, ?, ?)",
                        String.class,
                        holdOf.get(frozen),
                        holdOf.get(chilled),
                        holdOf.get(child)))
                .containsOnly("REGULATORY_OR_RECALL OPEN")
                .hasSize(3);
        assertThat(onHand(frozen)).containsExactlyInAnyOrder("EAST-FRZ-01-01 HOLD 35", "TRANSIT-EAST-WEST AVAILABLE 6");
        assertThat(onHand(chilled)).containsExactlyInAnyOrder("EAST-CHL-01-01 HOLD 38", "WEST-CHL-01-01 HOLD 23");
        assertThat(onHand(child)).containsExactly("EAST-FRZ-01-01 HOLD 4");
        assertThat(reservations.forDemand("SALES_ORDER", String.valueOf(told.openSalesOrderId()), null))
                .extracting(r -> r.state().name())
                .containsExactly("VOIDED");
        JsonNode trace = quinn.get("/api/trace?lot=" + frozen).body();
        assertThat(trace.at("/lots/0/whereabouts/inTransit/0/landsInHold").asBoolean())
                .as("the trace flags the stock on the road")
                .isTrue();

        // ---- the stock in transit arrives at WEST and lands in HOLD
        // ---------------------------------------------------
        HttpReply arrived = rita.postPosting(
                "/api/transfer-orders/" + told.transferOrderId() + "/receipts",
                Map.of(
                        "lotLabel",
                        told.frozenLabel(),
                        "quantity",
                        6,
                        "uom",
                        "EA",
                        "location",
                        "WEST-FRZ-01-01",
                        "condition",
                        "GOOD",
                        "coldChain",
                        Map.of("inRange", true, "minCelsius", -24.5, "maxCelsius", -19.0)));
        assertThat(arrived.status()).as(arrived.text()).isEqualTo(201);
        HttpReply closedTransfer =
                rita.postPosting("/api/transfer-orders/" + told.transferOrderId() + "/receipts/close", null);
        assertThat(closedTransfer.status()).as(closedTransfer.text()).isEqualTo(200);
        assertThat(onHand(frozen)).containsExactlyInAnyOrder("EAST-FRZ-01-01 HOLD 35", "WEST-FRZ-01-01 HOLD 6");

        // ---- the notice list is the shipment history ----------------------------------------------------------------
        JsonNode notices = maria.get("/api/recalls/" + recall + "/notices").body();
        List<String> noticed = new ArrayList<>();
        notices.get("notices")
                .forEach(n -> n.get("shipments")
                        .forEach(s -> noticed.add(n.get("customerCode").asText() + " "
                                + n.get("lotId").asLong() + " "
                                + s.get("shipmentNumber").asText() + " "
                                + s.get("postingId").asLong() + " "
                                + s.get("quantity").asLong())));
        List<String> history = new ArrayList<>();
        for (long lot : List.of(frozen, chilled, child)) {
            HttpReply h = maria.get("/api/lots/" + lot + "/shipments");
            assertThat(h.status()).as(h.text()).isEqualTo(200);
            h.body()
                    .get("rows")
                    .forEach(r -> history.add(r.get("customerCode").asText() + " " + lot + " "
                            + r.get("shipmentNumber").asText() + " "
                            + r.get("postingId").asLong() + " "
                            + r.get("shipped").asLong()));
        }
        assertThat(noticed).containsExactlyInAnyOrderElementsOf(history);
        List<String> shipped = new ArrayList<>();
        told.shipmentsByCustomer().forEach((customer, shipments) -> {
            for (ShipmentView s : shipments) {
                for (ShipmentView.Line l : s.lines()) {
                    shipped.add(customer + " " + l.lotId() + " " + s.shipmentNumber() + " " + s.postingId() + " "
                            + l.shippedQuantity());
                }
            }
        });
        assertThat(noticed)
                .as("what the story shipped")
                .containsExactlyInAnyOrderElementsOf(shipped)
                .hasSize(5);
        assertThat(outstanding(notices))
                .containsExactlyInAnyOrder(
                        "MERCY-HOSP " + frozen + " shipped 10 outstanding 10",
                        "QUEENS-CLINIC " + chilled + " shipped 8 outstanding 8",
                        "STLUKE-HOSP " + frozen + " shipped 5 outstanding 5",
                        "STLUKE-HOSP " + chilled + " shipped 4 outstanding 4",
                        "PACIFIC-HOSP " + chilled + " shipped 7 outstanding 7");

        // ---- acknowledgements (the ERP's integration and quality) and returns by scan
        // ---------------------------------
        acknowledge(erp, recall, mercy, frozen, 10, 0, true);
        acknowledge(quinn, recall, queens, chilled, 0, 8, false);
        acknowledge(quinn, recall, stluke, frozen, 5, 0, true);
        acknowledge(quinn, recall, stluke, chilled, 0, 4, false);
        String frozenScan = "(01)" + gtin(frozenSku) + "(10)" + batch.frozen().lotNumber();
        long postings = postingsOf(frozen);
        HttpReply tooMany = rita.postPosting(
                "/api/recalls/" + recall + "/returns",
                Map.of("customerId", mercy, "lotLabel", frozenScan, "quantity", 11, "location", RETURNS));
        assertThat(tooMany.status()).as(tooMany.text()).isEqualTo(422);
        assertThat(tooMany.code()).isIn("RETURN_EXCEEDS_CUSTOMER_STOCK", "RECALL_QUANTITY_EXCEEDS_SHIPPED");
        assertThat(postingsOf(frozen)).as("a refused return posts nothing").isEqualTo(postings);
        HttpReply fromMercy = rita.postPosting(
                "/api/recalls/" + recall + "/returns",
                Map.of("customerId", mercy, "lotLabel", frozenScan, "quantity", 10, "location", RETURNS));
        assertThat(fromMercy.status()).as(fromMercy.text()).isEqualTo(201);
        HttpReply fromStLuke = rita.postPosting(
                "/api/recalls/" + recall + "/returns",
                Map.of("customerId", stluke, "lotLabel", told.frozenLabel(), "quantity", 5, "location", RETURNS));
        assertThat(fromStLuke.status()).as(fromStLuke.text()).isEqualTo(201);
        assertThat(onHand(frozen))
                .containsExactlyInAnyOrder("EAST-FRZ-01-01 HOLD 35", "WEST-FRZ-01-01 HOLD 6", RETURNS + " HOLD 15");

        // ---- not reconciled while stock is under the recall's holds: scrapped through the hold process --------------
        HttpReply early = quinn.post("/api/recalls/" + recall + "/reconciliation", Map.of());
        assertThat(early.status()).as(early.text()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("RECALL_HOLD_STOCK_REMAINING");
        for (long lot : List.of(frozen, chilled, child)) {
            scrapAll(holdOf.get(lot));
        }
        assertThat(onHand(frozen)).isEmpty();
        assertThat(onHand(chilled)).isEmpty();
        assertThat(onHand(child)).isEmpty();

        // ---- quinn reconciles in Tasklist, with Pacific Children's still unanswered
        // -----------------------------------
        TasklistSession quinnTl = TasklistSession.loginAsDemo(port, json, "quinn");
        String reconcile = taskNamed(quinnTl, "Reconcile recall " + number + " · batch " + batchRef);
        Map<String, String> shown = shown(quinnTl, reconcile);
        assertThat(shown.get("reconciliation")).contains("PACIFIC-HOSP").contains("MERCY-HOSP");
        assertThat(quinnTl.claim(reconcile).status()).isEqualTo(204);
        // the task was created before the held stock was scrapped: its figures are stale, so the first submit is
        // refused with the current figures, and the reloaded task carries them
        HttpReply stale =
                quinnTl.submitForm(reconcile, Map.of("reconcileNote", "Pacific Children's has not answered yet"));
        assertThat(stale.status()).as(stale.text()).isNotEqualTo(204);
        assertThat(stale.text()).contains("RECALL_FIGURES_CHANGED");
        assertThat(shown(quinnTl, reconcile).get("reconciliation")).doesNotContain("still held");
        HttpReply reconciled =
                quinnTl.submitForm(reconcile, Map.of("reconcileNote", "Pacific Children's has not answered yet"));
        assertThat(reconciled.status()).as(reconciled.text()).isEqualTo(204);
        assertThat(maria.get("/api/recalls/" + recall).body().get("status").asText())
                .isEqualTo("RECONCILING");

        // ---- maria refuses the closure in Tasklist: back to reconciliation
        // --------------------------------------------
        TasklistSession mariaTl = TasklistSession.loginAsDemo(port, json, "maria");
        String approve = taskNamed(
                mariaTl, "Approve recall closure " + number + " · batch " + batchRef + " · reconciled by quinn");
        assertThat(mariaTl.claim(approve).status()).isEqualTo(204);
        HttpReply refusedClosure = mariaTl.submitForm(
                approve, Map.of("closureApproval", "REFUSE", "closureNote", "call Pacific Children's first"));
        assertThat(refusedClosure.status()).as(refusedClosure.text()).isEqualTo(204);
        assertThat(maria.get("/api/recalls/" + recall).body().get("status").asText())
                .isEqualTo("HOLDS_PLACED");

        // Pacific Children's answers: destroyed on site; maria reconciles this time
        acknowledge(erp, recall, pacific, chilled, 0, 7, false);
        String again = taskNamed(mariaTl, "Reconcile recall " + number + " · batch " + batchRef);
        assertThat(mariaTl.claim(again).status()).isEqualTo(204);
        // the acknowledgement came after the task opened: refused once with the current figures, then accepted
        HttpReply staleAgain = mariaTl.submitForm(again, Map.of("reconcileNote", "all customers answered"));
        assertThat(staleAgain.text()).contains("RECALL_FIGURES_CHANGED");
        assertThat(mariaTl.submitForm(again, Map.of("reconcileNote", "all customers answered"))
                        .status())
                .isEqualTo(204);

        // ---- her own reconciliation: refused through Tasklist, the API and /engine-rest
        // --------------------------------
        String approveAgain = taskNamed(
                mariaTl, "Approve recall closure " + number + " · batch " + batchRef + " · reconciled by maria");
        assertThat(mariaTl.claim(approveAgain).status()).isEqualTo(204);
        HttpReply viaTasklist = mariaTl.submitForm(approveAgain, Map.of("closureApproval", "APPROVE"));
        assertThat(viaTasklist.status()).as(viaTasklist.text()).isEqualTo(403);
        assertThat(viaTasklist.body().get("code").asText()).isEqualTo("SAME_APPROVER");
        HttpReply viaApi = maria.post("/api/recalls/" + recall + "/closure", Map.of("approve", true));
        assertThat(viaApi.status()).as(viaApi.text()).isEqualTo(403);
        assertThat(viaApi.code()).isEqualTo("SAME_APPROVER");
        HttpReply viaEngineRest = maria.post(
                "/engine-rest/task/" + approveAgain + "/complete",
                Map.of("variables", Map.of("closureApproval", Map.of("value", "APPROVE"))));
        assertThat(viaEngineRest.status())
                .as("/engine-rest is for machines (integration) and admin: maria is refused at the door")
                .isEqualTo(403);
        // what /engine-rest does behind its door, the engine's task completion as maria: the listener refuses it
        identity.setAuthentication("maria", List.of("quality", "quality-managers"));
        try {
            assertThatThrownBy(() -> tasks.complete(approveAgain, Map.of("closureApproval", "APPROVE")))
                    .satisfies(e -> {
                        Throwable c = e;
                        while (!(c instanceof org.lotledger.common.DomainException) && c.getCause() != null) {
                            c = c.getCause();
                        }
                        assertThat(c).isInstanceOf(org.lotledger.common.DomainException.class);
                        assertThat(((org.lotledger.common.DomainException) c).code())
                                .isEqualTo("SAME_APPROVER");
                    });
        } finally {
            identity.clearAuthentication();
        }
        assertThat(maria.get("/api/recalls/" + recall).body().get("status").asText())
                .isEqualTo("RECONCILING");
        assertThat(mariaTl.send(
                                "POST",
                                TasklistSession.ENGINE + "/task/" + approveAgain + "/unclaim",
                                null,
                                "application/json")
                        .status())
                .isEqualTo(204);

        // ---- another quality manager closes it
        // ------------------------------------------------------------------------
        TasklistSession markTl = TasklistSession.loginAsDemo(port, json, secondManager());
        assertThat(markTl.claim(approveAgain).status()).isEqualTo(204);
        HttpReply closed = markTl.submitForm(approveAgain, Map.of("closureApproval", "APPROVE"));
        assertThat(closed.status()).as(closed.text()).isEqualTo(204);
        assertThat(maria.get("/api/recalls/" + recall).body().get("status").asText())
                .isEqualTo("CLOSED");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count())
                .isZero();
        assertThat(jdbc.queryForList(
                        "select decision || ' ' || decided_by from decision_record where subject_type = 'RECALL'"
                                + " and subject_id = ? order by id",
                        String.class,
                        Long.toString(recall)))
                .containsExactly(
                        "RECALL_RECONCILED quinn",
                        "RECALL_CLOSURE_REFUSED maria",
                        "RECALL_RECONCILED maria",
                        "RECALL_CLOSURE_APPROVED mark");

        // ---- the final tables: per customer and lot, and the lots' balances everywhere
        // -------------------------------
        JsonNode rec = maria.get("/api/recalls/" + recall + "/reconciliation").body();
        List<String> customers = new ArrayList<>();
        rec.get("customers")
                .forEach(c -> customers.add(
                        c.get("customerCode").asText() + " " + c.get("lotId").asLong() + " shipped "
                                + c.get("shipped").asLong() + " = returned "
                                + c.get("returned").asLong() + " + destroyed "
                                + c.get("destroyedAtCustomer").asLong() + " + unaccounted "
                                + c.get("unaccounted").asLong()));
        assertThat(customers)
                .containsExactlyInAnyOrder(
                        "MERCY-HOSP " + frozen + " shipped 10 = returned 10 + destroyed 0 + unaccounted 0",
                        "STLUKE-HOSP " + frozen + " shipped 5 = returned 5 + destroyed 0 + unaccounted 0",
                        "QUEENS-CLINIC " + chilled + " shipped 8 = returned 0 + destroyed 8 + unaccounted 0",
                        "STLUKE-HOSP " + chilled + " shipped 4 = returned 0 + destroyed 4 + unaccounted 0",
                        "PACIFIC-HOSP " + chilled + " shipped 7 = returned 0 + destroyed 7 + unaccounted 0");
        assertThat(balances(frozen))
                .containsExactlyInAnyOrder(
                        "SUP-NORDVAX QUARANTINE -60",
                        "EAST-ADJ AVAILABLE 4",
                        "EAST-SCRAP HOLD 50",
                        "WEST-SCRAP HOLD 6");
        assertThat(balances(chilled))
                .containsExactlyInAnyOrder(
                        "SUP-NORDVAX QUARANTINE -80",
                        "EAST-SCRAP HOLD 38",
                        "WEST-SCRAP HOLD 23",
                        "CUS-QUEENS-CLINIC AVAILABLE 8",
                        "CUS-STLUKE-HOSP AVAILABLE 4",
                        "CUS-PACIFIC-HOSP AVAILABLE 7");
        assertThat(balances(child)).containsExactlyInAnyOrder("EAST-ADJ AVAILABLE -4", "EAST-SCRAP HOLD 4");
        assertThat(jdbc.queryForList(
                        "select state from quality_hold where id in (?, ?, ?)",
                        String.class,
                        holdOf.get(frozen),
                        holdOf.get(chilled),
                        holdOf.get(child)))
                .as("every recall hold ended with its stock scrapped")
                .hasSize(3)
                .doesNotContain("OPEN");
        JsonNode after = quinn.get("/api/trace?batchRef=" + batchRef).body();
        assertThat(after.get("balanced").asBoolean()).isTrue();
    }

    // ---- the hold process: quinn decides scrap, maria approves, the warehouse confirms each move by scan ----------

    private void scrapAll(long holdId) {
        HttpReply decided = quinn.postPosting(
                "/api/holds/" + holdId + "/scrap", Map.of("note", "recalled: destroy", "reasonCode", "RECALLED"));
        assertThat(decided.status()).as(decided.text()).isEqualTo(202);
        HttpReply approved =
                maria.postPosting("/api/holds/" + holdId + "/approval", Map.of("approve", true, "note", "destroy"));
        assertThat(approved.status()).as(approved.text()).isIn(200, 202);
        JsonNode progress = approved.body();
        for (JsonNode move : progress.get("warehouseMoves")) {
            if (move.hasNonNull("postingId")) {
                continue;
            }
            String location = move.get("locationToScan").asText();
            ApiClient worker = ApiClient.as(port, json, location.startsWith("WEST-") ? "wes" : "walt");
            HttpReply confirmed = worker.post(
                    "/api/holds/" + holdId + "/warehouse-moves/"
                            + move.get("id").asLong() + "/confirmation",
                    Map.of("lot", move.get("lotLabel").asText(), "location", location));
            assertThat(confirmed.status()).as(confirmed.text()).isIn(200, 202);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private void createItem(String sku, String temperatureClass, SplittableRandom random) {
        String data = "0" + "0614141" + String.format("%05d", 20_000 + random.nextInt(79_999));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sku", sku);
        m.put("name", "Recall test vaccine " + sku);
        m.put("baseUom", "EA");
        m.put("lotControlled", true);
        m.put("expiryRequired", true);
        m.put("allocationMethod", "FEFO");
        m.put("temperatureClass", temperatureClass);
        m.put("itemFamily", "Vaccines");
        m.put("riskClass", "BIOLOGIC");
        m.put("standardUnitCost", 10);
        m.put("currency", "USD");
        m.put("shelfLifeDays", 365);
        m.put("conversions", List.of());
        m.put("gtins", List.of(Map.of("gtin", data + Gtin.checkDigit(data), "uom", "EA")));
        HttpReply r = ApiClient.as(port, json, "admin").post("/api/items", m);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
    }

    private static String fiveDigits(SplittableRandom random) {
        return Integer.toString(10_000 + random.nextInt(90_000));
    }

    private long customer(String code) {
        return jdbc.queryForObject("select id from customer where code = ?", Long.class, code);
    }

    private String gtin(String sku) {
        return jdbc.queryForObject(
                "select g.gtin from item_gtin g join item i on i.id = g.item_id where i.sku = ? and g.uom = 'EA'",
                String.class,
                sku);
    }

    private void acknowledge(
            ApiClient who, long recall, long customer, long lot, long atCustomer, long destroyed, boolean returning) {
        HttpReply r = who.post(
                "/api/recalls/" + recall + "/acknowledgements",
                Map.of(
                        "customerId",
                        customer,
                        "lotId",
                        lot,
                        "acknowledgedAt",
                        Instant.now().toString(),
                        "quantityAtCustomer",
                        atCustomer,
                        "quantityDestroyed",
                        destroyed,
                        "returning",
                        returning));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
    }

    private static List<String> outstanding(JsonNode notices) {
        List<String> rows = new ArrayList<>();
        notices.get("notices")
                .forEach(n -> rows.add(
                        n.get("customerCode").asText() + " " + n.get("lotId").asLong() + " shipped "
                                + n.get("shipped").asLong() + " outstanding "
                                + n.get("outstanding").asLong()));
        return rows;
    }

    /** A lot's stock on hand and in transit (physical and in-transit locations) through the API. */
    private List<String> onHand(long lot) {
        return balances(lot).stream()
                .filter(r -> !r.startsWith("SUP-")
                        && !r.startsWith("CUS-")
                        && !r.contains("-ADJ ")
                        && !r.contains("-SCRAP ")
                        && !r.contains("-QA "))
                .toList();
    }

    /** A lot's balances everywhere through GET /api/balances: "LOCATION STATUS quantity". */
    private List<String> balances(long lot) {
        HttpReply r = quinn.get("/api/balances?lot=" + lot + "&includeVirtual=true");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        for (JsonNode b : r.body()) {
            String q = b.get("quantity").decimalValue().stripTrailingZeros().toPlainString();
            if (!"0".equals(q)) {
                rows.add(b.get("locationCode").asText() + " " + b.get("status").asText() + " " + q);
            }
        }
        return rows;
    }

    private long postingsOf(long lot) {
        return quinn.get("/api/lots/" + lot + "/history").body().size();
    }

    /** The task of that name in the user's "My group tasks", as Tasklist lists it. */
    private static String taskNamed(TasklistSession session, String name) {
        List<String> names = new ArrayList<>();
        for (JsonNode t : session.filterTasks(AuthorizationsSetup.GROUP_TASKS_FILTER)) {
            names.add(t.get("name").asText());
            if (name.equals(t.get("name").asText())) {
                return t.get("id").asText();
            }
        }
        throw new AssertionError(
                "no task '" + name + "' in " + session.user() + "'s group tasks: " + new TreeSet<>(names));
    }

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

    private String secondManager() {
        if (identity.createUserQuery().userId("mark").count() == 0) {
            User mark = identity.newUser("mark");
            mark.setFirstName("Mark");
            mark.setLastName("Second");
            mark.setPassword("mark-demo");
            identity.saveUser(mark);
            identity.createMembership("mark", "quality");
            identity.createMembership("mark", "quality-managers");
        }
        return "mark";
    }
}
