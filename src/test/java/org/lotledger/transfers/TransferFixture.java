package org.lotledger.transfers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lotledger.fulfillment.picking.PickingFixtures;
import org.lotledger.ledger.Ledger;
import org.lotledger.support.ApiClient;
import org.lotledger.support.HttpReply;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A transfer EAST → WEST on stock of the test's own in EAST ({@link PickingFixtures}: a storage zone, a staging
 * location, an ambient item with EA and BOX (10 EA) GTINs), two lots A and B on shelves S1 and S2; otto orders and
 * allocates, walt picks (a GS1 label for lot A, the internal label for the others) and dispatches by scan. Shared by
 * the transfer tests through the API (order and dispatch, the receipt, the fuzz of receipt requests).
 */
final class TransferFixture {

    final PickingFixtures f;
    final JdbcTemplate jdbc;
    final ApiClient otto;
    final ApiClient walt;
    final ApiClient wes;
    final ApiClient rita;
    final long lotA;
    final long lotB;
    final long inTransit;

    TransferFixture(JdbcTemplate jdbc, Ledger ledger, ObjectMapper json, int port, long stockA, long stockB) {
        this.jdbc = jdbc;
        f = new PickingFixtures(jdbc);
        otto = ApiClient.as(port, json, "otto");
        walt = ApiClient.as(port, json, "walt");
        wes = ApiClient.as(port, json, "wes");
        rita = ApiClient.as(port, json, "rita");
        lotA = f.lot(f.supplierA, "A" + f.tag, LocalDate.now().plusDays(200));
        lotB = f.lot(f.supplierB, "B" + f.tag, LocalDate.now().plusDays(300));
        if (stockA > 0) {
            f.stock(ledger, lotA, "S1", stockA);
        }
        if (stockB > 0) {
            f.stock(ledger, lotB, "S2", stockB);
        }
        inTransit = jdbc.queryForObject("""
                select l.id from location l join warehouse f on f.id = l.warehouse_id
                  join warehouse t on t.id = l.destination_warehouse_id
                 where l.kind = 'IN_TRANSIT' and f.code = 'EAST' and t.code = 'WEST'""", Long.class);
    }

    Map<String, Object> order(Object... lines) {
        Map<String, Object> o = new HashMap<>();
        o.put("fromWarehouseCode", "EAST");
        o.put("toWarehouseCode", "WEST");
        o.put("shipDate", LocalDate.now().plusDays(1).toString());
        o.put("reason", "rebalance " + f.tag);
        o.put("lines", List.of(lines));
        return o;
    }

    Map<String, Object> bySku(long quantity) {
        return Map.of("sku", f.sku, "quantity", quantity, "uom", "EA");
    }

    HttpReply place(Map<String, Object> order) {
        return otto.post("/api/transfer-orders", order);
    }

    long postings() {
        return jdbc.queryForObject("select count(*) from posting", Long.class);
    }

    long transferOrders() {
        return jdbc.queryForObject("select count(*) from transfer_order", Long.class);
    }

    /** The AVAILABLE balance of a lot at a location. */
    long balance(long lot, long location) {
        return balance(lot, location, "AVAILABLE");
    }

    long balance(long lot, long location, String status) {
        List<BigDecimal> q = jdbc.queryForList(
                "select quantity from stock_balance where lot_id = ? and location_id = ? and status = ?",
                BigDecimal.class,
                lot,
                location,
                status);
        return q.isEmpty() ? 0 : q.get(0).longValueExact();
    }

    /** The pick task of a transfer, every line confirmed by walt with a GS1 label (lot A) or the internal label. */
    JsonNode pickEverything(long transferId) {
        HttpReply task = walt.post("/api/transfer-orders/" + transferId + "/pick-tasks", null);
        assertThat(task.status()).as(task.text()).isEqualTo(201);
        for (JsonNode line : task.body().get("lines")) {
            long lot = line.get("lotId").asLong();
            HttpReply picked = walt.post(
                    "/api/pick-tasks/" + task.id() + "/lines/" + line.get("id").asLong() + "/confirmation",
                    Map.of(
                            "locationBarcode",
                            line.get("locationCode").asText(),
                            "lotLabel",
                            lot == lotA ? f.gs1(lotA) : f.label(lot),
                            "quantity",
                            line.get("quantity").asLong(),
                            "uom",
                            "EA",
                            "stagingLocationBarcode",
                            f.shipBarcode));
            assertThat(picked.status()).as(picked.text()).isEqualTo(200);
        }
        return task.body();
    }

    /** Placed by otto, allocated, picked and dispatched by walt (every staged lot scanned); the dispatched order. */
    JsonNode dispatched(Map<String, Object> order, String coldChainLogger) {
        HttpReply placed = place(order);
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        long id = placed.id();
        HttpReply allocated = otto.post("/api/transfer-orders/" + id + "/allocation", null);
        assertThat(allocated.status()).as(allocated.text()).isEqualTo(200);
        pickEverything(id);
        List<String> labels = new ArrayList<>();
        jdbc.queryForList("""
                        select distinct lot_id from stock_reservation
                         where demand_type = 'TRANSFER_ORDER' and demand_reference = ? and state = 'PENDING'""", Long.class, String.valueOf(id)).forEach(lot -> labels.add(f.label(lot)));
        Map<String, Object> scan = new HashMap<>();
        scan.put("stagingLocation", f.shipBarcode);
        scan.put("lotLabels", labels);
        if (coldChainLogger != null) {
            scan.put("coldChainLogger", coldChainLogger);
        }
        HttpReply dispatched = walt.post("/api/transfer-orders/" + id + "/dispatch", scan);
        assertThat(dispatched.status()).as(dispatched.text()).isEqualTo(200);
        return dispatched.body();
    }

    static Map<String, Object> with(Map<String, Object> m, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(m);
        copy.put(key, value);
        return copy;
    }
}
