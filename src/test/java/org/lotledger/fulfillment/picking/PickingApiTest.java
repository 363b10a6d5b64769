package org.lotledger.fulfillment.picking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.fulfillment.SalesOrderView;
import org.lotledger.fulfillment.SalesOrdering;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.Reservation;
import org.lotledger.ledger.Reservations;
import org.lotledger.support.ApiClient;
import org.lotledger.support.HttpReply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Pick tasks and pick confirmation through the REST API as walt (warehouse@EAST) on stock of the test's own in EAST:
 * the task over the order's reservations, every refusal code with nothing posted or stored, a confirmed pick with
 * its balances and reservations read back from the database, the replay, warehouse membership, claim and release.
 */
@IntegrationTest
class PickingApiTest {

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
    SalesOrdering ordering;

    PickingFixtures f;
    long lotA;
    long lotB;
    long orderId;
    long line1;
    long line2;
    Reservation resA;
    Reservation resB;

    @Autowired
    org.camunda.bpm.engine.IdentityService identity;

    /** A second worker of EAST (the demo has walt only), made once: for "claimed by another". */
    static final String PIA = "piapicker";

    @BeforeEach
    void stock() {
        if (identity.createUserQuery().userId(PIA).count() == 0) {
            var u = identity.newUser(PIA);
            u.setFirstName("Pia");
            u.setLastName("Picker");
            u.setPassword(PIA + "-demo");
            identity.saveUser(u);
            identity.createMembership(PIA, "warehouse");
            identity.createMembership(PIA, "warehouse@EAST");
        }
        f = new PickingFixtures(jdbc);
        lotA = f.lot(f.supplierA, "A" + f.tag, LocalDate.now().plusDays(300));
        lotB = f.lot(f.supplierA, "B" + f.tag, LocalDate.now().plusDays(320));
        f.stock(ledger, lotA, "S1", 50);
        f.stock(ledger, lotB, "S2", 50);
        SalesOrderView o = f.order(ordering, 10, 5);
        orderId = o.id();
        line1 = o.lines().get(0).id();
        line2 = o.lines().get(1).id();
        // line 2 reserved first and at S2: the task still lists S1 first
        resB = f.reserve(reservations, orderId, line2, lotB, "S2", 5);
        resA = f.reserve(reservations, orderId, line1, lotA, "S1", 10);
    }

    /** As a client writing its own body (malformed JSON too), through the shared {@link ApiClient}. */
    HttpReply send(String user, HttpMethod method, String path, Object body, String key) {
        return ApiClient.as(port, json, user).sendAsIs(method.name(), path, body, key);
    }

    HttpReply post(String user, String path, Object body) {
        return send(user, HttpMethod.POST, path, body, null);
    }

    JsonNode task() {
        HttpReply r = post("walt", "/api/sales-orders/" + orderId + "/pick-tasks", null);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.body();
    }

    Map<String, Object> confirmation(long lot, String location, Object quantity) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("locationBarcode", f.barcode(location));
        m.put("lotLabel", f.gs1(lot));
        m.put("quantity", quantity);
        m.put("uom", "EA");
        m.put("stagingLocationBarcode", f.shipBarcode);
        return m;
    }

    static Map<String, Object> with(Map<String, Object> m, String k, Object v) {
        Map<String, Object> c = new LinkedHashMap<>(m);
        c.put(k, v);
        return c;
    }

    String confirmPath(JsonNode task, int line) {
        return "/api/pick-tasks/" + task.get("id").asLong() + "/lines/"
                + task.get("lines").get(line).get("id").asLong() + "/confirmation";
    }

    long rows(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    @Test
    void a_task_has_a_line_per_reservation_sorted_by_location_and_is_made_once() {
        JsonNode t = task();
        assertThat(t.get("name").asText()).startsWith("Pick order SO-" + f.tag).endsWith("· 2 lines");
        assertThat(t.get("state").asText()).isEqualTo("OPEN");
        assertThat(t.get("warehouseCode").asText()).isEqualTo("EAST");
        assertThat(t.get("lines").get(0).get("locationCode").asText()).isEqualTo(f.barcode("S1"));
        assertThat(t.get("lines").get(0).get("reservationId").asLong()).isEqualTo(resA.id());
        assertThat(t.get("lines").get(1).get("reservationId").asLong()).isEqualTo(resB.id());
        assertThat(t.get("lines").get(0).get("quantity").asLong()).isEqualTo(10);
        HttpReply again = post("walt", "/api/sales-orders/" + orderId + "/pick-tasks", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("NOTHING_TO_PICK");
        assertThat(rows("select count(*) from pick_task where sales_order_id = ?", orderId))
                .isEqualTo(1);
        HttpReply wes = post("wes", "/api/sales-orders/" + f.order(ordering, 3).id() + "/pick-tasks", null);
        assertThat(wes.status()).isEqualTo(403);
        assertThat(wes.code()).isEqualTo("NOT_WAREHOUSE_STAFF");
    }

    @Test
    void a_confirmed_pick_posts_to_staging_posts_the_reservation_and_reserves_again_at_staging_and_replays() {
        JsonNode t = task();
        String key = UUID.randomUUID().toString();
        HttpReply r = send("walt", HttpMethod.POST, confirmPath(t, 0), confirmation(lotA, "S1", 10), key);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        assertThat(r.body().get("state").asText()).isEqualTo("DONE");
        assertThat(r.body().get("pickedQuantity").asLong()).isEqualTo(10);
        long posting = r.body().get("postingId").asLong();
        assertThat(f.balance(lotA, f.location("S1"))).isEqualTo(40);
        assertThat(f.balance(lotA, f.ship)).isEqualTo(10);
        assertThat(jdbc.queryForList(
                        "select posting_type || ' ' || coalesce(reference_type, '-') from posting where id = ?",
                        String.class,
                        posting))
                .containsExactly("PICK PICK_LINE");
        assertThat(jdbc.queryForMap(
                        "select state, posted_quantity, posting_id from stock_reservation where id = ?", resA.id()))
                .containsEntry("state", "POSTED")
                .containsEntry("posting_id", posting);
        long staged = r.body().get("stagedReservationId").asLong();
        Map<String, Object> s = jdbc.queryForMap(
                "select state, location_id, quantity, demand_line from stock_reservation where id = ?", staged);
        assertThat(s)
                .containsEntry("state", "PENDING")
                .containsEntry("location_id", f.ship)
                .containsEntry("demand_line", String.valueOf(line1));
        assertThat(((java.math.BigDecimal) s.get("quantity")).longValueExact()).isEqualTo(10);
        assertThat(jdbc.queryForMap(
                        "select picked_base_quantity::bigint as picked, status from sales_order_line where id = ?",
                        line1))
                .containsEntry("picked", 10L)
                .containsEntry("status", "PICKING");
        assertThat(jdbc.queryForObject("select status from sales_order where id = ?", String.class, orderId))
                .isEqualTo("PICKING");
        long postings = f.postings();
        HttpReply replay = send("walt", HttpMethod.POST, confirmPath(t, 0), confirmation(lotA, "S1", 10), key);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.headers().firstValue("Idempotent-Replayed").orElse(null))
                .isEqualTo("true");
        assertThat(replay.body()).isEqualTo(r.body());
        assertThat(f.postings()).isEqualTo(postings);
        assertThat(f.balance(lotA, f.ship)).isEqualTo(10);
        HttpReply again = post("walt", confirmPath(t, 0), confirmation(lotA, "S1", 10));
        assertThat(again.code()).isEqualTo("PICK_LINE_NOT_OPEN");
        // the task is claimed by the first confirmation and done with the last line
        assertThat(send("walt", HttpMethod.GET, "/api/pick-tasks/" + t.get("id").asLong(), null, null)
                        .body()
                        .get("state")
                        .asText())
                .isEqualTo("CLAIMED");
        HttpReply second = post("walt", confirmPath(t, 1), confirmation(lotB, "S2", 5));
        assertThat(second.status()).as(second.body().toString()).isEqualTo(200);
        assertThat(send("walt", HttpMethod.GET, "/api/pick-tasks/" + t.get("id").asLong(), null, null)
                        .body()
                        .get("state")
                        .asText())
                .isEqualTo("DONE");
    }

    @Test
    void every_refusal_has_its_code_and_posts_and_stores_nothing() {
        JsonNode t = task();
        String path = confirmPath(t, 0);
        Map<String, Object> ok = confirmation(lotA, "S1", 10);
        long other = f.lot(f.supplierA, "O" + f.tag, LocalDate.now().plusDays(500));
        f.stock(ledger, other, "S1", 5);
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("WRONG_LOCATION", with(ok, "locationBarcode", f.barcode("S2")));
        cases.put("UNKNOWN_LOCATION", with(ok, "locationBarcode", "NO-SUCH-" + f.tag));
        cases.put("WRONG_ITEM", with(ok, "lotLabel", "(01)" + PickingFixtures.gtin() + "(10)A" + f.tag));
        cases.put("UNKNOWN_LOT", with(ok, "lotLabel", "(01)" + f.gtinEa + "(10)NOPE" + f.tag));
        cases.put("LOT_LABEL_MISMATCH", with(ok, "lotLabel", "(01)" + f.gtinEa + "(17)" + "991231" + "(10)A" + f.tag));
        cases.put("OVERRIDE_REQUIRED", with(ok, "lotLabel", f.gs1(other)));
        cases.put("OVER_PICK", with(ok, "quantity", 11));
        cases.put("INVALID_QUANTITY", with(ok, "quantity", 0));
        cases.put("INVALID_QUANTITY ", with(ok, "quantity", -1));
        cases.put("INVALID_GS1_BARCODE", with(ok, "lotLabel", "(01)12345678901234(10)X"));
        cases.put("WRONG_STAGING_LOCATION", with(ok, "stagingLocationBarcode", f.barcode("S3")));
        cases.put("UOM_NOT_CONVERTIBLE", with(ok, "uom", "KG"));
        cases.put("SHORT_PICK_REASON_REQUIRED", with(ok, "quantity", 4));
        cases.put("INVALID_REASON_CODE", with(with(ok, "quantity", 4), "reasonCode", "NO_SUCH_REASON"));
        cases.put("UNKNOWN_LOT  ", with(ok, "lotLabel", "LL-NO-SUCH-" + f.tag));
        long postings = f.postings();
        long reservationsBefore = rows("select count(*) from stock_reservation");
        for (var c : cases.entrySet()) {
            HttpReply r = post("walt", path, c.getValue());
            assertThat(r.code())
                    .as(c.getKey() + ": " + r.body())
                    .isEqualTo(c.getKey().strip());
            assertThat(r.status()).as(c.getKey()).isBetween(400, 499);
            if (c.getKey().equals("OVERRIDE_REQUIRED")) {
                assertThat(r.status()).isEqualTo(409);
                assertThat(r.body().toString())
                        .contains("POST /api/allocation-overrides")
                        .contains(String.valueOf(resA.id()));
            }
            if (c.getKey().equals("INVALID_GS1_BARCODE")) {
                assertThat(r.body().path("errors").isArray())
                        .as(r.body().toString())
                        .isTrue();
            }
        }
        assertThat(f.postings()).isEqualTo(postings);
        assertThat(rows("select count(*) from stock_reservation")).isEqualTo(reservationsBefore);
        assertThat(rows(
                        "select count(*) from pick_exception where pick_task_id = ?",
                        t.get("id").asLong()))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select state from warehouse_move where id = ?",
                        String.class,
                        t.get("lines").get(0).get("id").asLong()))
                .isEqualTo("OPEN");
        assertThat(jdbc.queryForObject(
                        "select state from pick_task where id = ?",
                        String.class,
                        t.get("id").asLong()))
                .isEqualTo("OPEN");
        assertThat(f.balance(lotA, f.location("S1"))).isEqualTo(50);
    }

    @Test
    void two_suppliers_lots_of_one_number_at_the_location_are_ambiguous_and_the_internal_label_decides() {
        long twin = f.lot(f.supplierB, "A" + f.tag, LocalDate.now().plusDays(300));
        f.stock(ledger, twin, "S1", 3);
        JsonNode t = task();
        HttpReply r = post("walt", confirmPath(t, 0), confirmation(lotA, "S1", 10));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("AMBIGUOUS_LOT");
        HttpReply byLabel =
                post("walt", confirmPath(t, 0), with(confirmation(lotA, "S1", 10), "lotLabel", f.label(lotA)));
        assertThat(byLabel.status()).as(byLabel.body().toString()).isEqualTo(200);
        assertThat(f.balance(twin, f.location("S1"))).isEqualTo(3);
    }

    @Test
    void a_quantity_in_the_gtins_packaging_level_is_converted_to_base_units() {
        JsonNode t = task();
        Map<String, Object> c = confirmation(lotA, "S1", 1);
        c.remove("uom");
        c.put("lotLabel", "(01)" + f.gtinBox + "(10)A" + f.tag);
        HttpReply r = post("walt", confirmPath(t, 0), c);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        assertThat(r.body().get("pickedQuantity").asLong()).isEqualTo(10);
        assertThat(f.balance(lotA, f.ship)).isEqualTo(10);
    }

    @Test
    void only_the_staff_of_the_tasks_warehouse_see_claim_and_release_it() {
        JsonNode t = task();
        long id = t.get("id").asLong();
        HttpReply wesGet = send("wes", HttpMethod.GET, "/api/pick-tasks/" + id, null, null);
        assertThat(wesGet.status()).isEqualTo(403);
        assertThat(wesGet.code()).isEqualTo("NOT_WAREHOUSE_STAFF");
        HttpReply wesClaim = post("wes", "/api/pick-tasks/" + id + "/claim", null);
        assertThat(wesClaim.status()).isEqualTo(403);
        assertThat(wesClaim.code()).isEqualTo("NOT_WAREHOUSE_STAFF");
        HttpReply wesPick = post("wes", confirmPath(t, 0), confirmation(lotA, "S1", 10));
        assertThat(wesPick.code()).isEqualTo("NOT_WAREHOUSE_STAFF");
        assertThat(send("wes", HttpMethod.GET, "/api/pick-tasks?warehouse=EAST", null, null)
                        .body()
                        .findValues("id"))
                .noneMatch(n -> n.asLong() == id);
        assertThat(send("walt", HttpMethod.GET, "/api/pick-tasks?warehouse=EAST&state=OPEN", null, null)
                        .body()
                        .findParents("salesOrderId")
                        .stream()
                        .map(n -> n.get("id").asLong()))
                .contains(id);
        assertThat(send("otto", HttpMethod.GET, "/api/pick-tasks/" + id, null, null)
                        .status())
                .isEqualTo(200);

        HttpReply claim = post("walt", "/api/pick-tasks/" + id + "/claim", null);
        assertThat(claim.status()).isEqualTo(200);
        assertThat(claim.body().get("state").asText()).isEqualTo("CLAIMED");
        assertThat(claim.body().get("claimedBy").asText()).isEqualTo("walt");
        HttpReply pia = post(PIA, "/api/pick-tasks/" + id + "/claim", null);
        assertThat(pia.status()).isEqualTo(409);
        assertThat(pia.code()).isEqualTo("PICK_TASK_CLAIMED");
        assertThat(post(PIA, confirmPath(t, 0), confirmation(lotA, "S1", 10)).code())
                .isEqualTo("PICK_TASK_CLAIMED");
        assertThat(post(PIA, "/api/pick-tasks/" + id + "/release", null).code()).isEqualTo("PICK_TASK_CLAIMED");
        HttpReply release = post("walt", "/api/pick-tasks/" + id + "/release", null);
        assertThat(release.body().get("state").asText()).isEqualTo("OPEN");
        assertThat(post("walt", "/api/pick-tasks/" + id + "/release", null).code())
                .isEqualTo("PICK_TASK_NOT_CLAIMED");
        HttpReply piaClaim = post(PIA, "/api/pick-tasks/" + id + "/claim", null);
        assertThat(piaClaim.body().get("claimedBy").asText()).isEqualTo(PIA);
    }
}
