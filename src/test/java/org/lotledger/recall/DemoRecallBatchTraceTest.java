package org.lotledger.recall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.catalog.demo.DemoCatalogLoader;
import org.lotledger.recall.demo.DemoRecallBatchLoader;
import org.lotledger.support.ApiClient;
import org.lotledger.support.HttpReply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo recall batch MFG-2026-0042 as the demo loader tells it (recall.demo.RecallBatchStory): traced through
 * {@code GET /api/trace?batchRef=} it goes back to purchase orders, ASNs with SSCCs, scanned receipts and the
 * inspection (no opening balance), and forward to the shipments to four customers, the transfer in transit and the
 * relabelled child lot, with the mass balance exact. Other tests of the shared context may take more of lot 23456 (it
 * is the demo's chilled stock at EAST and WEST), so its story is asserted as contained; the FROZEN lot 12345 and its
 * child are the recall batch's alone and are asserted exactly.
 */
@IntegrationTest
class DemoRecallBatchTraceTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DemoRecallBatchLoader loader;

    @Test
    void
            the_demo_recall_batch_traces_back_to_its_purchase_orders_and_receipts_and_forward_to_customers_transit_and_the_child() {
        // a restart tells nothing twice
        long pos = jdbc.queryForObject(
                "select count(*) from purchase_order where po_number like 'PO-MFG-2026-0042-%'", Long.class);
        loader.load();
        assertThat(jdbc.queryForObject(
                        "select count(*) from purchase_order where po_number like 'PO-MFG-2026-0042-%'", Long.class))
                .isEqualTo(pos)
                .isEqualTo(2);

        HttpReply r =
                ApiClient.as(port, json, "quinn").get("/api/trace?batchRef=" + DemoCatalogLoader.RECALL_BATCH_REF);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode trace = r.body();
        assertThat(trace.get("balanced").asBoolean()).isTrue();
        JsonNode frozen = lot(trace, DemoCatalogLoader.SKU_MRNA_VACCINE, DemoRecallBatchLoader.FROZEN_LOT);
        JsonNode chilled = lot(trace, DemoCatalogLoader.SKU_FLU_VACCINE, DemoRecallBatchLoader.CHILLED_LOT);
        JsonNode child = lot(trace, DemoCatalogLoader.SKU_MRNA_VACCINE, DemoRecallBatchLoader.CHILD_LOT);

        // ---- backward: purchase orders, ASNs, SSCCs, scanned receipts, the inspection; nothing opened ---------------
        for (JsonNode lot : List.of(frozen, chilled, child)) {
            assertThat(lot.at("/backward/openingBalances"))
                    .as("no opening balance")
                    .isEmpty();
            assertThat(lot.at("/massBalance/opened").asLong()).isZero();
            assertThat(lot.at("/massBalance/difference").asLong()).isZero();
            assertThat(lot.at("/massBalance/holds").asBoolean()).isTrue();
        }
        assertThat(rows(
                        frozen.at("/backward/receipts"),
                        "warehouse",
                        "dock",
                        "clerk",
                        "poNumber",
                        "asnNumber",
                        "quantity"))
                .containsExactly("EAST EAST-DOCK-01 rita PO-MFG-2026-0042-EAST ASN-MFG-2026-0042-EAST 600");
        assertThat(rows(
                        chilled.at("/backward/receipts"),
                        "warehouse",
                        "dock",
                        "clerk",
                        "poNumber",
                        "asnNumber",
                        "quantity"))
                .containsExactly(
                        "EAST EAST-DOCK-01 rita PO-MFG-2026-0042-EAST ASN-MFG-2026-0042-EAST 420",
                        "WEST WEST-DOCK-01 rita PO-MFG-2026-0042-WEST ASN-MFG-2026-0042-WEST 260");
        for (JsonNode receipt : List.of(frozen.at("/backward/receipts/0"), chilled.at("/backward/receipts/1"))) {
            assertThat(receipt.get("sscc").asText()).matches("0061414120260040[0-9]{2}");
        }
        assertThat(rows(frozen.at("/backward/inspections"), "decision", "decidedBy"))
                .containsExactly("ACCEPT quinn");
        assertThat(rows(chilled.at("/backward/inspections"), "decision", "decidedBy"))
                .containsExactly("ACCEPT quinn", "ACCEPT quinn");
        assertThat(rows(child.at("/backward/parents"), "lotNumber", "depth"))
                .containsExactly(DemoRecallBatchLoader.FROZEN_LOT + " 1");
        assertThat(child.get("batchRef").asText()).isEqualTo(DemoCatalogLoader.RECALL_BATCH_REF);

        // ---- forward: shipments to four customers, the transfer on the road, the child ------------------------------
        assertThat(rows(frozen.at("/forward/shipments"), "customerCode", "fromWarehouse", "quantity"))
                .containsExactlyInAnyOrder("MERCY-HOSP EAST 100", "STLUKE-HOSP EAST 40");
        assertThat(rows(chilled.at("/forward/shipments"), "customerCode", "fromWarehouse", "quantity"))
                .contains("QUEENS-CLINIC EAST 80", "STLUKE-HOSP EAST 40", "PACIFIC-HOSP WEST 60");
        assertThat(rows(
                        frozen.at("/forward/transfers"),
                        "fromWarehouse",
                        "toWarehouse",
                        "shipped",
                        "received",
                        "inTransit"))
                .containsExactly("EAST WEST 30 0 30");
        assertThat(rows(frozen.at("/whereabouts/inTransit"), "fromWarehouse", "toWarehouse", "quantity", "landsInHold"))
                .containsExactly("EAST WEST 30 false");

        // ---- whereabouts and the mass balance, exact for the FROZEN lot and its child ------------------------------
        assertThat(rows(frozen.at("/whereabouts/onHand"), "warehouse", "location", "status", "quantity", "reserved"))
                .containsExactly("EAST EAST-FRZ-01-01 AVAILABLE 400 0");
        assertThat(rows(child.at("/whereabouts/onHand"), "warehouse", "location", "status", "quantity"))
                .containsExactly("EAST EAST-FRZ-01-01 AVAILABLE 30");
        assertThat(rows(frozen.at("/whereabouts/atCustomers"), "customerCode", "quantity"))
                .containsExactlyInAnyOrder("MERCY-HOSP 100", "STLUKE-HOSP 40");
        assertThat(balance(frozen))
                .isEqualTo("received 600 = onHand 400 + inTransit 30 + atCustomers 140 + relabelledOut 30 + sampled 0");
        assertThat(balance(child)).isEqualTo("received 0 relabelledIn 30 = onHand 30 + inTransit 0 + atCustomers 0");
        assertThat(chilled.at("/massBalance/received").asLong()).isEqualTo(680);
        assertThat(chilled.at("/massBalance/receivedPerReceipts").asLong()).isEqualTo(680);

        // the CSV's events: receipts and shipments, no opening balance
        List<String> events = new ArrayList<>();
        trace.get("events").forEach(e -> events.add(e.get("event").asText()));
        assertThat(events).contains("RECEIPT", "SHIPMENT").noneMatch(e -> e.contains("OPENING"));
    }

    private static JsonNode lot(JsonNode trace, String sku, String lotNumber) {
        for (JsonNode l : trace.get("lots")) {
            if (l.get("sku").asText().equals(sku) && l.get("lotNumber").asText().equals(lotNumber)) {
                return l;
            }
        }
        throw new AssertionError("no lot " + lotNumber + " of " + sku + " in the trace");
    }

    private static List<String> rows(JsonNode array, String... fields) {
        List<String> rows = new ArrayList<>();
        array.forEach(n -> {
            List<String> values = new ArrayList<>();
            for (String f : fields) {
                values.add(n.get(f).asText());
            }
            rows.add(String.join(" ", values));
        });
        return rows;
    }

    private static String balance(JsonNode lot) {
        JsonNode m = lot.get("massBalance");
        if (m.get("relabelledIn").asLong() > 0) {
            return "received " + m.get("received").asLong() + " relabelledIn "
                    + m.get("relabelledIn").asLong()
                    + " = onHand " + m.get("onHand").asLong() + " + inTransit "
                    + m.get("inTransit").asLong()
                    + " + atCustomers " + m.get("atCustomers").asLong();
        }
        return "received " + m.get("received").asLong() + " = onHand "
                + m.get("onHand").asLong() + " + inTransit "
                + m.get("inTransit").asLong() + " + atCustomers "
                + m.get("atCustomers").asLong() + " + relabelledOut "
                + m.get("relabelledOut").asLong() + " + sampled "
                + m.get("sampled").asLong();
    }
}
