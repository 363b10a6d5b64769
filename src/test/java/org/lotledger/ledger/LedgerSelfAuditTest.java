package org.lotledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class LedgerSelfAuditTest {

    @Autowired LedgerSelfAudit audit;
    @Autowired Ledger ledger;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate http;

    @Test
    void a_balance_row_corrupted_behind_the_ledgers_back_is_caught_and_alerts_without_taking_the_node_down() {
        LedgerFixtures f = new LedgerFixtures(jdbc);
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", StockStatus.AVAILABLE, 12);
        assertThat(audit.run("TEST").discrepancies()).isEmpty();

        jdbc.update("update stock_balance set quantity = quantity + 1 where lot_id = ? and location_id = ?", lot, f.location("A1"));
        try {
            LedgerSelfAudit.AuditResult result = audit.run("TEST");

            assertThat(result.discrepancies()).containsExactly(new LedgerSelfAudit.Discrepancy(lot, f.location("A1"),
                    "AVAILABLE", new java.math.BigDecimal("13.0000"), new java.math.BigDecimal("12.0000")));
            assertThat(jdbc.queryForObject("select discrepancy_count from ledger_audit_run where id = ?", Integer.class,
                    result.runId())).isEqualTo(1);
            ResponseEntity<Map> ledgerHealth = http.getForEntity("/actuator/health/ledger", Map.class);
            assertThat(ledgerHealth.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(ledgerHealth.getBody()).containsEntry("status", "DISCREPANCY");
            assertThat(http.getForEntity("/actuator/health/liveness", Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(http.getForEntity("/actuator/health/readiness", Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(http.getForEntity("/actuator/health", Map.class).getBody()).containsEntry("status", "UP");
        } finally {
            jdbc.update("update stock_balance set quantity = quantity - 1 where lot_id = ? and location_id = ?", lot, f.location("A1"));
        }
        assertThat(audit.run("TEST").discrepancies()).isEmpty();
        assertThat(http.getForEntity("/actuator/health/ledger", Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
