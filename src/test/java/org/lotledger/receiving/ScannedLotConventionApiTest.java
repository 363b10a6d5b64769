package org.lotledger.receiving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotledger.catalog.demo.DemoCatalogLoader.EAST_DOCK;
import static org.lotledger.catalog.demo.DemoCatalogLoader.SKU_GLUCOSE_STRIPS;
import static org.lotledger.catalog.demo.DemoCatalogLoader.SUP_DIAGNOSTIX;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.catalog.demo.DemoCatalogLoader;
import org.lotledger.support.ApiClient;
import org.lotledger.support.HttpReply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * docs/receiving.md: typed lot text follows the supplier's lot-label convention, but a GS1 AI 10 value (and an ASN's
 * lot field) is already a lot field and is taken as it is when it does not follow the printed-label convention.
 * DIAGNOSTIX prints "L/12345" or "12345" ({@code (?:L/)?(?<lot>\d{5})}).
 */
@IntegrationTest
class ScannedLotConventionApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient erp;
    ApiClient rita;
    String stripsEach = DemoCatalogLoader.demoGtin(0, 11);
    String expiry = LocalDate.now().plusYears(1).format(DateTimeFormatter.ofPattern("yyMMdd"));

    @BeforeEach
    void clients() {
        erp = ApiClient.as(port, json, "erp");
        rita = ApiClient.as(port, json, "rita");
    }

    @Test
    void a_scanned_lot_outside_the_suppliers_convention_is_received_as_it_is() {
        long receipt = receiptFor(order(), null);
        String lot = "AB-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);

        HttpReply r = receive(receipt, "(01)" + stripsEach + "(17)" + expiry + "(10)" + lot);

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.body().get("lotNumber").asText()).isEqualTo(lot);
        assertThat(jdbc.queryForObject(
                        "select lot_number from lot where id = ?",
                        String.class,
                        r.body().get("lotId").asLong()))
                .isEqualTo(lot);
    }

    @Test
    void a_scanned_lot_in_the_convention_is_normalised_and_typed_text_outside_it_is_refused() {
        long receipt = receiptFor(order(), null);
        String digits = String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));

        HttpReply r = receive(receipt, "(01)" + stripsEach + "(17)" + expiry + "(10)L/" + digits);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.body().get("lotNumber").asText()).isEqualTo(digits);

        HttpReply typed = rita.send(
                "POST",
                "/api/receipts/" + receipt + "/lines",
                Map.of(
                        "gtin",
                        stripsEach,
                        "lotNumber",
                        "AB-1",
                        "expiresOn",
                        LocalDate.now().plusYears(1).toString(),
                        "quantity",
                        1),
                key());
        assertThat(typed.status()).as(typed.toString()).isEqualTo(422);
        assertThat(typed.code()).isEqualTo("LOT_LABEL_NOT_RECOGNISED");
    }

    @Test
    void an_announced_lot_outside_the_convention_matches_the_same_lot_scanned_when_the_receipt_closes() {
        JsonOrder po = order();
        String lot = "AB-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        HttpReply asn = erp.send(
                "POST",
                "/api/advance-ship-notices",
                Map.of(
                        "asnNumber",
                        "CNV-" + UUID.randomUUID().toString().substring(0, 8),
                        "supplierId",
                        po.supplierId(),
                        "purchaseOrderId",
                        po.id(),
                        "lines",
                        List.of(Map.of(
                                "itemId",
                                po.itemId(),
                                "lotNumber",
                                lot,
                                "quantity",
                                10,
                                "uom",
                                "EA",
                                "expiresOn",
                                LocalDate.now().plusYears(1).toString()))),
                key());
        assertThat(asn.status()).as(asn.toString()).isEqualTo(201);
        long receipt = receiptFor(po, asn.id());

        HttpReply line = receive(receipt, "(01)" + stripsEach + "(17)" + expiry + "(10)" + lot);
        assertThat(line.status()).as(line.toString()).isEqualTo(201);
        HttpReply closed = rita.send("POST", "/api/receipts/" + receipt + "/close", Map.of(), key());
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.body().get("discrepancies"))
                .as("the lot arrived as announced")
                .isEmpty();
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    record JsonOrder(long id, long supplierId, long itemId) {}

    private JsonOrder order() {
        long supplier = jdbc.queryForObject("select id from supplier where code = ?", Long.class, SUP_DIAGNOSTIX);
        long item = jdbc.queryForObject("select id from item where sku = ?", Long.class, SKU_GLUCOSE_STRIPS);
        HttpReply po = erp.send(
                "POST",
                "/api/purchase-orders",
                Map.of(
                        "poNumber",
                        "PO-CNV-" + UUID.randomUUID().toString().substring(0, 8),
                        "supplierId",
                        supplier,
                        "currency",
                        "USD",
                        "lines",
                        List.of(Map.of("itemId", item, "quantity", 100, "uom", "EA", "expectedUnitPrice", 9.9))),
                key());
        assertThat(po.status()).as(po.toString()).isEqualTo(201);
        return new JsonOrder(po.id(), supplier, item);
    }

    private long receiptFor(JsonOrder po, Long asnId) {
        Map<String, Object> body = asnId == null
                ? Map.of("purchaseOrderId", po.id(), "dockBarcode", EAST_DOCK)
                : Map.of("purchaseOrderId", po.id(), "dockBarcode", EAST_DOCK, "advanceShipNoticeId", asnId);
        HttpReply r = rita.send("POST", "/api/receipts", body, key());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.id();
    }

    private HttpReply receive(long receipt, String scan) {
        return rita.send("POST", "/api/receipts/" + receipt + "/lines", Map.of("scan", scan, "quantity", 10), key());
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
