package org.lotledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.LedgerFixtures;
import org.lotledger.ledger.StockStatus;
import org.lotledger.platform.web.ApiDescription.Operation;
import org.lotledger.platform.web.Malformations.Attempt;
import org.lotledger.platform.web.Malformations.Kind;
import org.lotledger.platform.web.RawHttp.Answer;
import org.lotledger.support.ApiClient;
import org.lotledger.support.HttpReply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bad input gets a clear 4xx, never a 500, never a leak (issue 7 §3, ADR 0009), tried over HTTP on the running
 * server as a careless or hostile client would: a fuzz run over every write operation of {@code /v3/api-docs} (read
 * when the test runs, so an operation added later is fuzzed without anyone remembering to), each request sent by a
 * user allowed to call the operation, with a fresh Idempotency-Key and exactly one defect ({@link Malformations});
 * and the issue's findings by name.
 *
 * <p>Every answer must be a 4xx (never a 5xx, never a 2xx for a malformed request) as
 * {@code application/problem+json} with a non-empty {@code code}, naming no Java class and no SQL
 * ({@link RawHttp#brokenPromises}); and the ledger's row counts are the same after the run as before.
 *
 * <p>The generator is seeded ({@code -Dfuzz.seed}, default {@value #DEFAULT_SEED}; {@code -Dfuzz.requests} for more
 * requests): a run is repeatable, and its summary line and the findings are printed (and written to
 * {@code target/fuzz/findings.txt}). No property-testing library: each request carries a single defect on a
 * plausible request, which is as small as a failing case gets, so there is nothing to shrink.
 */
@IntegrationTest
class MalformedRequestsFuzzTest {

    static final long DEFAULT_SEED = 20261201L;

    /** The ledger's tables (and the door's), whose row counts a refused request never changes. */
    static final List<String> COUNTED = List.of(
            "posting",
            "posting_leg",
            "stock_balance",
            "idempotent_request",
            "quality_hold",
            "receipt_line",
            "sales_order",
            "sales_order_line",
            "transfer_order",
            "transfer_order_line",
            "transfer_shipped_lot",
            "transfer_receipt_scan",
            "transfer_discrepancy",
            "recall",
            "mock_recall_run");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    private World world;
    private static JsonNode apiDocs;

    private RawHttp http;
    private ApiDescription api;

    @BeforeEach
    void world() {
        http = new RawHttp(port);
        synchronized (MalformedRequestsFuzzTest.class) {
            if (apiDocs == null) {
                Answer docs = http.send("GET", "/v3/api-docs", Map.of("Accept", "application/json"), null);
                assertThat(docs.status()).as(docs.text()).isEqualTo(200);
                apiDocs = docs.json();
            }
        }
        // a world of its own for each test: a refusal that goes wrong (a stray path id that deactivates a zone, an
        // Accept that closes the receipt) must not change what the next test starts from
        world = World.build(jdbc, ledger, port);
        api = new ApiDescription(apiDocs);
    }

    // ---- the fuzz run ------------------------------------------------------------------------------------------

    @Test
    void every_write_operation_of_the_api_document_refuses_malformed_requests_with_a_problem_and_changes_nothing()
            throws IOException {
        List<Operation> ops = api.writes();
        assertThat(ops).as("write operations in /v3/api-docs").isNotEmpty();
        assertThat(ops.stream().filter(o -> world.caller(o) == null).map(Operation::id))
                .as("write operations without a caller in World.CALLERS (add who may call them, see docs/security.md)")
                .isEmpty();
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        Malformations gen = new Malformations(api, world, seed);
        List<Attempt> plan = gen.plan(ops, Integer.getInteger("fuzz.requests", 500));

        Map<String, Long> before = counts();
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<Kind, Integer> kinds = new TreeMap<>();
        Map<String, Finding> findings = new LinkedHashMap<>();
        long started = System.nanoTime();
        List<String> unsendable = new ArrayList<>();
        int sent = 0;
        for (Attempt a : plan) {
            Answer answer;
            try {
                answer = http.send(a.method(), a.path(), a.headers(), a.body());
            } catch (IllegalArgumentException clientRefused) {
                // java.net.http refuses some headers and URIs outright; such a request never reaches the server
                unsendable.add(a.kind() + " " + a.variant() + ": " + clientRefused.getMessage());
                continue;
            }
            sent++;
            statuses.merge(answer.status(), 1, Integer::sum);
            kinds.merge(a.kind(), 1, Integer::sum);
            List<String> broken = RawHttp.brokenPromises(answer);
            if (!broken.isEmpty()) {
                String key = a.op().id() + " | " + a.kind() + " | " + answer.status()
                        + (answer.status() >= 400 ? " " + answer.code() : "") + " | "
                        + broken.stream().map(b -> b.replaceAll(" \\(.*", "")).collect(Collectors.joining(", "));
                findings.computeIfAbsent(key, k -> new Finding(k, a, answer, String.join("; ", broken))).count++;
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        Map<String, Long> after = counts();

        int fiveHundreds = statuses.entrySet().stream()
                .filter(e -> e.getKey() >= 500)
                .mapToInt(Map.Entry::getValue)
                .sum();
        String summary = "fuzz requests=" + sent + " operations=" + ops.size() + " answers="
                + statuses.entrySet().stream()
                        .map(e -> e.getKey() + ":" + e.getValue())
                        .collect(Collectors.joining(","))
                + " 5xx=" + fiveHundreds;
        List<String> report = new ArrayList<>();
        report.add(summary);
        report.add(
                "fuzz seed=" + seed + " (-Dfuzz.seed to repeat or vary) in " + seconds + " s; defects sent: " + kinds);
        if (!unsendable.isEmpty()) {
            report.add("fuzz not sent (refused by the HTTP client): " + unsendable);
        }
        report.add("fuzz findings=" + findings.size() + " (distinct operation | defect | answer | broken promise)");
        findings.values().forEach(f -> report.add(f.toString()));
        if (!after.equals(before)) {
            report.add("ledger row counts changed: before " + before + " after " + after);
        }
        Path out = Path.of("target", "fuzz", "findings.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report, StandardCharsets.UTF_8);
        report.forEach(System.out::println);

        assertThat(sent).isGreaterThanOrEqualTo(500);
        assertThat(findings.values()).as(String.join("\n", report)).isEmpty();
        assertThat(after).as("ledger row counts after the fuzz run").isEqualTo(before);
    }

    /** A distinct way a refusal went wrong, with the first request that showed it. */
    static final class Finding {
        final String key;
        final Attempt example;
        final Answer answer;
        final String broken;
        int count;

        Finding(String key, Attempt example, Answer answer, String broken) {
            this.key = key;
            this.example = example;
            this.answer = answer;
            this.broken = broken;
        }

        @Override
        public String toString() {
            return "- " + key + " ×" + count + "\n    " + broken + "\n    defect: " + example.variant()
                    + "\n    request: " + example.describe() + "\n    answer: " + answer;
        }
    }

    // ---- the issue's findings, by name -------------------------------------------------------------------------

    @Test
    void the_plausible_requests_the_fuzzer_breaks_are_accepted_as_they_are() {
        // the control: without its defect, a fuzzed request is accepted, so each refusal in the run is the defect's
        for (String id : List.of(
                "POST /api/moves", "POST /api/adjustments", "POST /api/customers", "POST /api/receipts/{id}/lines")) {
            Operation op = op(id);
            Malformations gen = generator();
            Answer a = http.send(
                    op.method(), gen.plausiblePath(op), gen.plausibleHeaders(op), bytes(gen.plausibleBody(op)));
            assertThat(a.status()).as(id + " " + a).isEqualTo(201);
        }
    }

    @Test
    void a_moves_reference_longer_than_its_column_is_a_400_problem_and_posts_nothing() {
        Operation move = op("POST /api/moves");
        // the client's own reference: referenceType varchar(30) and referenceId varchar(100) today, or what replaces
        // them
        Map<String, Integer> columns = Map.of("referenceType", 30, "referenceId", 100);
        List<String> present = new ArrayList<>();
        move.schema().path("properties").fieldNames().forEachRemaining(name -> {
            if (columns.containsKey(name) || name.toLowerCase().contains("reference")) {
                present.add(name);
            }
        });
        assertThat(present)
                .as("MoveRequest has a client reference in /v3/api-docs")
                .isNotEmpty();
        long postings = count("posting");
        for (String name : present) {
            JsonNode prop = move.schema().path("properties").path(name);
            int max = prop.has("maxLength") ? prop.get("maxLength").asInt() : columns.getOrDefault(name, 100);
            Attempt a = generator().withValue(move, Kind.OVER_MAX_LENGTH, name, text("R".repeat(max + 1)));
            assertRefused(a, 400);
        }
        assertThat(count("posting")).isEqualTo(postings);
    }

    @Test
    void a_move_may_not_claim_a_reference_that_a_service_owns() {
        Operation move = op("POST /api/moves");
        long postings = count("posting");
        for (String owned : List.of("RECEIPT", "QUALITY_HOLD")) {
            Malformations gen = generator();
            ObjectNode body = gen.plausibleBody(move);
            body.put("referenceType", owned).put("referenceId", "1");
            Answer a = http.send("POST", "/api/moves", gen.plausibleHeaders(move), bytes(body));
            assertThat(a.status()).as(owned + ": " + a).isBetween(400, 499);
            assertThat(RawHttp.brokenPromises(a)).as(owned + ": " + a).isEmpty();
        }
        assertThat(count("posting")).isEqualTo(postings);
    }

    @Test
    void a_nul_character_in_any_text_field_of_any_write_is_a_400_problem() {
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Operation op : api.writes()) {
            for (ApiDescription.Slot s : api.slots(op)) {
                if (!s.isText()) {
                    continue;
                }
                Attempt a = generator().withValue(op, Kind.CONTROL_CHARACTER, s.where(), text("a\u0000b"));
                Answer answer = http.send(a.method(), a.path(), a.headers(), a.body());
                sent++;
                List<String> broken = new ArrayList<>(RawHttp.brokenPromises(answer));
                if (answer.status() != 400) {
                    broken.add(0, "expected 400");
                }
                if (!broken.isEmpty()) {
                    failures.add(op.id() + " " + s.where() + ": " + broken + "\n    answer: " + answer);
                }
            }
        }
        System.out.println("NUL in text: " + sent + " requests, " + failures.size() + " failures");
        assertThat(sent).isGreaterThan(50);
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    @Test
    void an_adjustment_of_6e14_or_more_is_a_400_problem_and_posts_nothing() {
        long postings = count("posting");
        for (String id : List.of("POST /api/adjustments", "POST /api/opening-balances")) {
            for (String q : List.of("6e14", "600000000000000", "1e400")) {
                assertRefused(generator().withValue(op(id), Kind.HUGE_NUMBER, "quantity", raw(q)), 400);
            }
        }
        assertThat(count("posting")).isEqualTo(postings);
    }

    @Test
    void an_occurred_at_a_billion_years_away_is_a_400_problem_and_posts_nothing() {
        long postings = count("posting");
        for (String at : List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z")) {
            assertRefused(
                    generator().withValue(op("POST /api/adjustments"), Kind.BAD_DATE, "occurredAt", text(at)), 400);
        }
        assertThat(count("posting")).isEqualTo(postings);
    }

    @Test
    void a_receipt_line_expiring_in_the_year_999999999_is_a_400_problem_and_receives_nothing() {
        long lines = count("receipt_line");
        assertRefused(
                generator()
                        .withValue(
                                op("POST /api/receipts/{id}/lines"),
                                Kind.BAD_DATE,
                                "expiresOn",
                                text("+999999999-12-31")),
                400);
        assertThat(count("receipt_line")).isEqualTo(lines);
    }

    @Test
    void a_balance_as_of_a_billion_years_ago_or_ahead_is_a_400_problem() {
        for (String at : List.of("-999999999-01-01T00:00:00Z", "%2B999999999-12-31T23:59:59Z")) {
            assertRefused(get("walt", "/api/balances/as-of?lot=1&location=1&at=" + at, "application/json"), 400);
        }
    }

    @Test
    void a_body_sent_as_any_media_type_is_a_415_problem_and_posts_nothing() {
        long postings = count("posting");
        for (String ct : List.of("*/*", "text/plain")) {
            Operation move = op("POST /api/moves");
            Malformations gen = generator();
            Map<String, String> headers = gen.plausibleHeaders(move);
            headers.put("Content-Type", ct);
            assertRefused(http.send("POST", "/api/moves", headers, bytes(gen.plausibleBody(move))), 415);
        }
        assertThat(count("posting")).isEqualTo(postings);
    }

    @Test
    void a_missing_request_body_is_a_400_problem_that_names_no_internal_method() {
        Operation move = op("POST /api/moves");
        Map<String, String> headers = generator().plausibleHeaders(move);
        headers.remove("Content-Type");
        Answer a = http.send("POST", "/api/moves", headers, null);
        assertRefused(a, 400);
        assertThat(a.text()).doesNotContain("ResponseEntity", "public ", "org.lotledger", "Required request body");
    }

    @Test
    void an_answer_the_client_does_not_accept_is_a_406_problem_with_a_code_and_posts_nothing() {
        long postings = count("posting");
        Operation move = op("POST /api/moves");
        Malformations gen = generator();
        Map<String, String> headers = gen.plausibleHeaders(move);
        headers.put("Accept", "application/xml");
        assertRefused(http.send("POST", "/api/moves", headers, bytes(gen.plausibleBody(move))), 406);
        assertThat(count("posting")).isEqualTo(postings);
        assertRefused(get("walt", "/api/balances?lot=" + world.lot, "application/xml"), 406);
    }

    @Test
    void a_missing_query_parameter_is_a_400_problem_with_a_code() {
        assertRefused(get("walt", "/api/balances/as-of?lot=1&location=1", "application/json"), 400);
    }

    @Test
    void an_encoded_nul_in_a_path_is_a_400_problem_not_the_containers_page() {
        assertRefused(get("walt", "/api/items/%00", "application/json"), 400);
        assertRefused(get("walt", "/api/items/1%00", "application/json"), 400);
        assertRefused(get(null, "/api/items/%00", "application/json"), 400);
    }

    @Test
    void a_semicolon_in_a_path_is_a_400_problem_not_the_containers_page() {
        assertRefused(get("walt", "/api/items;x=1/1", "application/json"), 400);
        assertRefused(get("walt", "/api/items/1;x", "application/json"), 400);
        Operation reversal = op("POST /api/postings/{id}/reversal");
        Malformations gen = generator();
        long postings = count("posting");
        assertRefused(
                http.send(
                        "POST",
                        "/api/postings/" + world.postingId + ";x/reversal",
                        gen.plausibleHeaders(reversal),
                        bytes(gen.plausibleBody(reversal))),
                400);
        assertThat(count("posting")).isEqualTo(postings);
    }

    @Test
    void a_header_of_8_kb_is_answered_with_a_problem_not_the_containers_page() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", RawHttp.basic("walt"));
        headers.put("Accept", "application/json");
        headers.put("X-Fuzz", "h".repeat(8 * 1024));
        Answer a = http.send("GET", "/api/items/1", headers, null);
        assertThat(a.status()).as(a.toString()).isIn(400, 431);
        assertThat(RawHttp.brokenPromises(a)).as(a.toString()).isEmpty();
    }

    @Test
    void a_posting_id_with_a_stray_character_reverses_nothing() {
        Operation reversal = op("POST /api/postings/{id}/reversal");
        long postings = count("posting");
        for (String id : List.of(
                "%20" + world.postingId,
                world.postingId + "%20",
                "+" + world.postingId,
                "0" + world.postingId + ".0")) {
            Malformations gen = generator();
            assertRefused(
                    http.send(
                            "POST",
                            "/api/postings/" + id + "/reversal",
                            gen.plausibleHeaders(reversal),
                            bytes(gen.plausibleBody(reversal))),
                    400);
        }
        assertThat(count("posting")).isEqualTo(postings);
    }

    // ---- plumbing ----------------------------------------------------------------------------------------------

    private Operation op(String id) {
        return api.writes().stream()
                .filter(o -> o.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not in /v3/api-docs"));
    }

    private Malformations generator() {
        return new Malformations(api, world, ThreadLocalRandom.current().nextLong());
    }

    private void assertRefused(Attempt a, int status) {
        Answer answer = http.send(a.method(), a.path(), a.headers(), a.body());
        assertThat(answer.status()).as(a.describe() + "\n -> " + answer).isEqualTo(status);
        assertThat(RawHttp.brokenPromises(answer))
                .as(a.describe() + "\n -> " + answer)
                .isEmpty();
    }

    private static void assertRefused(Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(RawHttp.brokenPromises(answer)).as(answer.toString()).isEmpty();
    }

    private Answer get(String user, String path, String accept) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (user != null) {
            headers.put("Authorization", RawHttp.basic(user));
        }
        headers.put("Accept", accept);
        return http.send("GET", path, headers, null);
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : COUNTED) {
            counts.put(table, count(table));
        }
        return counts;
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return new ObjectMapper().writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode text(String s) {
        return JsonNodeFactory.instance.textNode(s);
    }

    private static JsonNode raw(String s) {
        return JsonNodeFactory.instance.pojoNode(new RawValue(s));
    }

    /**
     * What the fuzzer works on, made anew for each test: a small warehouse of its own with stock (LedgerFixtures),
     * a customer and a reason code of its own, and from the demo catalog a purchase order with an open receipt; the
     * users allowed to call each family of operations (docs/security.md).
     */
    static final class World implements Malformations.Hints {

        /** Who sends the fuzzed requests of an operation: the first prefix of its path that matches. */
        static final List<Map.Entry<String, String>> CALLERS = List.of(
                Map.entry("/api/recalls/{id}/returns", "rita"),
                Map.entry("/api/recalls", "maria"),
                Map.entry("/api/holds/{id}/warehouse-moves/", "walt"),
                Map.entry("/api/holds", "quinn"),
                Map.entry("/api/moves", "walt"),
                Map.entry("/api/putaway", "walt"),
                Map.entry("/api/adjustments", "ivy"),
                Map.entry("/api/opening-balances", "ivy"),
                Map.entry("/api/postings/", "ivy"),
                Map.entry("/api/ledger/", "ivy"),
                Map.entry("/api/lots", "quinn"),
                Map.entry("/api/purchase-orders", "erp"),
                Map.entry("/api/advance-ship-notices", "erp"),
                Map.entry("/api/sales-orders/{id}/shipments", "walt"),
                Map.entry("/api/shipments", "walt"),
                Map.entry("/api/sales-orders/{id}/pick-tasks", "walt"),
                Map.entry("/api/pick-tasks", "walt"),
                Map.entry("/api/sales-orders", "erp"),
                Map.entry("/api/transfer-orders/{id}/dispatch", "walt"),
                Map.entry("/api/transfer-orders/{id}/receipts", "rita"),
                Map.entry("/api/transfer-orders/{id}/pick-tasks", "walt"),
                Map.entry("/api/transfer-orders", "erp"),
                Map.entry("/api/allocation-overrides", "otto"),
                Map.entry("/api/receipts/{id}/lines/{lineId}/reversal", "sam"),
                Map.entry("/api/receipts/{id}/purchase-order-lines/", "sam"),
                Map.entry("/api/receipts", "rita"),
                Map.entry("/api/items", "admin"),
                Map.entry("/api/warehouses", "admin"),
                Map.entry("/api/zones", "admin"),
                Map.entry("/api/locations", "admin"),
                Map.entry("/api/suppliers", "admin"),
                Map.entry("/api/customers", "admin"),
                Map.entry("/api/reason-codes", "admin"));

        static final String NO_SUCH_ID = "999999999";

        LedgerFixtures f;
        long lot;
        String lotLabel;
        long postingId;
        long zoneId;
        long customerId;
        long reasonCodeId;
        long dressingId;
        long woundWellId;
        long poId;
        long poLineId;
        long sparePoId;
        long spareSoId;
        long spareToId;
        long receiptId;

        static World build(JdbcTemplate jdbc, Ledger ledger, int port) {
            World w = new World();
            w.f = new LedgerFixtures(jdbc);
            w.lot = w.f.newLot();
            w.lotLabel = w.f.labelOf(w.lot);
            w.postingId =
                    w.f.stock(ledger, w.lot, "A1", StockStatus.AVAILABLE, 50).id();
            w.zoneId = jdbc.queryForObject(
                    "select id from zone where warehouse_id = ? and code = 'STORE'", Long.class, w.f.warehouseId);
            ObjectMapper json = new ObjectMapper();
            ApiClient admin = ApiClient.as(port, json, "admin");
            w.customerId = created(admin.post(
                    "/api/customers",
                    Map.of("code", "FZ-" + w.f.tag, "name", "Fuzz customer", "customerType", "OTHER")));
            w.reasonCodeId = created(admin.post(
                    "/api/reason-codes",
                    Map.of(
                            "code",
                            "FZ_" + w.f.tag,
                            "description",
                            "Fuzz reason",
                            "postingTypes",
                            List.of("ADJUSTMENT"),
                            "requiresApproval",
                            false)));
            HttpReply items = admin.get("/api/items?sku=DRS-FOAM-10");
            assertThat(items.status()).as(items.text()).isEqualTo(200);
            w.dressingId = items.body().get(0).get("id").asLong();
            HttpReply suppliers = admin.get("/api/suppliers");
            for (JsonNode s : suppliers.body()) {
                if ("WOUNDWELL".equals(s.path("code").asText())) {
                    w.woundWellId = s.get("id").asLong();
                }
            }
            ApiClient erp = ApiClient.as(port, json, "erp");
            HttpReply po = erp.post("/api/purchase-orders", w.purchaseOrder());
            w.poId = created(po);
            w.poLineId = po.body().get("lines").get(0).get("id").asLong();
            w.sparePoId = created(erp.post("/api/purchase-orders", w.purchaseOrder()));
            w.spareSoId = created(erp.post("/api/sales-orders", w.salesOrder()));
            w.spareToId = created(erp.post("/api/transfer-orders", w.transferOrder()));
            w.receiptId = created(ApiClient.as(port, json, "rita")
                    .post("/api/receipts", Map.of("purchaseOrderId", w.poId, "dockBarcode", "EAST-DOCK-01")));
            return w;
        }

        private Map<String, Object> purchaseOrder() {
            return Map.of(
                    "poNumber",
                    "PO-FZ-" + f.tag + "-" + ThreadLocalRandom.current().nextInt(1_000_000),
                    "supplierId",
                    woundWellId,
                    "currency",
                    "USD",
                    "lines",
                    List.of(poLine()));
        }

        private Map<String, Object> salesOrder() {
            return Map.of(
                    "source",
                    "ERP",
                    "orderNumber",
                    "SO-FZ-" + f.tag + "-" + ThreadLocalRandom.current().nextInt(1_000_000),
                    "customerCode",
                    "MERCY-HOSP",
                    "warehouseCode",
                    "EAST",
                    "requestedShipDate",
                    LocalDate.now().plusDays(2).toString(),
                    "lines",
                    List.of(salesOrderLine()));
        }

        private Map<String, Object> transferOrder() {
            return Map.of(
                    "fromWarehouseCode",
                    "EAST",
                    "toWarehouseCode",
                    "WEST",
                    "shipDate",
                    LocalDate.now().plusDays(2).toString(),
                    "reason",
                    "fuzz " + f.tag,
                    "lines",
                    List.of(transferOrderLine()));
        }

        private static Map<String, Object> transferOrderLine() {
            return Map.of("sku", "DRS-FOAM-10", "quantity", 2, "uom", "BOX");
        }

        private static Map<String, Object> salesOrderLine() {
            return Map.of(
                    "sku",
                    "DRS-FOAM-10",
                    "quantity",
                    2,
                    "uom",
                    "BOX",
                    "unitPrice",
                    new BigDecimal("30.00"),
                    "currency",
                    "USD");
        }

        private Map<String, Object> poLine() {
            return Map.of(
                    "itemId", dressingId, "quantity", 20, "uom", "BOX", "expectedUnitPrice", new BigDecimal("24.00"));
        }

        private static long created(HttpReply r) {
            assertThat(r.status()).as(r.text()).isEqualTo(201);
            return r.id();
        }

        @Override
        public String caller(Operation op) {
            return CALLERS.stream()
                    .filter(e -> op.path().startsWith(e.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }

        @Override
        public String pathValue(Operation op, String parameter) {
            if (parameter.equals("poLineId")) {
                return String.valueOf(poLineId);
            }
            if (!parameter.equals("id")) {
                return NO_SUCH_ID;
            }
            String before = op.path().substring(0, op.path().indexOf("/{id}"));
            Long id = switch (before.substring(before.lastIndexOf('/') + 1)) {
                case "items" -> f.itemId;
                case "warehouses" -> f.warehouseId;
                case "zones" -> zoneId;
                case "locations" -> f.location("A3");
                case "suppliers" -> f.supplierId;
                case "customers" -> customerId;
                case "reason-codes" -> reasonCodeId;
                case "lots" -> lot;
                case "postings" -> postingId;
                case "receipts" -> receiptId;
                case "purchase-orders" -> sparePoId;
                case "sales-orders" -> spareSoId;
                case "transfer-orders" -> spareToId;
                default -> null;
            };
            return id == null ? NO_SUCH_ID : String.valueOf(id);
        }

        @Override
        public JsonNode value(String owner, String property) {
            JsonNodeFactory n = JsonNodeFactory.instance;
            Object v = switch (owner + "." + property) {
                case "ReceiveLine.purchaseOrderLineId" -> poLineId;
                case "ReceiveLine.lotNumber" ->
                    "WW" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
                case "ReceiveLine.quantity" -> 1;
                case "ReceiveLine.uom" -> "BOX";
                case "ReceiveLine.expiresOn" -> LocalDate.now().plusYears(2).toString();
                case "ReversalRequest.reasonCode", "Reversal.reasonCode" -> "DATA_ENTRY_ERROR";
                case "PurchaseOrderDraft.supplierId", "AsnDraft.supplierId" -> woundWellId;
                case "PurchaseOrderDraft.lines" -> new ObjectMapper().valueToTree(List.of(poLine()));
                case "AsnDraft.purchaseOrderId" -> sparePoId;
                case "SalesOrderDraft.source" -> "ERP";
                case "SalesOrderDraft.orderNumber" ->
                    "SO-FZ-" + f.tag + "-" + ThreadLocalRandom.current().nextInt(1_000_000);
                case "SalesOrderDraft.customerCode" -> "MERCY-HOSP";
                case "SalesOrderDraft.warehouseCode" -> "EAST";
                case "SalesOrderDraft.requestedShipDate" ->
                    LocalDate.now().plusDays(2).toString();
                case "SalesOrderDraft.lines" -> new ObjectMapper().valueToTree(List.of(salesOrderLine()));
                case "SalesOrderLineDraft.sku" -> "DRS-FOAM-10";
                case "SalesOrderLineDraft.uom" -> "BOX";
                case "SalesOrderLineDraft.quantity" -> 2;
                case "SalesOrderLineDraft.unitPrice" -> new BigDecimal("30.00");
                case "ZoneDraft.zoneType" -> "STORAGE";
                case "TransferOrderDraft.fromWarehouseCode" -> "EAST";
                case "TransferOrderDraft.toWarehouseCode" -> "WEST";
                case "TransferOrderDraft.shipDate" ->
                    LocalDate.now().plusDays(2).toString();
                case "TransferOrderDraft.reason" -> "fuzz";
                case "TransferOrderDraft.lines" -> new ObjectMapper().valueToTree(List.of(transferOrderLine()));
                case "TransferOrderLineDraft.sku" -> "DRS-FOAM-10";
                case "TransferOrderLineDraft.uom" -> "BOX";
                case "TransferOrderLineDraft.quantity" -> 2;
                case "TransferDispatch.stagingLocation" -> "EAST-SHIP-01";
                case "TransferDispatch.lotLabels" -> new ObjectMapper().valueToTree(List.of(lotLabel));
                case "TransferReceiptScan.lotLabel" -> lotLabel;
                case "TransferReceiptScan.location" -> "WEST-AMB-01-01";
                case "TransferReceiptScan.condition" -> "GOOD";
                case "TransferColdChainReading.inRange" -> true;
                case "PickConfirmation.locationBarcode" -> f.barcode("A1");
                case "PickConfirmation.lotLabel" -> lotLabel;
                case "PickConfirmation.stagingLocationBarcode" -> "EAST-SHIP-01";
                default ->
                    switch (property) {
                        case "lot" -> lotLabel;
                        case "fromLocation", "location" -> f.barcode("A1");
                        case "toLocation" -> f.barcode("A2");
                        case "quantity" -> 1;
                        case "unit", "uom", "baseUom" -> "EA";
                        case "status" -> "AVAILABLE";
                        case "reasonCode" -> "COUNT_VARIANCE";
                        case "lotId" -> lot;
                        case "locationId" -> f.location("A1");
                        case "itemId" -> f.itemId;
                        case "supplierId" -> f.supplierId;
                        case "warehouseId" -> f.warehouseId;
                        case "zoneId" -> zoneId;
                        case "purchaseOrderId" -> poId;
                        case "dockBarcode" -> "EAST-DOCK-01";
                        case "currency" -> "USD";
                        case "timeZone" -> "UTC";
                        default -> null;
                    };
            };
            return v == null ? null : v instanceof JsonNode j ? j : new ObjectMapper().valueToTree(v);
        }

        @Override
        public Set<String> optionalIncluded(String owner) {
            return switch (owner) {
                case "MoveRequest", "AdjustmentRequest" -> Set.of("status");
                case "ReceiveLine" -> Set.of("purchaseOrderLineId", "lotNumber", "expiresOn", "quantity", "uom");
                case "PlaceRequest" -> Set.of("lotId");
                case "SalesOrderLineDraft" -> Set.of("sku", "uom");
                case "TransferOrderLineDraft" -> Set.of("sku", "uom");
                default -> Set.of();
            };
        }
    }
}
