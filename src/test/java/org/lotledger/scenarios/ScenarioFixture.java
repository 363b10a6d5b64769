package org.lotledger.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.lotledger.catalog.item.Gtin;
import org.lotledger.support.ApiClient;
import org.lotledger.support.HttpReply;

/**
 * What the scenarios share: catalog look-ups through the API, GS1 element strings as scanners send them, the
 * engine's own work (due jobs, since the job executor is off in tests) and ledger tables read through the API.
 */
final class ScenarioFixture {

    static final String DOCK = "EAST-DOCK-01";
    /** WoundWell is on probation: the inspection decision asks QA (group quality) for a SAMPLE inspection. */
    static final String SUPPLIER = "WOUNDWELL";

    static final String DRESSING = "DRS-FOAM-10";
    static final String SYRINGE = "SYR-3ML";
    static final String GS = "\u001D";
    static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private static final AtomicInteger LOTS =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000, 900_000));

    private final ApiClient reader;
    private final RuntimeService runtime;
    private final ManagementService management;

    ScenarioFixture(ApiClient reader, RuntimeService runtime, ManagementService management) {
        this.reader = reader;
        this.runtime = runtime;
        this.management = management;
    }

    /** WoundWell's lot-label convention: WW and six digits. */
    static String woundWellLot() {
        return "WW" + String.format("%06d", LOTS.incrementAndGet() % 1_000_000);
    }

    static String sscc() {
        String data = "0" + "0614141"
                + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
        return data + Gtin.checkDigit(data);
    }

    static String yymmdd(LocalDate d) {
        return d.format(YYMMDD);
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    JsonNode item(String sku) {
        HttpReply r = reader.get("/api/items?sku=" + sku);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.body()).hasSize(1);
        return r.body().get(0);
    }

    String gtin(JsonNode item, String uom) {
        for (JsonNode g : item.get("gtins")) {
            if (g.get("uom").asText().equals(uom)) {
                return g.get("gtin").asText();
            }
        }
        throw new AssertionError(item.get("sku") + " has no GTIN for " + uom);
    }

    long supplierId(String code) {
        HttpReply r = reader.get("/api/suppliers");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        for (JsonNode s : r.body()) {
            if (code.equals(s.get("code").asText())) {
                return s.get("id").asLong();
            }
        }
        throw new AssertionError("no supplier " + code);
    }

    /** A lot received at the dock whose inspection task is open ({@link #lotAwaitingInspection}). */
    record ReceivedLot(long lotId, String internalLabel, long quantity, String processInstanceId) {}

    /**
     * The ERP orders 20 boxes of dressings from WoundWell, rita receives 5 of them (one lot, scanned) and the engine
     * decides the inspection, so that an "Inspect lot" task for the quality group is open.
     */
    ReceivedLot lotAwaitingInspection(ApiClient erp, ApiClient rita) {
        JsonNode dressing = item(DRESSING);
        HttpReply po = erp.post(
                "/api/purchase-orders",
                body(
                        "poNumber",
                        unique("PO-E2E-"),
                        "supplierId",
                        supplierId(SUPPLIER),
                        "currency",
                        "USD",
                        "lines",
                        List.of(body(
                                "itemId",
                                dressing.get("id").asLong(),
                                "quantity",
                                20,
                                "uom",
                                "BOX",
                                "expectedUnitPrice",
                                new java.math.BigDecimal("24.00")))));
        assertThat(po.status()).as(po.text()).isEqualTo(201);
        HttpReply receipt = rita.post("/api/receipts", body("purchaseOrderId", po.id(), "dockBarcode", DOCK));
        assertThat(receipt.status()).as(receipt.text()).isEqualTo(201);
        HttpReply line = rita.postPosting(
                "/api/receipts/" + receipt.id() + "/lines",
                body(
                        "scan",
                        "(01)" + gtin(dressing, "BOX") + "(17)"
                                + yymmdd(LocalDate.now().plusYears(2)) + "(10)" + woundWellLot(),
                        "quantity",
                        5));
        assertThat(line.status()).as(line.text()).isEqualTo(201);
        long lotId = line.body().get("lotId").asLong();
        String pi = inspectionOf(lotId);
        assertThat(pi).isNotNull();
        assertThat(runDueJobs(List.of(pi))).isEqualTo(1);
        return new ReceivedLot(
                lotId,
                line.body().get("internalLabel").asText(),
                line.body().get("baseQuantity").asLong(),
                pi);
    }

    /** The running receiving inspection of a lot (process variable lotId), or null. */
    String inspectionOf(long lotId) {
        var pis = runtime.createProcessInstanceQuery()
                .processDefinitionKey("ReceivingInspection")
                .variableValueEquals("lotId", lotId)
                .list();
        return pis.isEmpty() ? null : pis.get(0).getId();
    }

    /**
     * What the job executor would do: run every job of these process instances that is due now (async
     * continuations; the overdue timers are not due). Repeats until none is left.
     */
    int runDueJobs(List<String> processInstanceIds) {
        int ran = 0;
        for (int round = 0; round < 10; round++) {
            List<Job> due = new ArrayList<>();
            for (String pi : processInstanceIds) {
                due.addAll(management
                        .createJobQuery()
                        .processInstanceId(pi)
                        .executable()
                        .list());
            }
            if (due.isEmpty()) {
                return ran;
            }
            for (Job job : due) {
                management.executeJob(job.getId());
                ran++;
            }
        }
        throw new AssertionError("jobs keep coming for " + processInstanceIds);
    }

    /** A lot's balances through GET /api/balances, virtual locations included: "LOCATION STATUS quantity". */
    List<String> balances(long lotId) {
        HttpReply r = reader.get("/api/balances?lot=" + lotId + "&includeVirtual=true");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        for (JsonNode b : r.body()) {
            rows.add(b.get("locationCode").asText() + " " + b.get("status").asText() + " "
                    + b.get("quantity").decimalValue().stripTrailingZeros().toPlainString());
        }
        return rows;
    }

    /** A lot's ledger legs through GET /api/lots/{id}/history: "TYPE LOCATION STATUS ±quantity by actor". */
    List<String> legs(long lotId) {
        HttpReply r = reader.get("/api/lots/" + lotId + "/history");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        for (JsonNode g : r.body()) {
            String q = g.get("quantity").decimalValue().stripTrailingZeros().toPlainString();
            rows.add(g.get("postingType").asText() + " " + g.get("locationCode").asText() + " "
                    + g.get("status").asText() + " " + (q.startsWith("-") ? q : "+" + q) + " by "
                    + g.get("actor").asText());
        }
        return rows;
    }

    /**
     * A lot's postings through GET /api/lots/{id}/history, one row per posting and movement, in ledger order:
     * "TYPE lot from → to STATUS quantity by actor" (from: the leg taking the stock, to: the leg receiving it), or
     * "TYPE lot from STATUS → to STATUS quantity by actor" when the posting changes the status. {@code lot} names
     * the lot in the rows.
     */
    List<String> moves(long lotId, String lot) {
        HttpReply r = reader.get("/api/lots/" + lotId + "/history");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        Map<Long, List<JsonNode>> byPosting = new LinkedHashMap<>();
        for (JsonNode g : r.body()) {
            byPosting
                    .computeIfAbsent(g.get("postingId").asLong(), k -> new ArrayList<>())
                    .add(g);
        }
        List<String> rows = new ArrayList<>();
        for (List<JsonNode> legs : byPosting.values()) {
            List<JsonNode> out = legs.stream()
                    .filter(g -> g.get("quantity").decimalValue().signum() < 0)
                    .toList();
            List<JsonNode> in = legs.stream()
                    .filter(g -> g.get("quantity").decimalValue().signum() > 0)
                    .toList();
            assertThat(out)
                    .as("legs of posting %s", legs.get(0).get("postingId"))
                    .hasSameSizeAs(in);
            for (int i = 0; i < out.size(); i++) {
                JsonNode from = out.get(i);
                JsonNode to = in.get(i);
                String q =
                        to.get("quantity").decimalValue().stripTrailingZeros().toPlainString();
                String fromStatus = from.get("status").asText();
                String toStatus = to.get("status").asText();
                rows.add(from.get("postingType").asText() + " " + lot + " "
                        + from.get("locationCode").asText()
                        + (fromStatus.equals(toStatus) ? "" : " " + fromStatus) + " → "
                        + to.get("locationCode").asText() + " " + toStatus + " " + q + " by "
                        + from.get("actor").asText());
            }
        }
        return rows;
    }
}
