package org.lotledger.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.catalog.demo.DemoCatalogLoader;
import org.lotledger.fulfillment.allocation.AllocationResult;
import org.lotledger.fulfillment.allocation.Allocator;
import org.lotledger.fulfillment.allocation.BackorderReason;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 9 §10: the demo's open ERP orders exercise the allocation rules on the demo stock. The rules are asked on the
 * facts the service would read, and nothing is written (the demo orders stay open for the people trying the demo,
 * and other tests share the database): a split, whole cases from storage with the rest from the pick face, and the
 * expired, short-dated and held lots passed over with their rule and reason.
 */
@IntegrationTest
class DemoAllocationDataTest {

    @Autowired
    AllocationFactsReader facts;

    @Autowired
    Allocator allocator;

    @Autowired
    SalesOrders orders;

    @Autowired
    SalesOrderLines lines;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.lotledger.quality.DemoHoldLoader holdLoader;

    @Autowired
    DemoSalesOrderLoader orderLoader;

    /** What the rules decide for one demo order, as text: "line sku lot@location quantity [rule ids]". */
    record Decided(List<String> allocations, List<String> exclusions, List<String> backorders) {}

    private Decided decide(String orderNumber) {
        SalesOrder order = orders.findBySourceAndOrderNumber(DemoSalesOrderLoader.SOURCE, orderNumber)
                .orElseThrow();
        List<SalesOrderLine> open = lines.findBySalesOrderIdOrderByLineNumberAsc(order.getId());
        AllocationResult r = allocator.allocate(facts.read(facts.demandOf(order, open)));
        return new Decided(
                r.allocations().stream()
                        .map(a ->
                                line(open, a.lineId()) + " " + lot(a.candidate().lotId()) + "@"
                                        + barcode(a.candidate().locationId()) + " " + a.quantity() + " " + a.ruleIds())
                        .toList(),
                r.exclusions().stream()
                        .filter(e -> e.candidate().warehouseId() == order.getWarehouseId())
                        .map(e -> lot(e.candidate().lotId()) + "@"
                                + barcode(e.candidate().locationId()) + " " + e.ruleId() + " " + e.reason())
                        .distinct()
                        .collect(Collectors.toList()),
                r.backorders().stream()
                        .map(b -> line(open, b.lineId()) + " " + b.quantity() + " " + b.reason())
                        .toList());
    }

    @Test
    void mercy_generals_saline_skips_the_expired_and_the_short_dated_lot() {
        Decided d = decide("SO-DEMO-1001");
        assertThat(d.allocations())
                .contains("2 " + DemoCatalogLoader.SKU_SALINE + " B2026-001@EAST-AMB-01-01 48 [ALLOC-050]");
        assertThat(d.exclusions())
                .contains(
                        DemoCatalogLoader.LOT_SALINE_EXPIRED + "@EAST-AMB-02-01 ALLOC-020 EXPIRED",
                        DemoCatalogLoader.LOT_SALINE_SHORT_DATED + "@EAST-PICK-01-02 ALLOC-030 SHELF_LIFE_TOO_SHORT");
        assertThat(d.backorders()).isEmpty();
    }

    @Test
    void in_central_mercy_generals_saline_also_skips_the_expired_and_the_short_dated_lot() {
        Decided d = decide("SO-DEMO-1003");
        assertThat(d.allocations())
                .containsExactly("1 " + DemoCatalogLoader.SKU_SALINE + " B2026-001@CENTRAL-AMB-01-01 150 [ALLOC-050]");
        assertThat(d.exclusions())
                .contains(
                        DemoCatalogLoader.LOT_SALINE_EXPIRED + "@CENTRAL-AMB-01-02 ALLOC-020 EXPIRED",
                        DemoCatalogLoader.LOT_SALINE_SHORT_DATED
                                + "@CENTRAL-PICK-01-01 ALLOC-030 SHELF_LIFE_TOO_SHORT");
    }

    @Test
    void the_held_insulin_lot_is_never_allocated() {
        // a restart runs the loaders again: nothing new
        holdLoader.load();
        orderLoader.load();
        assertThat(jdbc.queryForObject(
                        "select count(*) from sales_order where source = 'ERP' and order_number like 'SO-DEMO-%'",
                        Integer.class))
                .isEqualTo(5);
        Decided d = decide("SO-DEMO-1002");
        assertThat(d.allocations())
                .filteredOn(a -> a.startsWith("1 "))
                .containsExactly("1 " + DemoCatalogLoader.SKU_INSULIN_PEN + " AB1234@EAST-CHL-01-02 40 [ALLOC-050]");
        assertThat(d.exclusions())
                .contains(DemoCatalogLoader.LOT_INSULIN_HELD + "@EAST-CHL-01-01 ALLOC-040 HELD_OR_QUARANTINED");
        assertThat(jdbc.queryForObject("""
                        select count(*) from quality_hold h join lot l on l.id = h.lot_id
                         where l.lot_number = ? and h.state = 'OPEN' and h.placed_by = 'quinn'""", Integer.class, DemoCatalogLoader.LOT_INSULIN_HELD))
                .as("quinn's demo hold, placed once however often the loader runs")
                .isEqualTo(1);
    }

    @Test
    void glucose_strips_come_in_whole_cases_from_storage_and_the_rest_from_the_pick_face_and_saline_splits() {
        Decided d = decide("SO-DEMO-1004");
        String strips = DemoCatalogLoader.SKU_GLUCOSE_STRIPS;
        String saline = DemoCatalogLoader.SKU_SALINE;
        assertThat(d.allocations())
                .containsExactly(
                        "1 " + strips + " GS2605@EAST-AMB-02-01 96 [ALLOC-050, ALLOC-080]",
                        "1 " + strips + " GS2601@EAST-PICK-01-01 20 [ALLOC-050, ALLOC-080]",
                        "2 " + saline + " B2026-014@EAST-PICK-01-02 60 [ALLOC-050, ALLOC-060]",
                        "2 " + saline + " B2026-001@EAST-AMB-01-01 40 [ALLOC-050, ALLOC-060]");
        assertThat(d.exclusions()).contains(DemoCatalogLoader.LOT_SALINE_EXPIRED + "@EAST-AMB-02-01 ALLOC-020 EXPIRED");
        assertThat(d.backorders()).isEmpty();
    }

    @Test
    void in_the_west_saline_splits_past_the_expired_lot_and_held_insulin_is_backordered() {
        Decided d = decide("SO-DEMO-1005");
        String saline = DemoCatalogLoader.SKU_SALINE;
        assertThat(d.allocations())
                .containsExactly(
                        "1 " + saline + " B2026-014@WEST-AMB-01-01 96 [ALLOC-050, ALLOC-060]",
                        "1 " + saline + " B2026-001@WEST-PICK-01-01 24 [ALLOC-050, ALLOC-060]");
        assertThat(d.exclusions())
                .contains(
                        DemoCatalogLoader.LOT_SALINE_EXPIRED + "@WEST-PICK-01-02 ALLOC-020 EXPIRED",
                        DemoCatalogLoader.LOT_INSULIN_HELD + "@WEST-CHL-01-02 ALLOC-040 HELD_OR_QUARANTINED");
        assertThat(d.backorders())
                .containsExactly(
                        "2 " + DemoCatalogLoader.SKU_INSULIN_PEN + " 20 " + BackorderReason.HELD_OR_QUARANTINED);
    }

    private String line(List<SalesOrderLine> open, long lineId) {
        SalesOrderLine l =
                open.stream().filter(x -> x.getId() == lineId).findFirst().orElseThrow();
        return l.getLineNumber() + " "
                + jdbc.queryForObject("select sku from item where id = ?", String.class, l.getItemId());
    }

    private String lot(long lotId) {
        return jdbc.queryForObject("select lot_number from lot where id = ?", String.class, lotId);
    }

    private String barcode(long locationId) {
        return jdbc.queryForObject("select barcode from location where id = ?", String.class, locationId);
    }
}
