package org.lotledger.fulfillment.picking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.lotledger.common.Actor;
import org.lotledger.fulfillment.SalesOrderDraft;
import org.lotledger.fulfillment.SalesOrderView;
import org.lotledger.fulfillment.SalesOrdering;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.Movement;
import org.lotledger.ledger.PostingRequest;
import org.lotledger.ledger.PostingType;
import org.lotledger.ledger.Reservation;
import org.lotledger.ledger.Reservations;
import org.lotledger.ledger.StockStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stock of a fresh item in the demo warehouse EAST (where walt works): a storage zone of the test's own with three
 * locations, a shipping location in EAST's shipping zone, two suppliers, GTINs for EA and BOX (10 EA); sales orders
 * placed through {@link SalesOrdering} and reserved directly with {@link Reservations#reserveAll} (the allocation
 * service is another helper's), the line's allocated quantity set as the allocation would.
 */
public final class PickingFixtures {

    static final AtomicInteger SEQ = new AtomicInteger();
    static final Actor IVY = new Actor("ivy", Set.of("inventory-control"));
    static final Actor OTTO = new Actor("otto", Set.of("operations"));
    static final Actor WALT = new Actor("walt", Set.of("warehouse", "warehouse@EAST"));

    public final JdbcTemplate jdbc;
    public final String tag;
    public final long east;
    public final long zone;
    public final long itemId;
    public final String sku;
    public final String gtinEa;
    public final String gtinBox;
    public final long supplierA;
    public final long supplierB;
    public final long adjustment;
    public final long ship;
    public final String shipBarcode;

    public PickingFixtures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        tag = "PK" + SEQ.incrementAndGet()
                + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        east = id("select id from warehouse where code = 'EAST'");
        zone = id("""
                insert into zone (warehouse_id, code, name, zone_type, allowed_statuses, allowed_temperature_classes)
                values (?, ?, ?, 'STORAGE', '{AVAILABLE,HOLD}', '{AMBIENT,CHILLED,FROZEN}') returning id""", east, tag, "Picking test " + tag);
        for (String s : List.of("S1", "S2", "S3")) {
            id("""
                    insert into location (kind, code, barcode, name, warehouse_id, zone_id)
                    values ('PHYSICAL', ?, ?, ?, ?, ?) returning id""", tag + "-" + s, tag + "-" + s, s, east, zone);
        }
        long shipZone =
                id("select id from zone where warehouse_id = ? and zone_type = 'SHIPPING' order by id limit 1", east);
        shipBarcode = tag + "-SHIP";
        ship = id("""
                insert into location (kind, code, barcode, name, warehouse_id, zone_id)
                values ('PHYSICAL', ?, ?, 'staging', ?, ?) returning id""", shipBarcode, shipBarcode, east, shipZone);
        adjustment =
                id("select id from location where warehouse_id = ? and kind = 'ADJUSTMENT' order by id limit 1", east);
        supplierA = supplier("A");
        supplierB = supplier("B");
        sku = "SKU-" + tag;
        itemId = id("""
                insert into item (sku, name, base_uom, lot_controlled, expiry_required, allocation_method,
                                  temperature_class, item_family, risk_class, standard_unit_cost, currency)
                values (?, ?, 'EA', true, true, 'FEFO', 'AMBIENT', 'TEST', 'LOW', 2.5, 'USD') returning id""", sku, "Picking test item " + tag);
        jdbc.update(
                "insert into item_uom (item_id, uom, base_units_per_uom) values (?, 'EA', 1), (?, 'BOX', 10)",
                itemId,
                itemId);
        gtinEa = gtin();
        gtinBox = gtin();
        jdbc.update(
                "insert into item_gtin (gtin, item_id, uom) values (?, ?, 'EA'), (?, ?, 'BOX')",
                gtinEa,
                itemId,
                gtinBox,
                itemId);
        jdbc.update("""
                insert into reason_code (code, description, posting_types) values
                  ('OPENING', 'Opening balance at go-live', '{OPENING_BALANCE}')
                on conflict (code) do nothing""");
    }

    public long location(String code) {
        return id("select id from location where code = ?", tag + "-" + code);
    }

    public String barcode(String code) {
        return tag + "-" + code;
    }

    private long supplier(String suffix) {
        return id(
                "insert into supplier (code, name, approval_status) values (?, ?, 'APPROVED') returning id",
                tag + suffix,
                "Supplier " + tag + suffix);
    }

    /** A GTIN-14 no other test uses, with its check digit. */
    static String gtin() {
        String body =
                "9" + String.format("%012d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L));
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            int d = body.charAt(12 - i) - '0';
            sum += (i % 2 == 0) ? d * 3 : d;
        }
        return body + (10 - sum % 10) % 10;
    }

    public long lot(long supplierId, String lotNumber, LocalDate expiresOn) {
        return id("""
                insert into lot (item_id, supplier_id, lot_number, internal_label, expires_on, unit_cost, currency)
                values (?, ?, ?, ?, ?, 2.5, 'USD') returning id""", itemId, supplierId, lotNumber, "LL-" + tag + "-" + SEQ.incrementAndGet(), expiresOn);
    }

    /** A lot of supplier A numbered {@code prefix + tag}, expiring in {@code days}, {@code qty} on hand at a shelf. */
    public long stockedLot(Ledger ledger, String prefix, int days, String location, long qty) {
        long lotId = lot(supplierA, prefix + tag, LocalDate.now().plusDays(days));
        stock(ledger, lotId, location, qty);
        return lotId;
    }

    public String label(long lotId) {
        return jdbc.queryForObject("select internal_label from lot where id = ?", String.class, lotId);
    }

    public void stock(Ledger ledger, long lotId, String location, long qty) {
        ledger.post(PostingRequest.of(
                        PostingType.OPENING_BALANCE, IVY, UUID.randomUUID().toString())
                .movement(new Movement(
                        lotId, adjustment, StockStatus.AVAILABLE, location(location), StockStatus.AVAILABLE, qty))
                .reason("OPENING")
                .build());
    }

    /** An order of the item with one line per quantity (EA). */
    public SalesOrderView order(SalesOrdering ordering, long... quantities) {
        List<SalesOrderDraft.Line> lines = new ArrayList<>();
        for (long q : quantities) {
            lines.add(new SalesOrderDraft.Line(
                    sku, null, BigDecimal.valueOf(q), "EA", new BigDecimal("2.50"), "USD", null, null));
        }
        return ordering.place(
                new SalesOrderDraft(
                        "ERP",
                        "SO-" + tag + "-" + SEQ.incrementAndGet(),
                        "MERCY-HOSP",
                        "EAST",
                        LocalDate.now().plusDays(2),
                        null,
                        lines),
                "erp");
    }

    /** Reserves as the allocation would: the reservation and the line's allocated quantity. */
    public Reservation reserve(
            Reservations reservations, long orderId, long lineId, long lotId, String location, long qty) {
        Reservation r = reservations
                .reserveAll(
                        List.of(new Reservations.ReserveRequest(
                                new Reservation.Demand("SALES_ORDER", String.valueOf(orderId), String.valueOf(lineId)),
                                lotId,
                                location(location),
                                qty,
                                "test")),
                        OTTO,
                        UUID.randomUUID().toString())
                .get(0);
        jdbc.update(
                "update sales_order_line set allocated_base_quantity = allocated_base_quantity + ? where id = ?",
                qty,
                lineId);
        return r;
    }

    public long balance(long lotId, long locationId) {
        List<BigDecimal> q = jdbc.queryForList(
                "select quantity from stock_balance where lot_id = ? and location_id = ? and status = 'AVAILABLE'",
                BigDecimal.class,
                lotId,
                locationId);
        return q.isEmpty() ? 0 : q.get(0).longValueExact();
    }

    public long postings() {
        return jdbc.queryForObject("select count(*) from posting", Long.class);
    }

    /** A lot of 10 EA at S1 reserved for the single line of a fresh order: what a pick task is made over. */
    public record Reserved(long orderId, long lineId, long lotId, Reservation reservation) {}

    public Reserved reservedOrder(Ledger ledger, Reservations reservations, SalesOrdering ordering) {
        long lot = lot(supplierA, "C" + SEQ.incrementAndGet(), LocalDate.now().plusDays(400));
        stock(ledger, lot, "S1", 10);
        SalesOrderView o = order(ordering, 10);
        long line = o.lines().get(0).id();
        return new Reserved(o.id(), line, lot, reserve(reservations, o.id(), line, lot, "S1", 10));
    }

    /** The GS1 element string of a lot's label: GTIN (EA level), AI 10 and AI 17. */
    public String gs1(long lotId) {
        var row = jdbc.queryForMap("select lot_number, expires_on from lot where id = ?", lotId);
        return "(01)" + gtinEa + "(17)"
                + ((java.sql.Date) row.get("expires_on"))
                        .toLocalDate()
                        .format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd"))
                + "(10)" + row.get("lot_number");
    }

    private long id(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
