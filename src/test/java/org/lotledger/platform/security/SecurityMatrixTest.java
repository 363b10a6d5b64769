package org.lotledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.lotledger.IntegrationTest;
import org.lotledger.fulfillment.picking.PickingFixtures;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.LedgerFixtures;
import org.lotledger.ledger.StockStatus;
import org.lotledger.support.ApiClient;
import org.lotledger.support.HttpReply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Checks every cell of the endpoint-family table in docs/security.md against the running application:
 * a request as a demo user of the column's group (HTTP basic) is refused with 403 where the cell is "—" and
 * reaches the operation where it is "✔": it answers a status the OpenAPI document lists for that operation, a
 * problem detail with a {@code code} when it refuses, and never 401, 403, 404, 405 or 5xx (a path that does not
 * exist, or an operation that failed, proves nothing about security). Anonymous requests get 401 where the
 * anonymous cell is "—". Sample paths may name records the test creates first ({@link #records}).
 */
@IntegrationTest
class SecurityMatrixTest {

    static final String YES = "✔";
    static final String NO = "—";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    IdentityService identity;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @LocalServerPort
    int port;

    /** Statuses that prove nothing about the operation: security, a path or method that does not exist, a failure. */
    static final List<Integer> NOT_REACHED = List.of(401, 403, 404, 405);

    record Row(String family, HttpMethod method, String path, Map<String, String> cells) {}

    /** The table between the security-matrix markers of docs/security.md (tests run in the project root). */
    static List<String> header = List.of();

    static List<Row> matrix() throws IOException {
        String doc = Files.readString(Path.of("docs/security.md"), StandardCharsets.UTF_8);
        int begin = doc.indexOf("<!-- security-matrix:begin -->");
        int end = doc.indexOf("<!-- security-matrix:end -->");
        assertThat(begin).as("matrix markers in docs/security.md").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        List<String[]> lines = doc.substring(begin, end)
                .lines()
                .filter(l -> l.startsWith("|"))
                .map(l -> Arrays.stream(l.substring(1, l.lastIndexOf('|')).split("\\|"))
                        .map(String::trim)
                        .toArray(String[]::new))
                .toList();
        header = List.of(lines.get(0));
        assertThat(header.subList(0, 4)).containsExactly("family", "method", "sample path", "anonymous");
        assertThat(header.subList(4, header.size())).as("one column per group").containsExactlyElementsOf(Groups.ALL);
        List<Row> rows = new ArrayList<>();
        for (String[] cells : lines.subList(2, lines.size())) {
            assertThat(cells).hasSize(header.size());
            Map<String, String> byColumn = new java.util.LinkedHashMap<>();
            for (int i = 3; i < cells.length; i++) {
                assertThat(cells[i])
                        .as("cell %s of %s", header.get(i), cells[2])
                        .isIn(YES, NO);
                byColumn.put(header.get(i), cells[i]);
            }
            rows.add(new Row(cells[0], HttpMethod.valueOf(cells[1]), cells[2].replace("`", ""), byColumn));
        }
        return rows;
    }

    /** The demo user who probes a group: one whose only group it is, else the one with the fewest other groups. */
    static String probeFor(String group) {
        return DemoIdentityLoader.USERS.entrySet().stream()
                .filter(e -> e.getValue().groups().contains(group))
                .min(Comparator.comparingInt(e -> e.getValue().groups().size()))
                .map(Map.Entry::getKey)
                .orElseThrow(() -> new AssertionError("no demo user in group " + group));
    }

    @TestFactory
    Stream<DynamicTest> every_cell_of_the_endpoint_matrix_holds() throws IOException {
        List<Row> rows = matrix();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(30);
        Map<String, String> records = records();
        JsonNode api = json.readTree(rest.getForObject("/v3/api-docs", String.class));
        List<DynamicTest> tests = new ArrayList<>();
        for (Row sample : rows) {
            Row row = new Row(sample.family(), sample.method(), resolve(sample.path(), records), sample.cells());
            String anonymous = row.cells().get("anonymous");
            tests.add(DynamicTest.dynamicTest(
                    row.method() + " " + sample.path() + " as anonymous → " + anonymous, () -> {
                        ResponseEntity<String> r = send(rest, row);
                        if (anonymous.equals(YES)) {
                            assertReachesTheOperation(api, row, "anonymous", r);
                        } else {
                            assertThat(r.getStatusCode().value())
                                    .as(describe(row, "anonymous", r))
                                    .isEqualTo(401);
                            assertThat(r.getBody()).contains("\"code\":\"UNAUTHENTICATED\"");
                        }
                    }));
            for (String group : Groups.ALL) {
                String user = probeFor(group);
                // a user may be in more groups than the probed one: allowed if any of them is
                boolean allowed = DemoIdentityLoader.USERS.get(user).groups().stream()
                        .anyMatch(g -> row.cells().getOrDefault(g, NO).equals(YES));
                tests.add(DynamicTest.dynamicTest(
                        row.method() + " " + sample.path() + " as " + user + " (" + group + ") → "
                                + (allowed ? YES : NO),
                        () -> {
                            ResponseEntity<String> r = send(rest.withBasicAuth(user, user + "-demo"), row);
                            if (allowed) {
                                assertReachesTheOperation(api, row, user, r);
                            } else {
                                assertThat(r.getStatusCode().value())
                                        .as(describe(row, user, r))
                                        .isEqualTo(403);
                                assertThat(r.getBody()).contains("\"code\":\"FORBIDDEN\"");
                            }
                        }));
            }
        }
        return tests.stream();
    }

    @Test
    void the_matrix_probes_each_group_with_a_user_whose_other_groups_do_not_widen_the_column() throws IOException {
        for (Row row : matrix()) {
            for (String group : Groups.ALL) {
                String user = probeFor(group);
                boolean union = DemoIdentityLoader.USERS.get(user).groups().stream()
                        .anyMatch(g -> row.cells().getOrDefault(g, NO).equals(YES));
                assertThat(union)
                        .as("%s %s: %s probes %s", row.method(), row.path(), user, group)
                        .isEqualTo(row.cells().get(group).equals(YES));
            }
        }
    }

    @Test
    void a_wrong_password_is_401_even_where_anonymous_callers_are_welcome() {
        // a throw-away user: Camunda locks a user for a while after a failed attempt (ENGINE-27001)
        TestUsers.ensure(identity, "wrongpasswordapi", "the-right-password-1", Groups.ADMIN);
        for (String path : List.of("/actuator/health", "/api/items/1", "/engine-rest/engine")) {
            ResponseEntity<String> r = rest.withBasicAuth("wrongpasswordapi", "not-the-password")
                    .exchange(path, HttpMethod.GET, null, String.class);
            assertThat(r.getStatusCode().value()).as(path).isEqualTo(401);
        }
    }

    static ResponseEntity<String> send(TestRestTemplate client, Row row) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        if (row.method() != HttpMethod.GET) {
            headers.set("Idempotency-Key", UUID.randomUUID().toString());
        }
        HttpEntity<String> entity;
        if (row.method() == HttpMethod.GET || row.method() == HttpMethod.DELETE) {
            entity = new HttpEntity<>(headers);
        } else {
            headers.setContentType(MediaType.APPLICATION_JSON);
            entity = new HttpEntity<>("{}", headers);
        }
        return client.exchange(row.path(), row.method(), entity, String.class);
    }

    /**
     * An allowed cell reached the operation: neither refused by security nor lost (404, 405) nor failed (5xx), and
     * answered with a status the document lists for the operation; a refusal is a problem detail with a code.
     */
    static void assertReachesTheOperation(JsonNode api, Row row, String who, ResponseEntity<String> r) {
        int status = r.getStatusCode().value();
        assertThat(status).as(describe(row, who, r)).isNotIn(NOT_REACHED).isLessThan(500);
        if (!row.path().startsWith("/api/")) {
            return;
        }
        JsonNode operation = operation(api, row.method(), row.path());
        assertThat(operation)
                .as("%s %s in /v3/api-docs", row.method(), row.path())
                .isNotNull();
        assertThat(operation.path("responses").has(String.valueOf(status)))
                .as("status documented for the operation: " + describe(row, who, r))
                .isTrue();
        if (status >= 400) {
            assertThat(r.getBody()).as(describe(row, who, r)).contains("\"code\":");
        }
    }

    /** The operation of the document whose path template matches the request's path (without its query). */
    static JsonNode operation(JsonNode api, HttpMethod method, String path) {
        String plain = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        JsonNode found = null;
        int fewestVariables = Integer.MAX_VALUE;
        for (var it = api.path("paths").fields(); it.hasNext(); ) {
            var entry = it.next();
            String template = entry.getKey();
            if (plain.matches(template.replaceAll("\\{[^/]+}", "[^/]+"))
                    && entry.getValue().has(method.name().toLowerCase())) {
                int variables = template.split("\\{", -1).length - 1;
                if (variables < fewestVariables) {
                    found = entry.getValue().get(method.name().toLowerCase());
                    fewestVariables = variables;
                }
            }
        }
        return found;
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    static String resolve(String path, Map<String, String> records) {
        Matcher m = PLACEHOLDER.matcher(path);
        StringBuilder s = new StringBuilder();
        while (m.find()) {
            String value = records.get(m.group(1));
            assertThat(value).as("record {%s} of %s", m.group(1), path).isNotNull();
            m.appendReplacement(s, Matcher.quoteReplacement(value));
        }
        return m.appendTail(s).toString();
    }

    /**
     * The records that sample paths name, created through the API as the people who would: a released hold on a lot of
     * the test's own warehouse ({@code {hold}}, {@code {lotLabel}}, {@code {locationBarcode}}), a purchase order of
     * the demo catalog with one line ({@code {po}}, {@code {poLine}}), its ASN ({@code {asn}}), a receipt of one line
     * on it, closed ({@code {receipt}}, {@code {receiptLine}}), a supplier of the test's own ({@code {supplier}}), a pick
     * task ({@code {pickTask}}, {@code {pickLine}}) and an open shipment of EAST over picked stock ({@code {shipment}}).
     * So the operations answer what they answer for such records (200, or 409 for a released hold or a closed receipt)
     * whoever asks, in any order.
     */
    @Autowired
    org.lotledger.ledger.Reservations reservations;

    @Autowired
    org.lotledger.fulfillment.SalesOrdering ordering;

    Map<String, String> records() {
        Map<String, String> records = new java.util.LinkedHashMap<>();
        LedgerFixtures f = new LedgerFixtures(jdbc);
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", StockStatus.AVAILABLE, 10);
        records.put("lotLabel", f.labelOf(lot));
        records.put("locationBarcode", f.barcode("A1"));
        records.put("supplier", String.valueOf(f.supplierId));

        HttpReply placed =
                call("quinn", "POST", "/api/holds", Map.of("scope", "LOT", "lotId", lot, "reason", "INVESTIGATION"));
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        long hold = placed.id();
        HttpReply reviewed = call("quinn", "POST", "/api/holds/" + hold + "/release", Map.of());
        if (reviewed.status() == 202) {
            reviewed = call("maria", "POST", "/api/holds/" + hold + "/approval", Map.of("approve", true));
        }
        assertThat(reviewed.status()).as(reviewed.text()).isEqualTo(200);
        assertThat(reviewed.body().path("state").asText()).isEqualTo("RELEASED");
        records.put("hold", String.valueOf(hold));

        long supplier = jdbc.queryForObject("select id from supplier where code = 'MEDIGLOVE'", Long.class);
        long item = jdbc.queryForObject("select id from item where sku = 'GLV-NIT-M'", Long.class);
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        HttpReply po = call(
                "erp",
                "POST",
                "/api/purchase-orders",
                Map.of(
                        "poNumber",
                        "PO-SEC-" + tag,
                        "supplierId",
                        supplier,
                        "currency",
                        "USD",
                        "lines",
                        List.of(Map.of("itemId", item, "quantity", 100, "uom", "EA", "expectedUnitPrice", 0.05))));
        assertThat(po.status()).as(po.text()).isEqualTo(201);
        records.put("po", String.valueOf(po.id()));
        long poLine = po.body().at("/lines/0/id").asLong();
        records.put("poLine", String.valueOf(poLine));
        // MEDIGLOVE's lot-label convention: five digits and a letter
        String lotNumber = String.format("%05d", ThreadLocalRandom.current().nextInt(100_000)) + "S";
        HttpReply asn = call(
                "erp",
                "POST",
                "/api/advance-ship-notices",
                Map.of(
                        "asnNumber",
                        "ASN-SEC-" + tag,
                        "supplierId",
                        supplier,
                        "purchaseOrderId",
                        po.id(),
                        "lines",
                        List.of(Map.of("itemId", item, "lotNumber", lotNumber, "quantity", 10, "uom", "EA"))));
        assertThat(asn.status()).as(asn.text()).isEqualTo(201);
        records.put("asn", String.valueOf(asn.id()));

        HttpReply receipt = call(
                "rita", "POST", "/api/receipts", Map.of("purchaseOrderId", po.id(), "dockBarcode", "EAST-DOCK-01"));
        assertThat(receipt.status()).as(receipt.text()).isEqualTo(201);
        HttpReply line = call(
                "rita",
                "POST",
                "/api/receipts/" + receipt.id() + "/lines",
                Map.of("purchaseOrderLineId", poLine, "lotNumber", lotNumber, "quantity", 10, "uom", "EA"));
        assertThat(line.status()).as(line.text()).isEqualTo(201);
        records.put("receiptLine", String.valueOf(line.id()));
        HttpReply salesOrder = call(
                "erp",
                "POST",
                "/api/sales-orders",
                Map.of(
                        "source",
                        "ERP",
                        "orderNumber",
                        "SO-SEC-" + tag,
                        "customerCode",
                        "MERCY-HOSP",
                        "warehouseCode",
                        "EAST",
                        "requestedShipDate",
                        java.time.LocalDate.now().plusDays(3).toString(),
                        "lines",
                        List.of(Map.of(
                                "sku",
                                "GLV-NIT-M",
                                "quantity",
                                10,
                                "uom",
                                "EA",
                                "unitPrice",
                                0.09,
                                "currency",
                                "USD"))));
        assertThat(salesOrder.status()).as(salesOrder.text()).isEqualTo(201);
        records.put("salesOrder", String.valueOf(salesOrder.id()));
        records.put("salesOrderLine", salesOrder.body().at("/lines/0/id").asText());
        HttpReply closed = call("rita", "POST", "/api/receipts/" + receipt.id() + "/close", null);
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        records.put("receipt", String.valueOf(receipt.id()));
        // transfer orders EAST → WEST placed by the ERP: one of two lines (a line to cancel, one to allocate and pick),
        // and a spare one to cancel whole
        Map<String, Object> transferLine = Map.of("sku", "GLV-NIT-M", "quantity", 10, "uom", "EA");
        Map<String, Object> transfer = Map.of(
                "fromWarehouseCode",
                "EAST",
                "toWarehouseCode",
                "WEST",
                "shipDate",
                java.time.LocalDate.now().plusDays(2).toString(),
                "reason",
                "security matrix " + tag,
                "lines",
                List.of(transferLine, transferLine));
        HttpReply transferOrder = call("erp", "POST", "/api/transfer-orders", transfer);
        assertThat(transferOrder.status()).as(transferOrder.text()).isEqualTo(201);
        records.put("transferOrder", String.valueOf(transferOrder.id()));
        records.put("transferOrderLine", transferOrder.body().at("/lines/0/id").asText());
        HttpReply spareTransfer = call("erp", "POST", "/api/transfer-orders", transfer);
        assertThat(spareTransfer.status()).as(spareTransfer.text()).isEqualTo(201);
        records.put("spareTransferOrder", String.valueOf(spareTransfer.id()));
        // a transfer WEST → EAST, not dispatched: its receipt is EAST's (walt) and rita's (receiving at both), who
        // are answered 400 for the empty scan and 409 TRANSFER_NOT_DISPATCHED for the close
        Map<String, Object> inbound = new java.util.HashMap<>(transfer);
        inbound.put("fromWarehouseCode", "WEST");
        inbound.put("toWarehouseCode", "EAST");
        HttpReply inboundTransfer = call("erp", "POST", "/api/transfer-orders", inbound);
        assertThat(inboundTransfer.status()).as(inboundTransfer.text()).isEqualTo(201);
        records.put("inboundTransferOrder", String.valueOf(inboundTransfer.id()));
        // a pick task of EAST (walt's) over a reservation of the test's own stock
        PickingFixtures pf = new PickingFixtures(jdbc);
        PickingFixtures.Reserved reserved = pf.reservedOrder(ledger, reservations, ordering);
        HttpReply task = call("walt", "POST", "/api/sales-orders/" + reserved.orderId() + "/pick-tasks", null);
        assertThat(task.status()).as(task.text()).isEqualTo(201);
        records.put("pickTask", String.valueOf(task.id()));
        records.put("pickLine", task.body().at("/lines/0/id").asText());
        // a real shipment of EAST: another order picked by walt's scan and opened over what is staged
        PickingFixtures.Reserved toShip = pf.reservedOrder(ledger, reservations, ordering);
        HttpReply shipTask = call("walt", "POST", "/api/sales-orders/" + toShip.orderId() + "/pick-tasks", null);
        assertThat(shipTask.status()).as(shipTask.text()).isEqualTo(201);
        HttpReply picked = call(
                "walt",
                "POST",
                "/api/pick-tasks/" + shipTask.id() + "/lines/"
                        + shipTask.body().at("/lines/0/id").asText() + "/confirmation",
                Map.of(
                        "locationBarcode",
                        pf.barcode("S1"),
                        "lotLabel",
                        pf.label(toShip.lotId()),
                        "quantity",
                        10,
                        "uom",
                        "EA",
                        "stagingLocationBarcode",
                        pf.shipBarcode));
        assertThat(picked.status()).as(picked.text()).isEqualTo(200);
        HttpReply shipment = call("walt", "POST", "/api/sales-orders/" + toShip.orderId() + "/shipments", null);
        assertThat(shipment.status()).as(shipment.text()).isEqualTo(201);
        records.put("shipment", String.valueOf(shipment.id()));
        // the recall trace (issue 11 §1) of the lot stocked above
        records.put("lot", String.valueOf(lot));
        // a LIVE recall of a lot of the test's own, started by maria; its holds are not placed (no job runs here)
        long recalled = f.newLot();
        f.stock(ledger, recalled, "A1", StockStatus.AVAILABLE, 5);
        HttpReply recall = startRecall("maria", recalled, "LIVE");
        assertThat(recall.status()).as(recall.text()).isEqualTo(201);
        records.put("recall", String.valueOf(recall.id()));
        // a mock recall of the same lot, by quinn (quality)
        HttpReply mock = startRecall("quinn", recalled, "MOCK");
        assertThat(mock.status()).as(mock.text()).isEqualTo(201);
        records.put("mockRecall", String.valueOf(mock.id()));
        return records;
    }

    private HttpReply startRecall(String user, long lot, String mode) {
        return call(
                user,
                "POST",
                "/api/recalls",
                Map.of("scope", Map.of("lotId", lot), "reason", "security matrix", "recallClass", "II", "mode", mode));
    }

    private HttpReply call(String user, String method, String path, Object body) {
        return ApiClient.as(port, json, user)
                .send(method, path, body, UUID.randomUUID().toString());
    }

    private static String describe(Row row, String who, ResponseEntity<String> r) {
        String body = r.getBody() == null ? "" : r.getBody();
        return row.family() + " " + row.method() + " " + row.path() + " as " + who + " → " + r.getStatusCode() + " "
                + body.substring(0, Math.min(200, body.length()));
    }
}
