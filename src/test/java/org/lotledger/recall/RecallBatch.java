package org.lotledger.recall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.location.LocationKind;
import org.lotledger.common.Actor;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.Movement;
import org.lotledger.ledger.PostingRequest;
import org.lotledger.ledger.PostingType;
import org.lotledger.ledger.Reservation;
import org.lotledger.ledger.Reservations;
import org.lotledger.ledger.StockStatus;
import org.lotledger.support.ApiClient;
import org.lotledger.support.EastSalesOrders;
import org.lotledger.support.HttpReply;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A manufacturer batch of the test's own on the demo EAST and CENTRAL warehouses, for the recall tests
 * (RecallIntegrationTest, MockRecallIntegrationTest): an item of its own (so no other test's backorder is
 * re-allocated onto its stock), an ERP order of MERCY-HOSP with two lines (unless left out), and two lots of the
 * batch: lot A with 100
 * at EAST storage, 40 at CENTRAL and 12 of them in transit EAST → CENTRAL; lot B with 30 at EAST storage.
 */
final class RecallBatch {

    static final AtomicInteger SEQ = new AtomicInteger();

    final String tag;
    final String sku;
    final String batch;
    final long orderId;
    final long line1;
    final long line2;
    final long itemId;
    final long lotA;
    final long lotB;
    final long storage;
    final long staging;
    final long central;
    final long transit;

    final ApiClient maria;
    final ApiClient walt;
    final ApiClient quinn;

    private final JdbcTemplate jdbc;
    private final Ledger ledger;
    private final Reservations reservations;
    private final CatalogQueries catalog;

    RecallBatch(
            int port,
            ObjectMapper json,
            JdbcTemplate jdbc,
            Ledger ledger,
            Reservations reservations,
            CatalogQueries catalog) {
        this(port, json, jdbc, ledger, reservations, catalog, true);
    }

    /**
     * @param withOrder whether MERCY-HOSP orders the item (two lines, 10 and 5, allocated onto lot A as soon as it is
     *                  stocked, and re-allocated when a hold voids them); without it nothing re-allocates
     */
    RecallBatch(
            int port,
            ObjectMapper json,
            JdbcTemplate jdbc,
            Ledger ledger,
            Reservations reservations,
            CatalogQueries catalog,
            boolean withOrder) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.reservations = reservations;
        this.catalog = catalog;
        maria = ApiClient.as(port, json, "maria");
        walt = ApiClient.as(port, json, "walt");
        quinn = ApiClient.as(port, json, "quinn");
        tag = "RCL" + SEQ.incrementAndGet()
                + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        batch = "MFG-" + tag;
        sku = "RCL-" + tag;
        HttpReply item = ApiClient.as(port, json, "admin").post("/api/items", item(sku));
        assertThat(item.status()).as(item.text()).isEqualTo(201);
        if (withOrder) {
            EastSalesOrders.Placed placed = EastSalesOrders.place(ApiClient.as(port, json, "erp"), tag, sku, 10, 5);
            orderId = placed.orderId();
            line1 = placed.line1();
            line2 = placed.line2();
        } else {
            orderId = 0;
            line1 = 0;
            line2 = 0;
        }
        itemId = item.id();
        long east = warehouse("EAST");
        long centralWarehouse = warehouse("CENTRAL");
        lotA = lot(itemId, "A" + tag);
        lotB = lot(itemId, "B" + tag);
        storage = catalog.findLocationByBarcode("EAST-AMB-01-01").orElseThrow().id();
        staging = catalog.findLocationByBarcode("EAST-SHIP-01").orElseThrow().id();
        central =
                catalog.findLocationByBarcode("CENTRAL-AMB-01-01").orElseThrow().id();
        transit = jdbc.queryForObject(
                "select id from location where kind = 'IN_TRANSIT' and warehouse_id = ? and destination_warehouse_id = ?",
                Long.class,
                east,
                centralWarehouse);
        open(lotA, east, storage, StockStatus.AVAILABLE, 100);
        open(lotA, centralWarehouse, central, StockStatus.AVAILABLE, 40);
        open(lotB, east, storage, StockStatus.AVAILABLE, 30);
        ledger.post(PostingRequest.of(PostingType.TRANSFER_OUT, EastSalesOrders.WALT, "out-" + tag)
                .movement(new Movement(lotA, storage, StockStatus.AVAILABLE, transit, StockStatus.AVAILABLE, 12))
                .build());
    }

    /** What the pick does: PICK storage → staging and a pending reservation of the line at the staging location. */
    Reservation stage(long lot, long lineId, long quantity) {
        return EastSalesOrders.stage(ledger, reservations, orderId, lineId, lot, storage, staging, quantity);
    }

    /** A customer of the test's own with its ledger location; returns its id. */
    long customer(String suffix) {
        long id = jdbc.queryForObject(
                "insert into customer (code, name, customer_type) values (?, ?, 'HOSPITAL') returning id",
                Long.class,
                tag + suffix,
                "Customer " + tag + suffix);
        jdbc.update(
                "insert into location (kind, code, name, customer_id) values ('CUSTOMER', ?, ?, ?)",
                "CUS-" + tag + suffix,
                "Customer " + tag + suffix,
                id);
        return id;
    }

    /** Ships {@code quantity} of the lot from EAST storage to the customer as shipment {@code number} (walt). */
    long ship(long lot, long customerId, String number, long quantity) {
        long to = jdbc.queryForObject(
                "select id from location where kind = 'CUSTOMER' and customer_id = ?", Long.class, customerId);
        return ledger.post(PostingRequest.of(
                                PostingType.SHIPMENT,
                                EastSalesOrders.WALT,
                                UUID.randomUUID().toString())
                        .movement(
                                new Movement(lot, storage, StockStatus.AVAILABLE, to, StockStatus.AVAILABLE, quantity))
                        .reference("SHIPMENT", number)
                        .build())
                .id();
    }

    PostingRequest transferIn(StockStatus arrival) {
        return PostingRequest.of(
                        PostingType.TRANSFER_IN,
                        new Actor("rita", Set.of("receiving")),
                        UUID.randomUUID().toString())
                .movement(new Movement(lotA, transit, StockStatus.AVAILABLE, central, arrival, 12))
                .build();
    }

    List<String> balances(long lot) {
        return jdbc.query(
                "select l.kind, l.id, b.status, b.quantity from stock_balance b join location l on l.id = b.location_id"
                        + " where b.lot_id = ? and b.quantity <> 0",
                (rs, i) -> where(rs.getString(1), rs.getLong(2)) + " " + rs.getString(3) + " "
                        + rs.getBigDecimal(4).stripTrailingZeros().toPlainString(),
                lot);
    }

    long postingsOf(long lot) {
        return jdbc.queryForObject(
                "select count(distinct posting_id) from posting_leg where lot_id = ?", Long.class, lot);
    }

    private String where(String kind, long location) {
        if (location == storage) {
            return "STORAGE";
        }
        if (location == staging) {
            return "STAGING";
        }
        if (location == central) {
            return "CENTRAL";
        }
        return switch (kind) {
            case "IN_TRANSIT" -> "TRANSIT";
            case "CUSTOMER" -> "CUSTOMER";
            case "ADJUSTMENT" -> "ADJ";
            default -> kind + "#" + location;
        };
    }

    private static Map<String, Object> item(String sku) {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("sku", sku);
        m.put("name", "Recall test item " + sku);
        m.put("baseUom", "EA");
        m.put("lotControlled", true);
        m.put("expiryRequired", true);
        m.put("allocationMethod", "FEFO");
        m.put("temperatureClass", "AMBIENT");
        m.put("itemFamily", "Gloves");
        m.put("riskClass", "I");
        m.put("standardUnitCost", 0.05);
        m.put("currency", "USD");
        m.put("shelfLifeDays", 730);
        m.put("conversions", List.of());
        m.put("gtins", List.of());
        return m;
    }

    private long warehouse(String code) {
        return jdbc.queryForObject("select id from warehouse where code = ?", Long.class, code);
    }

    private long lot(long itemId, String number) {
        long supplier = jdbc.queryForObject("select id from supplier where code = 'MEDIGLOVE'", Long.class);
        return jdbc.queryForObject("""
                insert into lot (item_id, supplier_id, lot_number, internal_label, expires_on, unit_cost, currency,
                                 manufacturer_batch_ref)
                values (?, ?, ?, ?, current_date + 400, 0.05, 'USD', ?) returning id""", Long.class, itemId, supplier, number, "LL-" + number, batch);
    }

    private void open(long lot, long warehouse, long location, StockStatus status, long quantity) {
        ledger.post(PostingRequest.of(
                        PostingType.OPENING_BALANCE,
                        EastSalesOrders.IVY,
                        UUID.randomUUID().toString())
                .movement(new Movement(
                        lot,
                        catalog.warehouseLocationId(warehouse, LocationKind.ADJUSTMENT),
                        StockStatus.AVAILABLE,
                        location,
                        status,
                        quantity))
                .reason("OPENING")
                .build());
    }
}
