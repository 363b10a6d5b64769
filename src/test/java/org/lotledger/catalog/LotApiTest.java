package org.lotledger.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotledger.catalog.CatalogApiTest.unique;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.catalog.location.LocationKind;
import org.lotledger.common.Actor;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.Movement;
import org.lotledger.ledger.PostingRequest;
import org.lotledger.ledger.PostingType;
import org.lotledger.ledger.StockStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class LotApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    CatalogQueries catalog;

    CatalogHttp api;

    @BeforeEach
    void client() {
        api = new CatalogHttp(port, json);
    }

    long supplier() {
        var s = api.post(
                "/api/suppliers", Map.of("code", unique("S"), "name", "Supplier", "approvalStatus", "APPROVED"));
        assertThat(s.status()).as(s.toString()).isEqualTo(201);
        return s.id();
    }

    long item() {
        var i = api.post("/api/items", CatalogApiTest.item(unique("SKU"), List.of()));
        assertThat(i.status()).as(i.toString()).isEqualTo(201);
        return i.id();
    }

    static Map<String, Object> lot(long item, long supplier, String lotNumber, String batchRef) {
        Map<String, Object> m = new HashMap<>();
        m.put("itemId", item);
        m.put("supplierId", supplier);
        m.put("lotNumber", lotNumber);
        m.put("manufacturerBatchRef", batchRef);
        m.put("manufacturedOn", "2026-01-10");
        m.put("expiresOn", "2027-06-30");
        return m;
    }

    @Test
    void the_same_lot_number_from_two_suppliers_is_two_lots_and_the_same_identity_twice_is_refused() {
        long item = item();
        long s1 = supplier();
        long s2 = supplier();
        var a = api.post("/api/lots", lot(item, s1, "L-100", null));
        var b = api.post("/api/lots", lot(item, s2, "L-100", null));
        assertThat(a.status()).as(a.toString()).isEqualTo(201);
        assertThat(b.status()).as(b.toString()).isEqualTo(201);
        assertThat(a.id()).isNotEqualTo(b.id());
        assertThat(a.etag()).isEqualTo("\"0\"");
        assertThat(a.location()).endsWith("/api/lots/" + a.id());
        assertThat(a.body().get("internalLabel").asText())
                .matches("LL\\d{8}")
                .isNotEqualTo(b.body().get("internalLabel").asText());
        assertThat(a.body().get("unitCost").decimalValue())
                .as("defaults to the item's standard cost")
                .isEqualByComparingTo("12.5");
        assertThat(a.body().get("currency").asText()).isEqualTo("USD");

        var again = api.post("/api/lots", lot(item, s1, "L-100", null));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("LOT_ALREADY_EXISTS");

        assertThat(api.get("/api/lots?item=" + item + "&lotNumber=l-100").body())
                .hasSize(2);
        assertThat(api.get("/api/lots?label=" + a.body().get("internalLabel").asText())
                        .body()
                        .get(0)
                        .get("id")
                        .asLong())
                .isEqualTo(a.id());
        assertThat(catalog.findLotByIdOrLabel(
                        a.body().get("internalLabel").asText().toLowerCase()))
                .get()
                .extracting(l -> l.id())
                .isEqualTo(a.id());
        assertThat(catalog.findLotByIdOrLabel(String.valueOf(b.id())))
                .get()
                .extracting(l -> l.supplierId())
                .isEqualTo(s2);
    }

    @Test
    void a_manufacturer_batch_reference_is_found_across_suppliers_without_regard_to_case() {
        String batch = unique("RCL-");
        long item1 = item();
        long item2 = item();
        long s1 = supplier();
        long s2 = supplier();
        api.post("/api/lots", lot(item1, s1, "A1", batch));
        api.post("/api/lots", lot(item2, s2, "B7", batch.toLowerCase()));
        api.post("/api/lots", lot(item2, s2, "B8", "OTHER"));

        JsonNode found = api.get("/api/lots?batchRef=" + batch.toLowerCase()).body();
        assertThat(found).hasSize(2);
        assertThat(found.findValuesAsText("supplierId"))
                .containsExactlyInAnyOrder(String.valueOf(s1), String.valueOf(s2));
    }

    @Test
    void lot_rules_of_the_item_are_enforced_at_creation() {
        long item = item();
        long s = supplier();
        var noNumber = api.post("/api/lots", lot(item, s, null, null));
        assertThat(noNumber.code()).isEqualTo("LOT_NUMBER_REQUIRED");
        Map<String, Object> noExpiry = lot(item, s, "X1", null);
        noExpiry.remove("expiresOn");
        assertThat(api.post("/api/lots", noExpiry).code()).isEqualTo("EXPIRY_REQUIRED");
        Map<String, Object> backwards = lot(item, s, "X2", null);
        backwards.put("manufacturedOn", "2028-01-01");
        var refused = api.post("/api/lots", backwards);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("INVALID_LOT_DATES");
    }

    @Test
    void a_lot_attribute_change_needs_if_match_and_a_reason_and_is_recorded_as_an_event() {
        var lot = api.post("/api/lots", lot(item(), supplier(), "EXP-1", "BR-1"));
        String path = "/api/lots/" + lot.id();

        assertThat(api.patch(path, Map.of("reason", "Stability data", "expiresOn", "2027-12-31"), null)
                        .status())
                .isEqualTo(428);
        assertThat(api.patch(path, Map.of("expiresOn", "2027-12-31"), lot.etag())
                        .status())
                .isEqualTo(400);
        var cost = api.patch(path, Map.of("reason", "cheaper", "unitCost", 1), lot.etag());
        assertThat(cost.status()).isEqualTo(422);
        assertThat(cost.code()).isEqualTo("LOT_ATTRIBUTE_NOT_CHANGEABLE");

        var changed = api.as("admin")
                .patch(
                        path,
                        Map.of(
                                "reason",
                                "Expiry extended after stability data",
                                "expiresOn",
                                "2027-12-31",
                                "lotNumber",
                                "EXP-1A"),
                        lot.etag());
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.etag()).isEqualTo("\"1\"");
        assertThat(changed.body().get("expiresOn").asText()).isEqualTo("2027-12-31");

        assertThat(api.patch(path, Map.of("reason", "again", "expiresOn", "2028-01-31"), lot.etag())
                        .code())
                .isEqualTo("VERSION_CONFLICT");

        JsonNode events = api.get(path + "/events").body();
        assertThat(events).hasSize(2);
        assertThat(events.get(0).get("eventType").asText()).isEqualTo("CREATED");
        assertThat(events.get(0).at("/changes/lotNumber/to").asText()).isEqualTo("EXP-1");
        JsonNode change = events.get(1);
        assertThat(change.get("eventType").asText()).isEqualTo("ATTRIBUTE_CHANGED");
        assertThat(change.get("reason").asText()).isEqualTo("Expiry extended after stability data");
        assertThat(change.get("actor").asText()).isEqualTo("admin");
        assertThat(change.at("/changes/expiresOn/from").asText()).isEqualTo("2027-06-30");
        assertThat(change.at("/changes/expiresOn/to").asText()).isEqualTo("2027-12-31");
        assertThat(change.at("/changes/lotNumber/from").asText()).isEqualTo("EXP-1");
        assertThat(change.at("/changes/lotNumber/to").asText()).isEqualTo("EXP-1A");
        assertThat(change.get("changes").has("manufacturedOn")).isFalse();
    }

    @Test
    void lineage_shows_parents_and_children() {
        long item = item();
        long s = supplier();
        long parent = api.post("/api/lots", lot(item, s, "P-1", null)).id();
        long child = api.post("/api/lots", lot(item, s, "P-1-A", null)).id();
        jdbc.update(
                "insert into lot_lineage (child_lot_id, parent_lot_id, relation) values (?, ?, 'SPLIT')",
                child,
                parent);

        JsonNode ofChild = api.get("/api/lots/" + child + "/lineage").body();
        assertThat(ofChild.at("/parents/0/lotId").asLong()).isEqualTo(parent);
        assertThat(ofChild.at("/parents/0/relation").asText()).isEqualTo("SPLIT");
        assertThat(ofChild.get("children")).isEmpty();
        assertThat(api.get("/api/lots/" + parent + "/lineage")
                        .body()
                        .at("/children/0/lotId")
                        .asLong())
                .isEqualTo(child);
    }

    /**
     * The freeze rule reads the ledger's tables. Without the ledger service, one balanced opening posting is written
     * the way V2 demands (two legs conserving quantity and value, lot_seq per lot, balances kept beside it), so the
     * ledger's self-audit still agrees.
     */
    @Test
    void stock_fields_of_an_item_freeze_once_a_posting_exists_but_new_units_and_gtins_stay_allowed() {
        String sku = unique("SKU");
        var item = api.post("/api/items", CatalogApiTest.item(sku, List.of()));
        long itemId = item.id();
        long lotId = api.post("/api/lots", lot(itemId, supplier(), "F-1", null)).id();
        String wh = unique("WF");
        long warehouse = api.post("/api/warehouses", Map.of("code", wh, "name", "F", "timeZone", "UTC"))
                .id();
        long zone = api.post(
                        "/api/zones",
                        Map.of(
                                "warehouseId",
                                warehouse,
                                "code",
                                "CHL",
                                "name",
                                "c",
                                "zoneType",
                                "STORAGE",
                                "allowedStatuses",
                                List.of("AVAILABLE")))
                .id();
        long bin = api.post("/api/locations", Map.of("zoneId", zone, "barcode", wh + "-CHL-01", "name", "bin"))
                .id();
        long adjustment = catalog.warehouseLocationId(warehouse, LocationKind.ADJUSTMENT);

        // a change before any posting is free
        Map<String, Object> before = CatalogApiTest.item(sku, List.of());
        before.put("name", "Renamed before postings");
        var free = api.put("/api/items/" + itemId, before, item.etag());
        assertThat(free.status()).as(free.toString()).isEqualTo(200);
        assertThat(free.body().get("stockFieldsFrozen").asBoolean()).isFalse();

        postOpeningBalance(lotId, adjustment, bin, 10);
        String etag = api.get("/api/items/" + itemId).etag();
        assertThat(api.get("/api/items/" + itemId)
                        .body()
                        .get("stockFieldsFrozen")
                        .asBoolean())
                .isTrue();

        Map<String, Object> newBase = CatalogApiTest.item(sku, List.of(), List.of());
        newBase.put("baseUom", "BOX");
        assertFrozen(api.put("/api/items/" + itemId, newBase, etag), "baseUom");

        Map<String, Object> notLotControlled = CatalogApiTest.item(sku, List.of());
        notLotControlled.put("lotControlled", false);
        assertFrozen(api.put("/api/items/" + itemId, notLotControlled, etag), "lotControlled");

        assertFrozen(
                api.put(
                        "/api/items/" + itemId,
                        CatalogApiTest.item(
                                sku,
                                List.of(),
                                List.of(
                                        Map.of("uom", "BOX", "quantity", 12, "of", "EA"),
                                        Map.of("uom", "CASE", "quantity", 12, "of", "BOX"))),
                        etag),
                "conversions.BOX");
        assertFrozen(
                api.put(
                        "/api/items/" + itemId,
                        CatalogApiTest.item(sku, List.of(), List.of(Map.of("uom", "BOX", "quantity", 10, "of", "EA"))),
                        etag),
                "conversions.CASE");

        String gtin = org.lotledger.catalog.demo.DemoCatalogLoader.demoGtin(5, (int) (itemId % 100_000));
        var added = api.put(
                "/api/items/" + itemId,
                CatalogApiTest.item(
                        sku,
                        List.of(Map.of("gtin", gtin, "uom", "PALLET")),
                        List.of(
                                Map.of("uom", "BOX", "quantity", 10, "of", "EA"),
                                Map.of("uom", "CASE", "quantity", 12, "of", "BOX"),
                                Map.of("uom", "PALLET", "quantity", 40, "of", "CASE"))),
                etag);
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(catalog.toBaseUnits(itemId, java.math.BigDecimal.ONE, "PALLET"))
                .isEqualTo(4800);
        assertThat(added.body().at("/gtins/0/uom").asText()).isEqualTo("PALLET");
    }

    private static void assertFrozen(CatalogHttp.Response r, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("FIELD_FROZEN");
        assertThat(r.body().get("field").asText()).isEqualTo(field);
    }

    /** Stock on the item through the real ledger gate, as go-live would load it. */
    private void postOpeningBalance(long lotId, long from, long to, int quantity) {
        ledger.post(PostingRequest.of(
                        PostingType.OPENING_BALANCE,
                        new Actor("ivy", java.util.Set.of("inventory-control")),
                        "catalog-freeze-test-" + lotId)
                .movement(new Movement(lotId, from, StockStatus.AVAILABLE, to, StockStatus.AVAILABLE, quantity))
                .reason("OPENING")
                .build());
    }

    @Test
    void no_new_lot_for_a_deactivated_item() {
        long item = item();
        long s = supplier();
        api.post("/api/items/" + item + "/deactivate", null);
        var refused = api.post("/api/lots", lot(item, s, "D-1", null));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("ITEM_INACTIVE");
    }

    @Test
    void unknown_lots_answer_404_with_a_code() {
        var r = api.get("/api/lots/99999999");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.code()).isEqualTo("UNKNOWN_LOT");
    }
}
