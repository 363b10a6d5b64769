package org.lotledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The ledger through HTTP as a scanner uses it: problem details, idempotency keys, no partial postings. */
@IntegrationTest
class LedgerApiTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcTemplate jdbc;

    LedgerFixtures f;
    long lot;

    @BeforeEach
    void stock() {
        f = new LedgerFixtures(jdbc);
        lot = f.newLot();
        f.stock(ledger, lot, "A1", StockStatus.AVAILABLE, 20);
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

    private Map<String, Object> move(Number qty) {
        return Map.of(
                "lot",
                f.labelOf(lot),
                "fromLocation",
                f.barcode("A1"),
                "toLocation",
                f.barcode("A2"),
                "quantity",
                qty,
                "unit",
                "EA");
    }

    private long postings() {
        return jdbc.queryForObject("select count(*) from posting", Long.class);
    }

    @Test
    void a_scanner_retrying_with_the_same_key_gets_the_original_posting_back() {
        String key = f.key();
        ResponseEntity<Map> first = post("walt", "/api/moves", key, move(4));
        long count = postings();
        ResponseEntity<Map> again = post("walt", "/api/moves", key, move(4));

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getHeaders().getLocation())
                .hasPath("/api/postings/" + first.getBody().get("id"));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getBody().get("id")).isEqualTo(first.getBody().get("id"));
        assertThat(postings()).isEqualTo(count);
        assertThat(f.balancesOf(lot)).containsExactly("A1 AVAILABLE 16", "A2 AVAILABLE 4", "ADJ AVAILABLE -20");
    }

    @Test
    void the_same_key_with_another_payload_is_a_409_problem() {
        String key = f.key();
        post("walt", "/api/moves", key, move(4));
        ResponseEntity<Map> other = post("walt", "/api/moves", key, move(5));

        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(other.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(other.getBody())
                .containsEntry("code", "IDEMPOTENCY_KEY_REUSED")
                .containsEntry("type", "urn:lotledger:problem:IDEMPOTENCY_KEY_REUSED");
        assertThat(f.balancesOf(lot)).containsExactly("A1 AVAILABLE 16", "A2 AVAILABLE 4", "ADJ AVAILABLE -20");
    }

    @Test
    void refused_requests_are_problem_details_with_stable_codes_and_post_nothing() {
        long before = postings();
        assertThat(post("walt", "/api/moves", f.key(), move(21)).getBody())
                .containsEntry("code", "INSUFFICIENT_BALANCE")
                .containsEntry("status", 422);
        assertThat(post(
                                "walt",
                                "/api/moves",
                                f.key(),
                                Map.of(
                                        "lot",
                                        "NO-SUCH-LOT",
                                        "fromLocation",
                                        f.barcode("A1"),
                                        "toLocation",
                                        f.barcode("A2"),
                                        "quantity",
                                        1,
                                        "unit",
                                        "EA"))
                        .getBody())
                .containsEntry("code", "UNKNOWN_LOT")
                .containsEntry("status", 404);
        assertThat(post(
                                "walt",
                                "/api/moves",
                                f.key(),
                                Map.of(
                                        "lot",
                                        f.labelOf(lot),
                                        "fromLocation",
                                        f.barcode("A1"),
                                        "toLocation",
                                        "NOWHERE",
                                        "quantity",
                                        1,
                                        "unit",
                                        "EA"))
                        .getBody())
                .containsEntry("code", "UNKNOWN_LOCATION");
        assertThat(post("walt", "/api/moves", f.key(), move(-1)).getBody()).containsEntry("code", "INVALID_QUANTITY");
        assertThat(post("walt", "/api/moves", f.key(), move(new java.math.BigDecimal("0.5")))
                        .getBody())
                .containsEntry("code", "UOM_NOT_CONVERTIBLE");
        assertThat(post("walt", "/api/moves", org.lotledger.support.IdempotencyKeys.NONE, move(1))
                        .getBody())
                .containsEntry("code", "IDEMPOTENCY_KEY_REQUIRED");
        assertThat(post("walt", "/api/moves", f.key(), Map.of("lot", f.labelOf(lot)))
                        .getBody())
                .containsEntry("code", "VALIDATION_FAILED");
        assertThat(postings()).isEqualTo(before);
        assertThat(f.balancesOf(lot)).containsExactly("A1 AVAILABLE 20", "ADJ AVAILABLE -20");
    }

    @Test
    void balances_history_and_reversal_are_reachable_over_http() {
        ResponseEntity<Map> moved = post("walt", "/api/moves", f.key(), move(5));
        Number postingId = (Number) moved.getBody().get("id");
        ResponseEntity<Map> reversal = post(
                "ivy",
                "/api/postings/" + postingId + "/reversal",
                f.key(),
                Map.of("reasonCode", "DATA_ENTRY_ERROR", "note", "scanned the wrong bin"));

        assertThat(reversal.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(reversal.getBody()).containsEntry("type", "REVERSAL").containsEntry("reversesPostingId", postingId);
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth("fiona", "fiona-demo");
        ResponseEntity<Object[]> history =
                http.exchange("/api/lots/" + lot + "/history", HttpMethod.GET, new HttpEntity<>(h), Object[].class);
        assertThat(history.getBody()).hasSize(6);
        ResponseEntity<Object[]> balances =
                http.exchange("/api/balances?lot=" + lot, HttpMethod.GET, new HttpEntity<>(h), Object[].class);
        assertThat(balances.getBody()).hasSize(1);
        assertThat((Map<String, Object>) balances.getBody()[0])
                .containsEntry("quantity", 20)
                .containsEntry("value", 50);
    }
}
