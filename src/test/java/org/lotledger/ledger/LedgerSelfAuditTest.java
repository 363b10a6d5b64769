package org.lotledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.common.Actor;
import org.lotledger.quality.HoldReason;
import org.lotledger.quality.HoldScope;
import org.lotledger.quality.PlacingHold;
import org.lotledger.quality.ReleasingHold;
import org.lotledger.support.ApiClient;
import org.lotledger.support.HttpReply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class LedgerSelfAuditTest {

    @Autowired
    LedgerSelfAudit audit;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestRestTemplate http;

    @Autowired
    MovingStock moving;

    @Autowired
    PlacingHold placing;

    @Autowired
    ReleasingHold releasing;

    @Autowired
    PlatformTransactionManager txManager;

    @Autowired
    DataSource dataSource;

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    @Test
    void a_balance_row_corrupted_behind_the_ledgers_back_is_caught_and_alerts_without_taking_the_node_down() {
        LedgerFixtures f = new LedgerFixtures(jdbc);
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", StockStatus.AVAILABLE, 12);
        assertThat(audit.run("TEST").discrepancies()).isEmpty();

        jdbc.update(
                "update stock_balance set quantity = quantity + 1 where lot_id = ? and location_id = ?",
                lot,
                f.location("A1"));
        try {
            LedgerSelfAudit.AuditResult result = audit.run("TEST");

            assertThat(result.discrepancies())
                    .containsExactly(new LedgerSelfAudit.Discrepancy(
                            lot,
                            f.location("A1"),
                            "AVAILABLE",
                            new java.math.BigDecimal("13.0000"),
                            new java.math.BigDecimal("12.0000")));
            assertThat(jdbc.queryForObject(
                            "select discrepancy_count from ledger_audit_run where id = ?",
                            Integer.class,
                            result.runId()))
                    .isEqualTo(1);
            ResponseEntity<Map> ledgerHealth = http.getForEntity("/actuator/health/ledger", Map.class);
            assertThat(ledgerHealth.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(ledgerHealth.getBody()).containsEntry("status", "DISCREPANCY");
            assertThat(http.getForEntity("/actuator/health/liveness", Map.class).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            assertThat(http.getForEntity("/actuator/health/readiness", Map.class)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            assertThat(http.getForEntity("/actuator/health", Map.class).getBody())
                    .containsEntry("status", "UP");
        } finally {
            jdbc.update(
                    "update stock_balance set quantity = quantity - 1 where lot_id = ? and location_id = ?",
                    lot,
                    f.location("A1"));
        }
        assertThat(audit.run("TEST").discrepancies()).isEmpty();
        assertThat(http.getForEntity("/actuator/health/ledger", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void hold_stock_agrees_with_what_the_open_holds_say_they_hold_and_a_broken_quality_book_is_found() {
        LedgerFixtures f = new LedgerFixtures(jdbc);
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", StockStatus.AVAILABLE, 30);
        long holdId = placing.place(
                        new PlacingHold.HoldRequest(HoldScope.LOT, lot, null, HoldReason.INVESTIGATION, null),
                        LedgerFixtures.QUALITY,
                        f.key())
                .hold()
                .id();
        moving.move(
                new MovingStock.ScanMove(
                        null,
                        f.labelOf(lot),
                        f.barcode("A1"),
                        f.barcode("A2"),
                        BigDecimal.TEN,
                        "EA",
                        StockStatus.HOLD,
                        null),
                LedgerFixtures.QUALITY,
                f.key());
        try {
            LedgerSelfAudit.AuditResult consistent = audit.run("TEST");
            assertThat(consistent.holdDiscrepancies())
                    .as("placed, moved by quality: the book follows")
                    .isEmpty();
            assertThat(consistent.clean()).isTrue();

            // the book says 4 more at A2 and 3 fewer at A1 than the HOLD balances: committed, because the audit reads
            // in a transaction of its own, and taken out again below (the book is append-only: its triggers are
            // switched off for the clean-up alone)
            long place =
                    jdbc.queryForObject("select place_posting_id from quality_hold where id = ?", Long.class, holdId);
            long movement = jdbc.queryForObject(
                    "insert into quality_hold_movement (hold_id, lot_id, location_id, "
                            + "quantity, posting_id) values (?, ?, ?, 4, ?) returning id",
                    Long.class,
                    holdId,
                    lot,
                    f.location("A2"),
                    place);
            long outcome = jdbc.queryForObject(
                    "insert into quality_hold_outcome (hold_id, outcome, lot_id, location_id, "
                            + "quantity, request_key, decided_by) values (?, 'NOT_FOUND', ?, ?, 3, 'test', 'test') returning id",
                    Long.class,
                    holdId,
                    lot,
                    f.location("A1"));
            try {
                LedgerSelfAudit.AuditResult broken = audit.run("TEST");
                assertThat(broken.holdDiscrepancies())
                        .extracting(d -> f.codeOf(d.locationId()) + " ledger "
                                + d.heldInLedger().stripTrailingZeros().toPlainString() + ", holds " + d.heldByHolds()
                                + " "
                                + d.holdIds())
                        .containsExactly(
                                "A1 ledger 20, holds 17 [" + holdId + "]", "A2 ledger 10, holds 14 [" + holdId + "]");
                assertThat(broken.clean()).isFalse();
                assertThat(jdbc.queryForObject(
                                "select discrepancy_count from ledger_audit_run where id = ?",
                                Integer.class,
                                broken.runId()))
                        .isEqualTo(2);
                assertThat(http.getForEntity("/actuator/health/ledger", Map.class)
                                .getStatusCode())
                        .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            } finally {
                new TransactionTemplate(txManager).executeWithoutResult(tx -> {
                    jdbc.execute("alter table quality_hold_movement disable trigger quality_hold_movement_append_only");
                    jdbc.execute("alter table quality_hold_outcome disable trigger quality_hold_outcome_append_only");
                    jdbc.update("delete from quality_hold_movement where id = ?", movement);
                    jdbc.update("delete from quality_hold_outcome where id = ?", outcome);
                    jdbc.execute("alter table quality_hold_movement enable trigger quality_hold_movement_append_only");
                    jdbc.execute("alter table quality_hold_outcome enable trigger quality_hold_outcome_append_only");
                });
            }
            assertThat(audit.run("TEST").holdDiscrepancies())
                    .as("the book as it was")
                    .isEmpty();
        } finally {
            releasing.release(holdId, null, "cleared", new Actor("maria", Set.of("quality-managers")), f.key());
        }
        assertThat(f.balancesOf(lot))
                .contains("A1 AVAILABLE 20", "A2 AVAILABLE 10")
                .noneMatch(r -> r.contains(" HOLD "));
        assertThat(audit.run("TEST").clean()).isTrue();
    }

    @Test
    void available_stock_left_in_a_zone_that_refuses_it_is_listed_with_its_age_until_it_is_put_away() {
        LedgerFixtures f = new LedgerFixtures(jdbc);
        long lot = f.newLot();
        f.stock(ledger, lot, "Q1", StockStatus.QUARANTINE, 10);
        // accepted where it is, as an inspection accepts stock at the dock: a status change in place is allowed
        ledger.post(PostingRequest.of(PostingType.STATUS_CHANGE, LedgerFixtures.QUALITY, f.key())
                .movement(new Movement(
                        lot, f.location("Q1"), StockStatus.QUARANTINE, f.location("Q1"), StockStatus.AVAILABLE, 10))
                .build());

        LedgerSelfAudit.AuditResult r = audit.run("TEST");
        assertThat(r.availableStockInZonesThatRefuseIt())
                .filteredOn(m -> m.lotId() == lot)
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.locationId()).isEqualTo(f.location("Q1"));
                    assertThat(m.zoneCode()).isEqualTo("QUAR");
                    assertThat(m.quantity()).isEqualByComparingTo("10");
                    assertThat(m.since()).isNotNull();
                    assertThat(m.age().isNegative()).isFalse();
                });

        ledger.post(PostingRequest.of(PostingType.PUTAWAY, LedgerFixtures.WAREHOUSE, f.key())
                .movement(new Movement(
                        lot, f.location("Q1"), StockStatus.AVAILABLE, f.location("A1"), StockStatus.AVAILABLE, 10))
                .build());
        assertThat(audit.run("TEST").availableStockInZonesThatRefuseIt()).noneMatch(m -> m.lotId() == lot);
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
            waitUntil(
                    () -> audit.callersWaiting() == callers - 1 || blockedOnTheTable() == callers,
                    Duration.ofSeconds(20));
            blocker.commit();
        }
        List<HttpReply> answers = new ArrayList<>();
        for (Future<HttpReply> f : replies) {
            answers.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.text()).isEqualTo(200));
        assertThat(answers)
                .extracting(r -> r.body().get("runId").asLong())
                .as("every caller got the one run")
                .containsOnly(answers.get(0).body().get("runId").asLong());
        assertThat(answers)
                .extracting(r -> r.body().get("startedAt").asText())
                .containsOnly(answers.get(0).body().get("startedAt").asText());
        assertThat(runs() - runsBefore).as("rebuilds recorded").isOne();
        assertThat(Instant.parse(answers.get(0).body().get("startedAt").asText()))
                .isAfterOrEqualTo(before.minusSeconds(5));
    }

    @Test
    void the_scheduled_audit_runs_once_however_many_nodes_fire_it() throws Exception {
        Instant started = jdbc.queryForObject("select clock_timestamp()", java.sql.Timestamp.class)
                .toInstant();
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

        assertThat(jdbc.queryForObject(
                        "select count(*) from ledger_audit_run where trigger = 'SCHEDULED' and started_at >= ?",
                        Long.class,
                        java.sql.Timestamp.from(started)))
                .isOne();
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

    private static void waitUntil(java.util.function.BooleanSupplier condition, Duration atMost)
            throws InterruptedException {
        long end = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
    }
}
