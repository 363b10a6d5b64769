package org.lotledger.receiving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.lotledger.catalog.demo.DemoCatalogLoader.EAST_DOCK;
import static org.lotledger.catalog.demo.DemoCatalogLoader.SKU_GLOVES_L;
import static org.lotledger.catalog.demo.DemoCatalogLoader.SKU_GLOVES_M;
import static org.lotledger.catalog.demo.DemoCatalogLoader.SKU_GLUCOSE_STRIPS;
import static org.lotledger.catalog.demo.DemoCatalogLoader.SKU_N95;
import static org.lotledger.catalog.demo.DemoCatalogLoader.SKU_SYRINGE;
import static org.lotledger.catalog.demo.DemoCatalogLoader.SUP_DIAGNOSTIX;
import static org.lotledger.catalog.demo.DemoCatalogLoader.SUP_MEDIGLOVE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.catalog.item.Gtin;
import org.lotledger.catalog.partner.ApprovalStatus;
import org.lotledger.catalog.partner.SupplierDraft;
import org.lotledger.catalog.partner.SupplierService;
import org.lotledger.common.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receiving through the REST API as a receiving clerk (rita) and a receiving supervisor (susan) would use it, on
 * purchase orders and ASNs the ERP (erp) sends, with the demo catalog. Every refusal is checked to have written
 * nothing: no posting, no receipt line, no lot, no change to the PO line.
 */
@IntegrationTest
@RecordApplicationEvents
class ReceivingApiTest {

    static final String RITA = "rita";
    static final String SUSAN = "susan";
    static final String ERP = "erp";
    static final AtomicInteger LOTS =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(10_000, 60_000));

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ReceivingGoods receiving;

    @Autowired
    ClosingAndReversingReceipts closing;

    @Autowired
    SupplierService suppliers;

    @Autowired
    ApplicationEvents events;

    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;

    /** Open receiving inspections of one receipt line (bpmn/receiving-inspection.bpmn, started on LotReceived). */
    private long inspections(long lotId, long receiptId, long lineId) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey("ReceivingInspection")
                .processInstanceBusinessKey("lot-" + lotId + ":receipt-" + receiptId + "-line-" + lineId)
                .count();
    }

    record Reply(int status, JsonNode body) {
        String code() {
            return body.path("code").asText(null);
        }

        long id() {
            return body.get("id").asLong();
        }
    }

    // ---- scenario (a) at the ledger level --------------------------------------------------------------------------

    @Test
    void a_partial_receipt_with_two_lots_on_one_line_and_one_on_another_posts_quarantine_stock_at_the_dock() {
        JsonNode po =
                order(SUP_MEDIGLOVE, line(SKU_GLOVES_M, 10, "BOX", "4.00"), line(SKU_GLOVES_L, 500, "EA", "0.05"));
        long line1 = po.at("/lines/0/id").asLong();
        long line2 = po.at("/lines/1/id").asLong();
        long receipt = open(po.get("id").asLong(), null);
        String lotA = gloveLot(), lotB = gloveLot(), lotC = gloveLot();

        Reply a = receive(RITA, receipt, typed(line1, lotA, "300", "EA"));
        Reply b = receive(RITA, receipt, typed(line1, lotB, "2", "BOX"));
        Reply c = receive(RITA, receipt, typed(line2, lotC, "200", "EA"));
        assertThat(List.of(a.status(), b.status(), c.status())).containsOnly(201);
        assertThat(b.body().get("baseQuantity").asLong()).isEqualTo(200);

        long supplierLoc = supplierLocation(SUP_MEDIGLOVE);
        long dock = dock();
        long idA = a.body().get("lotId").asLong(),
                idB = b.body().get("lotId").asLong(),
                idC = c.body().get("lotId").asLong();
        // one RECEIPT posting per receipt line: supplier's virtual location out, dock in, both QUARANTINE
        assertThat(legs(a.body().get("postingId").asLong()))
                .containsExactly(
                        tuple("RECEIPT", idA, supplierLoc, "QUARANTINE", -300L),
                        tuple("RECEIPT", idA, dock, "QUARANTINE", 300L));
        assertThat(legs(b.body().get("postingId").asLong()))
                .containsExactly(
                        tuple("RECEIPT", idB, supplierLoc, "QUARANTINE", -200L),
                        tuple("RECEIPT", idB, dock, "QUARANTINE", 200L));
        assertThat(legs(c.body().get("postingId").asLong()))
                .containsExactly(
                        tuple("RECEIPT", idC, supplierLoc, "QUARANTINE", -200L),
                        tuple("RECEIPT", idC, dock, "QUARANTINE", 200L));
        assertThat(balances(idA, idB, idC))
                .containsExactlyInAnyOrder(
                        tuple(idA, supplierLoc, "QUARANTINE", -300L), tuple(idA, dock, "QUARANTINE", 300L),
                        tuple(idB, supplierLoc, "QUARANTINE", -200L), tuple(idB, dock, "QUARANTINE", 200L),
                        tuple(idC, supplierLoc, "QUARANTINE", -200L), tuple(idC, dock, "QUARANTINE", 200L));
        // nothing received is AVAILABLE anywhere
        assertThat(jdbc.queryForObject(
                        "select count(*) from stock_balance where lot_id in (?, ?, ?) and status <> 'QUARANTINE' "
                                + "and quantity <> 0",
                        Long.class,
                        idA,
                        idB,
                        idC))
                .isZero();
        // the new lots are valued at the PO price per base unit (4.00 a box of 100) in the PO currency (ADR 0004)
        assertThat(jdbc.queryForObject("select unit_cost from lot where id = ?", BigDecimal.class, idA))
                .isEqualByComparingTo("0.04");
        assertThat(poLine(line1)).isEqualTo(tuple(500L, "OPEN"));
        assertThat(poLine(line2)).isEqualTo(tuple(200L, "OPEN"));

        // a later receipt completes line 2 with more of lot C (found, not created again)
        long later = open(po.get("id").asLong(), null);
        Reply c2 = receive(RITA, later, typed(line2, lotC, "300", "EA"));
        assertThat(c2.status()).isEqualTo(201);
        assertThat(c2.body().get("lotId").asLong()).isEqualTo(idC);
        assertThat(poLine(line2)).isEqualTo(tuple(500L, "RECEIVED"));
        assertThat(balances(idC))
                .containsExactlyInAnyOrder(
                        tuple(idC, supplierLoc, "QUARANTINE", -500L), tuple(idC, dock, "QUARANTINE", 500L));
        assertThat(poStatus(po.get("id").asLong())).isEqualTo("OPEN");

        // the supervisor closes line 1 short: the order is done
        assertThat(post(
                                RITA,
                                "/api/receipts/" + later + "/purchase-order-lines/" + line1 + "/close-short",
                                Map.of(),
                                null)
                        .status())
                .isEqualTo(403);
        Reply shortClosed = post(
                SUSAN, "/api/receipts/" + later + "/purchase-order-lines/" + line1 + "/close-short", Map.of(), null);
        assertThat(shortClosed.status()).isEqualTo(200);
        assertThat(poLine(line1)).isEqualTo(tuple(500L, "CLOSED_SHORT"));
        assertThat(poStatus(po.get("id").asLong())).isEqualTo("CLOSED");

        Reply read = get(SUSAN, "/api/receipts/" + receipt);
        assertThat(read.body().get("lines")).hasSize(3);
        assertThat(read.body().get("dockBarcode").asText()).isEqualTo(EAST_DOCK);
        assertThat(get("quinn", "/api/receipts?purchaseOrder=" + po.get("id").asLong())
                        .body())
                .hasSize(2);
    }

    @Test
    void a_repeated_request_with_the_same_idempotency_key_books_the_line_once() {
        JsonNode po = order(SUP_MEDIGLOVE, line(SKU_GLOVES_M, 100, "EA", "0.05"));
        long poLine = po.at("/lines/0/id").asLong();
        long receipt = open(po.get("id").asLong(), null);
        String key = UUID.randomUUID().toString();
        Map<String, Object> line = typed(poLine, gloveLot(), "40", "EA");
        Reply first = post(RITA, "/api/receipts/" + receipt + "/lines", line, key);
        Map<String, Long> before = counts();
        Reply again = post(RITA, "/api/receipts/" + receipt + "/lines", line, key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(counts()).isEqualTo(before);
        assertThat(poLine(poLine)).isEqualTo(tuple(40L, "OPEN"));
        assertRefused(
                post(RITA, "/api/receipts/" + receipt + "/lines", line, org.lotledger.support.IdempotencyKeys.NONE),
                400,
                "IDEMPOTENCY_KEY_REQUIRED");
    }

    // ---- GS1 scans --------------------------------------------------------------------------------------------------

    @Test
    void a_gs1_scan_gives_gtin_packaging_level_lot_dates_count_and_sscc() {
        JsonNode po = order(SUP_MEDIGLOVE, line(SKU_GLOVES_M, 10, "BOX", "4.00"));
        long poLine = po.at("/lines/0/id").asLong();
        long receipt = open(po.get("id").asLong(), null);
        String boxGtin = gtin(SKU_GLOVES_M, "BOX");
        String eachGtin = gtin(SKU_GLOVES_M, "EA");
        String expiry = LocalDate.now().plusYears(2).format(DateTimeFormatter.ofPattern("yyMMdd"));

        // raw GS1-128 as a scanner sends it: symbology identifier, lot ended by GS; quantity typed (AI 01 has no count)
        String lot1 = gloveLot();
        Reply raw = receive(
                RITA,
                receipt,
                Map.of(
                        "scan",
                        "]C1" + "01" + boxGtin + "17" + expiry + "10" + lot1 + "\u001D" + "11"
                                + LocalDate.now().minusMonths(1).format(DateTimeFormatter.ofPattern("yyMMdd")),
                        "quantity",
                        2));
        assertThat(raw.status()).as(raw.body().toString()).isEqualTo(201);
        assertThat(raw.body().get("uom").asText()).isEqualTo("BOX");
        assertThat(raw.body().get("baseQuantity").asLong()).isEqualTo(200);
        assertThat(raw.body().get("lotNumber").asText()).isEqualTo(lot1);
        assertThat(jdbc.queryForObject(
                        "select expires_on from lot where id = ?",
                        LocalDate.class,
                        raw.body().get("lotId").asLong()))
                .isEqualTo(LocalDate.now().plusYears(2));

        // a logistic label: SSCC, content GTIN at box level and count; human-readable form
        String sscc = sscc();
        String lot2 = gloveLot();
        Reply pallet = receive(RITA, receipt, Map.of("scan", "(00)" + sscc + "(02)" + boxGtin + "(37)3(10)" + lot2));
        assertThat(pallet.status()).as(pallet.body().toString()).isEqualTo(201);
        assertThat(pallet.body().get("baseQuantity").asLong()).isEqualTo(300);
        assertThat(pallet.body().get("sscc").asText()).isEqualTo(sscc);
        assertThat(poLine(poLine)).isEqualTo(tuple(500L, "OPEN"));

        Map<String, Long> before = counts();
        // the same pallet again
        assertRefused(
                receive(RITA, receipt, Map.of("scan", "(00)" + sscc + "(02)" + boxGtin + "(37)3(10)" + gloveLot())),
                409,
                "SSCC_ALREADY_RECEIVED");
        // a GTIN of an item that is not on the order
        assertRefused(
                receive(
                        RITA,
                        receipt,
                        Map.of("scan", "(01)" + gtin(SKU_SYRINGE, "EA") + "(10)" + gloveLot(), "quantity", 5)),
                422,
                "ITEM_NOT_ON_PO");
        // the each-level GTIN with a quantity said to be in boxes
        assertRefused(
                receive(
                        RITA,
                        receipt,
                        Map.of("scan", "(01)" + eachGtin + "(10)" + gloveLot(), "quantity", 5, "uom", "BOX")),
                422,
                "GTIN_MISMATCH");
        // a count on the label and another typed
        assertRefused(
                receive(
                        RITA,
                        receipt,
                        Map.of("scan", "(00)" + sscc() + "(02)" + boxGtin + "(37)3(10)" + gloveLot(), "quantity", 4)),
                422,
                "SCAN_MISMATCH");
        // a bad check digit
        assertRefused(
                receive(
                        RITA,
                        receipt,
                        Map.of(
                                "scan",
                                "(01)" + boxGtin.substring(0, 13) + ((boxGtin.charAt(13) - '0' + 1) % 10) + "(10)"
                                        + gloveLot(),
                                "quantity",
                                1)),
                422,
                "INVALID_GS1_BARCODE");
        assertThat(counts()).isEqualTo(before);
        assertThat(poLine(poLine)).isEqualTo(tuple(500L, "OPEN"));
    }

    // ---- each validation refuses and posts nothing ----------------------------------------------------------------

    @Test
    void each_validation_refuses_with_its_code_and_posts_nothing() {
        // test strips: IVD, ambient, expiry required, at least 120 days left; DIAGNOSTIX approved: 2 % tolerance
        JsonNode po = order(
                SUP_DIAGNOSTIX, line(SKU_GLUCOSE_STRIPS, 100, "EA", "9.90"), line(SKU_GLOVES_M, 100, "EA", "0.05"));
        long strips = po.at("/lines/0/id").asLong();
        long gloves = po.at("/lines/1/id").asLong();
        long receipt = open(po.get("id").asLong(), null);
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        String made = today.minusMonths(1).toString();
        String good = today.plusYears(1).toString();
        Map<String, Long> before = counts();

        assertRefused(
                receive(
                        RITA,
                        receipt,
                        body(
                                "itemId",
                                item(SKU_SYRINGE),
                                "lotNumber",
                                "L/" + lotDigits(),
                                "expiresOn",
                                good,
                                "quantity",
                                10)),
                422,
                "ITEM_NOT_ON_PO");
        assertRefused(
                receive(
                        RITA,
                        receipt,
                        body(
                                "purchaseOrderLineId",
                                strips,
                                "gtin",
                                gtin(SKU_GLOVES_M, "EA"),
                                "lotNumber",
                                lotDigits(),
                                "expiresOn",
                                good,
                                "quantity",
                                10)),
                422,
                "GTIN_MISMATCH");
        assertRefused(
                receive(
                        RITA,
                        receipt,
                        body(
                                "purchaseOrderLineId",
                                strips,
                                "lotNumber",
                                lotDigits(),
                                "expiresOn",
                                good,
                                "quantity",
                                1,
                                "uom",
                                "PALLET")),
                422,
                "UOM_NOT_CONVERTIBLE");
        assertRefused(
                receive(
                        RITA,
                        receipt,
                        body(
                                "purchaseOrderLineId",
                                strips,
                                "lotNumber",
                                lotDigits(),
                                "expiresOn",
                                good,
                                "quantity",
                                103)),
                422,
                "OVER_RECEIPT_TOLERANCE_EXCEEDED");
        assertRefused(
                receive(RITA, receipt, body("purchaseOrderLineId", strips, "expiresOn", good, "quantity", 10)),
                422,
                "LOT_NUMBER_REQUIRED");
        assertRefused(
                receive(
                        RITA,
                        receipt,
                        body("purchaseOrderLineId", strips, "lotNumber", "ABC", "expiresOn", good, "quantity", 10)),
                422,
                "LOT_LABEL_NOT_RECOGNISED");
        assertRefused(
                receive(RITA, receipt, body("purchaseOrderLineId", strips, "lotNumber", lotDigits(), "quantity", 10)),
                422,
                "EXPIRY_REQUIRED");
        assertRefused(
                receive(
                        RITA,
                        receipt,
                        body(
                                "purchaseOrderLineId",
                                strips,
                                "lotNumber",
                                lotDigits(),
                                "manufacturedOn",
                                today.plusYears(2).toString(),
                                "expiresOn",
                                good,
                                "quantity",
                                10)),
                422,
                "INVALID_LOT_DATES");
        assertRefused(
                receive(
                        RITA,
                        receipt,
                        body(
                                "purchaseOrderLineId",
                                strips,
                                "lotNumber",
                                lotDigits(),
                                "manufacturedOn",
                                today.minusYears(2).toString(),
                                "expiresOn",
                                today.minusDays(1).toString(),
                                "quantity",
                                10)),
                422,
                "LOT_EXPIRED");
        assertRefused(
                receive(
                        RITA,
                        receipt,
                        body(
                                "purchaseOrderLineId",
                                strips,
                                "lotNumber",
                                lotDigits(),
                                "expiresOn",
                                today.plusDays(60).toString(),
                                "quantity",
                                10)),
                422,
                "SHELF_LIFE_TOO_SHORT");
        assertRefused(
                receive(
                        RITA,
                        receipt,
                        body(
                                "purchaseOrderLineId",
                                strips,
                                "lotNumber",
                                lotDigits(),
                                "expiresOn",
                                good,
                                "quantity",
                                10,
                                "supplierId",
                                supplier(SUP_MEDIGLOVE))),
                422,
                "SUPPLIER_MISMATCH");
        // the RECEIPT posting is the receiving clerks': a supervisor alone does not book stock
        assertRefused(
                receive(
                        SUSAN,
                        receipt,
                        body(
                                "purchaseOrderLineId",
                                strips,
                                "lotNumber",
                                lotDigits(),
                                "expiresOn",
                                good,
                                "quantity",
                                10)),
                403,
                "POSTING_TYPE_NOT_ALLOWED");
        assertThat(counts()).isEqualTo(before);
        assertThat(poLine(strips)).isEqualTo(tuple(0L, "OPEN"));

        // up to the tolerance is fine: 102 of 100 (2 %), the typed label "L/nnnnn" normalised
        String lot = lotDigits();
        Reply ok = receive(
                RITA,
                receipt,
                body(
                        "purchaseOrderLineId",
                        strips,
                        "lotNumber",
                        "L/" + lot,
                        "manufacturedOn",
                        made,
                        "expiresOn",
                        good,
                        "quantity",
                        102));
        assertThat(ok.status()).as(ok.body().toString()).isEqualTo(201);
        assertThat(ok.body().get("lotNumber").asText()).isEqualTo(lot);
        assertThat(poLine(strips)).isEqualTo(tuple(102L, "RECEIVED"));

        // a line that is done takes nothing more
        before = counts();
        assertRefused(
                receive(
                        RITA,
                        receipt,
                        body(
                                "purchaseOrderLineId",
                                strips,
                                "lotNumber",
                                lotDigits(),
                                "expiresOn",
                                good,
                                "quantity",
                                1)),
                409,
                "PO_LINE_NOT_OPEN");
        assertThat(post(
                                SUSAN,
                                "/api/receipts/" + receipt + "/purchase-order-lines/" + gloves + "/close-short",
                                Map.of(),
                                null)
                        .status())
                .isEqualTo(200);
        // the last open line closed short: the order is done and takes nothing
        assertThat(poStatus(po.get("id").asLong())).isEqualTo("CLOSED");
        assertRefused(
                receive(RITA, receipt, body("purchaseOrderLineId", gloves, "lotNumber", gloveLot(), "quantity", 1)),
                409,
                "PURCHASE_ORDER_NOT_OPEN");
        // closed receipts take nothing
        assertThat(post(RITA, "/api/receipts/" + receipt + "/close", Map.of(), null)
                        .status())
                .isEqualTo(200);
        assertRefused(
                receive(
                        RITA,
                        receipt,
                        body(
                                "purchaseOrderLineId",
                                strips,
                                "lotNumber",
                                lotDigits(),
                                "expiresOn",
                                good,
                                "quantity",
                                1)),
                409,
                "RECEIPT_CLOSED");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void a_supplier_blocked_after_the_order_was_placed_delivers_nothing() {
        String code = "RCVBLK" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        long supplierId = suppliers
                .create(new SupplierDraft(code, "Receiving test supplier", ApprovalStatus.APPROVED, null, null), "test")
                .id();
        JsonNode po = order(code, line(SKU_GLOVES_M, 100, "EA", "0.05"));
        long receipt = open(po.get("id").asLong(), null);
        jdbc.update("update supplier set approval_status = 'BLOCKED' where id = ?", supplierId);
        Map<String, Long> before = counts();
        assertRefused(
                receive(
                        RITA,
                        receipt,
                        body("purchaseOrderLineId", po.at("/lines/0/id").asLong(), "lotNumber", "X1", "quantity", 10)),
                422,
                "SUPPLIER_BLOCKED");
        assertRefused(
                post(
                        RITA,
                        "/api/receipts",
                        Map.of("purchaseOrderId", po.get("id").asLong(), "dockBarcode", EAST_DOCK),
                        null),
                422,
                "SUPPLIER_BLOCKED");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void a_receipt_opens_only_at_a_receiving_dock() {
        JsonNode po = order(SUP_MEDIGLOVE, line(SKU_GLOVES_M, 100, "EA", "0.05"));
        assertRefused(
                post(
                        RITA,
                        "/api/receipts",
                        Map.of("purchaseOrderId", po.get("id").asLong(), "dockBarcode", "EAST-AMB-01-01"),
                        null),
                422,
                "NOT_A_RECEIVING_DOCK");
        assertRefused(
                post(
                        RITA,
                        "/api/receipts",
                        Map.of("purchaseOrderId", po.get("id").asLong(), "dockBarcode", "NO-SUCH-DOCK"),
                        null),
                404,
                "UNKNOWN_LOCATION");
    }

    // ---- two clerks on one line -----------------------------------------------------------------------------------

    @Test
    void two_clerks_receiving_one_line_at_once_never_exceed_the_tolerance_together() throws Exception {
        // gloves from an approved supplier: 5 % (DMN) of 1000 → at most 1050; 540 each is fine alone, not together
        JsonNode po = order(SUP_MEDIGLOVE, line(SKU_GLOVES_M, 1000, "EA", "0.05"));
        long poLine = po.at("/lines/0/id").asLong();
        long receipt = open(po.get("id").asLong(), null);
        Map<String, Long> before = counts();

        // hold the line's lock so that both requests are queued on it before either checks the tolerance
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
            jdbc.queryForList("select id from purchase_order_line where id = ? for update", poLine);
            locked.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Reply> one =
                CompletableFuture.supplyAsync(() -> receive(RITA, receipt, typed(poLine, gloveLot(), "540", "EA")));
        CompletableFuture<Reply> two =
                CompletableFuture.supplyAsync(() -> receive("sam", receipt, typed(poLine, gloveLot(), "540", "EA")));
        waitForLockWaiters(2);
        release.countDown();
        holder.get(20, TimeUnit.SECONDS);
        List<Reply> replies = List.of(one.get(30, TimeUnit.SECONDS), two.get(30, TimeUnit.SECONDS));

        assertThat(replies).extracting(Reply::status).containsExactlyInAnyOrder(201, 422);
        assertThat(replies)
                .filteredOn(r -> r.status() == 422)
                .extracting(Reply::code)
                .containsExactly("OVER_RECEIPT_TOLERANCE_EXCEEDED");
        assertThat(poLine(poLine)).isEqualTo(tuple(540L, "OPEN"));
        Map<String, Long> after = counts();
        assertThat(after.get("posting") - before.get("posting")).isEqualTo(1);
        assertThat(after.get("receipt_line") - before.get("receipt_line")).isEqualTo(1);
    }

    private void waitForLockWaiters(int n) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            // the receipts wait in the line lock's select (… for [no key] update), i.e. before their tolerance check;
            // without the lock they would only queue later, at the line's UPDATE, after both had checked
            Long waiting = jdbc.queryForObject(
                    "select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                            + "and query ilike 'select%from purchase_order_line%for %update%'",
                    Long.class);
            if (waiting != null && waiting >= n) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the two receipts never queued on the PO line lock");
    }

    // ---- reversal of a mistyped lot --------------------------------------------------------------------------------

    @Test
    void a_mistyped_lot_is_reversed_by_a_supervisor_and_received_again_correctly() {
        JsonNode po = order(SUP_MEDIGLOVE, line(SKU_GLOVES_M, 300, "EA", "0.05"));
        long poId = po.get("id").asLong();
        long poLine = po.at("/lines/0/id").asLong();
        long receipt = open(poId, null);
        Actor rita = new Actor(RITA, Set.of("receiving"));
        Actor susan = new Actor(SUSAN, Set.of("receiving-supervisors"));
        events.clear();

        String wrong = gloveLot();
        ReceiptView.Line line = receiving.receive(
                receipt,
                new ReceiveLine(
                        poLine,
                        null,
                        null,
                        null,
                        wrong,
                        null,
                        null,
                        null,
                        null,
                        new BigDecimal("300"),
                        "EA",
                        null,
                        null),
                rita,
                UUID.randomUUID().toString());
        assertThat(events.stream(LotReceived.class))
                .containsExactly(new LotReceived(receipt, line.id(), line.lotId(), dock(), 300, false));
        assertThat(inspections(line.lotId(), receipt, line.id()))
                .as("inspection started for the lot")
                .isEqualTo(1);
        assertThat(poLine(poLine)).isEqualTo(tuple(300L, "RECEIVED"));
        assertThat(poStatus(poId)).isEqualTo("CLOSED");

        String path = "/api/receipts/" + receipt + "/lines/" + line.id() + "/reversal";
        assertRefused(post(RITA, path, Map.of(), UUID.randomUUID().toString()), 403, "FORBIDDEN");
        Reply reversed = post(
                SUSAN,
                path,
                Map.of("note", "lot typed " + wrong + ", label says otherwise"),
                UUID.randomUUID().toString());
        assertThat(reversed.status()).as(reversed.body().toString()).isEqualTo(200);
        assertThat(reversed.body().get("reversed").asBoolean()).isTrue();
        long reversalId = reversed.body().get("reversalPostingId").asLong();
        long supplierLoc = supplierLocation(SUP_MEDIGLOVE);
        assertThat(legs(reversalId))
                .containsExactly(
                        tuple("REVERSAL", line.lotId(), dock(), "QUARANTINE", -300L),
                        tuple("REVERSAL", line.lotId(), supplierLoc, "QUARANTINE", 300L));
        assertThat(balances(line.lotId())).isEmpty();
        assertThat(inspections(line.lotId(), receipt, line.id()))
                .as("inspection of the mistyped lot cancelled")
                .isZero();
        assertThat(poLine(poLine)).isEqualTo(tuple(0L, "OPEN"));
        assertThat(poStatus(poId)).isEqualTo("OPEN");
        assertRefused(post(SUSAN, path, Map.of(), UUID.randomUUID().toString()), 409, "RECEIPT_LINE_ALREADY_REVERSED");

        // the event the inspection process cancels on (published in the service's transaction)
        events.clear();
        ReceiptView.Line corrected = receiving.receive(
                receipt,
                new ReceiveLine(
                        poLine,
                        null,
                        null,
                        null,
                        gloveLot(),
                        null,
                        null,
                        null,
                        null,
                        new BigDecimal("300"),
                        "EA",
                        null,
                        null),
                rita,
                UUID.randomUUID().toString());
        assertThat(poLine(poLine)).isEqualTo(tuple(300L, "RECEIVED"));
        closing.reverseLine(
                receipt, corrected.id(), null, null, susan, UUID.randomUUID().toString());
        assertThat(events.stream(ReceiptLineReversed.class))
                .singleElement()
                .satisfies(e -> assertThat(e.receiptLineId()).isEqualTo(corrected.id()));
        // the database keeps receipt lines append-only
        assertThat(jdbc.queryForList("select id from receipt_line where id = ?", line.id()))
                .hasSize(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jdbc.update("delete from receipt_line where id = ?", line.id()))
                .hasMessageContaining("append-only");
    }

    // ---- close: ASN against receipt ---------------------------------------------------------------------------------

    @Test
    void closing_a_receipt_stores_the_differences_from_the_asn() {
        JsonNode po = order(
                SUP_MEDIGLOVE,
                line(SKU_GLOVES_M, 1000, "EA", "0.05"),
                line(SKU_GLOVES_L, 500, "EA", "0.05"),
                line(SKU_N95, 200, "EA", "0.95"));
        long l1 = po.at("/lines/0/id").asLong(),
                l2 = po.at("/lines/1/id").asLong(),
                l3 = po.at("/lines/2/id").asLong();
        String p = gloveLot(), q = gloveLot(), r = gloveLot(), s = gloveLot(), t = gloveLot();
        LocalDate announcedExpiry = LocalDate.now().plusYears(2);
        LocalDate labelExpiry = announcedExpiry.plusDays(10);
        Reply asn = post(
                ERP,
                "/api/advance-ship-notices",
                Map.of(
                        "asnNumber",
                        "RCV-" + UUID.randomUUID().toString().substring(0, 8),
                        "supplierId",
                        supplier(SUP_MEDIGLOVE),
                        "purchaseOrderId",
                        po.get("id").asLong(),
                        "lines",
                        List.of(
                                body("itemId", item(SKU_GLOVES_M), "lotNumber", p, "quantity", 400, "uom", "EA"),
                                body(
                                        "itemId",
                                        item(SKU_GLOVES_M),
                                        "lotNumber",
                                        q,
                                        "expiresOn",
                                        announcedExpiry.toString(),
                                        "quantity",
                                        300,
                                        "uom",
                                        "EA"),
                                body("itemId", item(SKU_GLOVES_L), "lotNumber", r, "quantity", 500, "uom", "EA"))),
                null);
        assertThat(asn.status()).as(asn.body().toString()).isEqualTo(201);
        long receipt = open(po.get("id").asLong(), asn.id());

        assertThat(receive(RITA, receipt, typed(l1, p, "400", "EA")).status()).isEqualTo(201);
        Map<String, Object> qLine = new LinkedHashMap<>(typed(l1, q, "250", "EA"));
        qLine.put("expiresOn", labelExpiry.toString());
        assertThat(receive(RITA, receipt, qLine).status()).isEqualTo(201);
        assertThat(receive(RITA, receipt, typed(l1, s, "100", "EA")).status()).isEqualTo(201);
        assertThat(receive(RITA, receipt, typed(l3, t, "50", "EA")).status()).isEqualTo(201);

        Reply closed = post(RITA, "/api/receipts/" + receipt + "/close", Map.of(), null);
        assertThat(closed.status()).as(closed.body().toString()).isEqualTo(200);
        assertThat(closed.body().get("status").asText()).isEqualTo("CLOSED");
        List<Tuple> found = new ArrayList<>();
        closed.body()
                .get("discrepancies")
                .forEach(d -> found.add(tuple(
                        d.get("type").asText(),
                        d.get("purchaseOrderLineId").asLong(),
                        d.get("lotNumber").asText(),
                        d.get("expected").asText(),
                        d.get("actual").asText())));
        assertThat(found)
                .containsExactlyInAnyOrder(
                        tuple("QUANTITY", l1, q, "300", "250"),
                        tuple("EXPIRY", l1, q, announcedExpiry.toString(), labelExpiry.toString()),
                        tuple("NOT_ARRIVED", l2, r, "500", "0"),
                        tuple("LOT", l1, s, p + ", " + q, s),
                        tuple("NOT_ANNOUNCED", l3, t, "0", "50"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from receipt_discrepancy where receipt_id = ?", Long.class, receipt))
                .isEqualTo(5);
        assertThat(get(RITA, "/api/advance-ship-notices/" + asn.id())
                        .body()
                        .get("status")
                        .asText())
                .isEqualTo("RECEIVED");
        assertRefused(post(RITA, "/api/receipts/" + receipt + "/close", Map.of(), null), 409, "RECEIPT_CLOSED");
    }

    // ---- helpers
    // ------------------------------------------------------------------------------------------------------

    static void assertRefused(Reply r, int status, String code) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(status);
        assertThat(r.code()).as(r.body().toString()).isEqualTo(code);
    }

    Map<String, Long> counts() {
        Map<String, Long> c = new LinkedHashMap<>();
        for (String t : List.of("posting", "posting_leg", "receipt_line", "lot", "receipt_discrepancy")) {
            c.put(t, jdbc.queryForObject("select count(*) from " + t, Long.class));
        }
        return c;
    }

    List<Tuple> legs(long postingId) {
        return jdbc.query(
                "select p.posting_type, l.lot_id, l.location_id, l.status, l.quantity from posting_leg l "
                        + "join posting p on p.id = l.posting_id where p.id = ? order by l.leg_no",
                (rs, n) -> tuple(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getBigDecimal(5).longValueExact()),
                postingId);
    }

    List<Tuple> balances(Long... lotIds) {
        List<Tuple> rows = new ArrayList<>();
        for (Long lot : lotIds) {
            rows.addAll(jdbc.query(
                    "select lot_id, location_id, status, quantity from stock_balance where lot_id = ? "
                            + "and quantity <> 0",
                    (rs, n) -> tuple(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getBigDecimal(4).longValueExact()),
                    lot));
        }
        return rows;
    }

    Tuple poLine(long id) {
        return jdbc.queryForObject(
                "select received_base_quantity, status from purchase_order_line where id = ?",
                (rs, n) -> tuple(rs.getBigDecimal(1).longValueExact(), rs.getString(2)),
                id);
    }

    String poStatus(long id) {
        return jdbc.queryForObject("select status from purchase_order where id = ?", String.class, id);
    }

    long supplier(String code) {
        return jdbc.queryForObject("select id from supplier where code = ?", Long.class, code);
    }

    long supplierLocation(String code) {
        return jdbc.queryForObject(
                "select l.id from location l join supplier s on s.id = l.supplier_id "
                        + "where s.code = ? and l.kind = 'SUPPLIER'",
                Long.class,
                code);
    }

    long dock() {
        return jdbc.queryForObject("select id from location where barcode = ?", Long.class, EAST_DOCK);
    }

    long item(String sku) {
        return jdbc.queryForObject("select id from item where sku = ?", Long.class, sku);
    }

    /** The item's GTIN at a packaging level, as the catalog API gives it. */
    String gtin(String sku, String uom) {
        JsonNode items = get(RITA, "/api/items?sku=" + sku).body();
        for (JsonNode g : items.get(0).get("gtins")) {
            if (g.get("uom").asText().equals(uom)) {
                return g.get("gtin").asText();
            }
        }
        throw new AssertionError(sku + " has no GTIN for " + uom);
    }

    static String sscc() {
        String data = "0" + "0614141"
                + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
        return data + Gtin.checkDigit(data);
    }

    /** MEDIGLOVE's lot label convention: five digits and a letter. */
    static String gloveLot() {
        return String.format("%05d", LOTS.incrementAndGet() % 100_000)
                + (char) ('A' + ThreadLocalRandom.current().nextInt(26));
    }

    /** DIAGNOSTIX's: five digits, optionally printed "L/12345". */
    static String lotDigits() {
        return String.format("%05d", LOTS.incrementAndGet() % 100_000);
    }

    static Map<String, Object> line(String sku, int quantity, String uom, String price) {
        return body("sku", sku, "quantity", quantity, "uom", uom, "expectedUnitPrice", new BigDecimal(price));
    }

    @SafeVarargs
    final JsonNode order(String supplierCode, Map<String, Object>... lines) {
        List<Map<String, Object>> ls = new ArrayList<>();
        for (Map<String, Object> l : lines) {
            ls.add(body(
                    "itemId",
                    item((String) l.get("sku")),
                    "quantity",
                    l.get("quantity"),
                    "uom",
                    l.get("uom"),
                    "expectedUnitPrice",
                    l.get("expectedUnitPrice")));
        }
        Reply r = post(
                ERP,
                "/api/purchase-orders",
                Map.of(
                        "poNumber",
                        "PO-RCV-" + UUID.randomUUID().toString().substring(0, 8),
                        "supplierId",
                        supplier(supplierCode),
                        "currency",
                        "USD",
                        "lines",
                        ls),
                null);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.body();
    }

    long open(long purchaseOrderId, Long asnId) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("purchaseOrderId", purchaseOrderId);
        b.put("dockBarcode", EAST_DOCK);
        if (asnId != null) {
            b.put("advanceShipNoticeId", asnId);
        }
        Reply r = post(RITA, "/api/receipts", b, null);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        assertThat(r.body().get("status").asText()).isEqualTo("OPEN");
        return r.id();
    }

    static Map<String, Object> typed(long poLine, String lot, String quantity, String uom) {
        return body("purchaseOrderLineId", poLine, "lotNumber", lot, "quantity", new BigDecimal(quantity), "uom", uom);
    }

    static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    Reply receive(String user, long receipt, Map<String, Object> line) {
        return post(
                user,
                "/api/receipts/" + receipt + "/lines",
                line,
                UUID.randomUUID().toString());
    }

    Reply post(String user, String path, Object body, String idempotencyKey) {
        return send(user, HttpMethod.POST, path, body, idempotencyKey);
    }

    Reply get(String user, String path) {
        return send(user, HttpMethod.GET, path, null, null);
    }

    Reply send(String user, HttpMethod method, String path, Object body, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        try {
            String text = null;
            if (body != null) {
                headers.setContentType(MediaType.APPLICATION_JSON);
                text = json.writeValueAsString(body);
            }
            ResponseEntity<String> r = rest.withBasicAuth(user, user + "-demo")
                    .exchange(path, method, new HttpEntity<>(text, headers), String.class);
            JsonNode node = r.getBody() == null || r.getBody().isBlank() ? json.nullNode() : json.readTree(r.getBody());
            return new Reply(r.getStatusCode().value(), node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
