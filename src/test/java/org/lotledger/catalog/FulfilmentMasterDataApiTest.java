package org.lotledger.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.catalog.demo.DemoCatalogLoader;
import org.lotledger.gs1.Gs1CheckDigits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 9, §1: the master data outbound fulfilment reads, written and audited as the rest of the catalog. */
@IntegrationTest
class FulfilmentMasterDataApiTest {

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

    /** A GLN nobody has yet: 12 random digits and their check digit. */
    static String freshGln() {
        String data = "9" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
        return data + Gs1CheckDigits.mod10(data);
    }

    static Map<String, Object> address(String line1, String city, String country) {
        Map<String, Object> a = new HashMap<>();
        a.put("line1", line1);
        a.put("city", city);
        a.put("postalCode", "10115");
        a.put("region", " ");
        a.put("country", country);
        return a;
    }

    Map<String, Object> customer(String code, Object shipTo, String gln, Object recallContact) {
        Map<String, Object> c = new HashMap<>();
        c.put("code", code);
        c.put("name", "Customer " + code);
        c.put("customerType", "HOSPITAL");
        c.put("minRemainingShelfLifeDays", 120);
        c.put("shipTo", shipTo);
        c.put("gln", gln);
        c.put("recallContact", recallContact);
        return c;
    }

    @Test
    void a_customer_keeps_its_ship_to_address_gln_and_recall_contact_and_the_audit_shows_each_change() {
        String code = unique("C");
        String gln = freshGln();
        var created = api.post(
                "/api/customers",
                customer(
                        code,
                        address("  Invalidenstraße 1 ", "Berlin", "de"),
                        gln,
                        Map.of("name", "Recall desk", "email", "recall@example.org", "phone", "+49 30 1234567")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode body = created.body();
        assertThat(body.at("/shipTo/line1").asText()).isEqualTo("Invalidenstraße 1");
        assertThat(body.at("/shipTo/country").asText()).as("stored upper case").isEqualTo("DE");
        assertThat(absent(body.at("/shipTo/region")))
                .as("blank optional parts are null: %s", body)
                .isTrue();
        assertThat(body.get("gln").asText()).isEqualTo(gln);
        assertThat(body.at("/recallContact/email").asText()).isEqualTo("recall@example.org");

        String path = "/api/customers/" + created.id();
        var moved =
                api.put(path, customer(code, address("Chausseestraße 9", "Berlin", "DE"), gln, null), created.etag());
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(absent(moved.body().path("recallContact")))
                .as("a PUT without it clears it")
                .isTrue();

        JsonNode audit = api.get(path + "/audit").body();
        assertThat(audit).hasSize(2);
        assertThat(audit.get(0).at("/changes/gln/to").asText()).isEqualTo(gln);
        assertThat(audit.get(1).at("/changes/shipTo/from/line1").asText()).isEqualTo("Invalidenstraße 1");
        assertThat(audit.get(1).at("/changes/shipTo/to/line1").asText()).isEqualTo("Chausseestraße 9");
        assertThat(audit.get(1).at("/changes/recallContact/from/name").asText()).isEqualTo("Recall desk");
        assertThat(audit.get(1).get("changes").has("gln")).isFalse();
    }

    @Test
    void a_gln_with_a_wrong_check_digit_an_unknown_country_or_a_partial_address_is_refused() {
        String good = freshGln();
        String wrongCheck = good.substring(0, 12) + (char) ('0' + (good.charAt(12) - '0' + 1) % 10);
        var badGln = api.post("/api/customers", customer(unique("C"), null, wrongCheck, null));
        assertThat(badGln.status()).as(badGln.toString()).isEqualTo(422);
        assertThat(badGln.code()).isEqualTo("INVALID_GLN");
        assertThat(badGln.body().get("detail").asText()).contains("check digit should be " + good.charAt(12));

        var shortGln = api.post("/api/customers", customer(unique("C"), null, "123456789012", null));
        assertThat(shortGln.status()).as(shortGln.toString()).isEqualTo(400);

        var country =
                api.post("/api/customers", customer(unique("C"), address("Main St 1", "Nowhere", "XX"), null, null));
        assertThat(country.status()).as(country.toString()).isEqualTo(422);
        assertThat(country.code()).isEqualTo("INVALID_COUNTRY_CODE");

        Map<String, Object> noCity = address("Main St 1", null, "US");
        var partial = api.post("/api/customers", customer(unique("C"), noCity, null, null));
        assertThat(partial.status()).as(partial.toString()).isEqualTo(400);

        var noEmail = api.post(
                "/api/customers", customer(unique("C"), null, null, Map.of("name", "Recall desk", "phone", "+1 555")));
        assertThat(noEmail.status()).as(noEmail.toString()).isEqualTo(400);
    }

    @Test
    void a_gln_names_one_customer_and_one_warehouse() {
        String gln = freshGln();
        assertThat(api.post("/api/customers", customer(unique("C"), null, gln, null))
                        .status())
                .isEqualTo(201);
        var twice = api.post("/api/customers", customer(unique("C"), null, gln, null));
        assertThat(twice.status()).as(twice.toString()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("GLN_ALREADY_USED");

        Map<String, Object> w = new HashMap<>(Map.of("code", unique("W"), "name", "W", "timeZone", "Europe/Berlin"));
        w.put("gln", gln);
        w.put("address", address("Lagerweg 3", "Hamburg", "DE"));
        var warehouse = api.post("/api/warehouses", w);
        assertThat(warehouse.status())
                .as("customers and warehouses are kinds of their own: " + warehouse)
                .isEqualTo(201);
        assertThat(warehouse.body().at("/address/city").asText()).isEqualTo("Hamburg");
        assertThat(warehouse.body().get("gln").asText()).isEqualTo(gln);

        Map<String, Object> other = new HashMap<>(w);
        other.put("code", unique("W"));
        var taken = api.post("/api/warehouses", other);
        assertThat(taken.status()).as(taken.toString()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("GLN_ALREADY_USED");
    }

    @Test
    void an_item_keeps_its_minimum_shelf_life_at_shipment_and_fefo_window_which_default_to_zero() {
        Map<String, Object> item = item(unique("SKU"), null, null);
        var plain = api.post("/api/items", item);
        assertThat(plain.status()).as(plain.toString()).isEqualTo(201);
        assertThat(plain.body().get("minRemainingShelfLifeAtShipmentDays").asInt())
                .isZero();
        assertThat(plain.body().get("fefoWindowDays").asInt()).isZero();

        String sku = unique("SKU");
        var set = api.post("/api/items", item(sku, 90, 14));
        assertThat(set.status()).as(set.toString()).isEqualTo(201);
        assertThat(set.body().get("minRemainingShelfLifeDays").asInt())
                .as("the minimum at receipt is another field")
                .isEqualTo(30);
        assertThat(set.body().get("minRemainingShelfLifeAtShipmentDays").asInt())
                .isEqualTo(90);
        assertThat(set.body().get("fefoWindowDays").asInt()).isEqualTo(14);

        var changed = api.put("/api/items/" + set.id(), item(sku, 120, 7), set.etag());
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        JsonNode audit = api.get("/api/items/" + set.id() + "/audit").body();
        assertThat(audit.get(1)
                        .at("/changes/minRemainingShelfLifeAtShipmentDays/to")
                        .asInt())
                .isEqualTo(120);
        assertThat(audit.get(1).at("/changes/fefoWindowDays/from").asInt()).isEqualTo(14);

        var tooLong = api.post("/api/items", item(unique("SKU"), 365, 0));
        assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(422);
        assertThat(tooLong.code()).isEqualTo("INVALID_SHELF_LIFE_MINIMUM");

        var window = api.post("/api/items", item(unique("SKU"), 0, 366));
        assertThat(window.status()).as(window.toString()).isEqualTo(400);
    }

    @Test
    void an_item_keeps_its_whole_cases_from_storage_flag_which_defaults_to_false_audited_and_versioned() {
        var plain = api.post("/api/items", item(unique("SKU"), null, null));
        assertThat(plain.status()).as(plain.toString()).isEqualTo(201);
        assertThat(plain.body().get("wholeCasesFromStorage").asBoolean()).isFalse();

        String sku = unique("SKU");
        Map<String, Object> cases = item(sku, null, null);
        cases.put("wholeCasesFromStorage", true);
        var created = api.post("/api/items", cases);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body().get("wholeCasesFromStorage").asBoolean()).isTrue();
        assertThat(api.get("/api/items/" + created.id())
                        .body()
                        .get("wholeCasesFromStorage")
                        .asBoolean())
                .isTrue();
        assertThat(api.get("/api/items/" + created.id() + "/audit")
                        .body()
                        .get(0)
                        .at("/changes/wholeCasesFromStorage/to")
                        .asBoolean())
                .isTrue();

        cases.put("wholeCasesFromStorage", false);
        var changed = api.put("/api/items/" + created.id(), cases, created.etag());
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.body().get("wholeCasesFromStorage").asBoolean()).isFalse();
        assertThat(changed.etag()).isEqualTo("\"1\"");
        JsonNode audit = api.get("/api/items/" + created.id() + "/audit").body();
        assertThat(audit.get(1).at("/changes/wholeCasesFromStorage/from").asBoolean())
                .isTrue();
        assertThat(audit.get(1).at("/changes/wholeCasesFromStorage/to").asBoolean())
                .isFalse();
        assertThat(api.put("/api/items/" + created.id(), cases, created.etag()).status())
                .as("the version the flag was read at is stale now")
                .isEqualTo(412);

        cases.put("wholeCasesFromStorage", "yes");
        assertThat(api.put("/api/items/" + created.id(), cases, changed.etag()).status())
                .as("strict JSON: a string is no boolean")
                .isEqualTo(400);

        JsonNode schemas = api.get("/v3/api-docs").body().at("/components/schemas");
        assertThat(schemas.at("/ItemDraft/properties/wholeCasesFromStorage/type")
                        .asText())
                .isEqualTo("boolean");
        assertThat(schemas.at("/ItemView/properties/wholeCasesFromStorage/type").asText())
                .isEqualTo("boolean");
    }

    @Test
    void the_demo_catalog_has_addresses_glns_recall_contacts_and_shipment_minimums() {
        JsonNode mercy = find(api.get("/api/customers").body(), DemoCatalogLoader.CUS_MERCY_HOSPITAL);
        assertThat(mercy.at("/shipTo/city").asText()).isEqualTo("Newark");
        assertThat(Gs1CheckDigits.hasValidMod10(mercy.get("gln").asText())).isTrue();
        assertThat(mercy.at("/recallContact/email").asText()).contains("@");
        for (JsonNode w : api.get("/api/warehouses").body()) {
            if (DemoCatalogLoader.WAREHOUSES.contains(w.get("code").asText())) {
                assertThat(w.at("/address/country").asText()).isEqualTo("US");
                assertThat(w.get("gln").asText()).hasSize(13);
            }
        }
        JsonNode vaccine = find(api.get("/api/items").body(), DemoCatalogLoader.SKU_MRNA_VACCINE);
        assertThat(vaccine.get("minRemainingShelfLifeAtShipmentDays").asInt()).isEqualTo(90);
        JsonNode saline = find(api.get("/api/items").body(), DemoCatalogLoader.SKU_SALINE);
        assertThat(saline.get("fefoWindowDays").asInt()).isPositive();
    }

    @Test
    void the_demo_reason_codes_for_allocation_overrides_and_short_picks_are_allowed_for_their_use() {
        JsonNode codes = api.get("/api/reason-codes").body();
        for (String code :
                List.of("CUSTOMER_REQUEST", "EXPIRY_MATCH", "LOT_NOT_ACCESSIBLE", "LONGER_DATING_REQUESTED")) {
            assertThat(postingTypes(codes, code)).as(code).contains("ALLOCATION_OVERRIDE", "PICK");
        }
        for (String code : List.of("NOT_FOUND", "DAMAGED", "LABEL_UNREADABLE", "SHORT_DATED_ON_SHELF")) {
            assertThat(postingTypes(codes, code)).as(code).contains("SHORT_PICK");
        }
    }

    private static List<String> postingTypes(JsonNode codes, String code) {
        JsonNode c = find(codes, code);
        return java.util.stream.StreamSupport.stream(c.get("postingTypes").spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }

    /** null, or left out of the JSON (the API leaves nulls out) */
    private static boolean absent(JsonNode n) {
        return n.isMissingNode() || n.isNull();
    }

    private static JsonNode find(JsonNode list, String code) {
        for (JsonNode n : list) {
            if (code.equals(n.path("code").asText())
                    || code.equals(n.path("sku").asText())) {
                return n;
            }
        }
        throw new AssertionError(code + " not in " + list);
    }

    private static Map<String, Object> item(String sku, Integer atShipment, Integer window) {
        Map<String, Object> i = new HashMap<>();
        i.put("sku", sku);
        i.put("name", "Item " + sku);
        i.put("baseUom", "EA");
        i.put("lotControlled", true);
        i.put("expiryRequired", true);
        i.put("shelfLifeDays", 365);
        i.put("minRemainingShelfLifeDays", 30);
        i.put("minRemainingShelfLifeAtShipmentDays", atShipment);
        i.put("fefoWindowDays", window);
        i.put("allocationMethod", "FEFO");
        i.put("temperatureClass", "CHILLED");
        i.put("itemFamily", "Vaccines");
        i.put("riskClass", "BIOLOGIC");
        i.put("standardUnitCost", 3.5);
        i.put("currency", "USD");
        i.put("conversions", List.of(Map.of("uom", "BOX", "quantity", 10, "of", "EA")));
        i.put("gtins", List.of());
        return i;
    }
}
