package org.lotledger.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.common.Actor;
import org.lotledger.fulfillment.picking.PickingFixtures;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.LedgerSelfAudit;
import org.lotledger.ledger.Reservation;
import org.lotledger.ledger.Reservations;
import org.lotledger.ledger.VoidReason;
import org.lotledger.platform.security.Groups;
import org.lotledger.support.ApiClient;
import org.lotledger.support.HttpReply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Transfer orders through the REST API on stock of the test's own in EAST (PickingFixtures: a storage zone, a
 * staging location, an ambient item with EA and BOX GTINs): otto orders EAST → WEST, allocates (the sales orders'
 * rules, FEFO over two lots), walt makes the pick task and picks by GS1 scans, then dispatches by scan; legs and
 * balances read back from the ledger (the in-transit balance is what was shipped), the reservations posted, the
 * packing list, {@link TransferDispatched} after the commit. And the refusals, each with nothing stored or posted.
 */
@IntegrationTest
class TransfersApiTest {

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
    LedgerSelfAudit audit;

    @Autowired
    ConfigurableApplicationContext context;

    static final List<TransferDispatched> DISPATCHED = new CopyOnWriteArrayList<>();
    static volatile boolean listening;

    TransferFixture fx;
    PickingFixtures f;
    ApiClient otto;
    ApiClient walt;
    ApiClient wes;
    long lotA;
    long lotB;
    long inTransit;

    @BeforeEach
    void stock() {
        synchronized (TransfersApiTest.class) {
            if (!listening) {
                context.addApplicationListener((ApplicationListener<PayloadApplicationEvent<?>>) e -> {
                    if (e.getPayload() instanceof TransferDispatched d) {
                        DISPATCHED.add(d);
                    }
                });
                listening = true;
            }
        }
        fx = new TransferFixture(jdbc, ledger, json, port, 10, 20);
        f = fx.f;
        otto = fx.otto;
        walt = fx.walt;
        wes = fx.wes;
        lotA = fx.lotA;
        lotB = fx.lotB;
        inTransit = fx.inTransit;
    }

    Map<String, Object> order(Object... lines) {
        return fx.order(lines);
    }

    Map<String, Object> bySku(long quantity) {
        return fx.bySku(quantity);
    }

    HttpReply place(Map<String, Object> order) {
        return fx.place(order);
    }

    long postings() {
        return fx.postings();
    }

    long transferOrders() {
        return fx.transferOrders();
    }

    long balance(long lot, long location) {
        return fx.balance(lot, location);
    }

    JsonNode pickEverything(long transferId) {
        return fx.pickEverything(transferId);
    }

    @Test
    void a_two_lot_transfer_is_ordered_allocated_picked_and_dispatched_into_the_pairs_in_transit_location() {
        HttpReply placed = place(order(bySku(15), Map.of("gtin", f.gtinBox, "quantity", 1)));
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        JsonNode t = placed.body();
        long id = t.get("id").asLong();
        assertThat(placed.headers().firstValue("Location")).hasValue("/api/transfer-orders/" + id);
        assertThat(t.get("orderNumber").asText()).matches("TO-EAST-\\d+");
        assertThat(t.get("status").asText()).isEqualTo("OPEN");
        assertThat(t.get("temperatureClass").asText()).isEqualTo("AMBIENT");
        // dmn/transit-time.dmn, rule EastWestAmbientFourDays
        assertThat(t.get("transitDays").asInt()).isEqualTo(4);
        assertThat(t.get("graceHours").asInt()).isEqualTo(24);
        assertThat(t.get("plannedArrival").asText())
                .isEqualTo(LocalDate.now().plusDays(5).toString());
        assertThat(t.at("/lines/0/orderedBaseQuantity").asLong()).isEqualTo(15);
        assertThat(t.at("/lines/1/orderedBaseQuantity").asLong())
                .as("a BOX GTIN orders boxes of 10")
                .isEqualTo(10);
        assertThat(t.at("/lines/1/uom").asText()).isEqualTo("BOX");
        long line1 = t.at("/lines/0/id").asLong();
        long line2 = t.at("/lines/1/id").asLong();

        HttpReply allocated = otto.post("/api/transfer-orders/" + id + "/allocation", null);
        assertThat(allocated.status()).as(allocated.text()).isEqualTo(200);
        assertThat(allocated.body().get("status").asText()).isEqualTo("ALLOCATED");
        List<Reservation> reserved = reservations.forDemand("TRANSFER_ORDER", String.valueOf(id), null);
        // FEFO: line 1 takes lot A (10) and 5 of lot B, line 2 the next 10 of lot B
        assertThat(reserved)
                .extracting(r -> r.demand().line(), Reservation::lotId, Reservation::locationId, Reservation::quantity)
                .containsExactlyInAnyOrder(
                        tuple(String.valueOf(line1), lotA, f.location("S1"), 10L),
                        tuple(String.valueOf(line1), lotB, f.location("S2"), 5L),
                        tuple(String.valueOf(line2), lotB, f.location("S2"), 10L));
        assertThat(otto.get("/api/transfer-orders/" + id)
                        .body()
                        .at("/lines/0/allocatedBaseQuantity")
                        .asLong())
                .isEqualTo(15);

        HttpReply westPicks = wes.post("/api/transfer-orders/" + id + "/pick-tasks", null);
        assertThat(westPicks.status() + " " + westPicks.code())
                .as("staff of the destination do not pick at the origin")
                .isEqualTo("403 NOT_WAREHOUSE_STAFF");
        JsonNode task = pickEverything(id);
        assertThat(task.get("name").asText())
                .isEqualTo("Pick transfer " + t.get("orderNumber").asText() + " · 3 lines");
        assertThat(task.get("demandType").asText()).isEqualTo("TRANSFER_ORDER");
        assertThat(task.get("orderId").asLong()).isEqualTo(id);
        assertThat(task.path("salesOrderId").isNull()
                        || task.path("salesOrderId").isMissingNode())
                .isTrue();
        JsonNode picking = otto.get("/api/transfer-orders/" + id).body();
        assertThat(picking.get("status").asText()).isEqualTo("PICKING");
        assertThat(picking.at("/lines/0/pickedBaseQuantity").asLong()).isEqualTo(15);
        assertThat(balance(lotB, f.ship)).isEqualTo(15);

        // refusals first, each posting nothing
        long before = postings();
        HttpReply otherWarehouse = wes.post(
                "/api/transfer-orders/" + id + "/dispatch",
                Map.of("stagingLocation", f.shipBarcode, "lotLabels", List.of(f.label(lotA), f.label(lotB))));
        assertThat(otherWarehouse.status()).as(otherWarehouse.text()).isEqualTo(403);
        assertThat(otherWarehouse.code()).isEqualTo("NOT_WAREHOUSE_STAFF");
        HttpReply wrongLocation = walt.post(
                "/api/transfer-orders/" + id + "/dispatch",
                Map.of("stagingLocation", f.barcode("S1"), "lotLabels", List.of(f.label(lotA), f.label(lotB))));
        assertThat(wrongLocation.status()).as(wrongLocation.text()).isEqualTo(422);
        assertThat(wrongLocation.code()).isEqualTo("WRONG_LOCATION");
        HttpReply oneLotMissing = walt.post(
                "/api/transfer-orders/" + id + "/dispatch",
                Map.of("stagingLocation", f.shipBarcode, "lotLabels", List.of(f.gs1(lotA))));
        assertThat(oneLotMissing.status()).as(oneLotMissing.text()).isEqualTo(422);
        assertThat(oneLotMissing.code()).isEqualTo("LOT_NOT_SCANNED");
        assertThat(postings()).isEqualTo(before);
        assertThat(otto.get("/api/transfer-orders/" + id).body().get("status").asText())
                .isEqualTo("PICKING");
        assertThat(DISPATCHED).as("a refused dispatch publishes nothing").noneMatch(e -> e.transferOrderId() == id);

        String key = UUID.randomUUID().toString();
        Map<String, Object> scan =
                Map.of("stagingLocation", f.shipBarcode, "lotLabels", List.of(f.gs1(lotA), f.label(lotB)));
        Instant beforeDispatch = Instant.now();
        HttpReply dispatched = walt.send("POST", "/api/transfer-orders/" + id + "/dispatch", scan, key);
        assertThat(dispatched.status()).as(dispatched.text()).isEqualTo(200);
        JsonNode d = dispatched.body();
        assertThat(d.get("status").asText()).isEqualTo("IN_TRANSIT");
        assertThat(d.get("dispatchedBy").asText()).isEqualTo("walt");
        assertThat(d.get("stagingLocationCode").asText()).isEqualTo(f.shipBarcode);
        Instant at = Instant.parse(d.get("dispatchedAt").asText());
        assertThat(Instant.parse(d.get("expectedArrivalAt").asText())).isEqualTo(at.plus(Duration.ofDays(4)));
        assertThat(Instant.parse(d.get("overdueAt").asText())).isEqualTo(at.plus(Duration.ofDays(5)));
        assertThat(d.at("/lines/0/shippedBaseQuantity").asLong()).isEqualTo(15);
        assertThat(d.at("/lines/1/shippedBaseQuantity").asLong()).isEqualTo(10);
        assertThat(d.at("/lines/0/status").asText()).isEqualTo("SHIPPED");
        List<String> shippedLots = new ArrayList<>();
        d.get("lines")
                .forEach(l -> l.get("shippedLots")
                        .forEach(s -> shippedLots.add(s.get("internalLabel").asText() + " "
                                + s.get("shippedQuantity").asLong() + " "
                                + s.get("inTransitLocationCode").asText())));
        String transit = "TRANSIT-EAST-WEST";
        assertThat(shippedLots)
                .containsExactlyInAnyOrder(
                        f.label(lotA) + " 10 " + transit,
                        f.label(lotB) + " 5 " + transit,
                        f.label(lotB) + " 10 " + transit);

        // the ledger: one TRANSFER_OUT per lot line, staging → in transit, AVAILABLE, referencing the order
        List<Map<String, Object>> legs =
                jdbc.queryForList("""
                select p.id as posting, g.lot_id, g.location_id, g.status, g.quantity
                  from posting p join posting_leg g on g.posting_id = p.id
                 where p.posting_type = 'TRANSFER_OUT' and p.reference_id = ? order by p.id, g.quantity""", t.get("orderNumber").asText());
        assertThat(legs.stream().map(r -> r.get("posting")).distinct()).hasSize(3);
        assertThat(legs)
                .extracting(
                        r -> ((Number) r.get("lot_id")).longValue(),
                        r -> ((Number) r.get("location_id")).longValue(),
                        r -> r.get("status"),
                        r -> ((BigDecimal) r.get("quantity")).longValueExact())
                .containsExactlyInAnyOrder(
                        tuple(lotA, f.ship, "AVAILABLE", -10L),
                        tuple(lotA, inTransit, "AVAILABLE", 10L),
                        tuple(lotB, f.ship, "AVAILABLE", -5L),
                        tuple(lotB, inTransit, "AVAILABLE", 5L),
                        tuple(lotB, f.ship, "AVAILABLE", -10L),
                        tuple(lotB, inTransit, "AVAILABLE", 10L));
        // balances: what was shipped is in transit, nothing left at staging, the rest of lot B still on its shelf
        assertThat(balance(lotA, inTransit)).isEqualTo(10);
        assertThat(balance(lotB, inTransit)).isEqualTo(15);
        assertThat(balance(lotA, f.ship)).isZero();
        assertThat(balance(lotB, f.ship)).isZero();
        assertThat(balance(lotB, f.location("S2"))).isEqualTo(5);
        assertThat(jdbc.queryForObject("""
                        select coalesce(sum(shipped_quantity), 0) from transfer_shipped_lot where transfer_order_id = ?""", BigDecimal.class, id))
                .isEqualByComparingTo(BigDecimal.valueOf(balance(lotA, inTransit) + balance(lotB, inTransit)));
        // every reservation of the transfer was posted: the pick's in storage, the staging ones by the dispatch
        assertThat(reservations.forDemand("TRANSFER_ORDER", String.valueOf(id), null))
                .allMatch(r -> r.state() == Reservation.State.POSTED);

        // the event, after the commit
        assertThat(DISPATCHED)
                .filteredOn(e -> e.transferOrderId() == id)
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.orderNumber()).isEqualTo(t.get("orderNumber").asText());
                    assertThat(e.expectedArrivalAt()).isEqualTo(at.plus(Duration.ofDays(4)));
                    assertThat(e.dispatchedAt()).isAfterOrEqualTo(beforeDispatch.minusSeconds(5));
                });

        // replay, another key, and no cancelling once it left
        HttpReply replay = walt.send("POST", "/api/transfer-orders/" + id + "/dispatch", scan, key);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        HttpReply again = walt.post("/api/transfer-orders/" + id + "/dispatch", scan);
        assertThat(again.status()).as(again.text()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("TRANSFER_ALREADY_DISPATCHED");
        HttpReply cancel = otto.post("/api/transfer-orders/" + id + "/cancel", Map.of("reason", "too late"));
        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.code()).isEqualTo("TRANSFER_ORDER_NOT_OPEN");
        assertThat(balance(lotA, inTransit)).isEqualTo(10);

        // the packing list, in the customers' format: from EAST to WEST, the lots that left
        JsonNode list = otto.get("/api/transfer-orders/" + id + "/packing-list").body();
        assertThat(list.get("shipmentNumber").asText())
                .isEqualTo(t.get("orderNumber").asText());
        assertThat(list.at("/shipFrom/code").asText()).isEqualTo("EAST");
        assertThat(list.at("/shipTo/code").asText()).isEqualTo("WEST");
        assertThat(list.get("items"))
                .extracting(i -> i.get("internalLabel").asText() + " "
                        + i.get("quantity").asLong())
                .containsExactlyInAnyOrder(f.label(lotA) + " 10", f.label(lotB) + " 5", f.label(lotB) + " 10");
        HttpReply csv = otto.get("/api/transfer-orders/" + id + "/packing-list?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text()).startsWith("shipment_number,state,order_number").contains(f.label(lotA));
        assertThat(csv.text().split("\r\n")).hasSize(4);
    }

    @Test
    void wrong_orders_are_refused_with_their_codes_and_store_nothing() {
        Map<String, Object> chilled = Map.of("sku", "VAC-FLU-CHL", "quantity", 10, "uom", "EA");
        Map<String, Map<String, Object>> cases = new java.util.LinkedHashMap<>();
        cases.put("422 TEMPERATURE_CLASS_MIXED", order(bySku(5), chilled));
        cases.put("422 SAME_WAREHOUSE", with(order(bySku(5)), "toWarehouseCode", "east"));
        cases.put("404 UNKNOWN_WAREHOUSE", with(order(bySku(5)), "toWarehouseCode", "NOWHERE"));
        cases.put("404 UNKNOWN_ITEM", order(Map.of("sku", "NO-SUCH-SKU", "quantity", 1, "uom", "EA")));
        cases.put("422 ITEM_REFERENCE_REQUIRED", order(Map.of("quantity", 1, "uom", "EA")));
        cases.put("422 UOM_REQUIRED", order(Map.of("sku", f.sku, "quantity", 1)));
        cases.put("422 UOM_NOT_CONVERTIBLE", order(Map.of("sku", f.sku, "quantity", 1, "uom", "PALLET")));
        cases.put("422 INVALID_QUANTITY", order(bySku(0)));
        cases.put("422 INVALID_GTIN", order(Map.of("gtin", "12345678901234", "quantity", 1)));
        cases.put("404 UNKNOWN_LOT", order(Map.of("sku", f.sku, "quantity", 1, "uom", "EA", "lot", "NO-SUCH-LOT")));
        cases.put(
                "422 SHIP_DATE_OUT_OF_RANGE",
                with(order(bySku(5)), "shipDate", LocalDate.now().minusDays(5).toString()));
        cases.put("400 VALIDATION_FAILED", with(order(bySku(5)), "reason", ""));
        long before = transferOrders();
        for (var c : cases.entrySet()) {
            HttpReply r = place(c.getValue());
            assertThat(r.status() + " " + r.code()).as(r.text()).isEqualTo(c.getKey());
        }
        HttpReply mixed = place(order(bySku(5), chilled));
        assertThat(mixed.body().at("/linesByTemperatureClass/CHILLED/0").asInt())
                .isEqualTo(2);
        assertThat(transferOrders()).isEqualTo(before);
        HttpReply byWalt = walt.post("/api/transfer-orders", order(bySku(5)));
        assertThat(byWalt.status()).as("the warehouse does not order transfers").isEqualTo(403);
        assertThat(otto.get("/api/transfer-orders/999999999").code()).isEqualTo("UNKNOWN_TRANSFER_ORDER");
    }

    @Test
    void cancelling_a_line_voids_its_reservations_and_cancelling_the_rest_cancels_the_order() {
        long id = place(order(bySku(10), bySku(5))).id();
        HttpReply allocated = otto.post("/api/transfer-orders/" + id + "/allocation", null);
        assertThat(allocated.status()).as(allocated.text()).isEqualTo(200);
        JsonNode t = otto.get("/api/transfer-orders/" + id).body();
        long line1 = t.at("/lines/0/id").asLong();
        HttpReply cancelled =
                otto.post("/api/transfer-orders/" + id + "/lines/" + line1 + "/cancel", Map.of("reason", "not needed"));
        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        assertThat(cancelled.body().at("/lines/0/status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.body().at("/lines/0/allocatedBaseQuantity").asLong())
                .isZero();
        assertThat(cancelled.body().get("status").asText()).isEqualTo("ALLOCATED");
        assertThat(reservations.forDemand("TRANSFER_ORDER", String.valueOf(id), String.valueOf(line1)))
                .isNotEmpty()
                .allMatch(r -> r.state() == Reservation.State.VOIDED
                        && r.voidReason().name().equals("CANCELLED"));
        assertThat(otto.post("/api/transfer-orders/" + id + "/lines/" + line1 + "/cancel", null)
                        .code())
                .isEqualTo("TRANSFER_ORDER_LINE_NOT_OPEN");
        HttpReply all = otto.post("/api/transfer-orders/" + id + "/cancel", null);
        assertThat(all.status()).as(all.text()).isEqualTo(200);
        assertThat(all.body().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(all.body().get("cancelledBy").asText()).isEqualTo("otto");
        assertThat(reservations.forDemand("TRANSFER_ORDER", String.valueOf(id), null))
                .allMatch(r -> r.state() == Reservation.State.VOIDED);
        assertThat(otto.post("/api/transfer-orders/" + id + "/allocation", null).code())
                .isEqualTo("TRANSFER_ORDER_NOT_OPEN");
    }

    @Test
    void a_pending_reservation_of_a_line_cancelled_behind_the_transfers_back_is_a_leak_in_the_self_audit() {
        long id = place(order(bySku(10), bySku(5))).id();
        assertThat(otto.post("/api/transfer-orders/" + id + "/allocation", null).status())
                .isEqualTo(200);
        JsonNode t = otto.get("/api/transfer-orders/" + id).body();
        long line1 = t.at("/lines/0/id").asLong();
        long line2 = t.at("/lines/1/id").asLong();
        assertThat(leaksOf(audit.run("TEST"), id))
                .as("an allocated transfer holds no leak")
                .isEmpty();
        List<Long> leaked = reservations.forDemand("TRANSFER_ORDER", String.valueOf(id), String.valueOf(line1)).stream()
                .filter(r -> r.state() == Reservation.State.PENDING)
                .map(Reservation::id)
                .toList();
        assertThat(leaked).isNotEmpty();
        // behind the transfers' back: the line ends, its reservations stay PENDING
        jdbc.update("""
                update transfer_order_line set allocated_base_quantity = 0, cancelled_base_quantity = ordered_base_quantity,
                       cancelled_by = 'sql', cancel_reason = 'leak test' where id = ?""", line1);
        try {
            assertThat(leaksOf(audit.run("TEST"), id))
                    .extracting(
                            LedgerSelfAudit.ReservationLeak::finding,
                            l -> l.demand().line(),
                            LedgerSelfAudit.ReservationLeak::demandState,
                            LedgerSelfAudit.ReservationLeak::reservationIds)
                    .containsExactly(tuple(
                            LedgerSelfAudit.ReservationLeak.DEMAND_NOT_OPEN,
                            String.valueOf(line1),
                            "CANCELLED",
                            leaked));
            assertThat(leaksOf(audit.lastResult(), id))
                    .noneMatch(l -> l.demand().line().equals(String.valueOf(line2)));
        } finally {
            reservations.voidPending(leaked, VoidReason.CANCELLED, new Actor("otto", Set.of(Groups.OPERATIONS)));
        }
        assertThat(leaksOf(audit.run("TEST"), id)).isEmpty();
    }

    private static List<LedgerSelfAudit.ReservationLeak> leaksOf(LedgerSelfAudit.AuditResult r, long transferId) {
        return r.reservationLeaks().stream()
                .filter(l -> l.demand() != null
                        && l.demand().type().equals("TRANSFER_ORDER")
                        && l.demand().reference().equals(String.valueOf(transferId)))
                .toList();
    }

    @Test
    void the_items_minimum_shelf_life_at_shipment_applies_and_what_is_short_is_said_by_reason() {
        jdbc.update("update item set min_remaining_shelf_life_at_shipment_days = 250 where id = ?", f.itemId);
        long id = place(order(bySku(25))).id();
        HttpReply allocated = otto.post("/api/transfer-orders/" + id + "/allocation", null);
        assertThat(allocated.status()).as(allocated.text()).isEqualTo(200);
        // lot A (200 days left) is too short for the item's 250 days; lot B (300) covers 20
        assertThat(allocated.body().at("/lines/0/allocatedBaseQuantity").asLong())
                .isEqualTo(20);
        assertThat(allocated.body().at("/lines/0/reservations"))
                .extracting(r -> r.get("lotId").asLong())
                .containsOnly(lotB);
        // a transfer's reservation says "expiresOn" (a sales order's says "expiry"): one mapping, each API its names
        assertThat(allocated.body().at("/lines/0/reservations")).allSatisfy(r -> {
            assertThat(r.path("expiresOn").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(r.has("expiry")).isFalse();
        });
        assertThat(allocated.body().at("/lines/0/shortfall"))
                .extracting(
                        s -> s.get("reason").asText() + " " + s.get("quantity").asLong())
                .containsExactly("SHELF_LIFE_TOO_SHORT 5");
        assertThat(allocated.body().get("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void held_stock_nothing_staged_another_orders_stock_and_a_missing_cold_chain_logger_are_refused() {
        // nothing staged: allocated, not picked
        long unpicked = place(order(bySku(5))).id();
        otto.post("/api/transfer-orders/" + unpicked + "/allocation", null);
        HttpReply nothing = walt.post(
                "/api/transfer-orders/" + unpicked + "/dispatch",
                Map.of("stagingLocation", f.shipBarcode, "lotLabels", List.of(f.label(lotA))));
        assertThat(nothing.status() + " " + nothing.code()).as(nothing.text()).isEqualTo("409 NOTHING_STAGED");
        otto.post("/api/transfer-orders/" + unpicked + "/cancel", null);

        // another order's stock at the same staging location
        long id = place(order(bySku(10))).id();
        otto.post("/api/transfer-orders/" + id + "/allocation", null);
        pickEverything(id);
        long lotC = f.lot(f.supplierA, "C" + f.tag, LocalDate.now().plusDays(400));
        f.stock(ledger, lotC, "S3", 4);
        ledger.post(org.lotledger.ledger.PostingRequest.of(
                        org.lotledger.ledger.PostingType.PICK,
                        new Actor("walt", java.util.Set.of("warehouse")),
                        UUID.randomUUID().toString())
                .movement(new org.lotledger.ledger.Movement(
                        lotC,
                        f.location("S3"),
                        org.lotledger.ledger.StockStatus.AVAILABLE,
                        f.ship,
                        org.lotledger.ledger.StockStatus.AVAILABLE,
                        4))
                .build());
        reservations.reserve(
                new Reservations.ReserveRequest(
                        new Reservation.Demand("SALES_ORDER", "424242", "1"), lotC, f.ship, 4, "staged for a customer"),
                new Actor("walt", java.util.Set.of("warehouse")),
                UUID.randomUUID().toString());
        long before = postings();
        HttpReply foreign = walt.post(
                "/api/transfer-orders/" + id + "/dispatch",
                Map.of("stagingLocation", f.shipBarcode, "lotLabels", List.of(f.label(lotA), f.label(lotC))));
        assertThat(foreign.status() + " " + foreign.code()).as(foreign.text()).isEqualTo("409 STOCK_OF_ANOTHER_ORDER");

        // held stock: a hold on lot A after the pick voids its staging reservation; the dispatch waits for quality
        HttpReply hold = ApiClient.as(port, json, "quinn")
                .post("/api/holds", Map.of("scope", "LOT", "lotId", lotA, "reason", "INVESTIGATION"));
        assertThat(hold.status()).as(hold.text()).isEqualTo(201);
        HttpReply held = walt.post(
                "/api/transfer-orders/" + id + "/dispatch",
                Map.of("stagingLocation", f.shipBarcode, "lotLabels", List.of(f.label(lotA))));
        assertThat(held.status() + " " + held.code()).as(held.text()).isEqualTo("409 LOT_ON_HOLD");
        assertThat(postings()).isEqualTo(before + 1).as("the hold's STATUS_CHANGE only");
        assertThat(otto.get("/api/transfer-orders/" + id).body().get("status").asText())
                .isEqualTo("PICKING");

        // a chilled transfer leaves only with a cold-chain logger
        PickingFixtures cold = new PickingFixtures(jdbc);
        jdbc.update("update item set temperature_class = 'CHILLED' where id = ?", cold.itemId);
        Map<String, Object> chilled = order(Map.of("sku", cold.sku, "quantity", 3, "uom", "EA"));
        HttpReply placed = place(chilled);
        assertThat(placed.body().get("temperatureClass").asText()).isEqualTo("CHILLED");
        assertThat(placed.body().get("transitDays").asInt())
                .as("EastWestChilledTwoDays")
                .isEqualTo(2);
        HttpReply noLogger = walt.post(
                "/api/transfer-orders/" + placed.id() + "/dispatch",
                Map.of("stagingLocation", cold.shipBarcode, "lotLabels", List.of("LL-NONE")));
        assertThat(noLogger.status() + " " + noLogger.code())
                .as(noLogger.text())
                .isEqualTo("422 COLD_CHAIN_LOGGER_REQUIRED");
        assertThat(postings()).isEqualTo(before + 1);
    }

    @Test
    void what_was_allocated_but_not_picked_stays_behind_and_its_reservations_are_given_up() {
        long id = place(order(bySku(25))).id();
        otto.post("/api/transfer-orders/" + id + "/allocation", null);
        HttpReply task = walt.post("/api/transfer-orders/" + id + "/pick-tasks", null);
        assertThat(task.status()).as(task.text()).isEqualTo(201);
        assertThat(task.body().get("name").asText()).endsWith(" · 2 lines");
        // walt picks lot A (10) and leaves lot B's line open
        JsonNode lineA = null;
        for (JsonNode l : task.body().get("lines")) {
            if (l.get("lotId").asLong() == lotA) {
                lineA = l;
            }
        }
        HttpReply picked = walt.post(
                "/api/pick-tasks/" + task.id() + "/lines/" + lineA.get("id").asLong() + "/confirmation",
                Map.of(
                        "locationBarcode",
                        f.barcode("S1"),
                        "lotLabel",
                        f.gs1(lotA),
                        "quantity",
                        10,
                        "uom",
                        "EA",
                        "stagingLocationBarcode",
                        f.shipBarcode));
        assertThat(picked.status()).as(picked.text()).isEqualTo(200);

        HttpReply dispatched = walt.post(
                "/api/transfer-orders/" + id + "/dispatch",
                Map.of("stagingLocation", f.shipBarcode, "lotLabels", List.of(f.gs1(lotA))));
        assertThat(dispatched.status()).as(dispatched.text()).isEqualTo(200);
        JsonNode line = dispatched.body().at("/lines/0");
        assertThat(line.get("shippedBaseQuantity").asLong()).isEqualTo(10);
        assertThat(line.get("allocatedBaseQuantity").asLong())
                .as("lot B's 15 left the allocation")
                .isEqualTo(10);
        assertThat(line.get("status").asText()).isEqualTo("SHIPPED");
        assertThat(dispatched.body().get("status").asText()).isEqualTo("IN_TRANSIT");
        assertThat(balance(lotA, inTransit)).isEqualTo(10);
        assertThat(balance(lotB, f.location("S2")))
                .as("lot B stayed on its shelf")
                .isEqualTo(20);
        assertThat(reservations.forDemand("TRANSFER_ORDER", String.valueOf(id), null))
                .filteredOn(r -> r.lotId() == lotB)
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.state()).isEqualTo(Reservation.State.VOIDED);
                    assertThat(r.voidReason().name()).isEqualTo("CANCELLED");
                });
        JsonNode after = walt.get("/api/pick-tasks/" + task.id()).body();
        assertThat(after.get("state").asText()).isEqualTo("DONE");
        assertThat(after.get("lines"))
                .extracting(l -> l.get("state").asText())
                .containsExactlyInAnyOrder("DONE", "VOIDED");
        assertThat(otto.get("/api/transfer-orders/" + id + "/packing-list")
                        .body()
                        .get("items"))
                .extracting(i -> i.get("internalLabel").asText() + " "
                        + i.get("quantity").asLong())
                .containsExactly(f.label(lotA) + " 10");
    }

    @Test
    void a_chilled_transfer_leaves_with_its_cold_chain_logger_and_the_chilled_lanes_transit_time() {
        PickingFixtures cold = new PickingFixtures(jdbc);
        jdbc.update("update item set temperature_class = 'CHILLED' where id = ?", cold.itemId);
        long lot = cold.lot(cold.supplierA, "V" + cold.tag, LocalDate.now().plusDays(300));
        cold.stock(ledger, lot, "S1", 12);
        HttpReply placed = place(order(Map.of("sku", cold.sku, "quantity", 12, "uom", "EA")));
        long id = placed.id();
        otto.post("/api/transfer-orders/" + id + "/allocation", null);
        pickEverything(id);
        HttpReply dispatched = walt.post(
                "/api/transfer-orders/" + id + "/dispatch",
                Map.of(
                        "stagingLocation",
                        f.shipBarcode,
                        "lotLabels",
                        List.of(cold.gs1(lot)),
                        "coldChainLogger",
                        "TT-4711"));
        assertThat(dispatched.status()).as(dispatched.text()).isEqualTo(200);
        JsonNode d = dispatched.body();
        assertThat(d.get("temperatureClass").asText()).isEqualTo("CHILLED");
        assertThat(d.get("coldChainLogger").asText()).isEqualTo("TT-4711");
        Instant at = Instant.parse(d.get("dispatchedAt").asText());
        // EastWestChilledTwoDays: 2 days, 6 hours' grace
        assertThat(Instant.parse(d.get("expectedArrivalAt").asText())).isEqualTo(at.plus(Duration.ofDays(2)));
        assertThat(Instant.parse(d.get("overdueAt").asText()))
                .isEqualTo(at.plus(Duration.ofDays(2)).plus(Duration.ofHours(6)));
        assertThat(balance(lot, inTransit)).isEqualTo(12);
        assertThat(DISPATCHED)
                .filteredOn(e -> e.transferOrderId() == id)
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.temperatureClass()).isEqualTo("CHILLED");
                    assertThat(e.overdueAt())
                            .isEqualTo(Instant.parse(d.get("overdueAt").asText()));
                    assertThat(e.fromWarehouseCode() + "→" + e.toWarehouseCode())
                            .isEqualTo("EAST→WEST");
                });
        JsonNode list = otto.get("/api/transfer-orders/" + id + "/packing-list").body();
        assertThat(list.at("/items/0/temperatureClass").asText()).isEqualTo("CHILLED");
    }

    static Map<String, Object> with(Map<String, Object> m, String key, Object value) {
        return TransferFixture.with(m, key, value);
    }
}
