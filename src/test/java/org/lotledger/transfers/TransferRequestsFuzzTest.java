package org.lotledger.transfers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.fulfillment.picking.PickingFixtures;
import org.lotledger.ledger.Ledger;
import org.lotledger.support.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Malformed and refused transfer requests over HTTP (issue 10 §5: all 4xx, nothing stored or posted): a seeded
 * {@link SplittableRandom} ({@value #SEED}) picks {@value #REQUESTS} requests, each a valid request of one of the
 * transfer writes (order, cancel, cancel a line, allocate, pick task, dispatch) with one defect from the table
 * below (every defect at least once). Every answer is a 4xx {@code application/problem+json} with a code; the rows of
 * the transfer tables, the ledger's postings and the reservations are as many after the run as before. The counts
 * are printed as {@code transfer-fuzz …}.
 */
@IntegrationTest
class TransferRequestsFuzzTest {

    static final long SEED = 20261202L;
    static final int REQUESTS = 120;

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    Ledger ledger;

    /** One defect: who sends it, where, with which key (null: none) and which body (raw JSON). */
    record Attempt(String kind, String user, String path, String key, String body) {}

    @Test
    void malformed_transfer_requests_are_4xx_problems_and_change_nothing() throws Exception {
        PickingFixtures f = new PickingFixtures(jdbc);
        long lot = f.lot(f.supplierA, "FZ" + f.tag, LocalDate.now().plusDays(300));
        f.stock(ledger, lot, "S1", 10);
        ApiClient otto = ApiClient.as(port, json, "otto");
        Map<String, Object> valid = new LinkedHashMap<>();
        valid.put("fromWarehouseCode", "EAST");
        valid.put("toWarehouseCode", "WEST");
        valid.put("shipDate", LocalDate.now().plusDays(1).toString());
        valid.put("reason", "fuzz " + f.tag);
        valid.put("lines", List.of(Map.of("sku", f.sku, "quantity", 5, "uom", "EA")));
        var placed = otto.post("/api/transfer-orders", valid);
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        long id = placed.id();
        long line = placed.body().at("/lines/0/id").asLong();
        // allocated, not picked: a valid dispatch of it answers NOTHING_STAGED, a valid pick task would be made
        assertThat(otto.post("/api/transfer-orders/" + id + "/allocation", null).status())
                .isEqualTo(200);

        String order = json.writeValueAsString(valid);
        String dispatch = json.writeValueAsString(
                Map.of("stagingLocation", f.shipBarcode, "lotLabels", List.of(f.label(lot)), "coldChainLogger", "L1"));
        String base = "/api/transfer-orders";
        String one = base + "/" + id;
        List<Attempt> table = new ArrayList<>();
        Function<String, String> reason = r -> order.replace("\"fuzz " + f.tag + "\"", r);
        // -- the order
        for (String field : List.of("fromWarehouseCode", "toWarehouseCode", "shipDate", "reason", "lines")) {
            table.add(new Attempt("missing " + field, "otto", base, key(), without(valid, field)));
        }
        table.add(new Attempt("unknown property", "otto", base, key(), order.replace("{", "{\"priority\":1,")));
        table.add(new Attempt("duplicate key", "otto", base, key(), order.replace("{", "{\"reason\":\"x\",")));
        table.add(new Attempt("trailing content", "otto", base, key(), order + "{}"));
        table.add(new Attempt("not json", "otto", base, key(), "from=EAST&to=WEST"));
        table.add(new Attempt("truncated", "otto", base, key(), order.substring(0, order.length() / 2)));
        table.add(new Attempt(
                "quantity as text", "otto", base, key(), order.replace("\"quantity\":5", "\"quantity\":\"5\"")));
        table.add(new Attempt(
                "quantity too big", "otto", base, key(), order.replace("\"quantity\":5", "\"quantity\":1000000001")));
        table.add(new Attempt(
                "quantity 5 decimals", "otto", base, key(), order.replace("\"quantity\":5", "\"quantity\":1.00001")));
        table.add(new Attempt(
                "quantity negative", "otto", base, key(), order.replace("\"quantity\":5", "\"quantity\":-5")));
        table.add(new Attempt("quantity zero", "otto", base, key(), order.replace("\"quantity\":5", "\"quantity\":0")));
        table.add(new Attempt(
                "quantity null", "otto", base, key(), order.replace("\"quantity\":5", "\"quantity\":null")));
        table.add(new Attempt("reason too long", "otto", base, key(), reason.apply("\"" + "r".repeat(501) + "\"")));
        table.add(new Attempt("reason blank", "otto", base, key(), reason.apply("\"   \"")));
        table.add(new Attempt("reason control character", "otto", base, key(), reason.apply("\"a\\u0007b\"")));
        table.add(new Attempt("reason an array", "otto", base, key(), reason.apply("[\"x\"]")));
        table.add(new Attempt(
                "note too long", "otto", base, key(), order.replace("{", "{\"note\":\"" + "n".repeat(501) + "\",")));
        table.add(new Attempt(
                "warehouse code too long",
                "otto",
                base,
                key(),
                order.replace("\"EAST\"", "\"" + "E".repeat(21) + "\"")));
        table.add(new Attempt(
                "warehouse code with a space", "otto", base, key(), order.replace("\"EAST\"", "\"EA ST\"")));
        table.add(new Attempt("same warehouse", "otto", base, key(), order.replace("\"WEST\"", "\"EAST\"")));
        table.add(new Attempt("unknown warehouse", "otto", base, key(), order.replace("\"WEST\"", "\"NOWHERE\"")));
        table.add(new Attempt(
                "ship date not a date", "otto", base, key(), order.replaceFirst("\\d{4}-\\d{2}-\\d{2}", "2026-13-40")));
        table.add(new Attempt(
                "ship date year 3000", "otto", base, key(), order.replaceFirst("\\d{4}-(\\d{2}-\\d{2})", "3000-$1")));
        table.add(new Attempt(
                "ship date last year",
                "otto",
                base,
                key(),
                order.replaceFirst(
                        "\\d{4}-\\d{2}-\\d{2}", LocalDate.now().minusYears(1).toString())));
        table.add(new Attempt("no lines", "otto", base, key(), order.replaceFirst("\\[.*]", "[]")));
        table.add(new Attempt("a null line", "otto", base, key(), order.replaceFirst("\\[", "[null,")));
        table.add(new Attempt("lines an object", "otto", base, key(), order.replaceFirst("\\[(.*)]", "$1")));
        table.add(new Attempt(
                "201 lines",
                "otto",
                base,
                key(),
                order.replaceFirst(
                        "\\[(.*)]", "[" + String.join(",", java.util.Collections.nCopies(201, "$1")) + "]")));
        table.add(new Attempt(
                "sku too long", "otto", base, key(), order.replace("\"" + f.sku + "\"", "\"" + "S".repeat(41) + "\"")));
        table.add(
                new Attempt("unknown sku", "otto", base, key(), order.replace("\"" + f.sku + "\"", "\"NO-SUCH-SKU\"")));
        table.add(new Attempt(
                "sku and gtin",
                "otto",
                base,
                key(),
                order.replace("\"sku\"", "\"gtin\":\"" + f.gtinEa + "\",\"sku\"")));
        table.add(new Attempt(
                "gtin with letters",
                "otto",
                base,
                key(),
                order.replace("\"sku\":\"" + f.sku + "\"", "\"gtin\":\"ABCDEFGH\"")));
        table.add(new Attempt(
                "gtin check digit",
                "otto",
                base,
                key(),
                order.replace("\"sku\":\"" + f.sku + "\"", "\"gtin\":\"12345678901234\"")));
        table.add(new Attempt("unit unknown", "otto", base, key(), order.replace("\"EA\"", "\"PALLET\"")));
        table.add(new Attempt(
                "unit too long", "otto", base, key(), order.replace("\"EA\"", "\"" + "U".repeat(11) + "\"")));
        table.add(new Attempt(
                "lot too long",
                "otto",
                base,
                key(),
                order.replace("\"uom\"", "\"lot\":\"" + "L".repeat(61) + "\",\"uom\"")));
        table.add(new Attempt(
                "lot unknown", "otto", base, key(), order.replace("\"uom\"", "\"lot\":\"NO-SUCH-LOT\",\"uom\"")));
        table.add(new Attempt(
                "mixed temperature classes",
                "otto",
                base,
                key(),
                order.replace("}]", "},{\"sku\":\"VAC-FLU-CHL\",\"quantity\":1,\"uom\":\"EA\"}]")));
        table.add(new Attempt("no idempotency key", "otto", base, null, order));
        table.add(new Attempt("malformed idempotency key", "otto", base, "not a key, with spaces", order));
        table.add(new Attempt("by the warehouse", "walt", base, key(), order));
        // -- the order's other writes
        table.add(new Attempt(
                "cancel reason too long", "otto", one + "/cancel", key(), "{\"reason\":\"" + "r".repeat(501) + "\"}"));
        table.add(new Attempt("cancel unknown property", "otto", one + "/cancel", key(), "{\"why\":\"x\"}"));
        table.add(new Attempt("cancel unknown order", "otto", base + "/999999999/cancel", key(), "{}"));
        table.add(new Attempt("cancel order id not a number", "otto", base + "/x1/cancel", key(), "{}"));
        table.add(new Attempt("cancel unknown line", "otto", one + "/lines/999999999/cancel", key(), "{}"));
        table.add(new Attempt(
                "cancel line of nothing", "otto", base + "/999999999/lines/" + line + "/cancel", key(), "{}"));
        table.add(new Attempt("cancel line id not a number", "otto", one + "/lines/1e3/cancel", key(), "{}"));
        table.add(new Attempt(
                "cancel line reason control character",
                "otto",
                one + "/lines/" + line + "/cancel",
                key(),
                "{\"reason\":\"a\\u0000\"}"));
        table.add(new Attempt("allocate unknown order", "otto", base + "/999999999/allocation", key(), "{}"));
        table.add(new Attempt("allocate by the warehouse", "walt", one + "/allocation", key(), "{}"));
        table.add(new Attempt("allocate without a key", "otto", one + "/allocation", null, "{}"));
        table.add(new Attempt("pick task of an unknown order", "walt", base + "/999999999/pick-tasks", key(), "{}"));
        table.add(new Attempt("pick task by another warehouse", "wes", one + "/pick-tasks", key(), "{}"));
        table.add(new Attempt("pick task by quality", "quinn", one + "/pick-tasks", key(), "{}"));
        // -- the dispatch
        table.add(new Attempt("dispatch nothing staged", "walt", one + "/dispatch", key(), dispatch));
        table.add(new Attempt("dispatch by another warehouse", "wes", one + "/dispatch", key(), dispatch));
        table.add(new Attempt("dispatch by operations", "otto", one + "/dispatch", key(), dispatch));
        table.add(new Attempt("dispatch unknown order", "walt", base + "/999999999/dispatch", key(), dispatch));
        table.add(new Attempt("dispatch no body", "walt", one + "/dispatch", key(), ""));
        table.add(new Attempt("dispatch empty object", "walt", one + "/dispatch", key(), "{}"));
        table.add(new Attempt(
                "dispatch no labels", "walt", one + "/dispatch", key(), dispatch.replaceFirst("\\[.*]", "[]")));
        table.add(new Attempt(
                "dispatch labels a string", "walt", one + "/dispatch", key(), dispatch.replaceFirst("\\[(.*)]", "$1")));
        table.add(new Attempt(
                "dispatch a blank label",
                "walt",
                one + "/dispatch",
                key(),
                dispatch.replaceFirst("\\[(.*)]", "[\" \"]")));
        table.add(new Attempt(
                "dispatch a null label",
                "walt",
                one + "/dispatch",
                key(),
                dispatch.replaceFirst("\\[(.*)]", "[null]")));
        table.add(new Attempt(
                "dispatch label too long",
                "walt",
                one + "/dispatch",
                key(),
                dispatch.replaceFirst("\\[(.*)]", "[\"" + "(01)".repeat(126) + "\"]")));
        table.add(new Attempt(
                "dispatch 201 labels",
                "walt",
                one + "/dispatch",
                key(),
                dispatch.replaceFirst(
                        "\\[(.*)]", "[" + String.join(",", java.util.Collections.nCopies(201, "\"LL-X\"")) + "]")));
        table.add(new Attempt(
                "dispatch location with a space",
                "walt",
                one + "/dispatch",
                key(),
                dispatch.replace(f.shipBarcode, "SHIP 01")));
        table.add(new Attempt(
                "dispatch location too long",
                "walt",
                one + "/dispatch",
                key(),
                dispatch.replace(f.shipBarcode, "S".repeat(61))));
        table.add(new Attempt(
                "dispatch logger too long",
                "walt",
                one + "/dispatch",
                key(),
                dispatch.replace("\"L1\"", "\"" + "L".repeat(61) + "\"")));
        table.add(new Attempt(
                "dispatch logger control character",
                "walt",
                one + "/dispatch",
                key(),
                dispatch.replace("\"L1\"", "\"L\\u001f1\"")));
        table.add(new Attempt(
                "dispatch unknown property",
                "walt",
                one + "/dispatch",
                key(),
                dispatch.replace("{", "{\"force\":true,")));
        table.add(new Attempt("dispatch not json", "walt", one + "/dispatch", key(), "<dispatch/>"));

        SplittableRandom random = new SplittableRandom(SEED);
        List<Attempt> plan = new ArrayList<>(table);
        while (plan.size() < REQUESTS) {
            Attempt a = table.get(random.nextInt(table.size()));
            plan.add(new Attempt(a.kind(), a.user(), a.path(), a.key() == null ? null : key(), a.body()));
        }
        java.util.Collections.shuffle(plan, new java.util.Random(random.nextLong()));

        Map<String, Long> before = counts(id);
        Map<String, Integer> byStatus = new TreeMap<>();
        List<String> broken = new ArrayList<>();
        for (Attempt a : plan) {
            HttpResponse<String> r = send(a);
            JsonNode body = r.body().isBlank() ? json.nullNode() : readOrNull(r.body());
            String code = body == null ? null : body.path("code").asText(null);
            byStatus.merge(r.statusCode() + " " + code, 1, Integer::sum);
            boolean problem = r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
            if (r.statusCode() < 400 || r.statusCode() >= 500 || !problem || code == null || code.isBlank()) {
                broken.add(a.kind() + " → " + r.statusCode() + " " + r.body());
            }
        }
        System.out.println("transfer-fuzz requests=" + plan.size() + " defects=" + table.size() + " seed=" + SEED
                + " answers=" + byStatus);
        assertThat(plan).hasSizeGreaterThanOrEqualTo(100);
        assertThat(broken).as("answers that are not 4xx problems with a code").isEmpty();
        assertThat(counts(id)).as("nothing stored, posted or reserved").isEqualTo(before);
    }

    private Map<String, Long> counts(long id) {
        Map<String, Long> c = new TreeMap<>();
        for (String table : List.of(
                "transfer_order",
                "transfer_order_line",
                "transfer_shipped_lot",
                "posting",
                "stock_reservation",
                "pick_task",
                "idempotent_request")) {
            c.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        c.put("order version", jdbc.queryForObject("select version from transfer_order where id = ?", Long.class, id));
        return c;
    }

    private JsonNode readOrNull(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            return null;
        }
    }

    private HttpResponse<String> send(Attempt a) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + a.path()))
                .timeout(Duration.ofSeconds(60))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                (a.user() + ":" + a.user() + "-demo").getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json, application/problem+json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(a.body(), StandardCharsets.UTF_8));
        if (a.key() != null) {
            b.header("Idempotency-Key", a.key());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String without(Map<String, Object> valid, String field) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>(valid);
        m.remove(field);
        return json.writeValueAsString(m);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
