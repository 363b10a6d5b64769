package org.lotledger.recall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.PostingRequest;
import org.lotledger.ledger.Reservation;
import org.lotledger.ledger.Reservations;
import org.lotledger.ledger.StockStatus;
import org.lotledger.quality.HoldingArrivals;
import org.lotledger.support.ApiClient;
import org.lotledger.support.HttpReply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A LIVE recall of a batch through the API on the demo EAST and CENTRAL warehouses ({@link RecallBatch}): two lots of one manufacturer
 * batch, one of them on hand in both warehouses, in quarantine, in transit EAST → CENTRAL, shipped to a customer and
 * staged for another shipment (quarantined stock under an open hold is OpenHolds' rule, tested with the holds). maria starts it, the process's jobs place the holds (run here as the job executor
 * would), and then: every AVAILABLE balance is HOLD, the staged reservation is voided and the
 * staged shipment cannot be dispatched, the in-transit stock can only arrive in HOLD under the recall's hold, the
 * hold cannot be released while the recall is open, the notice list is the shipment history, and a withdrawal
 * releases the holds through the hold process (with its second approval).
 */
@IntegrationTest
class RecallIntegrationTest {

    @LocalServerPort
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
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Autowired
    IdentityService identity;

    @Autowired
    HoldingArrivals arrivals;

    RecallBatch b;

    @BeforeEach
    void batchInTwoWarehouses() {
        b = new RecallBatch(port, json, jdbc, ledger, reservations, catalog);
    }

    @Test
    void a_live_recall_holds_the_batch_everywhere_lists_its_customers_and_a_withdrawal_releases_it() {
        // shipped before the recall: 10 of lot A to MERCY-HOSP; staged, not dispatched: 5 more
        Reservation first = stage(b.lotA, b.line1, 10);
        HttpReply shipment1 = b.walt.post("/api/sales-orders/" + b.orderId + "/shipments", null);
        assertThat(shipment1.status()).as(shipment1.text()).isEqualTo(201);
        HttpReply dispatched = b.walt.post(
                "/api/shipments/" + shipment1.id() + "/dispatch", Map.of("stagingLocation", "EAST-SHIP-01"));
        assertThat(dispatched.status()).as(dispatched.text()).isEqualTo(200);
        Reservation staged = stage(b.lotA, b.line2, 5);
        HttpReply shipment2 = b.walt.post("/api/sales-orders/" + b.orderId + "/shipments", null);
        assertThat(shipment2.status()).as(shipment2.text()).isEqualTo(201);
        assertThat(reservations.get(first.id()).state()).isEqualTo(Reservation.State.POSTED);

        Map<String, Object> request = Map.of(
                "scope",
                Map.of("batchRef", b.batch),
                "reason",
                "supplier notice: sterility",
                "recallClass",
                "I",
                "mode",
                "LIVE",
                "note",
                "call the hospitals first");
        HttpReply byQuinn = b.quinn.post("/api/recalls", request);
        assertThat(byQuinn.status()).as(byQuinn.text()).isEqualTo(403);
        assertThat(byQuinn.code()).isEqualTo("RECALL_NOT_ALLOWED");
        HttpReply started = b.maria.post("/api/recalls", request);
        assertThat(started.status()).as(started.text()).isEqualTo(201);
        long recall = started.id();
        JsonNode view = started.body();
        assertThat(view.get("number").asText()).matches("RC-\\d+");
        assertThat(view.get("status").asText()).isEqualTo("OPEN");
        assertThat(view.get("scopeLabel").asText()).isEqualTo("batch " + b.batch);
        assertThat(lots(view)).containsExactly(b.lotA, b.lotB);
        String pi = view.get("processInstanceId").asText();
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey("recall-" + recall)
                        .processDefinitionKey("ProductRecall")
                        .count())
                .isEqualTo(1);
        assertThat(balances(b.lotA))
                .as("nothing held in the request's transaction")
                .contains("STORAGE AVAILABLE 73");
        HttpReply early = b.maria.get("/api/recalls/" + recall + "/notices");
        assertThat(early.status()).as(early.text()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("RECALL_HOLDS_NOT_PLACED");

        runJobs(pi);

        JsonNode placed = b.maria.get("/api/recalls/" + recall).body();
        assertThat(placed.get("status").asText()).isEqualTo("HOLDS_PLACED");
        List<Long> holds = new ArrayList<>();
        placed.get("lots").forEach(l -> {
            assertThat(l.get("holdId").isNull()).as(l.toString()).isFalse();
            assertThat(l.get("holdKey").asText())
                    .isEqualTo("recall:" + recall + ":lot:" + l.get("lotId").asLong());
            holds.add(l.get("holdId").asLong());
        });
        assertThat(jdbc.queryForList(
                        "select reason || ' ' || state from quality_hold where id in (?, ?)",
                        String.class,
                        holds.get(0),
                        holds.get(1)))
                .containsOnly("REGULATORY_OR_RECALL OPEN");
        assertThat(balances(b.lotA))
                .as("on hand in both warehouses held, in transit still travelling")
                .containsExactlyInAnyOrder(
                        "ADJ AVAILABLE -100",
                        "ADJ AVAILABLE -40",
                        "STORAGE HOLD 73",
                        "STAGING HOLD 5",
                        "CENTRAL HOLD 40",
                        "TRANSIT AVAILABLE 12",
                        "CUSTOMER AVAILABLE 10");
        assertThat(balances(b.lotB)).contains("STORAGE HOLD 30");
        assertThat(reservations.get(staged.id()).state())
                .as("the staged reservation is voided")
                .isEqualTo(Reservation.State.VOIDED);
        long postings = postingsOf(b.lotA);
        HttpReply refused = b.walt.post(
                "/api/shipments/" + shipment2.id() + "/dispatch", Map.of("stagingLocation", "EAST-SHIP-01"));
        assertThat(refused.status()).as(refused.text()).isBetween(400, 499);
        assertThat(postingsOf(b.lotA)).as("the staged shipment ships nothing").isEqualTo(postings);

        // in transit: the arrival can only land in HOLD, and the recall's hold is the one that adopts it
        assertThatThrownBy(() -> ledger.post(transferIn(StockStatus.AVAILABLE)))
                .isInstanceOf(DomainException.class)
                .extracting("code")
                .isEqualTo("ARRIVAL_UNDER_HOLD");
        assertThat(arrivals.openHoldOver(b.lotA, b.central)).contains(holds.get(0));

        // a hold of an open recall is not released, whatever the channel
        HttpReply release = b.quinn.post("/api/holds/" + holds.get(0) + "/release", Map.of("note", "looks fine"));
        assertThat(release.status()).as(release.text()).isEqualTo(409);
        assertThat(release.code()).isEqualTo("HOLD_UNDER_OPEN_RECALL");
        assertThat(balances(b.lotA)).contains("STORAGE HOLD 73");

        // the notice list is the shipment history of the lots in scope
        JsonNode notices = b.maria.get("/api/recalls/" + recall + "/notices").body();
        JsonNode history = b.maria.get("/api/lots/" + b.lotA + "/shipments").body();
        assertThat(notices.get("notices")).hasSize(1);
        JsonNode n = notices.at("/notices/0");
        JsonNode total = history.at("/totals/0");
        assertThat(history.get("totals")).hasSize(1);
        assertThat(n.get("customerCode").asText())
                .isEqualTo(total.get("customerCode").asText());
        assertThat(n.get("lotId").asLong()).isEqualTo(b.lotA);
        assertThat(n.get("shipped").asLong())
                .isEqualTo(total.get("shipped").asLong())
                .isEqualTo(10);
        assertThat(n.get("returned").asLong()).isEqualTo(total.get("returned").asLong());
        assertThat(n.get("outstanding").asLong()).isEqualTo(total.get("net").asLong());
        assertThat(n.at("/shipments/0/postingId").asLong())
                .isEqualTo(history.at("/rows/0/postingId").asLong());
        assertThat(n.at("/shipments/0/shipmentNumber").asText())
                .isEqualTo(history.at("/rows/0/shipmentNumber").asText());
        assertThat(n.get("batchRef").asText()).isEqualTo(b.batch);
        assertThat(n.get("sku").asText()).isEqualTo(b.sku);
        assertThat(n.has("recallContact")).isTrue();
        assertThat(n.has("shipTo")).isTrue();
        HttpReply csv = b.maria.send("GET", "/api/recalls/" + recall + "/notices?format=csv", null, null);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text().split("\r\n")).hasSize(2);
        assertThat(csv.text())
                .startsWith("recall,customer_code,")
                .contains("MERCY-HOSP")
                .contains(b.batch);

        // withdrawn: the recall ends, its holds are reviewed "release" and, after the second approval, released
        HttpReply byQuinnWithdraw = b.quinn.post("/api/recalls/" + recall + "/withdraw", Map.of());
        assertThat(byQuinnWithdraw.status()).as(byQuinnWithdraw.text()).isEqualTo(403);
        HttpReply withdrawn = b.maria.post("/api/recalls/" + recall + "/withdraw", Map.of("note", "false alarm"));
        assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(200);
        assertThat(withdrawn.body().at("/recall/status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.body().get("holds").findValuesAsText("requested")).containsOnly("REVIEWED");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count())
                .as("the recall's process ended")
                .isZero();
        HttpReply again = b.maria.post("/api/recalls/" + recall + "/withdraw", Map.of("note", "twice"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("RECALL_NOT_OPEN");
        ApiClient mark = secondManager();
        for (long hold : holds) {
            HttpReply approved = mark.post("/api/holds/" + hold + "/approval", Map.of("approve", true));
            assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        }
        assertThat(balances(b.lotA))
                .containsExactlyInAnyOrder(
                        "ADJ AVAILABLE -100",
                        "ADJ AVAILABLE -40",
                        "STORAGE AVAILABLE 73",
                        "STAGING AVAILABLE 5",
                        "CENTRAL AVAILABLE 40",
                        "TRANSIT AVAILABLE 12",
                        "CUSTOMER AVAILABLE 10");
        assertThat(balances(b.lotB)).contains("STORAGE AVAILABLE 30");
    }

    @Test
    void a_scope_that_matches_no_lot_starts_nothing() {
        long before = jdbc.queryForObject("select count(*) from recall", Long.class);
        HttpReply r = b.maria.post(
                "/api/recalls",
                Map.of(
                        "scope",
                        Map.of("batchRef", "NO-SUCH-" + b.tag),
                        "reason",
                        "x",
                        "recallClass",
                        "III",
                        "mode",
                        "LIVE"));
        assertThat(r.status()).as(r.text()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("RECALL_SCOPE_EMPTY");
        assertThat(jdbc.queryForObject("select count(*) from recall", Long.class))
                .isEqualTo(before);
    }

    // ---- helpers

    void runJobs(String processInstanceId) {
        for (int i = 0; i < 100; i++) {
            var due = management
                    .createJobQuery()
                    .processInstanceId(processInstanceId)
                    .messages() // the holds' continuations; never the repeating follow-up timer
                    .list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(j -> management.executeJob(j.getId()));
        }
        throw new AssertionError("the recall's jobs did not finish");
    }

    ApiClient secondManager() {
        if (identity.createUserQuery().userId("mark").count() == 0) {
            User mark = identity.newUser("mark");
            mark.setFirstName("Mark");
            mark.setLastName("Second");
            mark.setPassword("mark-demo");
            identity.saveUser(mark);
            identity.createMembership("mark", "quality");
            identity.createMembership("mark", "quality-managers");
        }
        return ApiClient.as(port, json, "mark");
    }

    static List<Long> lots(JsonNode view) {
        List<Long> ids = new ArrayList<>();
        view.get("lots").forEach(l -> ids.add(l.get("lotId").asLong()));
        return ids;
    }

    Reservation stage(long lot, long lineId, long quantity) {
        return b.stage(lot, lineId, quantity);
    }

    PostingRequest transferIn(StockStatus arrival) {
        return b.transferIn(arrival);
    }

    List<String> balances(long lot) {
        return b.balances(lot);
    }

    long postingsOf(long lot) {
        return b.postingsOf(lot);
    }

    static Set<Long> ids(List<Long> l) {
        return new TreeSet<>(l);
    }
}
