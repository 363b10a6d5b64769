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
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.ledger.Ledger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Malformed and refused receipt requests over HTTP (issue 10 §5: all 4xx, nothing stored or posted): a seeded
 * {@link SplittableRandom} ({@value #SEED}) picks {@value #REQUESTS} requests, each a valid scan or close of a
 * dispatched transfer (ambient, and chilled) with one defect from the table below (every defect at least once). None
 * of them may be one the receipt keeps (a NOT_IN_TRANSIT scan is kept set aside: not a malformed request). Every
 * answer is a 4xx {@code application/problem+json} with a code; the receipt's scans, the discrepancies, the postings,
 * the shipped lots' received quantities, the closes and the door's kept answers are as many after the run as before.
 * The counts are printed as {@code transfer-receipt-fuzz …}.
 */
@IntegrationTest
class TransferReceiptRequestsFuzzTest {

    static final long SEED = 20261203L;
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
    void malformed_receipt_requests_are_4xx_problems_and_change_nothing() throws Exception {
        TransferFixture fx = new TransferFixture(jdbc, ledger, json, port, 10, 0);
        long id = fx.dispatched(fx.order(fx.bySku(10)), null).get("id").asLong();
        long open = fx.place(fx.order(fx.bySku(1))).id();
        TransferFixture cold = new TransferFixture(jdbc, ledger, json, port, 5, 0);
        jdbc.update("update item set temperature_class = 'CHILLED' where id = ?", cold.f.itemId);
        long chilled = cold.dispatched(cold.order(cold.bySku(5)), "TT-" + cold.f.tag)
                .get("id")
                .asLong();
        TransferFixture other = new TransferFixture(jdbc, ledger, json, port, 0, 0);

        Map<String, Object> valid = new LinkedHashMap<>();
        valid.put("lotLabel", fx.f.label(fx.lotA));
        valid.put("quantity", 5);
        valid.put("uom", "EA");
        valid.put("location", TransferReceiptsApiTest.AMB_1);
        valid.put("condition", "GOOD");
        String scan = json.writeValueAsString(valid);
        String gs1 = fx.f.gs1(fx.lotA);
        String base = "/api/transfer-orders";
        String rp = base + "/" + id + "/receipts";
        String cp = rp + "/close";
        Map<String, Object> coldValid = new LinkedHashMap<>(valid);
        coldValid.put("lotLabel", cold.f.label(cold.lotA));
        coldValid.put("location", "WEST-CHL-01-01");
        Map<String, Object> reading = new LinkedHashMap<>();
        reading.put("inRange", true);
        reading.put("minCelsius", 2.5);
        reading.put("maxCelsius", 7.5);
        coldValid.put("coldChain", reading);
        String coldScan = json.writeValueAsString(coldValid);
        String crp = base + "/" + chilled + "/receipts";
        String label = "\"" + fx.f.label(fx.lotA) + "\"";

        List<Attempt> table = new ArrayList<>();
        for (String field : List.of("lotLabel", "location", "condition")) {
            table.add(new Attempt("missing " + field, "rita", rp, key(), without(valid, field)));
        }
        table.add(new Attempt("label blank", "rita", rp, key(), scan.replace(label, "\"  \"")));
        table.add(new Attempt("label too long", "rita", rp, key(), scan.replace(label, "\"" + "L".repeat(501) + "\"")));
        table.add(new Attempt("label control character", "rita", rp, key(), scan.replace(label, "\"LL\\u0007X\"")));
        table.add(new Attempt("label an array", "rita", rp, key(), scan.replace(label, "[" + label + "]")));
        table.add(new Attempt("unknown property", "rita", rp, key(), scan.replace("{", "{\"force\":true,")));
        table.add(new Attempt("duplicate key", "rita", rp, key(), scan.replace("{", "{\"condition\":\"GOOD\",")));
        table.add(new Attempt("trailing content", "rita", rp, key(), scan + "{}"));
        table.add(new Attempt("not json", "rita", rp, key(), "lot=LL1&qty=5"));
        table.add(new Attempt("truncated", "rita", rp, key(), scan.substring(0, scan.length() / 2)));
        table.add(new Attempt("empty body", "rita", rp, key(), ""));
        table.add(new Attempt("empty object", "rita", rp, key(), "{}"));
        table.add(new Attempt("body an array", "rita", rp, key(), "[" + scan + "]"));
        table.add(new Attempt(
                "quantity as text", "rita", rp, key(), scan.replace("\"quantity\":5", "\"quantity\":\"5\"")));
        table.add(new Attempt(
                "quantity too big", "rita", rp, key(), scan.replace("\"quantity\":5", "\"quantity\":1000000001")));
        table.add(new Attempt(
                "quantity 5 decimals", "rita", rp, key(), scan.replace("\"quantity\":5", "\"quantity\":1.00001")));
        table.add(
                new Attempt("quantity negative", "rita", rp, key(), scan.replace("\"quantity\":5", "\"quantity\":-5")));
        table.add(new Attempt("quantity zero", "rita", rp, key(), scan.replace("\"quantity\":5", "\"quantity\":0")));
        table.add(
                new Attempt("half a base unit", "rita", rp, key(), scan.replace("\"quantity\":5", "\"quantity\":0.5")));
        table.add(new Attempt("unit unknown", "rita", rp, key(), scan.replace("\"EA\"", "\"PALLET\"")));
        table.add(new Attempt("unit with a space", "rita", rp, key(), scan.replace("\"EA\"", "\"E A\"")));
        table.add(
                new Attempt("unit too long", "rita", rp, key(), scan.replace("\"EA\"", "\"" + "U".repeat(11) + "\"")));
        String amb = "\"" + TransferReceiptsApiTest.AMB_1 + "\"";
        table.add(new Attempt("location blank", "rita", rp, key(), scan.replace(amb, "\"\"")));
        table.add(new Attempt("location with a space", "rita", rp, key(), scan.replace(amb, "\"WEST AMB\"")));
        table.add(new Attempt("location too long", "rita", rp, key(), scan.replace(amb, "\"" + "W".repeat(61) + "\"")));
        table.add(new Attempt(
                "location unknown", "rita", rp, key(), scan.replace(amb, "\"NO-SUCH-BIN-" + fx.f.tag + "\"")));
        table.add(new Attempt(
                "location at the origin", "rita", rp, key(), scan.replace(amb, "\"" + fx.f.barcode("S1") + "\"")));
        table.add(new Attempt("location the dock", "rita", rp, key(), scan.replace(amb, "\"WEST-DOCK-01\"")));
        table.add(new Attempt("good stock into quarantine", "rita", rp, key(), scan.replace(amb, "\"WEST-QUAR-01\"")));
        table.add(
                new Attempt("damaged stock onto a shelf", "rita", rp, key(), scan.replace("\"GOOD\"", "\"DAMAGED\"")));
        table.add(new Attempt("condition unknown", "rita", rp, key(), scan.replace("\"GOOD\"", "\"BROKEN\"")));
        table.add(new Attempt("condition a number", "rita", rp, key(), scan.replace("\"GOOD\"", "1")));
        table.add(new Attempt("condition lower case", "rita", rp, key(), scan.replace("\"GOOD\"", "\"good\"")));
        table.add(new Attempt(
                "label unknown", "rita", rp, key(), scan.replace(label, "\"LL-NO-SUCH-" + fx.f.tag + "\"")));
        table.add(new Attempt("label not GS1", "rita", rp, key(), scan.replace(label, "\"(01)123\"")));
        table.add(new Attempt(
                "label without a lot", "rita", rp, key(), scan.replace(label, "\"(01)" + fx.f.gtinEa + "\"")));
        table.add(new Attempt(
                "label of another item",
                "rita",
                rp,
                key(),
                scan.replace(label, "\"" + gs1.replace(fx.f.gtinEa, other.f.gtinEa) + "\"")));
        table.add(new Attempt(
                "label with another expiry",
                "rita",
                rp,
                key(),
                scan.replace(label, "\"" + gs1.replaceFirst("\\(17\\)\\d{6}", "(17)301231") + "\"")));
        table.add(new Attempt(
                "label of an unknown lot number",
                "rita",
                rp,
                key(),
                scan.replace(label, "\"" + gs1.replaceFirst("\\(10\\).*", "(10)NOSUCH" + fx.f.tag) + "\"")));
        table.add(new Attempt(
                "internal label of another item's lot",
                "rita",
                rp,
                key(),
                scan.replace(label, "\"" + other.f.label(other.lotA) + "\"")));
        table.add(new Attempt("no quantity and no count", "rita", rp, key(), scan.replace("\"quantity\":5,", "")));
        table.add(new Attempt("by the origin's staff", "walt", rp, key(), scan));
        table.add(new Attempt("by quality", "quinn", rp, key(), scan));
        table.add(new Attempt("by operations", "otto", rp, key(), scan));
        table.add(new Attempt("by CENTRAL's staff", "cora", rp, key(), scan));
        table.add(new Attempt("unknown order", "rita", base + "/999999999/receipts", key(), scan));
        table.add(new Attempt("order id not a number", "rita", base + "/x1/receipts", key(), scan));
        table.add(new Attempt("order not dispatched", "rita", base + "/" + open + "/receipts", key(), scan));
        table.add(new Attempt("no idempotency key", "rita", rp, null, scan));
        table.add(new Attempt("malformed idempotency key", "rita", rp, "not a key, with spaces", scan));
        // a chilled transfer
        table.add(new Attempt("chilled without a reading", "rita", crp, key(), without(coldValid, "coldChain")));
        table.add(
                new Attempt("reading without inRange", "rita", crp, key(), coldScan.replace("\"inRange\":true,", "")));
        table.add(new Attempt(
                "reading min above max",
                "rita",
                crp,
                key(),
                coldScan.replace("\"minCelsius\":2.5", "\"minCelsius\":9.5")));
        table.add(new Attempt(
                "reading below -100",
                "rita",
                crp,
                key(),
                coldScan.replace("\"minCelsius\":2.5", "\"minCelsius\":-101")));
        table.add(new Attempt(
                "reading 3 decimals",
                "rita",
                crp,
                key(),
                coldScan.replace("\"maxCelsius\":7.5", "\"maxCelsius\":7.125")));
        table.add(new Attempt(
                "reading a string", "rita", crp, key(), coldScan.replaceFirst("\\{\"inRange\"[^}]*}", "\"in range\"")));
        table.add(new Attempt(
                "inRange a string", "rita", crp, key(), coldScan.replace("\"inRange\":true", "\"inRange\":\"yes\"")));
        table.add(new Attempt(
                "chilled onto an ambient shelf", "rita", crp, key(), coldScan.replace("\"WEST-CHL-01-01\"", amb)));
        // the close
        table.add(new Attempt("close by the origin's staff", "walt", cp, key(), "{}"));
        table.add(new Attempt("close by quality", "quinn", cp, key(), "{}"));
        table.add(new Attempt("close unknown order", "rita", base + "/999999999/receipts/close", key(), "{}"));
        table.add(new Attempt("close not dispatched", "rita", base + "/" + open + "/receipts/close", key(), "{}"));
        table.add(new Attempt("close before any scan", "rita", cp, key(), "{}"));
        table.add(new Attempt("close without a key", "rita", cp, null, "{}"));

        for (Attempt a : table) {
            if ("rita".equals(a.user())
                    && a.key() != null
                    && a.key().length() == 36
                    && (a.path().equals(rp) || a.path().equals(crp))) {
                assertThat(a.body())
                        .as("defect '%s' changes the valid request", a.kind())
                        .isNotIn(scan, coldScan);
            }
        }
        SplittableRandom random = new SplittableRandom(SEED);
        List<Attempt> plan = new ArrayList<>(table);
        while (plan.size() < REQUESTS) {
            Attempt a = table.get(random.nextInt(table.size()));
            plan.add(new Attempt(a.kind(), a.user(), a.path(), a.key() == null ? null : key(), a.body()));
        }
        java.util.Collections.shuffle(plan, new java.util.Random(random.nextLong()));

        Map<String, Long> before = counts();
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
        System.out.println("transfer-receipt-fuzz requests=" + plan.size() + " defects=" + table.size() + " seed="
                + SEED + " answers=" + byStatus);
        assertThat(table).hasSizeGreaterThanOrEqualTo(40);
        assertThat(broken).as("answers that are not 4xx problems with a code").isEmpty();
        assertThat(counts()).as("nothing stored or posted").isEqualTo(before);
    }

    private Map<String, Long> counts() {
        Map<String, Long> c = new TreeMap<>();
        for (String table : List.of(
                "transfer_receipt_scan",
                "transfer_discrepancy",
                "posting",
                "posting_leg",
                "quality_hold_movement",
                "idempotent_request")) {
            c.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        c.put(
                "received",
                jdbc.queryForObject(
                        "select coalesce(sum(received_quantity), 0)::bigint from transfer_shipped_lot", Long.class));
        c.put(
                "closed receipts",
                jdbc.queryForObject(
                        "select count(*) from transfer_order where receipt_closed_at is not null", Long.class));
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
