package org.lotledger.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.fulfillment.picking.PickingFixtures;
import org.lotledger.ledger.Ledger;
import org.lotledger.support.ApiClient;
import org.lotledger.support.EastSalesOrders;
import org.lotledger.support.HttpReply;
import org.lotledger.support.TasklistSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 9's story through the API and Tasklist as the people involved work it: the ERP orders three lines, otto
 * allocates (FEFO splits a line over two lots), walt picks by GS1 scans (one short pick, one other lot than reserved
 * which needs an override otto approves in Tasklist), opens the shipment and dispatches it; the packing list and the
 * shipment history agree with the ledger, read back as tables.
 */
@IntegrationTest
class OutboundOrderThroughApiAndTasklistTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Test
    void an_erp_order_is_allocated_picked_by_scan_with_a_short_pick_and_an_approved_override_and_shipped() {
        PickingFixtures f = new PickingFixtures(jdbc);
        long lotA = f.stockedLot(ledger, "A", 250, "S1", 30);
        long lotB = f.stockedLot(ledger, "B", 300, "S2", 30);
        long lotC = f.stockedLot(ledger, "C", 500, "S2", 40); // a later lot at the same location as B
        ApiClient erp = ApiClient.as(port, json, "erp");
        ApiClient otto = ApiClient.as(port, json, "otto");
        ApiClient walt = ApiClient.as(port, json, "walt");

        // the ERP orders three lines
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int q : new int[] {40, 10, 5}) {
            lines.add(ScenarioFixture.body(
                    "sku", f.sku, "quantity", q, "uom", "EA", "unitPrice", 2.5, "currency", "USD"));
        }
        HttpReply order = erp.post("/api/sales-orders", EastSalesOrders.body("SO-" + f.tag, lines));
        assertThat(order.status()).as(order.text()).isEqualTo(201);
        long orderId = order.id();

        // otto allocates: 55 EA over lots A and B, earliest expiry first, one line split over both
        HttpReply allocation = otto.post("/api/sales-orders/" + orderId + "/allocation", null);
        assertThat(allocation.status()).as(allocation.text()).isEqualTo(200);
        assertThat(pending(orderId, lotA)).isEqualTo(30);
        assertThat(pending(orderId, lotB)).isEqualTo(25);
        assertThat(pending(orderId, lotC)).isZero();
        assertThat(jdbc.queryForObject("""
                        select count(*) from (select demand_line from stock_reservation
                         where demand_type = 'SALES_ORDER' and demand_reference = ? and state = 'PENDING'
                         group by demand_line having count(distinct lot_id) = 2) split""", Long.class, String.valueOf(orderId)))
                .as("a line split over two lots")
                .isEqualTo(1);

        // walt makes the pick task and works it line by line
        HttpReply task = walt.post("/api/sales-orders/" + orderId + "/pick-tasks", null);
        assertThat(task.status()).as(task.text()).isEqualTo(201);
        assertThat(task.body().get("name").asText()).startsWith("Pick order SO-" + f.tag + " · ");
        long taskId = task.id();
        boolean shortPicked = false;
        boolean overridden = false;
        for (JsonNode line : task.body().get("lines")) {
            long lineId = line.get("id").asLong();
            long lot = line.get("lotId").asLong();
            long quantity = line.get("quantity").asLong();
            String confirm = "/api/pick-tasks/" + taskId + "/lines/" + lineId + "/confirmation";
            if (lot == lotA && !shortPicked) {
                // short pick: two units are missing at S1
                HttpReply s = walt.post(
                        confirm,
                        ScenarioFixture.body(
                                "locationBarcode",
                                f.barcode("S1"),
                                "lotLabel",
                                f.gs1(lotA),
                                "quantity",
                                quantity - 2,
                                "uom",
                                "EA",
                                "stagingLocationBarcode",
                                f.shipBarcode,
                                "shortPick",
                                true));
                assertThat(s.status()).as(s.text()).isEqualTo(200);
                shortPicked = true;
            } else if (lot == lotB && !overridden) {
                // walt takes lot C from S2 instead of B: refused until an override is approved
                Map<String, Object> scanC = ScenarioFixture.body(
                        "locationBarcode",
                        f.barcode("S2"),
                        "lotLabel",
                        f.gs1(lotC),
                        "quantity",
                        quantity,
                        "uom",
                        "EA",
                        "stagingLocationBarcode",
                        f.shipBarcode);
                HttpReply refused = walt.post(confirm, scanC);
                assertThat(refused.status()).as(refused.text()).isEqualTo(409);
                assertThat(refused.code()).isEqualTo("OVERRIDE_REQUIRED");
                HttpReply requested = walt.post(
                        "/api/allocation-overrides",
                        ScenarioFixture.body(
                                "reservationId", line.get("reservationId").asLong(),
                                "proposedLot", f.label(lotC),
                                "proposedLocation", f.barcode("S2"),
                                "reasonCode", "LOT_NOT_ACCESSIBLE",
                                "note", "B is behind a pallet"));
                assertThat(requested.status()).as(requested.text()).isEqualTo(201);
                assertThat(requested.body().get("state").asText()).isEqualTo("REQUESTED");
                long overrideId = requested.id();

                // otto approves in Tasklist
                Task approval = tasks.createTaskQuery()
                        .processInstanceBusinessKey("allocation-override-" + overrideId)
                        .singleResult();
                assertThat(approval).isNotNull();
                assertThat(approval.getName()).contains("SO-" + f.tag);
                TasklistSession tasklist = TasklistSession.loginAsDemo(port, json, "otto");
                HttpReply submitted = tasklist.submitForm(approval.getId(), Map.of("overrideDecision", "APPROVE"));
                assertThat(submitted.status()).as(submitted.text()).isBetween(200, 204);
                HttpReply decided = otto.get("/api/allocation-overrides/" + overrideId);
                assertThat(decided.body().get("state").asText()).isEqualTo("APPLIED");

                HttpReply picked = walt.post(confirm, scanC);
                assertThat(picked.status()).as(picked.text()).isEqualTo(200);
                overridden = true;
            } else {
                String location = line.get("locationCode").asText();
                HttpReply p = walt.post(
                        confirm,
                        ScenarioFixture.body(
                                "locationBarcode",
                                location,
                                "lotLabel",
                                f.gs1(lot),
                                "quantity",
                                quantity,
                                "uom",
                                "EA",
                                "stagingLocationBarcode",
                                f.shipBarcode));
                assertThat(p.status()).as(p.text()).isEqualTo(200);
            }
        }
        assertThat(shortPicked).isTrue();
        assertThat(overridden).isTrue();
        long staged = f.balance(lotA, f.ship) + f.balance(lotB, f.ship) + f.balance(lotC, f.ship);
        assertThat(staged).as("staged after the short pick").isEqualTo(53);

        // walt opens the shipment over what is staged and dispatches it by scanning the staging location
        HttpReply shipment = walt.post("/api/sales-orders/" + orderId + "/shipments", null);
        assertThat(shipment.status()).as(shipment.text()).isEqualTo(201);
        HttpReply dispatched = walt.post(
                "/api/shipments/" + shipment.id() + "/dispatch",
                ScenarioFixture.body("stagingLocation", f.shipBarcode));
        assertThat(dispatched.status()).as(dispatched.text()).isEqualTo(200);

        // the ledger as a table: per lot what reached the customer's location, nothing left at staging
        long customerLocation = jdbc.queryForObject(
                "select l.id from location l join customer c on c.id = l.customer_id"
                        + " where c.code = 'MERCY-HOSP' and l.kind = 'CUSTOMER'",
                Long.class);
        long atCustomer = 0;
        for (long lot : List.of(lotA, lotB, lotC)) {
            assertThat(f.balance(lot, f.ship)).isZero();
            atCustomer += f.balance(lot, customerLocation);
        }
        assertThat(atCustomer).isEqualTo(53);
        assertThat(f.balance(lotA, customerLocation)).isEqualTo(28);

        // every posting of the story, per lot, as a table of moves (lot, from, to, status, quantity), read through
        // the API; then the balances after dispatch
        ScenarioFixture ledgerApi = new ScenarioFixture(otto, runtime, management);
        String s1 = f.barcode("S1");
        String s2 = f.barcode("S2");
        String ship = f.shipBarcode;
        String cus = "CUS-MERCY-HOSP";
        assertThat(ledgerApi.moves(lotA, "A"))
                .containsExactly(
                        "OPENING_BALANCE A EAST-ADJ → " + s1 + " AVAILABLE 30 by ivy",
                        "PICK A " + s1 + " → " + ship + " AVAILABLE 28 by walt",
                        "SHIPMENT A " + ship + " → " + cus + " AVAILABLE 28 by walt");
        assertThat(ledgerApi.moves(lotB, "B"))
                .containsExactly(
                        "OPENING_BALANCE B EAST-ADJ → " + s2 + " AVAILABLE 30 by ivy",
                        "PICK B " + s2 + " → " + ship + " AVAILABLE 10 by walt",
                        "PICK B " + s2 + " → " + ship + " AVAILABLE 5 by walt",
                        "SHIPMENT B " + ship + " → " + cus + " AVAILABLE 10 by walt",
                        "SHIPMENT B " + ship + " → " + cus + " AVAILABLE 5 by walt");
        assertThat(ledgerApi.moves(lotC, "C"))
                .containsExactly(
                        "OPENING_BALANCE C EAST-ADJ → " + s2 + " AVAILABLE 40 by ivy",
                        "PICK C " + s2 + " → " + ship + " AVAILABLE 10 by walt",
                        "SHIPMENT C " + ship + " → " + cus + " AVAILABLE 10 by walt");
        assertThat(ledgerApi.balances(lotA))
                .containsExactlyInAnyOrder("EAST-ADJ AVAILABLE -30", s1 + " AVAILABLE 2", cus + " AVAILABLE 28");
        assertThat(ledgerApi.balances(lotB))
                .containsExactlyInAnyOrder("EAST-ADJ AVAILABLE -30", s2 + " AVAILABLE 15", cus + " AVAILABLE 15");
        assertThat(ledgerApi.balances(lotC))
                .containsExactlyInAnyOrder("EAST-ADJ AVAILABLE -40", s2 + " AVAILABLE 30", cus + " AVAILABLE 10");

        // the packing list and the history per lot agree with it
        HttpReply packing = walt.get("/api/shipments/" + shipment.id() + "/packing-list");
        assertThat(packing.status()).as(packing.text()).isEqualTo(200);
        assertThat(packing.text()).contains(f.label(lotA)).contains(f.label(lotC));
        String number = shipment.body().get("shipmentNumber").asText();
        HttpReply history = otto.get("/api/lots/" + lotA + "/shipments");
        assertThat(history.status()).as(history.text()).isEqualTo(200);
        assertThat(rows(history.body().get("rows")))
                .as("which customers got lot A")
                .containsExactly(number + " SHIPMENT MERCY-HOSP " + f.label(lotA) + " shipped 28 returned 0 net 28");

        // which lots of this item went to the customer: one row per lot of the shipment, totals equal to the balances
        long customerId = jdbc.queryForObject("select id from customer where code = 'MERCY-HOSP'", Long.class);
        HttpReply customer = otto.get("/api/customers/" + customerId + "/shipments?item=" + f.itemId);
        assertThat(customer.status()).as(customer.text()).isEqualTo(200);
        assertThat(rows(customer.body().get("rows")))
                .containsExactlyInAnyOrder(
                        number + " SHIPMENT MERCY-HOSP " + f.label(lotA) + " shipped 28 returned 0 net 28",
                        number + " SHIPMENT MERCY-HOSP " + f.label(lotB) + " shipped 15 returned 0 net 15",
                        number + " SHIPMENT MERCY-HOSP " + f.label(lotC) + " shipped 10 returned 0 net 10");
        for (JsonNode t : customer.body().get("totals")) {
            assertThat(t.get("net").asLong())
                    .as("net of lot %s at the customer is its balance there", t.get("lotId"))
                    .isEqualTo(f.balance(t.get("lotId").asLong(), customerLocation));
        }
        assertThat(customer.body().get("totals")).hasSize(3);
        assertThat(jdbc.queryForObject("select count(*) from pick_exception where lot_id = ?", Long.class, lotA))
                .isEqualTo(1);
    }

    /** History rows as "shipment type customer lot shipped n returned n net n". */
    private static List<String> rows(JsonNode rows) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : rows) {
            out.add(r.path("shipmentNumber").asText("-") + " "
                    + r.path("postingType").asText() + " "
                    + r.path("customerCode").asText() + " "
                    + r.path("internalLabel").asText() + " shipped "
                    + r.path("shipped").asLong() + " returned "
                    + r.path("returned").asLong() + " net "
                    + r.path("net").asLong());
        }
        return out;
    }

    private long pending(long orderId, long lotId) {
        BigDecimal q = jdbc.queryForObject("""
                select coalesce(sum(quantity), 0) from stock_reservation
                 where demand_type = 'SALES_ORDER' and demand_reference = ? and lot_id = ? and state = 'PENDING'""", BigDecimal.class, String.valueOf(orderId), lotId);
        return q.longValueExact();
    }
}
