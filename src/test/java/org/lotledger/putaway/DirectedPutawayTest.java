package org.lotledger.putaway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.common.Actor;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.Movement;
import org.lotledger.ledger.PostingRequest;
import org.lotledger.ledger.PostingType;
import org.lotledger.ledger.StockStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Released stock of a chilled demo item in the EAST quarantine area is put away where dmn/putaway-zone.dmn directs
 * (CHL); elsewhere only with an override reason, which the posting keeps.
 */
@IntegrationTest
class DirectedPutawayTest {

    static final Actor QA = new Actor("quinn", Set.of("quality"));
    static final Actor LOADER = new Actor("ivy", Set.of("inventory-control"));

    @Autowired
    TestRestTemplate http;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcTemplate jdbc;

    String label;
    long lot;

    @BeforeEach
    void releasedStockInQuarantine() {
        label = "LL-PUT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        lot = jdbc.queryForObject("""
                insert into lot (item_id, supplier_id, lot_number, internal_label, expires_on, unit_cost, currency)
                select i.id, s.id, ?, ?, current_date + 300, 12.5, 'USD' from item i, supplier s
                 where i.sku = 'VAC-FLU-CHL' and s.code = 'NORDVAX' returning id""", Long.class, label, label);
        long quarantine = location("EAST-QUAR-01");
        long adjustment = jdbc.queryForObject("""
                select a.id from location a join warehouse w on w.id = a.warehouse_id
                 where w.code = 'EAST' and a.kind = 'ADJUSTMENT'""", Long.class);
        ledger.post(PostingRequest.of(
                        PostingType.OPENING_BALANCE, LOADER, UUID.randomUUID().toString())
                .movement(new Movement(lot, adjustment, StockStatus.QUARANTINE, quarantine, StockStatus.QUARANTINE, 40))
                .reason("OPENING")
                .build());
        ledger.post(PostingRequest.of(
                        PostingType.STATUS_CHANGE, QA, UUID.randomUUID().toString())
                .movement(new Movement(lot, quarantine, StockStatus.QUARANTINE, quarantine, StockStatus.AVAILABLE, 40))
                .build());
    }

    private long location(String barcode) {
        return jdbc.queryForObject("select id from location where barcode = ?", Long.class, barcode);
    }

    private HttpHeaders as(String user) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, user + "-demo");
        h.setContentType(MediaType.APPLICATION_JSON);
        h.set("Idempotency-Key", UUID.randomUUID().toString());
        return h;
    }

    private ResponseEntity<Map> putaway(String to, int qty, String overrideReason) {
        Map<String, Object> body = new java.util.HashMap<>(
                Map.of("lot", label, "fromLocation", "EAST-QUAR-01", "toLocation", to, "quantity", qty, "unit", "EA"));
        if (overrideReason != null) {
            body.put("overrideReasonCode", overrideReason);
        }
        return http.exchange("/api/putaway", HttpMethod.POST, new HttpEntity<>(body, as("rita")), Map.class);
    }

    @Test
    void the_decision_table_directs_released_chilled_stock_to_chilled_storage() {
        ResponseEntity<Map> suggestion = http.exchange(
                "/api/putaway/suggestion?lot=" + label + "&from=EAST-QUAR-01",
                HttpMethod.GET,
                new HttpEntity<>(as("rita")),
                Map.class);

        assertThat(suggestion.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(suggestion.getBody()).containsEntry("directedZone", "CHL");
        assertThat((List<String>) suggestion.getBody().get("locations"))
                .isNotEmpty()
                .allMatch(l -> l.startsWith("EAST-CHL-"));

        ResponseEntity<Map> done = putaway(((List<String>) suggestion.getBody().get("locations")).get(0), 25, null);
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(done.getBody()).containsEntry("type", "PUTAWAY");
        assertThat(done.getBody().get("reasonCode")).isNull();
    }

    @Test
    void a_location_outside_the_directed_zone_needs_an_override_reason_which_is_recorded() {
        long postings = jdbc.queryForObject("select count(*) from posting", Long.class);

        assertThat(putaway("EAST-PICK-01-01", 5, null).getBody())
                .containsEntry("code", "PUTAWAY_OUTSIDE_DIRECTED_ZONE")
                .containsEntry("directedZone", "CHL");
        // one check, one code for every reason code (the ledger's): DAMAGED is no putaway override reason
        assertThat(putaway("EAST-PICK-01-01", 5, "DAMAGED").getBody())
                .containsEntry("code", "INVALID_REASON_CODE")
                .containsEntry("postingType", "DIRECTED_PUTAWAY_OVERRIDE");
        assertThat(jdbc.queryForObject("select count(*) from posting", Long.class))
                .isEqualTo(postings);

        ResponseEntity<Map> overridden = putaway("EAST-PICK-01-01", 5, "PUTAWAY_OVERRIDE");
        assertThat(overridden.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(overridden.getBody())
                .containsEntry("reasonCode", "PUTAWAY_OVERRIDE")
                .containsEntry("note", "directed zone CHL, put away in PICK");
    }

    @Test
    void a_warehouse_clerk_cannot_put_away_by_posting_a_move_and_finance_cannot_put_away_at_all() {
        HttpHeaders finance = as("fiona");
        assertThat(http.exchange("/api/putaway", HttpMethod.POST, new HttpEntity<>(Map.of(), finance), Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> asMove = http.exchange(
                "/api/moves",
                HttpMethod.POST,
                new HttpEntity<>(
                        Map.of(
                                "purpose",
                                "PUTAWAY",
                                "lot",
                                label,
                                "fromLocation",
                                "EAST-QUAR-01",
                                "toLocation",
                                "EAST-PICK-01-01",
                                "quantity",
                                1,
                                "unit",
                                "EA"),
                        as("walt")),
                Map.class);
        assertThat(asMove.getBody()).containsEntry("code", "POSTING_TYPE_NOT_OWNED");
    }
}
