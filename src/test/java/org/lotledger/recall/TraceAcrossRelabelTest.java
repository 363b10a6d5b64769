package org.lotledger.recall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.StockStatus;
import org.lotledger.support.ApiClient;
import org.lotledger.support.HttpReply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The trace across a real relabel (issue 11 §6): a lot of a manufacturer batch opened with 100, 30 of it relabelled
 * to a child through {@code POST /api/lots/{id}/relabel}, then shipped from both: 20 and 5 of the parent to two
 * customers, 10 of the child to one of them. Traced from the parent, the child is its descendant and every unit of
 * both is accounted for exactly (the parent's 30 as relabelled out, the child's as relabelled in); traced from the
 * child, the parent is where it came from. A LIVE recall of the parent's batch then holds the child too, and its
 * notice list names the child's shipment.
 */
@IntegrationTest
class TraceAcrossRelabelTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    Tracing tracing;

    @Autowired
    ManagementService management;

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    @Test
    void the_trace_follows_a_relabel_both_ways_with_an_exact_mass_balance_and_a_batch_recall_covers_the_child() {
        RecallFixtures x = new RecallFixtures(jdbc, ledger);
        String batch = "MFG-RL-" + x.f.tag;
        long parent = x.f.newLot();
        jdbc.update("update lot set manufacturer_batch_ref = ? where id = ?", batch, parent);
        x.f.stock(ledger, parent, "A1", StockStatus.AVAILABLE, 100);
        long c1 = x.customer("C1", "HOSPITAL");
        long c2 = x.customer("C2", "HOSPITAL");

        Map<String, Object> relabel = new LinkedHashMap<>();
        relabel.put("lotNumber", "RL-" + x.f.tag);
        relabel.put("locationId", x.f.location("A1"));
        relabel.put("status", "AVAILABLE");
        relabel.put("quantity", 30);
        HttpReply relabelled = ApiClient.as(port, json, "quinn").post("/api/lots/" + parent + "/relabel", relabel);
        assertThat(relabelled.status()).as(relabelled.text()).isEqualTo(201);
        long child = relabelled.body().path("child").path("id").asLong();
        long relabelPosting = relabelled.body().path("posting").path("id").asLong();

        long p1 = x.ship(parent, c2, "SH-P1-" + x.f.tag, 20);
        long p2 = x.ship(parent, c1, "SH-P2-" + x.f.tag, 5);
        long k1 = x.ship(child, c1, "SH-K1-" + x.f.tag, 10);

        // forward from the parent: the child is its descendant, both balance exactly
        Trace fromParent = tracing.trace(RecallScope.ofLot(parent));
        assertThat(fromParent.balanced()).isTrue();
        assertThat(fromParent.lots())
                .extracting(Trace.LotTrace::lotId, Trace.LotTrace::depth)
                .containsExactly(tuple(parent, 0), tuple(child, 1));
        Trace.LotTrace p = fromParent.lots().get(0);
        Trace.LotTrace k = fromParent.lots().get(1);
        assertThat(p.forward().shipments())
                .extracting(Trace.Shipment::postingId, Trace.Shipment::customerId, Trace.Shipment::quantity)
                .containsExactlyInAnyOrder(tuple(p1, c2, 20L), tuple(p2, c1, 5L));
        assertThat(k.forward().shipments())
                .extracting(Trace.Shipment::postingId, Trace.Shipment::customerId, Trace.Shipment::quantity)
                .containsExactly(tuple(k1, c1, 10L));
        assertThat(p.whereabouts().onHand())
                .extracting(Trace.OnHand::status, Trace.OnHand::quantity)
                .containsExactly(tuple("AVAILABLE", 45L));
        assertThat(k.whereabouts().onHand())
                .extracting(Trace.OnHand::status, Trace.OnHand::quantity)
                .containsExactly(tuple("AVAILABLE", 20L));
        assertThat(p.whereabouts().atCustomers())
                .extracting(Trace.AtCustomer::customerId, Trace.AtCustomer::quantity)
                .containsExactlyInAnyOrder(tuple(c1, 5L), tuple(c2, 20L));
        assertThat(k.whereabouts().atCustomers())
                .extracting(Trace.AtCustomer::customerId, Trace.AtCustomer::quantity)
                .containsExactly(tuple(c1, 10L));
        assertThat(balance(p.massBalance()))
                .as("parent: opened 100 = 45 on hand + 25 at customers + 30 relabelled out")
                .containsExactly(0L, 100L, 0L, 45L, 0L, 25L, 0L, 0L, 0L, 30L, 0L, 0L);
        assertThat(balance(k.massBalance()))
                .as("child: relabelled in 30 = 20 on hand + 10 at customers")
                .containsExactly(0L, 0L, 30L, 20L, 0L, 10L, 0L, 0L, 0L, 0L, 0L, 0L);
        assertThat(p.massBalance().holds()).isTrue();
        assertThat(k.massBalance().holds()).isTrue();
        // backward: the parent was opened (nothing to trace it to), the child came from the parent
        assertThat(p.backward().openingBalances())
                .extracting(Trace.Opening::quantity)
                .containsExactly(100L);
        assertThat(p.backward().parents()).isEmpty();
        assertThat(k.backward().openingBalances()).isEmpty();
        assertThat(k.backward().receipts()).isEmpty();
        assertThat(k.backward().parents())
                .extracting(Trace.Parent::lotId, Trace.Parent::depth)
                .containsExactly(tuple(parent, 1));
        // the relabel is an event of both lots, citing the same posting
        assertThat(fromParent.events())
                .filteredOn(e -> e.toString().contains("RELABEL"))
                .extracting(Trace.Event::lotId)
                .contains(parent, child);

        // backward from the child: its own units balance, and the parent is named with its distance
        Trace fromChild = tracing.trace(RecallScope.ofLot(child));
        assertThat(fromChild.balanced()).isTrue();
        assertThat(fromChild.lots()).extracting(Trace.LotTrace::lotId).containsExactly(child);
        Trace.LotTrace alone = fromChild.lots().get(0);
        assertThat(alone.backward().parents())
                .extracting(Trace.Parent::lotId, Trace.Parent::lotNumber)
                .containsExactly(tuple(parent, p.lotNumber()));
        assertThat(balance(alone.massBalance())).isEqualTo(balance(k.massBalance()));
        assertThat(alone.forward().shipments())
                .extracting(Trace.Shipment::postingId)
                .containsExactly(k1);

        // the same through the API, by batch: both lots, balanced
        HttpReply byBatch = ApiClient.as(port, json, "quinn").get("/api/trace?batchRef=" + batch);
        assertThat(byBatch.status()).as(byBatch.text()).isEqualTo(200);
        assertThat(byBatch.body().path("balanced").asBoolean()).isTrue();
        List<Long> traced = new ArrayList<>();
        byBatch.body().path("lots").forEach(l -> traced.add(l.path("lotId").asLong()));
        assertThat(traced).containsExactlyInAnyOrder(parent, child);

        // a LIVE recall of the parent's batch covers the child: held, and its shipment on the notice list
        ApiClient maria = ApiClient.as(port, json, "maria");
        HttpReply started = maria.post(
                "/api/recalls",
                Map.of(
                        "scope",
                        Map.of("batchRef", batch),
                        "reason",
                        "relabel trace test",
                        "recallClass",
                        "II",
                        "mode",
                        "LIVE"));
        assertThat(started.status()).as(started.text()).isEqualTo(201);
        List<Long> inScope = new ArrayList<>();
        started.body().path("lots").forEach(l -> inScope.add(l.path("lotId").asLong()));
        assertThat(inScope).containsExactlyInAnyOrder(parent, child);
        RecallFixtures.runHoldJobs(
                management, started.body().path("processInstanceId").asText());
        assertThat(x.f.balancesOf(child)).contains("A1 HOLD 20");
        assertThat(x.f.balancesOf(parent)).contains("A1 HOLD 45");
        HttpReply notices = maria.get("/api/recalls/" + started.id() + "/notices");
        assertThat(notices.status()).as(notices.text()).isEqualTo(200);
        List<String> listed = new ArrayList<>();
        for (JsonNode n : notices.body().path("notices")) {
            for (JsonNode s : n.path("shipments")) {
                listed.add(n.path("lotId").asLong() + " " + n.path("customerId").asLong() + " "
                        + s.path("postingId").asLong() + " "
                        + s.path("quantity").asLong());
            }
        }
        assertThat(listed)
                .containsExactlyInAnyOrder(
                        parent + " " + c2 + " " + p1 + " 20",
                        parent + " " + c1 + " " + p2 + " 5",
                        child + " " + c1 + " " + k1 + " 10");
        assertThat(relabelPosting).isPositive();
    }

    /** The mass balance's figures in declaration order, from received to difference. */
    static List<Long> balance(Trace.MassBalance m) {
        return List.of(
                m.received(),
                m.opened(),
                m.relabelledIn(),
                m.onHand(),
                m.inTransit(),
                m.atCustomers(),
                m.scrapped(),
                m.returnedToVendor(),
                m.sampled(),
                m.relabelledOut(),
                m.adjustedOut(),
                m.difference());
    }
}
