package org.lotledger.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class CatalogApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    CatalogHttp api;

    @BeforeEach
    void client() {
        api = new CatalogHttp(port, json);
    }

    static String unique(String prefix) {
        return prefix + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    }

    @Test
    void a_warehouse_is_created_read_updated_with_if_match_and_deactivated_with_an_audit_of_each_change() {
        String code = unique("W");
        var created = api.post(
                "/api/warehouses", Map.of("code", code, "name", "Test warehouse", "timeZone", "Europe/Berlin"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.etag()).isEqualTo("\"0\"");
        assertThat(created.location()).endsWith("/api/warehouses/" + created.id());
        String path = "/api/warehouses/" + created.id();

        var read = api.get(path);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.etag()).isEqualTo("\"0\"");
        assertThat(read.body().get("timeZone").asText()).isEqualTo("Europe/Berlin");

        Map<String, String> change = Map.of("code", code, "name", "Renamed warehouse", "timeZone", "Europe/Vienna");
        var withoutIfMatch = api.put(path, change, null);
        assertThat(withoutIfMatch.status()).isEqualTo(428);
        assertThat(withoutIfMatch.code()).isEqualTo("IF_MATCH_REQUIRED");

        var stale = api.put(path, change, "\"7\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("VERSION_CONFLICT");

        var updated = api.put(path, change, read.etag());
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.etag()).isEqualTo("\"1\"");
        assertThat(updated.body().get("name").asText()).isEqualTo("Renamed warehouse");

        var replayOfOldEtag =
                api.put(path, Map.of("code", code, "name", "Lost update", "timeZone", "UTC"), read.etag());
        assertThat(replayOfOldEtag.status()).isEqualTo(412);

        var star = api.put(path, Map.of("code", code, "name", "Renamed warehouse", "timeZone", "Europe/Vienna"), "*");
        assertThat(star.status()).as("If-Match: * accepts whatever is current").isEqualTo(200);

        var deactivated = api.delete(path, null);
        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.body().get("active").asBoolean()).isFalse();
        assertThat(api.get(path).status()).as("deactivated, never deleted").isEqualTo(200);

        JsonNode audit = api.get(path + "/audit").body();
        assertThat(audit).hasSize(3);
        assertThat(audit.get(0).get("action").asText()).isEqualTo("CREATED");
        assertThat(audit.get(0).get("actor").asText()).isEqualTo("admin");
        assertThat(audit.get(0).at("/changes/code/to").asText()).isEqualTo(code);
        assertThat(audit.get(1).get("action").asText()).isEqualTo("UPDATED");
        assertThat(audit.get(1).at("/changes/name/from").asText()).isEqualTo("Test warehouse");
        assertThat(audit.get(1).at("/changes/name/to").asText()).isEqualTo("Renamed warehouse");
        assertThat(audit.get(1).at("/changes/timeZone/from").asText()).isEqualTo("Europe/Berlin");
        assertThat(audit.get(1).at("/changes/timeZone/to").asText()).isEqualTo("Europe/Vienna");
        assertThat(audit.get(1).get("changes").has("code"))
                .as("unchanged fields are not audited")
                .isFalse();
        assertThat(audit.get(2).get("action").asText()).isEqualTo("DEACTIVATED");
        assertThat(audit.get(2).at("/changes/active/to").asBoolean()).isFalse();

        List<String> inactive = codes(api.get("/api/warehouses?active=false").body());
        assertThat(inactive).contains(code);
    }

    @Test
    void a_new_warehouse_gets_adjustment_scrap_qa_and_in_transit_locations_with_every_other_warehouse() {
        String a = unique("WA");
        String b = unique("WB");
        long idA = api.post("/api/warehouses", Map.of("code", a, "name", "A", "timeZone", "America/Denver"))
                .id();
        long idB = api.post("/api/warehouses", Map.of("code", b, "name", "B", "timeZone", "America/Denver"))
                .id();

        List<String> ofA = codes(api.get("/api/locations?warehouse=" + idA).body());
        assertThat(ofA).contains(a + "-ADJ", a + "-SCRAP", a + "-QA", "TRANSIT-" + a + "-" + b);
        assertThat(codes(api.get("/api/locations?warehouse=" + b).body())).contains("TRANSIT-" + b + "-" + a);

        JsonNode transit =
                api.get("/api/locations?kind=IN_TRANSIT&warehouse=" + a).body();
        JsonNode aToB = find(transit, "TRANSIT-" + a + "-" + b);
        assertThat(aToB.get("destinationWarehouseId").asLong()).isEqualTo(idB);
        assertThat(aToB.get("mayGoNegative").asBoolean())
                .as("in-transit stock never goes negative")
                .isFalse();
        assertThat(aToB.has("barcode"))
                .as("virtual locations cannot be scanned")
                .isFalse();
        JsonNode adj =
                find(api.get("/api/locations?kind=ADJUSTMENT&warehouse=" + a).body(), a + "-ADJ");
        assertThat(adj.get("mayGoNegative").asBoolean()).isTrue();

        var refused = api.put(
                "/api/locations/" + adj.get("id").asLong(),
                Map.of("zoneId", 1, "barcode", "X1", "name", "hijack"),
                "\"0\"");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("VIRTUAL_LOCATION_READ_ONLY");
    }

    @Test
    void zones_and_physical_locations_carry_statuses_temperatures_barcodes_and_capacity() {
        String wh = unique("WZ");
        long w = api.post("/api/warehouses", Map.of("code", wh, "name", "Z", "timeZone", "America/Chicago"))
                .id();
        var zone = api.post(
                "/api/zones",
                Map.of(
                        "warehouseId",
                        w,
                        "code",
                        "CHL",
                        "name",
                        "Chilled storage",
                        "zoneType",
                        "STORAGE",
                        "allowedStatuses",
                        List.of("AVAILABLE", "HOLD"),
                        "allowedTemperatureClasses",
                        List.of("CHILLED")));
        assertThat(zone.status()).as(zone.toString()).isEqualTo(201);
        assertThat(zone.body().get("allowedStatuses"))
                .extracting(JsonNode::asText)
                .containsExactly("AVAILABLE", "HOLD");
        assertThat(api.get("/api/zones?warehouse=" + wh + "&zoneType=STORAGE").body())
                .hasSize(1);

        var loc = api.post(
                "/api/locations",
                Map.of(
                        "zoneId",
                        zone.id(),
                        "barcode",
                        wh + "-CHL-01-01",
                        "name",
                        "Chilled rack 1 level 1",
                        "capacityBaseUnits",
                        500));
        assertThat(loc.status()).as(loc.toString()).isEqualTo(201);
        assertThat(loc.body().get("kind").asText()).isEqualTo("PHYSICAL");
        assertThat(loc.body().get("warehouseId").asLong()).isEqualTo(w);
        assertThat(loc.body().get("capacityBaseUnits").decimalValue()).isEqualByComparingTo("500");

        var sameBarcode = api.post(
                "/api/locations",
                Map.of("zoneId", zone.id(), "code", wh + "-OTHER", "barcode", wh + "-CHL-01-01", "name", "dup"));
        assertThat(sameBarcode.status()).isEqualTo(409);
        assertThat(sameBarcode.code()).isEqualTo("BARCODE_ALREADY_ASSIGNED");

        var badStatus = api.post(
                "/api/zones",
                Map.of(
                        "warehouseId",
                        w,
                        "code",
                        "X",
                        "name",
                        "x",
                        "zoneType",
                        "STORAGE",
                        "allowedStatuses",
                        List.of("SOLD")));
        assertThat(badStatus.status()).isEqualTo(400);
    }

    @Test
    void suppliers_and_customers_get_their_virtual_location_and_a_lot_label_convention_is_validated() {
        String sup = unique("SUP");
        var supplier = api.post(
                "/api/suppliers",
                Map.of(
                        "code",
                        sup,
                        "name",
                        "Acme Pharma",
                        "approvalStatus",
                        "APPROVED",
                        "lotLabelPattern",
                        "LOT-(?<lot>\\d{5})",
                        "lotLabelExample",
                        "LOT-12345"));
        assertThat(supplier.status()).as(supplier.toString()).isEqualTo(201);
        long supLoc = supplier.body().get("locationId").asLong();
        JsonNode supLocation = api.get("/api/locations/" + supLoc).body();
        assertThat(supLocation.get("code").asText()).isEqualTo("SUP-" + sup);
        assertThat(supLocation.get("kind").asText()).isEqualTo("SUPPLIER");
        assertThat(supLocation.get("mayGoNegative").asBoolean()).isTrue();

        var normalised = api.get("/api/suppliers/" + supplier.id() + "/lot-number?scanned=LOT-54321");
        assertThat(normalised.body().get("lotNumber").asText()).isEqualTo("54321");

        var noGroup = api.post(
                "/api/suppliers",
                Map.of(
                        "code",
                        unique("S"),
                        "name",
                        "x",
                        "approvalStatus",
                        "APPROVED",
                        "lotLabelPattern",
                        "LOT-\\d+",
                        "lotLabelExample",
                        "LOT-1"));
        assertThat(noGroup.status()).isEqualTo(422);
        assertThat(noGroup.code()).isEqualTo("INVALID_LOT_LABEL_CONVENTION");

        String cus = unique("CUS");
        var customer = api.post(
                "/api/customers",
                Map.of(
                        "code",
                        cus,
                        "name",
                        "St. Mary's Hospital",
                        "customerType",
                        "HOSPITAL",
                        "minRemainingShelfLifeDays",
                        90));
        assertThat(customer.status()).as(customer.toString()).isEqualTo(201);
        JsonNode cusLocation = api.get(
                        "/api/locations/" + customer.body().get("locationId").asLong())
                .body();
        assertThat(cusLocation.get("code").asText()).isEqualTo("CUS-" + cus);
        assertThat(cusLocation.get("mayGoNegative").asBoolean()).isFalse();
    }

    @Test
    void item_units_are_stored_as_whole_base_units_and_quantities_convert_only_to_whole_base_units() {
        var item = api.post("/api/items", item(unique("SKU"), List.of()));
        assertThat(item.status()).as(item.toString()).isEqualTo(201);
        assertThat(item.body().get("units").toString())
                .isEqualTo(
                        "[{\"uom\":\"EA\",\"baseUnits\":1},{\"uom\":\"BOX\",\"baseUnits\":10},{\"uom\":\"CASE\",\"baseUnits\":120}]");
        String base = "/api/items/" + item.id() + "/base-units";

        assertThat(api.get(base + "?quantity=1&uom=CASE")
                        .body()
                        .get("baseUnits")
                        .asLong())
                .isEqualTo(120);
        assertThat(api.get(base + "?quantity=2.5&uom=box")
                        .body()
                        .get("baseUnits")
                        .asLong())
                .isEqualTo(25);
        var fraction = api.get(base + "?quantity=1.5&uom=EA");
        assertThat(fraction.status()).isEqualTo(422);
        assertThat(fraction.code()).isEqualTo("UOM_NOT_CONVERTIBLE");
        assertThat(api.get(base + "?quantity=1&uom=PALLET").code()).isEqualTo("UOM_NOT_CONVERTIBLE");
        assertThat(api.get(base + "?quantity=0&uom=EA").code()).isEqualTo("INVALID_QUANTITY");
    }

    @Test
    void gtins_are_stored_as_14_digits_with_a_valid_check_digit_and_assigned_once() {
        var item = api.post("/api/items", item(unique("SKU"), List.of(Map.of("gtin", "4006381333931", "uom", "EA"))));
        assertThat(item.status()).as(item.toString()).isEqualTo(201);
        assertThat(item.body().at("/gtins/0/gtin").asText()).isEqualTo("04006381333931");
        var duplicate =
                api.post("/api/items", item(unique("SKU"), List.of(Map.of("gtin", "04006381333931", "uom", "EA"))));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("GTIN_ALREADY_ASSIGNED");

        var badCheckDigit =
                api.post("/api/items", item(unique("SKU"), List.of(Map.of("gtin", "4006381333932", "uom", "EA"))));
        assertThat(badCheckDigit.status()).isEqualTo(422);
        assertThat(badCheckDigit.code()).isEqualTo("INVALID_GTIN");
    }

    @Test
    void invalid_requests_are_problem_details_with_codes() {
        var missingName = api.post("/api/warehouses", Map.of("code", unique("W"), "timeZone", "UTC"));
        assertThat(missingName.status()).isEqualTo(400);
        assertThat(missingName.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(missingName.body().get("errors").toString()).contains("name");

        var badZone = api.post("/api/warehouses", Map.of("code", unique("W"), "name", "x", "timeZone", "Mars/Olympus"));
        assertThat(badZone.status()).isEqualTo(422);
        assertThat(badZone.code()).isEqualTo("INVALID_TIME_ZONE");

        var badType = api.post(
                "/api/reason-codes",
                Map.of("code", unique("R"), "description", "x", "postingTypes", List.of("TELEPORT")));
        assertThat(badType.status()).isEqualTo(400);

        var reason = api.post(
                "/api/reason-codes",
                Map.of(
                        "code",
                        unique("R"),
                        "description",
                        "Counted more",
                        "postingTypes",
                        List.of("ADJUSTMENT"),
                        "requiresApproval",
                        true));
        assertThat(reason.status()).as(reason.toString()).isEqualTo(201);
        assertThat(reason.body().get("postingTypes"))
                .extracting(JsonNode::asText)
                .containsExactly("ADJUSTMENT");

        var cyclic = api.post(
                "/api/items",
                item(
                        unique("SKU"),
                        List.of(),
                        List.of(
                                Map.of("uom", "BOX", "quantity", 10, "of", "CASE"),
                                Map.of("uom", "CASE", "quantity", 12, "of", "BOX"))));
        assertThat(cyclic.status()).isEqualTo(422);
        assertThat(cyclic.code()).isEqualTo("INVALID_UOM_CONVERSION");

        assertThat(api.get("/api/items/987654321").code()).isEqualTo("UNKNOWN_ITEM");
    }

    static Map<String, Object> item(String sku, List<Map<String, String>> gtins) {
        return item(
                sku,
                gtins,
                List.of(
                        Map.of("uom", "BOX", "quantity", 10, "of", "EA"),
                        Map.of("uom", "CASE", "quantity", 12, "of", "BOX")));
    }

    static Map<String, Object> item(
            String sku, List<Map<String, String>> gtins, List<Map<String, Object>> conversions) {
        Map<String, Object> m = new java.util.HashMap<>(Map.of(
                "sku",
                sku,
                "name",
                "Test item " + sku,
                "baseUom",
                "EA",
                "lotControlled",
                true,
                "expiryRequired",
                true,
                "allocationMethod",
                "FEFO",
                "temperatureClass",
                "CHILLED",
                "itemFamily",
                "Vaccines",
                "riskClass",
                "II",
                "standardUnitCost",
                12.5));
        m.put("currency", "USD");
        m.put("shelfLifeDays", 365);
        m.put("conversions", conversions);
        m.put("gtins", gtins);
        return m;
    }

    static List<String> codes(JsonNode list) {
        List<String> codes = new ArrayList<>();
        list.forEach(n -> codes.add(n.get("code").asText()));
        return codes;
    }

    static JsonNode find(JsonNode list, String code) {
        for (JsonNode n : list) {
            if (code.equals(n.get("code").asText())) {
                return n;
            }
        }
        throw new AssertionError(code + " not in " + list);
    }
}
