package org.lotledger.fulfillment.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.location.LocationKind;
import org.lotledger.common.Actor;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.Movement;
import org.lotledger.ledger.PostingRequest;
import org.lotledger.ledger.PostingType;
import org.lotledger.ledger.Reservation;
import org.lotledger.ledger.Reservations;
import org.lotledger.ledger.StockStatus;
import org.lotledger.support.ApiClient;
import org.lotledger.support.EastSalesOrders;
import org.lotledger.support.HttpReply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Shipments through the API on the demo EAST warehouse: the test stages stock itself as the pick will (a PICK posting
 * to EAST-SHIP-01 and a pending SALES_ORDER reservation there), then opens and dispatches as walt (warehouse@EAST);
 * legs, balances and reservations are checked against the database.
 */
@IntegrationTest
class ShipmentsApiTest {

    static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    TestRestTemplate rest;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    Reservations reservations;

    @Autowired
    CatalogQueries catalog;

    @Autowired
    org.lotledger.quality.PlacingHold placing;

    long orderId;
    long line1;
    long line2;
    long lot;
    long storage;
    long staging;
    long customerLocation;
    long adjustment;
    String tag;

    /** As a client writing its own body (malformed JSON too), through the shared {@link ApiClient}. */
    HttpReply send(String user, HttpMethod method, String path, Object body, String key) {
        return ApiClient.as(port, json, user).sendAsIs(method.name(), path, body, key);
    }

    @BeforeEach
    void orderAndStock() {
        tag = "SHT" + SEQ.incrementAndGet()
                + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        EastSalesOrders.Placed placed = EastSalesOrders.place(ApiClient.as(port, json, "erp"), tag, "GLV-NIT-M", 10, 5);
        orderId = placed.orderId();
        line1 = placed.line1();
        line2 = placed.line2();
        long itemId = placed.itemId();
        long east = jdbc.queryForObject("select id from warehouse where code = 'EAST'", Long.class);
        long supplier = jdbc.queryForObject("select id from supplier where code = 'MEDIGLOVE'", Long.class);
        lot = jdbc.queryForObject("""
                insert into lot (item_id, supplier_id, lot_number, internal_label, expires_on, unit_cost, currency)
                values (?, ?, ?, ?, current_date + 400, 0.05, 'USD') returning id""", Long.class, itemId, supplier, "G" + tag, "LL-" + tag);
        storage = catalog.findLocationByBarcode("EAST-AMB-01-01").orElseThrow().id();
        staging = catalog.findLocationByBarcode("EAST-SHIP-01").orElseThrow().id();
        customerLocation = catalog.customerLocationId(placed.customerId());
        adjustment = catalog.warehouseLocationId(east, LocationKind.ADJUSTMENT);
        ledger.post(PostingRequest.of(PostingType.OPENING_BALANCE, EastSalesOrders.IVY, "open-" + tag)
                .movement(new Movement(
                        lot,
                        catalog.warehouseLocationId(east, LocationKind.ADJUSTMENT),
                        StockStatus.AVAILABLE,
                        storage,
                        StockStatus.AVAILABLE,
                        100))
                .reason("OPENING")
                .build());
    }

    private Reservation stage(long lineId, long quantity) {
        return EastSalesOrders.stage(ledger, reservations, orderId, lineId, lot, storage, staging, quantity);
    }

    private List<String> balances() {
        return jdbc.query(
                "select location_id, status, quantity from stock_balance where lot_id = ? and quantity <> 0"
                        + " order by location_id, status",
                (rs, i) -> where(rs.getLong(1)) + " " + rs.getString(2) + " "
                        + rs.getBigDecimal(3).stripTrailingZeros().toPlainString(),
                lot);
    }

    private String where(long location) {
        return location == storage
                ? "STORAGE"
                : location == staging
                        ? "STAGING"
                        : location == customerLocation ? "CUSTOMER" : location == adjustment ? "ADJ" : "#" + location;
    }

    private long postingsOfLot() {
        return jdbc.queryForObject(
                "select count(distinct posting_id) from posting_leg where lot_id = ?", Long.class, lot);
    }

    @Test
    void a_shipment_opens_over_what_is_staged_and_dispatch_posts_it_to_the_customer() {
        Reservation staged = stage(line1, 10);
        HttpReply refused = send("wes", HttpMethod.POST, "/api/sales-orders/" + orderId + "/shipments", null, null);
        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("NOT_WAREHOUSE_STAFF");

        HttpReply opened = send("walt", HttpMethod.POST, "/api/sales-orders/" + orderId + "/shipments", null, null);
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        long shipment = opened.body().get("id").asLong();
        assertThat(opened.body().get("shipmentNumber").asText()).matches("SH-EAST-\\d+");
        assertThat(opened.body().get("state").asText()).isEqualTo("OPEN");
        assertThat(opened.body().at("/lines/0/state").asText()).isEqualTo("STAGED");
        assertThat(opened.body().get("lines")).hasSize(1);

        HttpReply again = send("walt", HttpMethod.POST, "/api/sales-orders/" + orderId + "/shipments", null, null);
        assertThat(again.status()).as(again.text()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("NOTHING_STAGED");

        long before = postingsOfLot();
        HttpReply wrong = send(
                "walt",
                HttpMethod.POST,
                "/api/shipments/" + shipment + "/dispatch",
                Map.of("stagingLocation", "EAST-AMB-01-01"),
                null);
        assertThat(wrong.status()).as(wrong.text()).isEqualTo(422);
        assertThat(wrong.code()).isEqualTo("WRONG_LOCATION");
        HttpReply wes = send(
                "wes",
                HttpMethod.POST,
                "/api/shipments/" + shipment + "/dispatch",
                Map.of("stagingLocation", "EAST-SHIP-01"),
                null);
        assertThat(wes.status()).as(wes.text()).isEqualTo(403);
        assertThat(wes.code()).isEqualTo("NOT_WAREHOUSE_STAFF");
        assertThat(postingsOfLot()).isEqualTo(before);

        String key = UUID.randomUUID().toString();
        HttpReply dispatched = send(
                "walt",
                HttpMethod.POST,
                "/api/shipments/" + shipment + "/dispatch",
                Map.of("stagingLocation", "east-ship-01"),
                key);
        assertThat(dispatched.status()).as(dispatched.text()).isEqualTo(200);
        assertThat(dispatched.body().get("state").asText()).isEqualTo("DISPATCHED");
        assertThat(dispatched.body().at("/lines/0/state").asText()).isEqualTo("SHIPPED");
        long posting = dispatched.body().get("postingId").asLong();
        assertThat(jdbc.query("select posting_type from posting where id = ?", (rs, i) -> rs.getString(1), posting))
                .containsExactly("SHIPMENT");
        assertThat(jdbc.query(
                        "select location_id, status, quantity from posting_leg where posting_id = ? order by leg_no",
                        (rs, i) -> where(rs.getLong(1)) + " " + rs.getString(2) + " "
                                + rs.getBigDecimal(3).stripTrailingZeros().toPlainString(),
                        posting))
                .containsExactly("STAGING AVAILABLE -10", "CUSTOMER AVAILABLE 10");
        assertThat(balances())
                .containsExactlyInAnyOrder("ADJ AVAILABLE -100", "STORAGE AVAILABLE 90", "CUSTOMER AVAILABLE 10");
        assertThat(reservations.get(staged.id()).state()).isEqualTo(Reservation.State.POSTED);
        assertThat(reservations.get(staged.id()).postingId()).isEqualTo(posting);
        assertThat(jdbc.queryForObject(
                        "select shipped_base_quantity || ' ' || status from sales_order_line where id = ?",
                        String.class,
                        line1))
                .isEqualTo("10.0000 SHIPPED");
        assertThat(jdbc.queryForObject("select status from sales_order where id = ?", String.class, orderId))
                .isEqualTo("PARTIALLY_SHIPPED");

        HttpReply replay = send(
                "walt",
                HttpMethod.POST,
                "/api/shipments/" + shipment + "/dispatch",
                Map.of("stagingLocation", "east-ship-01"),
                key);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.text()).isEqualTo(dispatched.text());
        HttpReply twice = send(
                "walt",
                HttpMethod.POST,
                "/api/shipments/" + shipment + "/dispatch",
                Map.of("stagingLocation", "EAST-SHIP-01"),
                null);
        assertThat(twice.status()).as(twice.text()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("SHIPMENT_ALREADY_DISPATCHED");
        assertThat(balances())
                .containsExactlyInAnyOrder("ADJ AVAILABLE -100", "STORAGE AVAILABLE 90", "CUSTOMER AVAILABLE 10");

        HttpReply listed = send("erp", HttpMethod.GET, "/api/shipments?order=" + orderId, null, null);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).hasSize(1);
        HttpReply one = send("quinn", HttpMethod.GET, "/api/shipments/" + shipment, null, null);
        assertThat(one.body().get("postingId").asLong()).isEqualTo(posting);
    }

    @Test
    void the_second_line_staged_later_ships_in_a_second_shipment_and_the_order_is_shipped() {
        stage(line1, 10);
        HttpReply first = send("walt", HttpMethod.POST, "/api/sales-orders/" + orderId + "/shipments", null, null);
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        stage(line2, 5);
        HttpReply second = send("walt", HttpMethod.POST, "/api/sales-orders/" + orderId + "/shipments", null, null);
        assertThat(second.status()).as(second.text()).isEqualTo(201);
        assertThat(second.body().get("lines")).hasSize(1);
        for (HttpReply s : List.of(first, second)) {
            HttpReply d = send(
                    "walt",
                    HttpMethod.POST,
                    "/api/shipments/" + s.body().get("id").asLong() + "/dispatch",
                    Map.of("stagingLocation", "EAST-SHIP-01"),
                    null);
            assertThat(d.status()).as(d.text()).isEqualTo(200);
        }
        assertThat(balances())
                .containsExactlyInAnyOrder("ADJ AVAILABLE -100", "STORAGE AVAILABLE 85", "CUSTOMER AVAILABLE 15");
        assertThat(jdbc.queryForObject("select status from sales_order where id = ?", String.class, orderId))
                .isEqualTo("SHIPPED");
    }

    @Test
    void an_unknown_shipment_or_order_and_a_malformed_dispatch_are_refused_with_nothing_posted() {
        stage(line1, 10);
        HttpReply opened = send("walt", HttpMethod.POST, "/api/sales-orders/" + orderId + "/shipments", null, null);
        long shipment = opened.body().get("id").asLong();
        long before = postingsOfLot();
        String path = "/api/shipments/" + shipment + "/dispatch";
        List<Object[]> cases = List.of(
                new Object[] {"/api/shipments/999999999/dispatch", Map.of("stagingLocation", "EAST-SHIP-01"), 404},
                new Object[] {"/api/sales-orders/999999999/shipments", null, 404},
                new Object[] {path, "{", 400},
                new Object[] {path, "[]", 400},
                new Object[] {path, "{}", 400},
                new Object[] {path, "{\"stagingLocation\": null}", 400},
                new Object[] {path, "{\"stagingLocation\": \"\"}", 400},
                new Object[] {path, "{\"stagingLocation\": \"   \"}", 400},
                new Object[] {path, "{\"stagingLocation\": \"EAST\\u0000SHIP\"}", 400},
                new Object[] {path, "{\"stagingLocation\": \"EAST-SHIP-01\\n\"}", 400},
                new Object[] {path, Map.of("stagingLocation", "X".repeat(61)), 400},
                new Object[] {path, "{\"stagingLocation\": 12}", 400},
                new Object[] {path, "{\"stagingLocation\": [\"EAST-SHIP-01\"]}", 400},
                new Object[] {path, "{\"stagingLocation\": \"EAST-SHIP-01\", \"extra\": 1}", 400},
                new Object[] {path, "{\"stagingLocation\": \"EAST-SHIP-01\",}", 400},
                new Object[] {path, "\"EAST-SHIP-01\"", 400},
                new Object[] {path, "null", 400},
                new Object[] {path, Map.of("stagingLocation", "NO-SUCH-BIN"), 422},
                new Object[] {path, Map.of("stagingLocation", "EAST-AMB-01-01"), 422},
                new Object[] {path, Map.of("stagingLocation", "WEST-SHIP-01"), 422},
                new Object[] {"/api/shipments/abc/dispatch", Map.of("stagingLocation", "EAST-SHIP-01"), 400},
                new Object[] {"/api/shipments/-1/dispatch", Map.of("stagingLocation", "EAST-SHIP-01"), 404},
                new Object[] {"/api/sales-orders/abc/shipments", null, 400},
                new Object[] {"/api/sales-orders/" + orderId + "/shipments", "{", 400},
                new Object[] {"/api/sales-orders/" + orderId + "/shipments", "{\"unknown\": 1}", 400},
                new Object[] {"/api/sales-orders/" + orderId + "/shipments", Map.of("note", "n".repeat(501)), 400},
                new Object[] {"/api/sales-orders/" + orderId + "/shipments", "{\"note\": \"a\\u0007b\"}", 400},
                new Object[] {"/api/sales-orders/" + orderId + "/shipments", "[1]", 400},
                new Object[] {"/api/sales-orders/" + orderId + "/shipments", null, 409},
                new Object[] {path, "{\"stagingLocation\": \"EAST-SHIP-01\" \"x\"}", 400});
        assertThat(cases).hasSizeGreaterThanOrEqualTo(30);
        for (Object[] c : cases) {
            HttpReply r = send("walt", HttpMethod.POST, (String) c[0], c[1], null);
            assertThat(r.status()).as(c[0] + " " + c[1] + " → " + r.text()).isEqualTo((int) c[2]);
            assertThat(r.code()).as(r.text()).isNotBlank();
        }
        assertThat(postingsOfLot()).isEqualTo(before);
        assertThat(send("walt", HttpMethod.GET, "/api/shipments/" + shipment, null, null)
                        .body()
                        .get("state")
                        .asText())
                .isEqualTo("OPEN");
    }

    private String csv(String user, String path, String accept) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Accept", accept);
        ResponseEntity<String> r = rest.withBasicAuth(user, user + "-demo")
                .exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("text/csv");
        return r.getBody();
    }

    @Test
    void the_packing_list_and_the_history_say_what_went_to_the_customer_and_sum_to_its_balance() {
        stage(line1, 10);
        HttpReply opened = send("walt", HttpMethod.POST, "/api/sales-orders/" + orderId + "/shipments", null, null);
        long shipment = opened.body().get("id").asLong();
        String number = opened.body().get("shipmentNumber").asText();
        HttpReply d = send(
                "walt",
                HttpMethod.POST,
                "/api/shipments/" + shipment + "/dispatch",
                Map.of("stagingLocation", "EAST-SHIP-01"),
                null);
        assertThat(d.status()).as(d.text()).isEqualTo(200);

        HttpReply list = send("erp", HttpMethod.GET, "/api/shipments/" + shipment + "/packing-list", null, null);
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        JsonNode p = list.body();
        assertThat(p.get("shipmentNumber").asText()).isEqualTo(number);
        assertThat(p.get("orderNumber").asText()).isEqualTo("SO-" + tag);
        assertThat(p.at("/shipTo/name").asText()).isEqualTo("Mercy General Hospital");
        assertThat(p.at("/shipTo/address/city").asText()).isEqualTo("Newark");
        assertThat(p.at("/shipTo/gln").asText()).hasSize(13);
        assertThat(p.at("/shipFrom/code").asText()).isEqualTo("EAST");
        assertThat(p.get("items")).hasSize(1);
        JsonNode item = p.at("/items/0");
        assertThat(item.get("sku").asText()).isEqualTo("GLV-NIT-M");
        assertThat(item.get("lotNumber").asText()).isEqualTo("G" + tag);
        assertThat(item.get("internalLabel").asText()).isEqualTo("LL-" + tag);
        assertThat(item.get("quantity").asLong()).isEqualTo(10);
        assertThat(item.get("unit").asText()).isEqualTo("EA");
        assertThat(item.get("temperatureClass").asText()).isEqualTo("AMBIENT");

        String text = csv("erp", "/api/shipments/" + shipment + "/packing-list", "text/csv");
        String[] lines = text.split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("shipment_number,state,order_number,");
        assertThat(lines[1]).startsWith(number + ",DISPATCHED,SO-" + tag + ",");
        // addresses carry commas: quoted
        assertThat(lines[1])
                .contains("\"350 Lafayette Street, Central receiving, loading dock B, 07105 Newark, NJ, US\"");
        assertThat(lines[1]).contains(",GLV-NIT-M,");
        assertThat(csv("erp", "/api/shipments/" + shipment + "/packing-list?format=csv", "*/*"))
                .isEqualTo(text);

        HttpReply byLot = send("quinn", HttpMethod.GET, "/api/lots/" + lot + "/shipments", null, null);
        assertThat(byLot.status()).as(byLot.text()).isEqualTo(200);
        assertThat(byLot.body().get("rows")).hasSize(1);
        assertThat(byLot.body().at("/rows/0/shipmentNumber").asText()).isEqualTo(number);
        assertThat(byLot.body().at("/rows/0/shipped").asLong()).isEqualTo(10);
        assertThat(byLot.body().at("/rows/0/net").asLong()).isEqualTo(10);
        long customerId = byLot.body().at("/rows/0/customerId").asLong();
        HttpReply byCustomer = send(
                "erp",
                HttpMethod.GET,
                "/api/customers/" + customerId + "/shipments?lot=LL-" + tag + "&from="
                        + LocalDate.now().minusDays(1) + "&to="
                        + LocalDate.now().plusDays(1),
                null,
                null);
        assertThat(byCustomer.status()).as(byCustomer.text()).isEqualTo(200);
        assertThat(byCustomer.body().get("rows")).hasSize(1);
        assertThat(csv("erp", "/api/customers/" + customerId + "/shipments?lot=LL-" + tag, "text/csv"))
                .startsWith("shipment_number,posting_id,")
                .contains(number + ",");

        // the sum check: per customer location and lot, the history's net is the ledger's balance there
        HttpReply all = send("erp", HttpMethod.GET, "/api/customers/" + customerId + "/shipments", null, null);
        for (JsonNode t : all.body().get("totals")) {
            List<java.math.BigDecimal> balance = jdbc.queryForList(
                    "select coalesce(sum(quantity), 0) from stock_balance where lot_id = ? and location_id = ?",
                    java.math.BigDecimal.class,
                    t.get("lotId").asLong(),
                    customerLocation);
            assertThat(balance.get(0).longValueExact())
                    .as("lot %s", t.get("lotId"))
                    .isEqualTo(t.get("net").asLong());
        }
        assertThat(all.body().get("totals")).isNotEmpty();
        assertThat(send("erp", HttpMethod.GET, "/api/lots/999999999/shipments", null, null)
                        .code())
                .isEqualTo("UNKNOWN_LOT");
    }

    @Test
    void a_hold_placed_after_picking_blocks_the_line_and_the_dispatch_posts_nothing() {
        stage(line1, 10);
        HttpReply opened = send("walt", HttpMethod.POST, "/api/sales-orders/" + orderId + "/shipments", null, null);
        long shipment = opened.body().get("id").asLong();
        placing.place(
                new org.lotledger.quality.PlacingHold.HoldRequest(
                        org.lotledger.quality.HoldScope.LOT,
                        lot,
                        null,
                        org.lotledger.quality.HoldReason.INVESTIGATION,
                        null),
                new Actor("quinn", Set.of("quality")),
                UUID.randomUUID().toString());
        long before = postingsOfLot();
        HttpReply d = send(
                "walt",
                HttpMethod.POST,
                "/api/shipments/" + shipment + "/dispatch",
                Map.of("stagingLocation", "EAST-SHIP-01"),
                null);
        assertThat(d.status()).as(d.text()).isEqualTo(409);
        assertThat(d.code()).isEqualTo("LOT_ON_HOLD");
        assertThat(postingsOfLot()).isEqualTo(before);
        HttpReply view = send("walt", HttpMethod.GET, "/api/shipments/" + shipment, null, null);
        assertThat(view.body().at("/lines/0/state").asText()).isEqualTo("BLOCKED_BY_HOLD");
        assertThat(view.body().get("state").asText()).isEqualTo("OPEN");
        assertThat(balances()).contains("STAGING HOLD 10");
    }
}
