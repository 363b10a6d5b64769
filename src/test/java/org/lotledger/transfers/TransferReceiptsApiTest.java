package org.lotledger.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.common.Actor;
import org.lotledger.ledger.Ledger;
import org.lotledger.quality.HoldReason;
import org.lotledger.quality.HoldScope;
import org.lotledger.quality.PlacingHold;
import org.lotledger.support.HttpReply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The receipt of a transfer at its destination through the REST API (issue 10 §3), on {@link TransferFixture}'s
 * transfers EAST → WEST: rita (receiving at WEST) scans lot labels into WEST's shelves; legs and balances read back
 * from the ledger as tables (the in-transit location back to 0 but for what is short), the discrepancies recorded at
 * the close with their value, {@link TransferReceiptClosed} published inside the close's transaction; a lot under an
 * open hold lands in HOLD under it; staff of another warehouse refused; what is not in transit set aside and kept.
 */
@IntegrationTest
class TransferReceiptsApiTest {

    static final String AMB_1 = "WEST-AMB-01-01";
    static final String AMB_2 = "WEST-AMB-01-02";
    static final String QUAR = "WEST-QUAR-01";

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    PlacingHold placing;

    @Autowired
    ConfigurableApplicationContext context;

    /** Each close event with whether a transaction was active when it was published. */
    record Seen(TransferReceiptClosed event, boolean inTransaction) {}

    static final List<Seen> CLOSED = new CopyOnWriteArrayList<>();
    static volatile boolean listening;

    @BeforeEach
    void listen() {
        synchronized (TransferReceiptsApiTest.class) {
            if (!listening) {
                context.addApplicationListener((ApplicationListener<PayloadApplicationEvent<?>>) e -> {
                    if (e.getPayload() instanceof TransferReceiptClosed c) {
                        CLOSED.add(new Seen(c, TransactionSynchronizationManager.isActualTransactionActive()));
                    }
                });
                listening = true;
            }
        }
    }

    long location(String barcode) {
        return jdbc.queryForObject("select id from location where barcode = ?", Long.class, barcode);
    }

    static Map<String, Object> scan(String label, long quantity, String uom, String location, String condition) {
        Map<String, Object> m = new HashMap<>();
        m.put("lotLabel", label);
        m.put("quantity", quantity);
        m.put("uom", uom);
        m.put("location", location);
        m.put("condition", condition);
        return m;
    }

    /** The TRANSFER_IN legs of a transfer: lot, location, status, quantity. */
    List<Map<String, Object>> transferInLegs(String number) {
        return jdbc.queryForList("""
                select g.lot_id, g.location_id, g.status, g.quantity
                  from posting p join posting_leg g on g.posting_id = p.id
                 where p.posting_type = 'TRANSFER_IN' and p.reference_type = 'TRANSFER_ORDER' and p.reference_id = ?
                 order by p.id, g.quantity""", number);
    }

    static List<org.assertj.core.groups.Tuple> asTuples(List<Map<String, Object>> legs) {
        return legs.stream()
                .map(r -> tuple(
                        ((Number) r.get("lot_id")).longValue(),
                        ((Number) r.get("location_id")).longValue(),
                        r.get("status"),
                        ((BigDecimal) r.get("quantity")).longValueExact()))
                .toList();
    }

    @Test
    void
            a_two_lot_transfer_is_received_at_west_with_a_case_short_and_a_case_damaged_and_closed_with_its_discrepancies() {
        TransferFixture fx = new TransferFixture(jdbc, ledger, json, port, 20, 20);
        // FEFO: lot A (20, expires first) and lot B (20) on the one line
        JsonNode t = fx.dispatched(fx.order(fx.bySku(40)), null);
        long id = t.get("id").asLong();
        String number = t.get("orderNumber").asText();
        String path = "/api/transfer-orders/" + id + "/receipts";
        assertThat(fx.balance(fx.lotA, fx.inTransit)).isEqualTo(20);
        assertThat(fx.balance(fx.lotB, fx.inTransit)).isEqualTo(20);

        // refusals first, each posting and keeping nothing
        long before = fx.postings();
        HttpReply eastStaff = fx.walt.post(path, scan(fx.f.gs1(fx.lotA), 1, "BOX", AMB_1, "GOOD"));
        assertThat(eastStaff.status() + " " + eastStaff.code())
                .as("the origin's staff do not receive at the destination")
                .isEqualTo("403 NOT_WAREHOUSE_STAFF");
        HttpReply damagedOnAShelf = fx.rita.post(path, scan(fx.f.label(fx.lotB), 1, "BOX", AMB_1, "DAMAGED"));
        assertThat(damagedOnAShelf.status() + " " + damagedOnAShelf.code()).isEqualTo("422 ZONE_REFUSES_STATUS");
        assertThat(damagedOnAShelf.body().get("directedZone").asText()).isEqualTo("QUAR");
        assertThat(damagedOnAShelf.body().get("suggestedLocations"))
                .extracting(JsonNode::asText)
                .contains(QUAR);
        HttpReply eastShelf = fx.rita.post(path, scan(fx.f.label(fx.lotB), 1, "BOX", fx.f.barcode("S3"), "GOOD"));
        assertThat(eastShelf.status() + " " + eastShelf.code()).isEqualTo("422 LOCATION_NOT_AT_DESTINATION");
        assertThat(fx.postings()).isEqualTo(before);
        assertThat(jdbc.queryForObject(
                        "select count(*) from transfer_receipt_scan where transfer_order_id = ?", Long.class, id))
                .isZero();

        // lot A: a case good (GS1 label, onto the ambient shelf the table directs it to), a case damaged
        HttpReply good = fx.rita.post(path, scan(fx.f.gs1(fx.lotA), 1, "BOX", AMB_1, "GOOD"));
        assertThat(good.status()).as(good.text()).isEqualTo(201);
        JsonNode g = good.body();
        assertThat(g.get("receivedQuantity").asLong()).isEqualTo(10);
        assertThat(g.get("setAsideQuantity").asLong()).isZero();
        assertThat(g.get("landedStatus").asText()).isEqualTo("AVAILABLE");
        assertThat(g.at("/putaway/directedZone").asText()).isEqualTo("AMB");
        assertThat(g.at("/putaway/inDirectedZone").asBoolean()).isTrue();
        assertThat(g.get("stillInTransit").asLong()).isEqualTo(10);
        assertThat(g.get("status").asText()).isEqualTo("PARTIALLY_RECEIVED");
        HttpReply damaged = fx.rita.post(path, scan(fx.f.label(fx.lotA), 10, "EA", QUAR, "DAMAGED"));
        assertThat(damaged.status()).as(damaged.text()).isEqualTo(201);
        assertThat(damaged.body().get("landedStatus").asText()).isEqualTo("QUARANTINE");
        assertThat(damaged.body().at("/putaway/directedZone").asText()).isEqualTo("QUAR");
        // lot B: one case of two arrives
        HttpReply b = fx.rita.post(path, scan(fx.f.label(fx.lotB), 1, "BOX", AMB_2, "GOOD"));
        assertThat(b.status()).as(b.text()).isEqualTo(201);

        // the ledger: TRANSFER_IN from the in-transit location, referencing the transfer like its TRANSFER_OUT
        long amb1 = location(AMB_1);
        long amb2 = location(AMB_2);
        long quar = location(QUAR);
        assertThat(asTuples(transferInLegs(number)))
                .containsExactly(
                        tuple(fx.lotA, fx.inTransit, "AVAILABLE", -10L),
                        tuple(fx.lotA, amb1, "AVAILABLE", 10L),
                        tuple(fx.lotA, fx.inTransit, "AVAILABLE", -10L),
                        tuple(fx.lotA, quar, "QUARANTINE", 10L),
                        tuple(fx.lotB, fx.inTransit, "AVAILABLE", -10L),
                        tuple(fx.lotB, amb2, "AVAILABLE", 10L));
        // balances: lot A out of transit, lot B's missing case still in it
        List<Object[]> balances = List.of(
                new Object[] {fx.lotA, fx.inTransit, "AVAILABLE", 0L},
                new Object[] {fx.lotB, fx.inTransit, "AVAILABLE", 10L},
                new Object[] {fx.lotA, amb1, "AVAILABLE", 10L},
                new Object[] {fx.lotA, quar, "QUARANTINE", 10L},
                new Object[] {fx.lotB, amb2, "AVAILABLE", 10L});
        for (Object[] row : balances) {
            assertThat(fx.balance((long) row[0], (long) row[1], (String) row[2]))
                    .as("lot %s at %s %s", row[0], row[1], row[2])
                    .isEqualTo(row[3]);
        }
        JsonNode order = fx.otto.get("/api/transfer-orders/" + id).body();
        assertThat(order.get("status").asText()).isEqualTo("PARTIALLY_RECEIVED");
        assertThat(order.at("/lines/0/receivedBaseQuantity").asLong()).isEqualTo(30);

        // what is in transit: lot B's case, not overdue
        HttpReply inTransit = fx.rita.get("/api/in-transit?warehouse=WEST");
        assertThat(inTransit.status()).as(inTransit.text()).isEqualTo(200);
        List<String> mine = new ArrayList<>();
        inTransit.body().forEach(r -> {
            if (r.get("transferOrderId").asLong() == id) {
                mine.add(r.get("internalLabel").asText() + " "
                        + r.get("quantity").asLong() + " overdue="
                        + r.get("overdue").asBoolean() + " "
                        + r.get("inTransitLocationCode").asText());
                assertThat(r.get("expectedArrivalAt").asText())
                        .isEqualTo(t.get("expectedArrivalAt").asText());
                assertThat(r.get("shippedAt").isNull()).isFalse();
            }
        });
        assertThat(mine).containsExactly(fx.f.label(fx.lotB) + " 10 overdue=false TRANSIT-EAST-WEST");
        assertThat(fx.rita.get("/api/in-transit?warehouse=WEST&overdue=true").body())
                .noneMatch(r -> r.get("transferOrderId").asLong() == id);
        assertThat(fx.rita.get("/api/in-transit?warehouse=CENTRAL").body())
                .noneMatch(r -> r.get("transferOrderId").asLong() == id);

        // the close: SHORT lot B a case, DAMAGED lot A a case, each valued at the lot's cost (2.50)
        HttpReply eastClose = fx.walt.post(path + "/close", null);
        assertThat(eastClose.status() + " " + eastClose.code()).isEqualTo("403 NOT_WAREHOUSE_STAFF");
        HttpReply closed = fx.rita.post(path + "/close", null);
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        assertThat(closed.body().get("stillInTransit").asBoolean()).isTrue();
        List<TransferDiscrepancy> recorded = jdbc
                .query(
                        "select id from transfer_discrepancy where transfer_order_id = ? order by id",
                        (rs, i) -> rs.getLong(1),
                        id)
                .stream()
                .map(d -> context.getBean(TransferDiscrepancies.class).find(d).orElseThrow())
                .toList();
        long line = t.at("/lines/0/id").asLong();
        assertThat(recorded)
                .extracting(
                        TransferDiscrepancy::type,
                        TransferDiscrepancy::transferOrderLineId,
                        TransferDiscrepancy::lotId,
                        d -> d.expectedQuantity().longValueExact(),
                        d -> d.actualQuantity().longValueExact(),
                        d -> d.quantity().longValueExact(),
                        d -> d.value().stripTrailingZeros().toPlainString(),
                        TransferDiscrepancy::recordedBy)
                .containsExactlyInAnyOrder(
                        tuple(DiscrepancyType.SHORT, line, fx.lotB, 20L, 10L, 10L, "25", "rita"),
                        tuple(DiscrepancyType.DAMAGED, line, fx.lotA, 20L, 20L, 10L, "25", "rita"));
        TransferDiscrepancy dmg = recorded.stream()
                .filter(d -> d.type() == DiscrepancyType.DAMAGED)
                .findFirst()
                .orElseThrow();
        assertThat(dmg.scans()).hasSize(1);
        assertThat(dmg.scans().get(0).get("location").asText()).isEqualTo(QUAR);
        assertThat(dmg.scans().get(0).get("condition").asText()).isEqualTo("DAMAGED");
        assertThat(CLOSED)
                .filteredOn(s -> s.event().transferOrderId() == id)
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.inTransaction())
                            .as("published inside the close's transaction")
                            .isTrue();
                    assertThat(s.event().discrepancyIds())
                            .containsExactlyInAnyOrderElementsOf(recorded.stream()
                                    .map(TransferDiscrepancy::id)
                                    .toList());
                    assertThat(s.event().stillInTransit()).isTrue();
                    assertThat(s.event().orderNumber()).isEqualTo(number);
                    assertThat(s.event().closedBy()).isEqualTo("rita");
                });

        // closed; a second close with nothing scanned since is refused; lot B is still in transit, so a late scan
        // of it opens the next receipt round (its close waits for the process: LateTransferReceiptsTest)
        HttpReply again = fx.rita.post(path + "/close", null);
        assertThat(again.status() + " " + again.code()).isEqualTo("409 TRANSFER_RECEIPT_CLOSED");
        HttpReply late = fx.rita.post(path, scan(fx.f.label(fx.lotB), 1, "BOX", AMB_2, "GOOD"));
        assertThat(late.status()).as(late.text()).isEqualTo(201);
        JsonNode receipt = fx.otto.get(path).body();
        assertThat(receipt.get("closedBy").asText()).isEqualTo("rita");
        assertThat(receipt.get("scans")).hasSize(4);
        assertThat(receipt.get("discrepancies")).hasSize(2);
        assertThat(CLOSED).filteredOn(s -> s.event().transferOrderId() == id).hasSize(1);
    }

    @Test
    void a_lot_under_an_open_hold_lands_in_hold_under_that_hold() {
        TransferFixture fx = new TransferFixture(jdbc, ledger, json, port, 10, 0);
        JsonNode t = fx.dispatched(fx.order(fx.bySku(10)), null);
        long id = t.get("id").asLong();
        // quality holds the lot while it travels: the stock in transit stays AVAILABLE, the hold covers its arrival
        long hold = placing.place(
                        new PlacingHold.HoldRequest(HoldScope.LOT, fx.lotA, null, HoldReason.INVESTIGATION, null),
                        new Actor("quinn", java.util.Set.of("quality")),
                        UUID.randomUUID().toString())
                .hold()
                .id();
        assertThat(fx.balance(fx.lotA, fx.inTransit)).isEqualTo(10);

        HttpReply r = fx.rita.post(
                "/api/transfer-orders/" + id + "/receipts", scan(fx.f.gs1(fx.lotA), 10, "EA", AMB_1, "GOOD"));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.body().get("landedStatus").asText()).isEqualTo("HOLD");
        assertThat(r.body().get("holdId").asLong()).isEqualTo(hold);
        long amb1 = location(AMB_1);
        assertThat(asTuples(transferInLegs(t.get("orderNumber").asText())))
                .containsExactly(tuple(fx.lotA, fx.inTransit, "AVAILABLE", -10L), tuple(fx.lotA, amb1, "HOLD", 10L));
        assertThat(fx.balance(fx.lotA, amb1, "HOLD")).isEqualTo(10);
        assertThat(fx.balance(fx.lotA, amb1, "AVAILABLE")).isZero();
        // the hold answers for it: its movement names the posting
        assertThat(jdbc.queryForObject("""
                        select coalesce(sum(m.quantity), 0) from quality_hold_movement m
                         where m.hold_id = ? and m.lot_id = ? and m.location_id = ?""", BigDecimal.class, hold, fx.lotA, amb1))
                .isEqualByComparingTo("10");
        assertThat(fx.otto
                        .get("/api/transfer-orders/" + id)
                        .body()
                        .get("status")
                        .asText())
                .isEqualTo("RECEIVED");
    }

    @Test
    void what_is_not_in_transit_is_refused_not_in_transit_and_set_aside_for_the_close() {
        TransferFixture fx = new TransferFixture(jdbc, ledger, json, port, 10, 10);
        // lot A leaves; lot B stays in EAST (a lot of the transfer's item that did not leave with it)
        JsonNode t = fx.dispatched(fx.order(fx.bySku(10)), null);
        long id = t.get("id").asLong();
        String path = "/api/transfer-orders/" + id + "/receipts";
        long before = fx.postings();

        HttpReply unshipped = fx.rita.post(path, scan(fx.f.label(fx.lotB), 4, "EA", AMB_1, "GOOD"));
        assertThat(unshipped.status() + " " + unshipped.code()).isEqualTo("409 NOT_IN_TRANSIT");
        assertThat(unshipped.body().get("setAsideReason").asText()).isEqualTo("NOT_SHIPPED");
        // 12 of lot A arrive where 10 left: 10 are received, 2 set aside
        HttpReply more = fx.rita.post(path, scan(fx.f.gs1(fx.lotA), 12, "EA", AMB_1, "GOOD"));
        assertThat(more.status()).as(more.text()).isEqualTo(201);
        assertThat(more.body().get("receivedQuantity").asLong()).isEqualTo(10);
        assertThat(more.body().get("setAsideQuantity").asLong()).isEqualTo(2);
        assertThat(more.body().get("status").asText()).isEqualTo("RECEIVED");
        HttpReply nothingLeft = fx.rita.post(path, scan(fx.f.gs1(fx.lotA), 1, "EA", AMB_1, "GOOD"));
        assertThat(nothingLeft.status() + " " + nothingLeft.code()).isEqualTo("409 NOT_IN_TRANSIT");
        assertThat(nothingLeft.body().get("setAsideReason").asText()).isEqualTo("ABOVE_SHIPPED");
        assertThat(fx.postings())
                .as("one TRANSFER_IN, nothing for what was set aside")
                .isEqualTo(before + 1);
        assertThat(fx.balance(fx.lotA, fx.inTransit)).isZero();
        assertThat(fx.balance(fx.lotB, location(AMB_1))).isZero();

        // every scan is kept, the refused ones set aside too
        JsonNode receipt = fx.otto.get(path).body();
        assertThat(receipt.get("scans"))
                .extracting(s -> s.get("internalLabel").asText() + " "
                        + s.get("quantity").asLong() + " "
                        + s.get("outcome").asText() + " "
                        + s.path("setAsideReason").asText("-"))
                .containsExactlyInAnyOrder(
                        fx.f.label(fx.lotB) + " 4 SET_ASIDE NOT_SHIPPED",
                        fx.f.label(fx.lotA) + " 10 RECEIVED -",
                        fx.f.label(fx.lotA) + " 2 SET_ASIDE ABOVE_SHIPPED",
                        fx.f.label(fx.lotA) + " 1 SET_ASIDE ABOVE_SHIPPED");

        // the close: lot A over by 3; lot B arrived though it did not leave, and nothing is short for it: OVER
        HttpReply closed = fx.rita.post(path + "/close", null);
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        assertThat(closed.body().get("stillInTransit").asBoolean()).isFalse();
        assertThat(closed.body().get("discrepancies"))
                .extracting(d -> d.get("type").asText() + " " + d.get("lotId").asLong() + " expected "
                        + d.get("expectedQuantity").asLong() + " actual "
                        + d.get("actualQuantity").asLong()
                        + " quantity " + d.get("quantity").asLong())
                .containsExactlyInAnyOrder(
                        "OVER " + fx.lotB + " expected 0 actual 4 quantity 4",
                        "OVER " + fx.lotA + " expected 10 actual 13 quantity 3");
    }

    @Test
    void a_wrong_lot_against_a_short_one_is_a_wrong_lot_and_a_chilled_transfer_needs_its_reading() {
        TransferFixture fx = new TransferFixture(jdbc, ledger, json, port, 10, 10);
        jdbc.update("update item set temperature_class = 'CHILLED' where id = ?", fx.f.itemId);
        JsonNode t = fx.dispatched(fx.order(fx.bySku(10)), "TT-" + fx.f.tag);
        long id = t.get("id").asLong();
        String path = "/api/transfer-orders/" + id + "/receipts";
        String chilled = "WEST-CHL-01-01";

        HttpReply noReading = fx.rita.post(path, scan(fx.f.label(fx.lotA), 4, "EA", chilled, "GOOD"));
        assertThat(noReading.status() + " " + noReading.code()).isEqualTo("422 COLD_CHAIN_READING_REQUIRED");
        Map<String, Object> inRange = Map.of("inRange", true, "minCelsius", 2.5, "maxCelsius", 7.0);
        Map<String, Object> excursion = Map.of("inRange", false, "minCelsius", 2.5, "maxCelsius", 11.0);
        HttpReply ambientShelf = fx.rita.post(
                path, TransferFixture.with(scan(fx.f.label(fx.lotA), 4, "EA", AMB_1, "GOOD"), "coldChain", inRange));
        assertThat(ambientShelf.status() + " " + ambientShelf.code()).isEqualTo("422 ZONE_REFUSES_TEMPERATURE_CLASS");
        assertThat(ambientShelf.body().get("directedZone").asText()).isEqualTo("CHL");

        HttpReply ok = fx.rita.post(
                path, TransferFixture.with(scan(fx.f.label(fx.lotA), 4, "EA", chilled, "GOOD"), "coldChain", inRange));
        assertThat(ok.status()).as(ok.text()).isEqualTo(201);
        assertThat(ok.body().get("landedStatus").asText()).isEqualTo("AVAILABLE");
        HttpReply warm = fx.rita.post(
                path, TransferFixture.with(scan(fx.f.label(fx.lotA), 3, "EA", QUAR, "GOOD"), "coldChain", excursion));
        assertThat(warm.status()).as(warm.text()).isEqualTo(201);
        assertThat(warm.body().get("landedStatus").asText()).isEqualTo("QUARANTINE");
        assertThat(warm.body().get("excursion").asBoolean()).isTrue();
        // lot B never left; 2 of it arrive instead of the 3 of lot A that did not
        HttpReply wrong = fx.rita.post(
                path, TransferFixture.with(scan(fx.f.label(fx.lotB), 2, "EA", chilled, "GOOD"), "coldChain", inRange));
        assertThat(wrong.status() + " " + wrong.code()).isEqualTo("409 NOT_IN_TRANSIT");

        HttpReply closed = fx.rita.post(path + "/close", null);
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        assertThat(closed.body().get("discrepancies"))
                .extracting(d -> d.get("type").asText() + " " + d.get("lotId").asLong() + " "
                        + d.path("receivedLotId").asText("-") + " "
                        + d.get("quantity").asLong())
                .containsExactlyInAnyOrder(
                        "WRONG_LOT " + fx.lotA + " " + fx.lotB + " 2",
                        "SHORT " + fx.lotA + " - 1",
                        "TEMPERATURE_EXCURSION " + fx.lotA + " - 3");
        assertThat(fx.balance(fx.lotA, fx.inTransit)).isEqualTo(3);
    }

    @Test
    void a_receipt_is_not_closed_before_anything_was_scanned_nor_before_the_dispatch() {
        TransferFixture fx = new TransferFixture(jdbc, ledger, json, port, 10, 0);
        HttpReply placed = fx.place(fx.order(fx.bySku(5)));
        String path = "/api/transfer-orders/" + placed.id() + "/receipts";
        HttpReply early = fx.rita.post(path, scan(fx.f.label(fx.lotA), 5, "EA", AMB_1, "GOOD"));
        assertThat(early.status() + " " + early.code()).isEqualTo("409 TRANSFER_NOT_DISPATCHED");
        HttpReply earlyClose = fx.rita.post(path + "/close", null);
        assertThat(earlyClose.status() + " " + earlyClose.code()).isEqualTo("409 TRANSFER_NOT_DISPATCHED");
        JsonNode t = fx.dispatched(fx.order(fx.bySku(5)), null);
        HttpReply empty = fx.rita.post("/api/transfer-orders/" + t.get("id").asLong() + "/receipts/close", null);
        assertThat(empty.status() + " " + empty.code()).isEqualTo("409 NOTHING_RECEIVED");
        HttpReply wes = fx.wes.post(
                "/api/transfer-orders/" + t.get("id").asLong() + "/receipts",
                scan(fx.f.label(fx.lotA), 5, "EA", AMB_1, "GOOD"));
        assertThat(wes.status())
                .as("WEST's warehouse staff receive too: " + wes.text())
                .isEqualTo(201);
    }
}
