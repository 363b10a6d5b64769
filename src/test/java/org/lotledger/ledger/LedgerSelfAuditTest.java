package org.lotledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.support.ApiClient;
import org.lotledger.support.HttpReply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class LedgerSelfAuditTest {

    @Autowired LedgerSelfAudit audit;
    @Autowired Ledger ledger;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate http;
    @Autowired DataSource dataSource;
    @Autowired ObjectMapper json;
    @LocalServerPort int port;

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

    @Test
    void callers_asking_for_an_audit_while_one_runs_all_get_that_one_and_only_one_rebuild_runs() throws Exception {
        int callers = 6;
        Instant before = Instant.now();
        long runsBefore = runs();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<HttpReply>> replies = new ArrayList<>();
        // the first rebuild is held at its first read until every other caller has asked too: a table lock that
        // the audit's snapshot read waits for (postings are not running in this test)
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement st = blocker.createStatement()) {
                st.execute("lock table stock_balance in access exclusive mode");
            }
            for (int i = 0; i < callers; i++) {
                // every POST carries its own Idempotency-Key (ApiClient.postPosting)
                Callable<HttpReply> call = () -> ApiClient.as(port, json, "ivy").postPosting("/api/ledger/audit", null);
                replies.add(pool.submit(call));
                if (i == 0) {
                    waitUntil(() -> audit.rebuildsStarted() > 0 || blockedOnTheTable() > 0, Duration.ofSeconds(20));
                }
            }
            waitUntil(() -> audit.callersWaiting() == callers - 1 || blockedOnTheTable() == callers,
                    Duration.ofSeconds(20));
            blocker.commit();
        }
        List<HttpReply> answers = new ArrayList<>();
        for (Future<HttpReply> f : replies) {
            answers.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.text()).isEqualTo(200));
        assertThat(answers).extracting(r -> r.body().get("runId").asLong()).as("every caller got the one run")
                .containsOnly(answers.get(0).body().get("runId").asLong());
        assertThat(answers).extracting(r -> r.body().get("startedAt").asText()).containsOnly(
                answers.get(0).body().get("startedAt").asText());
        assertThat(runs() - runsBefore).as("rebuilds recorded").isOne();
        assertThat(Instant.parse(answers.get(0).body().get("startedAt").asText())).isAfterOrEqualTo(
                before.minusSeconds(5));
    }

    @Test
    void the_scheduled_audit_runs_once_however_many_nodes_fire_it() throws Exception {
        Instant started = jdbc.queryForObject("select clock_timestamp()", java.sql.Timestamp.class).toInstant();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> fired = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            fired.add(pool.submit(audit::scheduled));
        }
        for (Future<?> f : fired) {
            f.get(60, TimeUnit.SECONDS);
        }
        // a node whose clock runs a little behind fires after the others finished
        audit.scheduled();
        pool.shutdown();

        assertThat(jdbc.queryForObject("select count(*) from ledger_audit_run where trigger = 'SCHEDULED' and started_at >= ?",
                Long.class, java.sql.Timestamp.from(started))).isOne();
    }

    private long runs() {
        return jdbc.queryForObject("select count(*) from ledger_audit_run", Long.class);
    }

    /** Sessions of callers waiting for the table lock the test holds, i.e. rebuilds in progress. */
    private int blockedOnTheTable() {
        return jdbc.queryForObject("""
                select count(*) from pg_locks l join pg_class c on c.oid = l.relation
                 where c.relname = 'stock_balance' and not l.granted""", Integer.class);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, Duration atMost) throws InterruptedException {
        long end = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
    }
}
