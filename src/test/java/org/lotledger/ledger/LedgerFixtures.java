package org.lotledger.ledger;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.lotledger.common.Actor;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small warehouse of its own per test, written straight into the catalog tables so that ledger tests depend
 * only on the schema: zones STORE (AVAILABLE, HOLD; ambient and chilled), QUAR (QUARANTINE, HOLD), PICK (AVAILABLE,
 * ambient), FRZ (AVAILABLE, frozen only); virtual adjustment and scrap locations; one supplier; one item (EA, BOX=10,
 * CASE=12 BOX) and lots of it costing 2.5000 USD per EA.
 */
public final class LedgerFixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();

    public static final Actor INVENTORY = new Actor("ivy", Set.of("inventory-control"));
    public static final Actor WAREHOUSE = new Actor("walt", Set.of("warehouse"));
    public static final Actor QUALITY = new Actor("quinn", Set.of("quality"));
    public static final Actor FINANCE = new Actor("fiona", Set.of("finance"));

    private final JdbcTemplate jdbc;
    public final String tag;
    public final long warehouseId;
    public final long itemId;
    public final long supplierId;
    private final Map<String, Long> locations = new HashMap<>();
    private final Map<Long, String> codes = new HashMap<>();

    public LedgerFixtures(JdbcTemplate jdbc) {
        this(jdbc, "CHILLED");
    }

    public LedgerFixtures(JdbcTemplate jdbc, String temperatureClass) {
        this.jdbc = jdbc;
        this.tag = "T" + SEQ.incrementAndGet()
                + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        warehouseId = id(
                "insert into warehouse (code, name, time_zone) values (?, ?, 'America/Chicago') returning id",
                tag,
                "Test warehouse " + tag);
        long store = zone("STORE", "STORAGE", "{AVAILABLE,HOLD}", "{AMBIENT,CHILLED}");
        long quar = zone("QUAR", "QUARANTINE", "{QUARANTINE,HOLD}", "{AMBIENT,CHILLED,FROZEN}");
        long pick = zone("PICK", "PICK_FACE", "{AVAILABLE}", "{AMBIENT}");
        long frz = zone("FRZ", "STORAGE", "{AVAILABLE,HOLD}", "{FROZEN}");
        physical("A1", store);
        physical("A2", store);
        physical("A3", store);
        physical("Q1", quar);
        physical("P1", pick);
        physical("F1", frz);
        virtual("ADJ", "ADJUSTMENT");
        virtual("SCRAP", "SCRAP");
        supplierId = id(
                "insert into supplier (code, name, approval_status) values (?, ?, 'APPROVED') returning id",
                tag,
                "Supplier " + tag);
        long sup = id(
                "insert into location (kind, code, name, supplier_id) values ('SUPPLIER', ?, ?, ?) returning id",
                "SUP-" + tag,
                "Supplier " + tag,
                supplierId);
        remember("SUP", sup);
        itemId = id("""
                insert into item (sku, name, base_uom, lot_controlled, expiry_required, allocation_method,
                                  temperature_class, item_family, risk_class, standard_unit_cost, currency)
                values (?, ?, 'EA', true, true, 'FEFO', ?, 'TEST', 'LOW', 2.5, 'USD') returning id""", "SKU-" + tag, "Test item " + tag, temperatureClass);
        jdbc.update(
                "insert into item_uom (item_id, uom, base_units_per_uom) values (?, 'EA', 1), (?, 'BOX', 10), (?, 'CASE', 120)",
                itemId,
                itemId,
                itemId);
        jdbc.update("""
                insert into reason_code (code, description, posting_types) values
                  ('COUNT_VARIANCE', 'Count variance', '{ADJUSTMENT,OPENING_BALANCE}'),
                  ('OPENING', 'Opening balance at go-live', '{OPENING_BALANCE}'),
                  ('DATA_ENTRY_ERROR', 'Data entry error', '{REVERSAL}')
                on conflict (code) do nothing""");
    }

    private long zone(String code, String type, String statuses, String temps) {
        return id("""
                insert into zone (warehouse_id, code, name, zone_type, allowed_statuses, allowed_temperature_classes)
                values (?, ?, ?, ?, ?::varchar[], ?::varchar[]) returning id""", warehouseId, code, code, type, statuses, temps);
    }

    private void physical(String code, long zone) {
        remember(code, id("""
                insert into location (kind, code, barcode, name, warehouse_id, zone_id)
                values ('PHYSICAL', ?, ?, ?, ?, ?) returning id""", tag + "-" + code, tag + "-" + code, code, warehouseId, zone));
    }

    private void virtual(String code, String kind) {
        remember(
                code,
                id(
                        "insert into location (kind, code, name, warehouse_id) values (?, ?, ?, ?) returning id",
                        kind,
                        tag + "-" + code,
                        code,
                        warehouseId));
    }

    private void remember(String code, long id) {
        locations.put(code, id);
        codes.put(id, code);
    }

    /** A physical location of another warehouse, for cross-warehouse checks. */
    public long location(String code) {
        return locations.get(code);
    }

    public String barcode(String code) {
        return tag + "-" + code;
    }

    public String codeOf(long locationId) {
        return codes.getOrDefault(locationId, "#" + locationId);
    }

    public long newLot() {
        String n = "LOT-" + SEQ.incrementAndGet();
        return id("""
                insert into lot (item_id, supplier_id, lot_number, internal_label, expires_on, unit_cost, currency)
                values (?, ?, ?, ?, current_date + 365, 2.5, 'USD') returning id""", itemId, supplierId, n, "LL-" + tag + "-" + n);
    }

    /**
     * Sets a lot's expiry {@code days} from today as the fixture's warehouse counts days (its own time zone, as the
     * expiry job and allocation do), not the database session's: between midnight UTC and midnight in Chicago the two
     * dates differ by one.
     */
    public void expiresIn(long lotId, int days) {
        jdbc.update("""
                update lot set expires_on = (now() at time zone (select time_zone from warehouse where id = ?))::date + ?
                where id = ?""", warehouseId, days, lotId);
    }

    public String labelOf(long lotId) {
        return jdbc.queryForObject("select internal_label from lot where id = ?", String.class, lotId);
    }

    /** Puts stock on a shelf the way go-live does: an opening balance from the adjustment location. */
    public Posting stock(Ledger ledger, long lotId, String location, StockStatus status, long qty) {
        return ledger.post(PostingRequest.of(
                        PostingType.OPENING_BALANCE,
                        INVENTORY,
                        UUID.randomUUID().toString())
                .movement(new Movement(lotId, location("ADJ"), status, location(location), status, qty))
                .reason("OPENING")
                .build());
    }

    public String key() {
        return UUID.randomUUID().toString();
    }

    /** Kept balances of a lot as rows (location code, status, quantity), zero rows left out. */
    public List<String> balancesOf(long lotId) {
        return jdbc.query(
                "select location_id, status, quantity from stock_balance where lot_id = ? and quantity <> 0 order by location_id, status",
                (rs, i) -> codeOf(rs.getLong(1)) + " " + rs.getString(2) + " "
                        + rs.getBigDecimal(3).stripTrailingZeros().toPlainString(),
                lotId);
    }

    public static String leg(Posting.Leg l, LedgerFixtures f) {
        return f.codeOf(l.locationId()) + " " + l.status() + " "
                + l.quantity().stripTrailingZeros().toPlainString() + " @"
                + l.unitCost().stripTrailingZeros().toPlainString() + " = "
                + l.extendedValue().stripTrailingZeros().toPlainString();
    }

    public List<String> legsOf(Posting p) {
        return p.legs().stream().map(l -> leg(l, this)).toList();
    }

    public static BigDecimal bd(String v) {
        return new BigDecimal(v);
    }

    private long id(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
