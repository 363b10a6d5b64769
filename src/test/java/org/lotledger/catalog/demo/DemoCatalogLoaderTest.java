package org.lotledger.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.item.Gtin;
import org.lotledger.catalog.item.TemperatureClass;
import org.lotledger.catalog.location.LocationKind;
import org.lotledger.catalog.location.LocationView;
import org.lotledger.catalog.location.StockStatus;
import org.lotledger.catalog.location.ZoneView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class DemoCatalogLoaderTest {

    private static final List<String> TABLES = List.of(
            "warehouse",
            "zone",
            "location",
            "supplier",
            "customer",
            "item",
            "item_uom",
            "item_gtin",
            "reason_code",
            "lot",
            "lot_event",
            "catalog_audit");

    @Autowired
    DemoCatalogLoader loader;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CatalogQueries catalog;

    @Autowired
    org.lotledger.catalog.item.ItemService itemService;

    @Test
    void loading_the_demo_catalog_again_changes_nothing() {
        Map<String, Long> before = counts();
        assertThat(loader.load()).isZero();
        assertThat(loader.load()).isZero();
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void the_demo_catalog_follows_the_seed_scenario() {
        assertThat(jdbc.queryForList(
                        "select code || ' ' || time_zone from warehouse where code in ('EAST','CENTRAL','WEST') order by code",
                        String.class))
                .containsExactly("CENTRAL America/Chicago", "EAST America/New_York", "WEST America/Los_Angeles");
        assertThat(jdbc.queryForList(
                        "select approval_status from supplier where code in (?,?,?,?,?,?,?,?)",
                        String.class,
                        DemoCatalogLoader.SUP_NORDVAX,
                        DemoCatalogLoader.SUP_MEDIGLOVE,
                        DemoCatalogLoader.SUP_BIOSALINE,
                        DemoCatalogLoader.SUP_SURGIPLY,
                        DemoCatalogLoader.SUP_GLUCORA,
                        DemoCatalogLoader.SUP_WOUNDWELL,
                        DemoCatalogLoader.SUP_DIAGNOSTIX,
                        DemoCatalogLoader.SUP_CHEAPMED))
                .hasSize(8)
                .contains("APPROVED", "PROBATION", "BLOCKED");
        assertThat(jdbc.queryForList(
                        "select distinct customer_type from customer where code = ? or code = ? or code like '%CLINIC'",
                        String.class, DemoCatalogLoader.CUS_MERCY_HOSPITAL, DemoCatalogLoader.CUS_FIELD_EAST))
                .containsExactlyInAnyOrder("HOSPITAL", "CLINIC", "FIELD_SERVICE");

        LocationView chilled =
                catalog.findLocationByBarcode(DemoCatalogLoader.EAST_CHILLED_1).orElseThrow();
        ZoneView zone = catalog.findZone(chilled.zoneId()).orElseThrow();
        assertThat(zone.allowedTemperatureClasses()).containsExactly(TemperatureClass.CHILLED);
        assertThat(zone.allowedStatuses()).containsExactlyInAnyOrder(StockStatus.AVAILABLE, StockStatus.HOLD);
        assertThat(catalog.findLocationByBarcode(DemoCatalogLoader.EAST_DOCK)).isPresent();
        assertThat(catalog.findLocationByCode("TRANSIT-EAST-WEST").orElseThrow().kind())
                .isEqualTo(LocationKind.IN_TRANSIT);
        long east = chilled.warehouseId();
        assertThat(catalog.warehouseLocationId(east, LocationKind.SCRAP))
                .isEqualTo(
                        catalog.findLocationByCode("EAST-SCRAP").orElseThrow().id());

        long insulin =
                jdbc.queryForObject("select id from item where sku = ?", Long.class, DemoCatalogLoader.SKU_INSULIN_PEN);
        assertThat(catalog.toBaseUnits(insulin, BigDecimal.ONE, "CASE")).isEqualTo(100);
        jdbc.queryForList("select gtin from item_gtin", String.class)
                .forEach(g -> assertThat(new Gtin(g).value()).isEqualTo(g));
        assertThat(jdbc.queryForList(
                        "select distinct allocation_method from item where sku like 'GLV-%' or sku = ?",
                        String.class, DemoCatalogLoader.SKU_FLU_VACCINE))
                .containsExactlyInAnyOrder("FIFO", "FEFO");

        assertThat(jdbc.queryForObject(
                        "select count(*) from lot where lot_number = ?",
                        Integer.class,
                        DemoCatalogLoader.LOT_SHARED_NUMBER))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "select count(*) from lot where upper(manufacturer_batch_ref) = ?",
                        Integer.class,
                        DemoCatalogLoader.RECALL_BATCH_REF))
                .isGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForList(
                        "select distinct actor from catalog_audit where entity_type = 'WAREHOUSE' and entity_id = ?",
                        String.class,
                        String.valueOf(east)))
                .containsExactly("system");
        assertThat(jdbc.queryForObject(
                        "select count(*) from reason_code where code = 'DATA_ENTRY_ERROR' and 'REVERSAL' = any(posting_types)",
                        Integer.class))
                .isEqualTo(1);
    }

    @Test
    void the_demo_catalog_has_the_reasons_that_resolve_a_transfer_discrepancy() {
        assertThat(jdbc.queryForList("""
                        select code || ' ' || array_to_string(array(select unnest(posting_types) order by 1), ',')
                               || ' ' || requires_approval
                          from reason_code
                         where code in ('TRANSIT_LOSS', 'FOUND', 'TRANSFER_NOT_SHIPPED', 'WRONG_LOT_SHIPPED',
                                        'OVER_SHIPPED', 'DAMAGED_IN_TRANSIT', 'TRANSIT_TEMP_EXCURSION') and active
                         order by code""", String.class))
                .containsExactly(
                        "DAMAGED_IN_TRANSIT SCRAP,TRANSFER_IN false",
                        "FOUND ADJUSTMENT true",
                        "OVER_SHIPPED TRANSFER_OUT false",
                        "TRANSFER_NOT_SHIPPED REVERSAL false",
                        "TRANSIT_LOSS ADJUSTMENT true",
                        "TRANSIT_TEMP_EXCURSION SCRAP,TRANSFER_IN false",
                        "WRONG_LOT_SHIPPED REVERSAL,TRANSFER_OUT false");
    }

    @Test
    void glucose_strips_ask_for_whole_cases_from_storage_and_a_database_from_before_the_flag_gets_it_once() {
        long strips = jdbc.queryForObject(
                "select id from item where sku = ?", Long.class, DemoCatalogLoader.SKU_GLUCOSE_STRIPS);
        assertThat(itemService.get(strips).wholeCasesFromStorage()).isTrue();
        assertThat(jdbc.queryForObject(
                        "select count(*) from item where whole_cases_from_storage and sku like any (?::varchar[])",
                        Integer.class,
                        "{VAC-%,INS-%,SAL-%,SYR-%,GLV-%,DRS-%,TST-%,MSK-%}"))
                .as("one demo item has the flag")
                .isEqualTo(1);
        long version = itemService.get(strips).version();
        try {
            // as a database migrated to V94 finds it: the column's default, no audit of it
            jdbc.update("update item set whole_cases_from_storage = false where id = ?", strips);
            assertThat(loader.load()).isEqualTo(1);
            var upgraded = itemService.get(strips);
            assertThat(upgraded.wholeCasesFromStorage()).isTrue();
            assertThat(upgraded.version()).isEqualTo(version + 1);
            var last = jdbc.queryForMap(
                    "select actor, changes::text as changes from catalog_audit where entity_type = 'ITEM' and entity_id = ? order by id desc limit 1",
                    String.valueOf(strips));
            assertThat(last.get("actor")).isEqualTo("system");
            assertThat((String) last.get("changes")).contains("wholeCasesFromStorage");
            assertThat(loader.load()).isZero();
        } finally {
            jdbc.update("update item set whole_cases_from_storage = true where id = ?", strips);
        }
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        TABLES.forEach(t -> counts.put(t, jdbc.queryForObject("select count(*) from " + t, Long.class)));
        return counts;
    }
}
