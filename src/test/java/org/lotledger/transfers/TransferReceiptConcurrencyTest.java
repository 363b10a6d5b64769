package org.lotledger.transfers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.ledger.Ledger;
import org.lotledger.support.ApiClient;
import org.lotledger.support.HttpReply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Receivers scanning the same lot label of one transfer at once, threads against the real database through the API:
 * whatever the interleaving, no more is received than was shipped (the hold-decision lock, then the transfer's row,
 * then the ledger's lot lock), the in-transit location never goes below zero, and every unit scanned above what was
 * in transit is kept set aside.
 */
@IntegrationTest
class TransferReceiptConcurrencyTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    Ledger ledger;

    @Test
    void receivers_scanning_one_lot_at_once_never_receive_more_than_was_shipped() throws Exception {
        TransferFixture fx = new TransferFixture(jdbc, ledger, json, port, 10, 0);
        JsonNode t = fx.dispatched(fx.order(fx.bySku(10)), null);
        long id = t.get("id").asLong();
        String path = "/api/transfer-orders/" + id + "/receipts";
        // rita (receiving) and wes (warehouse), both of WEST, two scanners each, every scan 6 of the 10 shipped
        List<ApiClient> receivers = List.of(fx.rita, fx.wes, fx.rita, fx.wes, fx.rita, fx.wes);
        Map<String, Object> scan =
                TransferReceiptsApiTest.scan(fx.f.gs1(fx.lotA), 6, "EA", TransferReceiptsApiTest.AMB_1, "GOOD");
        ExecutorService pool = Executors.newFixedThreadPool(receivers.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpReply>> replies = new ArrayList<>();
        for (ApiClient r : receivers) {
            Callable<HttpReply> call = () -> {
                start.await();
                return r.post(path, scan);
            };
            replies.add(pool.submit(call));
        }
        start.countDown();
        Map<String, Integer> answers = new TreeMap<>();
        long received = 0;
        long setAsideInAnswers = 0;
        for (Future<HttpReply> f : replies) {
            HttpReply reply = f.get(120, TimeUnit.SECONDS);
            answers.merge(reply.status() + " " + (reply.status() == 201 ? "" : reply.code()), 1, Integer::sum);
            assertThat(reply.status()).as(reply.text()).isIn(201, 409);
            if (reply.status() == 201) {
                received += reply.body().get("receivedQuantity").asLong();
                setAsideInAnswers += reply.body().get("setAsideQuantity").asLong();
            } else {
                assertThat(reply.code()).isEqualTo("NOT_IN_TRANSIT");
                setAsideInAnswers += 6;
            }
        }
        pool.shutdown();
        System.out.println("transfer-receipt-concurrency answers=" + answers);

        // 6 + 4 received by the first two, 2 + 6 × 4 set aside
        assertThat(received).isEqualTo(10);
        assertThat(answers).containsEntry("201 ", 2).containsEntry("409 NOT_IN_TRANSIT", 4);
        assertThat(fx.balance(fx.lotA, fx.inTransit)).isZero();
        assertThat(jdbc.queryForObject(
                        "select received_quantity from transfer_shipped_lot where transfer_order_id = ?",
                        BigDecimal.class,
                        id))
                .isEqualByComparingTo("10");
        assertThat(jdbc.queryForObject(
                        """
                        select coalesce(sum(g.quantity), 0) from posting p join posting_leg g on g.posting_id = p.id
                         where p.posting_type = 'TRANSFER_IN' and p.reference_id = ? and g.quantity > 0""", BigDecimal.class, t.get("orderNumber").asText()))
                .isEqualByComparingTo("10");
        Map<String, Object> kept = jdbc.queryForMap("""
                select coalesce(sum(quantity) filter (where outcome = 'RECEIVED'), 0) as received,
                       coalesce(sum(quantity) filter (where outcome = 'SET_ASIDE'), 0) as set_aside
                  from transfer_receipt_scan where transfer_order_id = ?""", id);
        assertThat((BigDecimal) kept.get("received")).isEqualByComparingTo("10");
        assertThat((BigDecimal) kept.get("set_aside")).isEqualByComparingTo(BigDecimal.valueOf(setAsideInAnswers));
        assertThat(setAsideInAnswers).isEqualTo(6 * 6 - 10);
    }

    @Autowired
    ReceivingTransfers receiving;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager txManager;

    /**
     * The set-aside row of a refused NOT_IN_TRANSIT scan is stored after the rollback, in a transaction of its own
     * under the order's lock: stored while the receipt is open, skipped once it was closed for good meanwhile (the
     * seam is the very method the after-rollback hook runs).
     */
    @Test
    void a_set_aside_scan_kept_after_the_rollback_is_skipped_once_the_receipt_closed_for_good() {
        TransferFixture fx = new TransferFixture(jdbc, ledger, json, port, 10, 10);
        JsonNode t = fx.dispatched(fx.order(fx.bySku(10)), null);
        long id = t.get("id").asLong();
        String path = "/api/transfer-orders/" + id + "/receipts";
        long amb1 = jdbc.queryForObject("select id from location where barcode = 'WEST-AMB-01-01'", Long.class);
        long line =
                jdbc.queryForObject("select id from transfer_order_line where transfer_order_id = ?", Long.class, id);
        var tx = new org.springframework.transaction.support.TransactionTemplate(txManager);
        java.util.function.Function<String, TransferReceiptRows.NewScan> setAside =
                key -> new TransferReceiptRows.NewScan(
                        id,
                        line,
                        null,
                        fx.lotB,
                        fx.f.label(fx.lotB),
                        amb1,
                        "GOOD",
                        2,
                        "SET_ASIDE",
                        null,
                        null,
                        null,
                        "NOT_SHIPPED",
                        null,
                        null,
                        null,
                        false,
                        key,
                        "rita");
        String count =
                "select count(*) from transfer_receipt_scan where transfer_order_id = ? and outcome = 'SET_ASIDE'";

        assertThat(tx.<Boolean>execute(s -> receiving.keepSetAside(setAside.apply("open-" + fx.f.tag)))
                        .booleanValue())
                .as("receipt open")
                .isTrue();
        assertThat(jdbc.queryForObject(count, Long.class, id)).isEqualTo(1);

        HttpReply a = fx.rita.post(
                path, TransferReceiptsApiTest.scan(fx.f.label(fx.lotA), 10, "EA", "WEST-AMB-01-01", "GOOD"));
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        HttpReply close = fx.rita.post(path + "/close", null);
        assertThat(close.status()).as(close.text()).isEqualTo(200);

        assertThat(tx.<Boolean>execute(s -> receiving.keepSetAside(setAside.apply("late-" + fx.f.tag)))
                        .booleanValue())
                .as("closed for good: nothing in transit")
                .isFalse();
        assertThat(jdbc.queryForObject(count, Long.class, id)).isEqualTo(1);
    }
}
