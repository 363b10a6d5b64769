package org.lotledger.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.LedgerFixtures;
import org.lotledger.ledger.PostingExecutor;
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
 * A STOCK hold takes over named QUARANTINE units of one lot (a transfer's damaged units): exactly those units go to
 * HOLD, the rest of the lot's quarantine stock at the dock stays QUARANTINE and is not covered, the hold's review
 * process runs as for any hold, and quality releases or scraps through the usual decision endpoints.
 */
@IntegrationTest
class TakingOverQuarantineTest {

    @Autowired
    TakingOverQuarantine takingOver;

    @Autowired
    PostingExecutor executor;

    @Autowired
    Ledger ledger;

    @Autowired
    OpenHolds openHolds;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    LedgerFixtures f;

    @BeforeEach
    void warehouse() {
        f = new LedgerFixtures(jdbc);
    }

    @Test
    void takes_over_only_the_named_units_once_per_key_and_covers_nothing_else() {
        long lot = f.newLot();
        f.stock(ledger, lot, "Q1", StockStatus.QUARANTINE, 15);
        String key = "transfer:1:discrepancy:" + UUID.randomUUID();
        long postings = postings();
        long holdId = take(lot, key, HoldReason.INVESTIGATION, 10);
        assertThat(take(lot, key, HoldReason.INVESTIGATION, 10)).isEqualTo(holdId);
        assertThat(postings()).isEqualTo(postings + 1);
        assertThat(f.balancesOf(lot)).containsExactlyInAnyOrder("ADJ QUARANTINE -15", "Q1 QUARANTINE 5", "Q1 HOLD 10");
        assertThat(openHolds.covers(lot, f.location("Q1")))
                .as("a STOCK hold does not keep the rest of the dock's quarantine stock")
                .isFalse();
        Map<?, ?> hold = get("/api/holds/" + holdId);
        assertThat(hold.get("scope")).isEqualTo("STOCK");
        assertThat(hold.get("reason")).isEqualTo("INVESTIGATION");
        assertThat(hold.get("awaiting")).isEqualTo("REVIEW");
        assertThat(hold.get("placedBy")).isEqualTo("system:quality-intake");
    }

    @Test
    void nothing_left_in_quarantine_is_refused_and_stores_nothing() {
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", StockStatus.AVAILABLE, 5);
        String key = "transfer:2:discrepancy:" + UUID.randomUUID();
        assertThatThrownBy(() -> take(lot, key, HoldReason.INVESTIGATION, 5))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("NOTHING_IN_QUARANTINE");
        assertThat(jdbc.queryForObject("select count(*) from quality_hold where request_key = ?", Long.class, key))
                .isZero();
    }

    @Test
    void quality_releases_the_taken_over_units_where_they_lie() {
        long lot = f.newLot();
        f.stock(ledger, lot, "Q1", StockStatus.QUARANTINE, 10);
        long holdId = take(lot, "transfer:3:discrepancy:" + UUID.randomUUID(), HoldReason.INVESTIGATION, 10);
        ResponseEntity<Map> released = post(
                "quinn",
                "/api/holds/" + holdId + "/release",
                UUID.randomUUID() + "",
                Map.of("note", "cartons dented, vials intact"));
        assertThat(released.getStatusCode()).as("%s", released.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(released.getBody().get("state")).isEqualTo("RELEASED");
        assertThat(f.balancesOf(lot)).containsExactlyInAnyOrder("ADJ QUARANTINE -10", "Q1 AVAILABLE 10");
    }

    @Test
    void quality_scraps_the_taken_over_units_through_a_warehouse_move() {
        long lot = f.newLot();
        f.stock(ledger, lot, "Q1", StockStatus.QUARANTINE, 10);
        long holdId = take(lot, "transfer:4:discrepancy:" + UUID.randomUUID(), HoldReason.TEMPERATURE_EXCURSION, 10);
        ResponseEntity<Map> decided = post(
                "quinn",
                "/api/holds/" + holdId + "/scrap",
                UUID.randomUUID() + "",
                Map.of("reasonCode", "TEMP_EXCURSION"));
        assertThat(decided.getStatusCode()).as("%s", decided.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        List<Map<String, Object>> moves =
                (List<Map<String, Object>>) decided.getBody().get("warehouseMoves");
        assertThat(moves).hasSize(1);
        ResponseEntity<Map> confirmed = post(
                "walt",
                "/api/holds/" + holdId + "/warehouse-moves/" + moves.get(0).get("id") + "/confirmation",
                null,
                Map.of("lot", f.labelOf(lot), "location", f.barcode("Q1")));
        assertThat(confirmed.getStatusCode()).as("%s", confirmed.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(confirmed.getBody().get("state")).isEqualTo("CLOSED");
        assertThat(f.balancesOf(lot)).containsExactlyInAnyOrder("ADJ QUARANTINE -10", "SCRAP HOLD 10");
    }

    private long take(long lot, String key, HoldReason reason, long quantity) {
        return executor.inTransaction(() -> takingOver.takeOver(new TakingOverQuarantine.TakeOver(
                lot,
                List.of(new TakingOverQuarantine.Part(f.location("Q1"), quantity)),
                reason,
                "damaged in transit",
                "TRANSFER_ORDER",
                "TO-TEST-1",
                "sam",
                key)));
    }

    private long postings() {
        return jdbc.queryForObject("select count(*) from posting", Long.class);
    }

    private ResponseEntity<Map> post(String user, String path, String key, Map<String, ?> body) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, user + "-demo");
        h.setContentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            h.set("Idempotency-Key", key);
        }
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, h), Map.class);
    }

    private Map<?, ?> get(String path) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth("quinn", "quinn-demo");
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(h), Map.class)
                .getBody();
    }
}
