package org.lotledger.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.ledger.Ledger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ALLOC-080 from the catalog to the reservations: the item's {@code wholeCasesFromStorage} flag, set through the item
 * API, makes the allocation API take whole cases from STORAGE and the remainder from the PICK_FACE; the same stock
 * of an item without the flag is allocated FEFO, pick face first.
 */
@IntegrationTest
class WholeCasesFromStorageAllocationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    SalesOrdering ordering;

    record Reply(int status, JsonNode body, HttpHeaders headers) {}

    /** lot, location code of the fixture, quantity, rule ids of one reservation */
    record Row(long lot, String location, long quantity, List<String> ruleIds) {}

    @Test
    void an_item_that_asks_for_whole_cases_gets_them_from_storage_and_the_remainder_from_the_pick_face()
            throws Exception {
        Stocked flagged = stocked();
        setWholeCasesFromStorage(flagged.x(), true);

        List<Row> rows = allocate(flagged.x(), 250);

        // a case is 120 EA (the fixture's CASE = 12 BOX of 10): two whole cases from storage, 10 from the pick face
        assertThat(rows)
                .containsExactlyInAnyOrder(
                        new Row(flagged.later(), "A1", 240, List.of("ALLOC-050", "ALLOC-080")),
                        new Row(flagged.earlier(), "P1", 10, List.of("ALLOC-050", "ALLOC-080")));
    }

    @Test
    void the_same_stock_of_an_item_without_the_flag_is_allocated_in_fefo_order_pick_face_first() throws Exception {
        Stocked plain = stocked();
        assertThat(item(plain.x()).path("wholeCasesFromStorage").asBoolean()).isFalse();

        List<Row> rows = allocate(plain.x(), 250);

        assertThat(rows)
                .containsExactlyInAnyOrder(
                        new Row(plain.earlier(), "P1", 50, List.of("ALLOC-050", "ALLOC-060")),
                        new Row(plain.later(), "A1", 200, List.of("ALLOC-050", "ALLOC-060")));
    }

    @Test
    void turning_the_flag_off_again_turns_alloc_080_off() throws Exception {
        Stocked s = stocked();
        setWholeCasesFromStorage(s.x(), true);
        setWholeCasesFromStorage(s.x(), false);

        assertThat(allocate(s.x(), 250))
                .extracting(Row::location, Row::quantity)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("P1", 50L),
                        org.assertj.core.groups.Tuple.tuple("A1", 200L));
    }

    /** The earlier lot on the pick face (50 EA), the later one in storage (500 EA), same warehouse. */
    record Stocked(AllocationFixture x, long earlier, long later) {}

    private Stocked stocked() {
        AllocationFixture x = new AllocationFixture(jdbc, ledger, 0);
        long earlier = x.lot(100, "P1", 50);
        long later = x.lot(200, "A1", 500);
        return new Stocked(x, earlier, later);
    }

    private List<Row> allocate(AllocationFixture x, long quantity) throws Exception {
        SalesOrderView order = ordering.place(x.order(quantity), "erp");
        Reply r = send(
                "otto",
                HttpMethod.POST,
                "/api/sales-orders/" + order.id() + "/allocation",
                null,
                UUID.randomUUID().toString(),
                null);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        JsonNode line = r.body().at("/lines/0");
        assertThat(line.path("status").asText()).isEqualTo("ALLOCATED");
        assertThat(line.path("backorderedBaseQuantity").asLong()).isZero();
        List<Row> rows = new ArrayList<>();
        for (JsonNode res : line.path("reservations")) {
            List<String> ids = new ArrayList<>();
            res.path("ruleIds").forEach(id -> ids.add(id.asText()));
            rows.add(new Row(
                    res.path("lotId").asLong(),
                    x.f.codeOf(res.path("locationId").asLong()),
                    res.path("quantity").asLong(),
                    ids));
        }
        return rows;
    }

    private JsonNode item(AllocationFixture x) throws Exception {
        Reply r = send("admin", HttpMethod.GET, "/api/items/" + x.f.itemId, null, null, null);
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    /** A PUT of the whole item through the catalog API, as a person would change it (If-Match, audited). */
    private void setWholeCasesFromStorage(AllocationFixture x, boolean wholeCases) throws Exception {
        Reply current = send("admin", HttpMethod.GET, "/api/items/" + x.f.itemId, null, null, null);
        JsonNode i = current.body();
        Map<String, Object> draft = new HashMap<>();
        for (String field : List.of(
                "sku",
                "name",
                "baseUom",
                "lotControlled",
                "expiryRequired",
                "bestBeforeAsExpiry",
                "minRemainingShelfLifeDays",
                "minRemainingShelfLifeAtShipmentDays",
                "fefoWindowDays",
                "allocationMethod",
                "temperatureClass",
                "itemFamily",
                "riskClass",
                "standardUnitCost",
                "currency")) {
            draft.put(field, json.treeToValue(i.get(field), Object.class));
        }
        draft.put("wholeCasesFromStorage", wholeCases);
        draft.put(
                "conversions",
                List.of(
                        Map.of("uom", "BOX", "quantity", 10, "of", "EA"),
                        Map.of("uom", "CASE", "quantity", 12, "of", "BOX")));
        draft.put("gtins", List.of());
        Reply put = send(
                "admin",
                HttpMethod.PUT,
                "/api/items/" + x.f.itemId,
                json.writeValueAsString(draft),
                UUID.randomUUID().toString(),
                current.headers().getETag());
        assertThat(put.status()).as(put.body().toString()).isEqualTo(200);
        assertThat(put.body().path("wholeCasesFromStorage").asBoolean()).isEqualTo(wholeCases);
    }

    private Reply send(String user, HttpMethod method, String path, String body, String key, String ifMatch)
            throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        if (key != null) {
            headers.set("Idempotency-Key", key);
        }
        if (ifMatch != null) {
            headers.setIfMatch(ifMatch);
        }
        ResponseEntity<String> r = rest.withBasicAuth(user, user + "-demo")
                .exchange(path, method, new HttpEntity<>(body, headers), String.class);
        JsonNode node = r.getBody() == null || r.getBody().isBlank() ? json.nullNode() : json.readTree(r.getBody());
        return new Reply(r.getStatusCode().value(), node, r.getHeaders());
    }
}
