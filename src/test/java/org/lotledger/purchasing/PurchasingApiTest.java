package org.lotledger.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotledger.catalog.demo.DemoCatalogLoader.SKU_FLU_VACCINE;
import static org.lotledger.catalog.demo.DemoCatalogLoader.SKU_GLOVES_M;
import static org.lotledger.catalog.demo.DemoCatalogLoader.SKU_SALINE;
import static org.lotledger.catalog.demo.DemoCatalogLoader.SKU_SYRINGE;
import static org.lotledger.catalog.demo.DemoCatalogLoader.SUP_CHEAPMED;
import static org.lotledger.catalog.demo.DemoCatalogLoader.SUP_MEDIGLOVE;
import static org.lotledger.catalog.demo.DemoCatalogLoader.SUP_NORDVAX;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
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
 * Purchase orders and ASNs through the REST API as the ERP (erp, integration) and a receiving supervisor (susan)
 * would send them, on the demo catalog. Every refused request is checked to have written nothing.
 */
@IntegrationTest
class PurchasingApiTest {

    static final String ERP = "erp";
    static final String SUSAN = "susan";
    static final LocalDate MADE = LocalDate.now().minusMonths(1);
    static final LocalDate EXPIRES = LocalDate.now().plusYears(1);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    PurchaseOrderLines poLines;

    record Reply(int status, JsonNode body, HttpHeaders headers) {
        String code() {
            return body.path("code").asText(null);
        }

        long id() {
            return body.get("id").asLong();
        }
    }

    Reply send(String user, HttpMethod method, String path, Object body, String ifMatch) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        if (ifMatch != null) {
            headers.setIfMatch(ifMatch);
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
            return new Reply(r.getStatusCode().value(), node, r.getHeaders());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void the_demo_supplier_is_orderable() {
        // the demo data is shared by every test of the one context; a test that deactivates demo rows breaks others
        assertThat(jdbc.queryForObject(
                        "select active and approval_status = 'APPROVED' from supplier where code = ?",
                        Boolean.class,
                        SUP_NORDVAX))
                .as(SUP_NORDVAX + " is active and approved in the demo data")
                .isTrue();
    }

    Reply post(String user, String path, Object body) {
        return send(user, HttpMethod.POST, path, body, null);
    }

    Reply get(String user, String path) {
        return send(user, HttpMethod.GET, path, null, null);
    }

    long supplier(String code) {
        return jdbc.queryForObject("select id from supplier where code = ?", Long.class, code);
    }

    long item(String sku) {
        return jdbc.queryForObject("select id from item where sku = ?", Long.class, sku);
    }

    static String unique(String prefix) {
        return prefix + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    }

    /** Rows of every purchasing table and of their audit. */
    Map<String, Long> counts() {
        Map<String, Long> c = new LinkedHashMap<>();
        for (String table :
                List.of("purchase_order", "purchase_order_line", "advance_ship_notice", "asn_line", "asn_sscc")) {
            c.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        c.put(
                "audit",
                jdbc.queryForObject(
                        "select count(*) from catalog_audit where entity_type in (?, ?)",
                        Long.class,
                        PurchaseOrdering.ENTITY,
                        AnnouncingShipments.ENTITY));
        return c;
    }

    static Map<String, Object> line(long itemId, String quantity, String uom, String price) {
        return Map.of(
                "itemId",
                itemId,
                "quantity",
                new BigDecimal(quantity),
                "uom",
                uom,
                "expectedUnitPrice",
                new BigDecimal(price));
    }

    static Map<String, Object> order(String number, long supplierId, List<Map<String, Object>> lines) {
        return Map.of("poNumber", number, "supplierId", supplierId, "currency", "USD", "lines", lines);
    }

    /** Flu vaccine 5 BOX (10 EA each) and syringes 250 EA from NordVax. */
    Reply placeTwoLineOrder(String number) {
        return post(
                ERP,
                "/api/purchase-orders",
                order(
                        number,
                        supplier(SUP_NORDVAX),
                        List.of(
                                line(item(SKU_FLU_VACCINE), "5", "BOX", "87.50"),
                                line(item(SKU_SYRINGE), "250", "EA", "0.12"))));
    }

    static Map<String, Object> asnLine(long itemId, String lot, String quantity, String uom, String sscc) {
        Map<String, Object> l = new HashMap<>();
        l.put("itemId", itemId);
        l.put("lotNumber", lot);
        l.put("manufacturedOn", MADE.toString());
        l.put("expiresOn", EXPIRES.toString());
        l.put("quantity", new BigDecimal(quantity));
        l.put("uom", uom);
        if (sscc != null) {
            l.put("sscc", sscc);
        }
        return l;
    }

    static Map<String, Object> asn(
            String number, long supplierId, long purchaseOrderId, List<Map<String, Object>> lines) {
        return Map.of(
                "asnNumber",
                number,
                "supplierId",
                supplierId,
                "purchaseOrderId",
                purchaseOrderId,
                "shippedOn",
                LocalDate.now().toString(),
                "lines",
                lines);
    }

    /** A valid SSCC no other test uses: extension digit 3, GS1's example prefix, a random serial, its check digit. */
    static String newSscc() {
        String data =
                "30614141" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
        return data + org.lotledger.catalog.item.Gtin.checkDigit(data);
    }

    void assertRefused(Reply r, int status, String code, Map<String, Long> before) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(status);
        assertThat(r.code()).as(r.body().toString()).isEqualTo(code);
        assertThat(r.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(counts()).as("a refused request writes nothing").isEqualTo(before);
    }

    @Test
    void a_purchase_order_with_lines_in_box_and_each_is_read_back_with_base_unit_quantities() {
        String number = unique("PO-");
        Reply placed = placeTwoLineOrder(number.toLowerCase());
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        assertThat(placed.headers().getETag()).isEqualTo("\"0\"");
        assertThat(placed.headers().getLocation().getPath()).isEqualTo("/api/purchase-orders/" + placed.id());

        Reply read = get(SUSAN, "/api/purchase-orders/" + placed.id());
        assertThat(read.status()).isEqualTo(200);
        JsonNode po = read.body();
        assertThat(po.get("poNumber").asText())
                .as("PO numbers are kept upper-case")
                .isEqualTo(number);
        assertThat(po.get("supplierCode").asText()).isEqualTo(SUP_NORDVAX);
        assertThat(po.get("status").asText()).isEqualTo("OPEN");
        assertThat(po.get("currency").asText()).isEqualTo("USD");
        assertThat(po.get("createdBy").asText()).isEqualTo(ERP);
        List<String> lines = new ArrayList<>();
        po.get("lines")
                .forEach(l -> lines.add(l.get("lineNumber").asInt() + " "
                        + l.get("sku").asText() + " "
                        + l.get("quantity").decimalValue().stripTrailingZeros().toPlainString() + " "
                        + l.get("uom").asText()
                        + " = "
                        + l.get("orderedBaseQuantity")
                                .decimalValue()
                                .stripTrailingZeros()
                                .toPlainString() + " "
                        + l.get("baseUom").asText() + " @ "
                        + l.get("expectedUnitPrice")
                                .decimalValue()
                                .stripTrailingZeros()
                                .toPlainString()
                        + " received "
                        + l.get("receivedBaseQuantity")
                                .decimalValue()
                                .stripTrailingZeros()
                                .toPlainString()
                        + " open "
                        + l.get("openBaseQuantity")
                                .decimalValue()
                                .stripTrailingZeros()
                                .toPlainString()
                        + " " + l.get("status").asText()));
        assertThat(lines)
                .containsExactly(
                        "1 " + SKU_FLU_VACCINE + " 5 BOX = 50 EA @ 87.5 received 0 open 50 OPEN",
                        "2 " + SKU_SYRINGE + " 250 EA = 250 EA @ 0.12 received 0 open 250 OPEN");
        assertThat(jdbc.queryForList(
                        "select ordered_base_quantity from purchase_order_line where purchase_order_id = ? "
                                + "order by line_number",
                        BigDecimal.class,
                        placed.id()))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("50"), new BigDecimal("250"));

        JsonNode listed = get(ERP, "/api/purchase-orders?supplier=" + supplier(SUP_NORDVAX) + "&status=OPEN")
                .body();
        List<String> numbers = new ArrayList<>();
        listed.forEach(p -> numbers.add(p.get("poNumber").asText()));
        assertThat(numbers).contains(number);
        assertThat(get(ERP, "/api/purchase-orders?supplier=" + supplier(SUP_MEDIGLOVE))
                        .body()
                        .toString())
                .doesNotContain(number);
        assertThat(get(ERP, "/api/purchase-orders?status=CANCELLED").body().toString())
                .doesNotContain(number);

        JsonNode audit =
                get(ERP, "/api/purchase-orders/" + placed.id() + "/audit").body();
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("action").asText()).isEqualTo("CREATED");
        assertThat(audit.get(0).get("actor").asText()).isEqualTo(ERP);
    }

    @Test
    void a_receiving_supervisor_may_place_an_order_and_a_receiving_clerk_may_only_read_it() {
        Map<String, Object> o =
                order(unique("PO-"), supplier(SUP_NORDVAX), List.of(line(item(SKU_SYRINGE), "1", "BOX", "12")));
        Map<String, Long> before = counts();
        Reply byClerk = post("rita", "/api/purchase-orders", o);
        assertThat(byClerk.status()).isEqualTo(403);
        assertThat(counts()).isEqualTo(before);
        Reply bySupervisor = post(SUSAN, "/api/purchase-orders", o);
        assertThat(bySupervisor.status()).as(bySupervisor.body().toString()).isEqualTo(201);
        assertThat(get("rita", "/api/purchase-orders/" + bySupervisor.id()).status())
                .isEqualTo(200);
    }

    @Test
    void an_order_from_a_blocked_supplier_is_refused() {
        Map<String, Long> before = counts();
        Reply r = post(
                ERP,
                "/api/purchase-orders",
                order(unique("PO-"), supplier(SUP_CHEAPMED), List.of(line(item(SKU_GLOVES_M), "10", "BOX", "5.00"))));
        assertRefused(r, 422, "SUPPLIER_BLOCKED", before);
    }

    @Test
    void a_unit_the_item_does_not_have_is_refused_and_the_valid_line_before_it_is_not_kept() {
        Map<String, Long> before = counts();
        Reply r = post(
                ERP,
                "/api/purchase-orders",
                order(
                        unique("PO-"),
                        supplier(SUP_NORDVAX),
                        List.of(
                                line(item(SKU_FLU_VACCINE), "5", "BOX", "87.50"),
                                line(item(SKU_SYRINGE), "3", "PALLET", "1.00"))));
        assertRefused(r, 422, "UOM_NOT_CONVERTIBLE", before);
        assertThat(r.body().get("line").asInt()).isEqualTo(2);
    }

    @Test
    void other_refused_lines_name_their_rule() {
        Map<String, Long> before = counts();
        long nordvax = supplier(SUP_NORDVAX);
        assertRefused(
                post(
                        ERP,
                        "/api/purchase-orders",
                        order(unique("PO-"), nordvax, List.of(line(item(SKU_SALINE), "1.5", "EA", "1")))),
                422,
                "UOM_NOT_CONVERTIBLE",
                before);
        assertRefused(
                post(
                        ERP,
                        "/api/purchase-orders",
                        order(unique("PO-"), nordvax, List.of(line(item(SKU_SALINE), "0", "BOX", "1")))),
                422,
                "INVALID_QUANTITY",
                before);
        assertRefused(
                post(
                        ERP,
                        "/api/purchase-orders",
                        order(unique("PO-"), nordvax, List.of(line(item(SKU_SALINE), "2", "BOX", "-0.01")))),
                422,
                "INVALID_UNIT_PRICE",
                before);
        assertRefused(
                post(
                        ERP,
                        "/api/purchase-orders",
                        order(unique("PO-"), nordvax, List.of(line(999_999_999L, "2", "BOX", "1")))),
                404,
                "UNKNOWN_ITEM",
                before);
        assertRefused(
                post(
                        ERP,
                        "/api/purchase-orders",
                        order(unique("PO-"), 999_999_999L, List.of(line(item(SKU_SALINE), "2", "BOX", "1")))),
                404,
                "UNKNOWN_SUPPLIER",
                before);
        assertRefused(
                post(
                        ERP,
                        "/api/purchase-orders",
                        Map.of(
                                "poNumber",
                                unique("PO-"),
                                "supplierId",
                                nordvax,
                                "currency",
                                "XYZ",
                                "lines",
                                List.of(line(item(SKU_SALINE), "2", "BOX", "1")))),
                422,
                "INVALID_CURRENCY",
                before);
        assertRefused(
                post(
                        ERP,
                        "/api/purchase-orders",
                        Map.of(
                                "poNumber",
                                unique("PO-"),
                                "supplierId",
                                nordvax,
                                "currency",
                                "USD",
                                "lines",
                                List.of())),
                400,
                "VALIDATION_FAILED",
                before);
    }

    @Test
    void a_po_number_already_used_is_refused_with_409() {
        String number = unique("PO-");
        Reply first = placeTwoLineOrder(number);
        assertThat(first.status()).isEqualTo(201);
        Map<String, Long> before = counts();
        Reply again = post(
                ERP,
                "/api/purchase-orders",
                order(
                        number.toLowerCase(),
                        supplier(SUP_MEDIGLOVE),
                        List.of(line(item(SKU_GLOVES_M), "1", "BOX", "5"))));
        assertRefused(again, 409, "PO_NUMBER_TAKEN", before);
        assertThat(again.body().get("purchaseOrderId").asLong()).isEqualTo(first.id());
    }

    @Test
    void an_asn_announces_several_lots_for_one_line_and_one_for_another_on_a_mixed_pallet() {
        Reply po = placeTwoLineOrder(unique("PO-"));
        long flu = item(SKU_FLU_VACCINE);
        long syringe = item(SKU_SYRINGE);
        String pallet = newSscc();
        String asnNumber = unique("ASN-");
        Reply created = post(
                ERP,
                "/api/advance-ship-notices",
                asn(
                        asnNumber,
                        supplier(SUP_NORDVAX),
                        po.id(),
                        List.of(
                                asnLine(flu, "23457", "3", "BOX", pallet),
                                asnLine(flu, "23458", "20", "EA", pallet),
                                asnLine(syringe, "SYR-9", "2", "BOX", newSscc()))));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.headers().getLocation().getPath()).isEqualTo("/api/advance-ship-notices/" + created.id());

        JsonNode asn = get("rita", "/api/advance-ship-notices/" + created.id()).body();
        assertThat(asn.get("status").asText()).isEqualTo("OPEN");
        assertThat(asn.get("purchaseOrderNumber").asText())
                .isEqualTo(po.body().get("poNumber").asText());
        List<String> lines = new ArrayList<>();
        asn.get("lines")
                .forEach(l -> lines.add(l.get("lineNumber").asInt() + " PO line "
                        + l.get("poLineNumber").asInt()
                        + " " + l.get("sku").asText() + " lot "
                        + l.get("lotNumber").asText() + " "
                        + l.get("baseQuantity")
                                .decimalValue()
                                .stripTrailingZeros()
                                .toPlainString() + " EA, expires "
                        + l.get("expiresOn").asText()));
        assertThat(lines)
                .containsExactly(
                        "1 PO line 1 " + SKU_FLU_VACCINE + " lot 23457 30 EA, expires " + EXPIRES,
                        "2 PO line 1 " + SKU_FLU_VACCINE + " lot 23458 20 EA, expires " + EXPIRES,
                        "3 PO line 2 " + SKU_SYRINGE + " lot SYR-9 200 EA, expires " + EXPIRES);
        assertThat(asn.get("lines").get(0).get("sscc").asText()).isEqualTo(pallet);
        assertThat(asn.get("lines").get(1).get("sscc").asText())
                .as("two lots on one pallet")
                .isEqualTo(pallet);

        JsonNode ofOrder = get(SUSAN, "/api/purchase-orders/" + po.id() + "/advance-ship-notices")
                .body();
        assertThat(ofOrder).hasSize(1);
        assertThat(ofOrder.get(0).get("asnNumber").asText()).isEqualTo(asnNumber);
        JsonNode bySscc =
                get("rita", "/api/advance-ship-notices?sscc=" + pallet).body();
        assertThat(bySscc).hasSize(1);
        assertThat(bySscc.get(0).get("id").asLong()).isEqualTo(created.id());

        // an ASN changes nothing on the order: receiving does
        JsonNode order = get(ERP, "/api/purchase-orders/" + po.id()).body();
        assertThat(order.get("lines").get(0).get("receivedBaseQuantity").decimalValue())
                .isEqualByComparingTo("0");
    }

    @Test
    void an_asn_may_name_its_order_by_number_but_not_an_order_of_another_supplier() {
        Reply po = placeTwoLineOrder(unique("PO-"));
        String poNumber = po.body().get("poNumber").asText();
        Map<String, Object> byNumber = Map.of(
                "asnNumber",
                unique("ASN-"),
                "supplierId",
                supplier(SUP_NORDVAX),
                "purchaseOrderNumber",
                poNumber,
                "lines",
                List.of(asnLine(item(SKU_SYRINGE), "S1", "10", "EA", null)));
        Reply created = post(SUSAN, "/api/advance-ship-notices", byNumber);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().get("purchaseOrderId").asLong()).isEqualTo(po.id());

        Map<String, Long> before = counts();
        Reply wrongSupplier = post(
                ERP,
                "/api/advance-ship-notices",
                asn(
                        unique("ASN-"),
                        supplier(SUP_MEDIGLOVE),
                        po.id(),
                        List.of(asnLine(item(SKU_SYRINGE), "S1", "10", "EA", null))));
        assertRefused(wrongSupplier, 422, "ASN_SUPPLIER_MISMATCH", before);
        Reply unknownOrder = post(
                ERP,
                "/api/advance-ship-notices",
                Map.of(
                        "asnNumber",
                        unique("ASN-"),
                        "supplierId",
                        supplier(SUP_NORDVAX),
                        "purchaseOrderNumber",
                        "NO-SUCH-PO",
                        "lines",
                        List.of(asnLine(item(SKU_SYRINGE), "S1", "10", "EA", null))));
        assertRefused(unknownOrder, 404, "UNKNOWN_PURCHASE_ORDER", before);
        Reply sameNumberAgain = post(
                ERP,
                "/api/advance-ship-notices",
                Map.of(
                        "asnNumber",
                        created.body().get("asnNumber").asText(),
                        "supplierId",
                        supplier(SUP_NORDVAX),
                        "purchaseOrderId",
                        po.id(),
                        "lines",
                        List.of(asnLine(item(SKU_SYRINGE), "S2", "10", "EA", null))));
        assertRefused(sameNumberAgain, 409, "ASN_NUMBER_TAKEN", before);
    }

    @Test
    void an_asn_line_for_an_item_not_on_the_order_is_refused() {
        Reply po = placeTwoLineOrder(unique("PO-"));
        Map<String, Long> before = counts();
        Reply r = post(
                ERP,
                "/api/advance-ship-notices",
                asn(
                        unique("ASN-"),
                        supplier(SUP_NORDVAX),
                        po.id(),
                        List.of(
                                asnLine(item(SKU_FLU_VACCINE), "23457", "1", "BOX", null),
                                asnLine(item(SKU_SALINE), "B2026-002", "1", "BOX", null))));
        assertRefused(r, 422, "ITEM_NOT_ON_PO", before);
        assertThat(r.body().get("line").asInt()).isEqualTo(2);
    }

    @Test
    void asn_lines_without_what_the_item_requires_are_refused() {
        Reply po = placeTwoLineOrder(unique("PO-"));
        long flu = item(SKU_FLU_VACCINE);
        Map<String, Long> before = counts();

        Map<String, Object> noLot = asnLine(flu, null, "1", "BOX", null);
        assertRefused(
                post(
                        ERP,
                        "/api/advance-ship-notices",
                        asn(unique("ASN-"), supplier(SUP_NORDVAX), po.id(), List.of(noLot))),
                422,
                "LOT_NUMBER_REQUIRED",
                before);

        Map<String, Object> noExpiry = asnLine(flu, "23457", "1", "BOX", null);
        noExpiry.remove("expiresOn");
        assertRefused(
                post(
                        ERP,
                        "/api/advance-ship-notices",
                        asn(unique("ASN-"), supplier(SUP_NORDVAX), po.id(), List.of(noExpiry))),
                422,
                "EXPIRY_REQUIRED",
                before);

        Map<String, Object> madeAfterExpiry = asnLine(flu, "23457", "1", "BOX", null);
        madeAfterExpiry.put("manufacturedOn", EXPIRES.plusDays(1).toString());
        assertRefused(
                post(
                        ERP,
                        "/api/advance-ship-notices",
                        asn(unique("ASN-"), supplier(SUP_NORDVAX), po.id(), List.of(madeAfterExpiry))),
                422,
                "INVALID_LOT_DATES",
                before);

        assertRefused(
                post(
                        ERP,
                        "/api/advance-ship-notices",
                        asn(
                                unique("ASN-"),
                                supplier(SUP_NORDVAX),
                                po.id(),
                                List.of(asnLine(flu, "23457", "1", "PALLET", null)))),
                422,
                "UOM_NOT_CONVERTIBLE",
                before);
    }

    @Test
    void an_sscc_with_a_bad_check_digit_is_refused() {
        Reply po = placeTwoLineOrder(unique("PO-"));
        String good = newSscc();
        String bad = good.substring(0, 17) + ((good.charAt(17) - '0' + 1) % 10);
        Map<String, Long> before = counts();
        Reply r = post(
                ERP,
                "/api/advance-ship-notices",
                asn(
                        unique("ASN-"),
                        supplier(SUP_NORDVAX),
                        po.id(),
                        List.of(asnLine(item(SKU_SYRINGE), "S1", "10", "EA", bad))));
        assertRefused(r, 422, "INVALID_SSCC", before);
        assertThat(r.body().get("sscc").asText()).isEqualTo(bad);
    }

    @Test
    void an_sscc_already_announced_on_another_asn_is_refused() {
        Reply po = placeTwoLineOrder(unique("PO-"));
        String sscc = newSscc();
        Reply first = post(
                ERP,
                "/api/advance-ship-notices",
                asn(
                        unique("ASN-"),
                        supplier(SUP_NORDVAX),
                        po.id(),
                        List.of(asnLine(item(SKU_SYRINGE), "S1", "10", "EA", sscc))));
        assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
        Map<String, Long> before = counts();
        Reply second = post(
                ERP,
                "/api/advance-ship-notices",
                asn(
                        unique("ASN-"),
                        supplier(SUP_NORDVAX),
                        po.id(),
                        List.of(
                                asnLine(item(SKU_SYRINGE), "S2", "10", "EA", newSscc()),
                                asnLine(item(SKU_FLU_VACCINE), "23457", "1", "BOX", sscc))));
        assertRefused(second, 409, "SSCC_TAKEN", before);
        assertThat(second.body().get("advanceShipNoticeId").asLong()).isEqualTo(first.id());
    }

    @Test
    void an_order_with_nothing_received_is_cancelled_with_its_lines_and_asns_and_then_takes_no_asn() {
        Reply po = placeTwoLineOrder(unique("PO-"));
        Reply asn = post(
                ERP,
                "/api/advance-ship-notices",
                asn(
                        unique("ASN-"),
                        supplier(SUP_NORDVAX),
                        po.id(),
                        List.of(asnLine(item(SKU_SYRINGE), "S1", "10", "EA", null))));
        assertThat(asn.status()).isEqualTo(201);
        String path = "/api/purchase-orders/" + po.id();
        Map<String, Long> before = counts();
        Reply stale = send(SUSAN, HttpMethod.POST, path + "/cancel", Map.of("reason", "stale"), "\"7\"");
        assertRefused(stale, 412, "VERSION_CONFLICT", before);

        Reply cancelled = send(
                SUSAN,
                HttpMethod.POST,
                path + "/cancel",
                Map.of("reason", "supplier cannot deliver"),
                get(SUSAN, path).headers().getETag());
        assertThat(cancelled.status()).as(cancelled.body().toString()).isEqualTo(200);
        assertThat(cancelled.headers().getETag()).isEqualTo("\"1\"");
        JsonNode order = get(ERP, path).body();
        assertThat(order.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(order.get("cancelledBy").asText()).isEqualTo(SUSAN);
        assertThat(order.get("cancelReason").asText()).isEqualTo("supplier cannot deliver");
        order.get("lines").forEach(l -> assertThat(l.get("status").asText()).isEqualTo("CANCELLED"));
        assertThat(get(ERP, "/api/advance-ship-notices/" + asn.id())
                        .body()
                        .get("status")
                        .asText())
                .isEqualTo("CANCELLED");
        JsonNode audit = get(ERP, path + "/audit").body();
        assertThat(audit).hasSize(2);
        assertThat(audit.get(1).at("/changes/status/to").asText()).isEqualTo("CANCELLED");
        assertThat(audit.get(1).get("actor").asText()).isEqualTo(SUSAN);

        Map<String, Long> afterCancel = counts();
        assertRefused(post(ERP, path + "/cancel", null), 409, "PURCHASE_ORDER_NOT_OPEN", afterCancel);
        assertRefused(
                post(
                        ERP,
                        "/api/advance-ship-notices",
                        asn(
                                unique("ASN-"),
                                supplier(SUP_NORDVAX),
                                po.id(),
                                List.of(asnLine(item(SKU_SYRINGE), "S1", "10", "EA", null)))),
                409,
                "PURCHASE_ORDER_NOT_OPEN",
                afterCancel);
        assertRefused(
                post(ERP, "/api/purchase-orders/999999999/cancel", null), 404, "UNKNOWN_PURCHASE_ORDER", afterCancel);
    }

    @Test
    void an_order_with_a_receipt_on_a_line_cannot_be_cancelled() {
        Reply po = placeTwoLineOrder(unique("PO-"));
        long lineId = po.body().get("lines").get(1).get("id").asLong();
        // what receiving will do: lock the line, add what it received, in its own transaction
        tx.executeWithoutResult(s -> poLines.lockById(lineId).orElseThrow().addReceived(BigDecimal.valueOf(100)));
        Map<String, Long> before = counts();
        Reply r = post(SUSAN, "/api/purchase-orders/" + po.id() + "/cancel", Map.of());
        assertRefused(r, 409, "PURCHASE_ORDER_HAS_RECEIPTS", before);
        JsonNode order = get(ERP, "/api/purchase-orders/" + po.id()).body();
        assertThat(order.get("status").asText()).isEqualTo("OPEN");
        assertThat(order.get("lines").get(0).get("status").asText()).isEqualTo("OPEN");
        assertThat(order.get("lines").get(1).get("openBaseQuantity").decimalValue())
                .isEqualByComparingTo("150");
    }

    /**
     * The design receiving relies on: while one transaction holds a line, a second one asking for it waits, and then
     * reads what the first committed. Without the lock the second would read 0 and both would think there is room.
     */
    @Test
    void two_transactions_locking_one_line_take_turns_and_the_second_sees_what_the_first_received() throws Exception {
        Reply po = placeTwoLineOrder(unique("PO-"));
        long lineId = po.body().get("lines").get(0).get("id").asLong();
        CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
            PurchaseOrderLine line = poLines.lockById(lineId).orElseThrow();
            line.addReceived(BigDecimal.valueOf(30));
            poLines.flush();
            firstHoldsTheLock.countDown();
            sleep(700);
        }));
        assertThat(firstHoldsTheLock.await(10, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();
        BigDecimal seenBySecond = tx.execute(s -> {
            PurchaseOrderLine line = poLines.lockById(lineId).orElseThrow();
            BigDecimal seen = line.getReceivedBaseQuantity();
            line.addReceived(BigDecimal.valueOf(25));
            return seen;
        });
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        first.get(10, TimeUnit.SECONDS);
        assertThat(seenBySecond).isEqualByComparingTo("30");
        assertThat(waitedMillis).as("the second waited for the first to commit").isGreaterThanOrEqualTo(300);
        assertThat(jdbc.queryForObject(
                        "select received_base_quantity from purchase_order_line where id = ?",
                        BigDecimal.class,
                        lineId))
                .isEqualByComparingTo("55");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
