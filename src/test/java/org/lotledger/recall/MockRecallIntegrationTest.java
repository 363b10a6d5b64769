package org.lotledger.recall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.Reservation;
import org.lotledger.ledger.Reservations;
import org.lotledger.support.ApiClient;
import org.lotledger.support.HttpReply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The mock recall (issue 11 §4, ADR 0018) through the API on a batch of the test's own ({@link RecallBatch}): stock
 * AVAILABLE in two warehouses, reservations, stock in transit and shipments to two customers, so the hold plan and
 * the notice list are not empty. It changes nothing but its own run (every table's row count, the balances, the
 * reservations, holds, recalls and process instances compared before and after); its hold plan is what a LIVE
 * recall of the same scope then posts and voids, and its notice list is the LIVE recall's.
 */
@IntegrationTest
class MockRecallIntegrationTest {

    static final Actor QUINN = new Actor("quinn", Set.of("quality"));

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    Reservations reservations;

    @Autowired
    CatalogQueries catalog;

    @Autowired
    ManagementService management;

    @Autowired
    MockRecalls mockRecalls;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void a_mock_recall_of_a_batch_changes_nothing_but_its_own_run() {
        RecallBatch b = new RecallBatch(port, json, jdbc, ledger, reservations, catalog);
        shipToTwoCustomers(b);
        b.stage(b.lotA, b.line2, 5);
        assertThat(pending(b.lotA))
                .as("the order's allocation and the staged line")
                .isNotEmpty();

        Map<String, Object> before = snapshot();
        HttpReply run = b.quinn.post("/api/recalls", request(b.batch, "MOCK"));
        Map<String, Object> after = snapshot();

        assertThat(run.status()).as(run.text()).isEqualTo(201);
        assertThat(run.headers().firstValue("Location").orElse(null)).isEqualTo("/api/mock-recalls/" + run.id());
        JsonNode body = run.body();
        assertThat(body.get("mode").asText()).isEqualTo("MOCK");
        assertThat(body.at("/counts/lots").asInt()).isEqualTo(2);
        assertThat(body.at("/counts/balancesToHold").asInt())
                .as("lot A at EAST storage, EAST staging and CENTRAL; lot B at EAST storage")
                .isEqualTo(4);
        assertThat(body.at("/counts/reservationsVoided").asInt()).isPositive();
        assertThat(body.at("/counts/inTransitQuantity").asLong()).isEqualTo(12);
        assertThat(body.at("/counts/customers").asInt()).isEqualTo(2);
        assertThat(body.get("notices")).isNotEmpty();

        Map<String, Object> changed = new TreeMap<>();
        after.forEach((k, v) -> {
            if (!v.equals(before.get(k))) {
                changed.put(k, before.get(k) + " → " + v);
            }
        });
        assertThat(changed.keySet())
                .as("what the mock recall changed: %s", changed)
                .containsExactlyInAnyOrder("rows mock_recall_run", "rows idempotent_request");
        assertThat((long) after.get("rows mock_recall_run") - (long) before.get("rows mock_recall_run"))
                .isEqualTo(1);
        assertThat(b.balances(b.lotA)).contains("STORAGE AVAILABLE 70", "STAGING AVAILABLE 5", "CENTRAL AVAILABLE 40");
    }

    @Test
    void the_hold_plan_is_what_a_live_recall_then_posts_and_voids_and_the_notice_lists_are_equal() {
        // no order: a reservation a hold voids is not re-allocated onto the next lot of the batch before its hold
        // (the LIVE recall holds lot by lot; ADR 0018 "What it does not do")
        RecallBatch b = new RecallBatch(port, json, jdbc, ledger, reservations, catalog, false);
        shipToTwoCustomers(b);
        List<Long> reserved = List.of(
                reserve(b, b.lotA, b.storage, 7).id(),
                reserve(b, b.lotA, b.central, 4).id(),
                reserve(b, b.lotB, b.storage, 2).id());

        HttpReply mock = b.quinn.post("/api/recalls", request(b.batch, "MOCK"));
        assertThat(mock.status()).as(mock.text()).isEqualTo(201);
        JsonNode run = mock.body();
        assertThat(run.at("/counts/balancesToHold").asInt()).isEqualTo(3);
        assertThat(run.at("/counts/quantityToHold").asLong()).isEqualTo(75 + 40 + 25);
        assertThat(run.at("/counts/reservationsVoided").asInt()).isEqualTo(3);
        assertThat(run.at("/counts/inTransit").asInt()).isEqualTo(1);
        assertThat(run.at("/counts/notices").asInt()).isEqualTo(3);
        assertThat(run.get("balanced").asBoolean()).isTrue();
        Set<String> planned = new TreeSet<>();
        Set<Long> plannedVoids = new TreeSet<>();
        run.get("holdPlan").forEach(lot -> {
            lot.get("movements").forEach(m -> {
                assertThat(m.get("fromStatus").asText()).isEqualTo("AVAILABLE");
                assertThat(m.get("toStatus").asText()).isEqualTo("HOLD");
                planned.add(m.get("lotId").asLong() + "@" + m.get("locationId").asLong() + " "
                        + m.get("quantity").asLong());
            });
            lot.get("reservationsVoided")
                    .forEach(r -> plannedVoids.add(r.get("reservationId").asLong()));
        });
        assertThat(planned)
                .containsExactlyInAnyOrder(
                        b.lotA + "@" + b.storage + " 75",
                        b.lotA + "@" + b.central + " 40",
                        b.lotB + "@" + b.storage + " 25");
        assertThat(plannedVoids).containsExactlyInAnyOrderElementsOf(reserved);

        HttpReply read = ApiClient.as(port, json, "otto").get("/api/mock-recalls/" + mock.id());
        assertThat(read.status()).as(read.text()).isEqualTo(200);
        assertThat(read.body()).as("the run as stored is the run as answered").isEqualTo(run);

        HttpReply live = b.maria.post("/api/recalls", request(b.batch, "LIVE"));
        assertThat(live.status()).as(live.text()).isEqualTo(201);
        RecallFixtures.runHoldJobs(
                management, live.body().get("processInstanceId").asText());
        JsonNode recall = b.maria.get("/api/recalls/" + live.id()).body();
        assertThat(recall.get("status").asText()).isEqualTo("HOLDS_PLACED");
        List<Long> postings = new ArrayList<>();
        recall.get("lots").forEach(l -> {
            Long posting = jdbc.queryForObject(
                    "select place_posting_id from quality_hold where id = ?",
                    Long.class,
                    l.get("holdId").asLong());
            if (posting != null) {
                postings.add(posting);
            }
        });
        Set<String> posted = new TreeSet<>();
        Set<Long> voided = new TreeSet<>();
        for (long p : postings) {
            assertThat(jdbc.queryForObject("select posting_type from posting where id = ?", String.class, p))
                    .isEqualTo("STATUS_CHANGE");
            posted.addAll(jdbc.queryForList(
                    "select lot_id || '@' || location_id || ' ' || quantity::bigint from posting_leg"
                            + " where posting_id = ? and status = 'HOLD' and quantity > 0",
                    String.class,
                    p));
            voided.addAll(jdbc.queryForList(
                    "select id from stock_reservation where posting_id = ? and state = 'VOIDED' and void_reason = 'HOLD'",
                    Long.class,
                    p));
        }
        assertThat(posted).as("the LIVE recall's STATUS_CHANGE movements").isEqualTo(planned);
        assertThat(voided).as("the reservations the LIVE recall voided").isEqualTo(plannedVoids);

        JsonNode notices = b.maria.get("/api/recalls/" + live.id() + "/notices").body();
        assertThat(notices.get("notices")).as("the LIVE notice list").isEqualTo(run.get("notices"));
    }

    @Test
    void the_same_key_replays_the_run_another_request_with_it_is_409_and_who_may_do_what() {
        RecallBatch b = new RecallBatch(port, json, jdbc, ledger, reservations, catalog, false);
        Map<String, Object> mock = request(b.batch, "MOCK");
        String key = UUID.randomUUID().toString();
        long runs = count("mock_recall_run");

        HttpReply first = b.quinn.send("POST", "/api/recalls", mock, key);
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        HttpReply again = b.quinn.send("POST", "/api/recalls", mock, key);
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed").orElse(null))
                .isEqualTo("true");
        assertThat(again.text()).isEqualTo(first.text());
        Map<String, Object> other = new HashMap<>(mock);
        other.put("reason", "another reason");
        HttpReply reused = b.quinn.send("POST", "/api/recalls", other, key);
        assertThat(reused.status()).as(reused.text()).isEqualTo(409);
        assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(count("mock_recall_run")).isEqualTo(runs + 1);

        // the service keeps one run per key of its own (the door forgets answers after 30 days)
        StartingRecall.Request direct = new StartingRecall.Request(
                RecallScope.ofBatch(b.batch), "direct", RecallClass.III, RecallMode.MOCK, null);
        String directKey = "quinn:" + UUID.randomUUID();
        MockRecallRun one = mockRecalls.start(direct, QUINN, directKey);
        MockRecallRun same = mockRecalls.start(direct, QUINN, directKey);
        assertThat(same.id()).isEqualTo(one.id());
        assertThatThrownBy(() -> mockRecalls.start(
                        new StartingRecall.Request(
                                RecallScope.ofBatch(b.batch), "changed", RecallClass.III, RecallMode.MOCK, null),
                        QUINN,
                        directKey))
                .isInstanceOf(DomainException.class)
                .extracting("code")
                .isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(count("mock_recall_run")).isEqualTo(runs + 2);

        long recalls = count("recall");
        HttpReply liveByQuinn = b.quinn.post("/api/recalls", request(b.batch, "LIVE"));
        assertThat(liveByQuinn.status()).as(liveByQuinn.text()).isEqualTo(403);
        assertThat(liveByQuinn.code()).isEqualTo("RECALL_NOT_ALLOWED");
        ApiClient otto = ApiClient.as(port, json, "otto");
        HttpReply mockByOtto = otto.post("/api/recalls", mock);
        assertThat(mockByOtto.status()).as(mockByOtto.text()).isEqualTo(403);
        HttpReply empty = b.quinn.post("/api/recalls", request("NO-SUCH-" + b.tag, "MOCK"));
        assertThat(empty.status()).as(empty.text()).isEqualTo(422);
        assertThat(empty.code()).isEqualTo("RECALL_SCOPE_EMPTY");
        assertThat(count("mock_recall_run")).isEqualTo(runs + 2);
        assertThat(count("recall")).isEqualTo(recalls);

        HttpReply list = otto.get("/api/mock-recalls?limit=2");
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        assertThat(list.body()).hasSize(2);
        assertThat(list.body().get(0).get("id").asLong()).as("newest first").isEqualTo(one.id());
        assertThat(list.body().get(0).has("notices")).isFalse();
        HttpReply unknown = otto.get("/api/mock-recalls/999999999");
        assertThat(unknown.status()).as(unknown.text()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("UNKNOWN_MOCK_RECALL");
        HttpReply byWalt = b.walt.get("/api/mock-recalls/" + first.id());
        assertThat(byWalt.status()).isEqualTo(403);
    }

    @Test
    void the_mock_recall_line_of_the_benchmark_is_timed_through_the_service() {
        RecallBatch b = new RecallBatch(port, json, jdbc, ledger, reservations, catalog, false);
        shipToTwoCustomers(b);
        long runs = count("mock_recall_run");
        MockRecallTimings.Line line =
                MockRecallTimings.measure(mockRecalls, "batch", RecallScope.ofBatch(b.batch), 1, 3);
        assertThat(line.toString())
                .matches("mock-recall scope=batch total=\\d+\\.\\d{2} trace=\\d+\\.\\d{2} holds=\\d+\\.\\d{2}"
                        + " notices=\\d+\\.\\d{2}");
        assertThat(line.lots()).isEqualTo(2);
        assertThat(line.noticeCount()).isEqualTo(3);
        assertThat(count("mock_recall_run")).as("a rehearsal stores nothing").isEqualTo(runs);
    }

    @Test
    void a_rehearsal_refuses_a_read_committed_caller_and_the_door_gives_a_mock_request_one_repeatable_read_one() {
        RecallBatch b = new RecallBatch(port, json, jdbc, ledger, reservations, catalog, false);
        org.springframework.transaction.support.TransactionTemplate readCommitted =
                new org.springframework.transaction.support.TransactionTemplate(transactions);
        readCommitted.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_READ_COMMITTED);
        assertThatThrownBy(() -> readCommitted.execute(s -> mockRecalls.rehearse(RecallScope.ofBatch(b.batch), QUINN)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("REPEATABLE READ");
        // through the API the rehearsal joins the door's transaction (one connection per request): were it READ
        // COMMITTED, the check above would make this a 500
        HttpReply run = b.quinn.post("/api/recalls", request(b.batch, "MOCK"));
        assertThat(run.status()).as(run.text()).isEqualTo(201);
    }

    @Test
    void the_rehearsal_reads_in_a_read_only_repeatable_read_transaction_that_refuses_writes() {
        String inside = mockRecalls.snapshot.execute(s -> jdbc.queryForObject(
                "select current_setting('transaction_read_only') || ' ' || current_setting('transaction_isolation')",
                String.class));
        assertThat(inside).isEqualTo("on repeatable read");
        assertThatThrownBy(() -> mockRecalls.snapshot.execute(
                        s -> jdbc.update("insert into mock_recall_run (number) values ('never')")))
                .hasMessageContaining("read-only transaction");
    }

    @Test
    void the_readmes_mock_recall_of_the_demo_batch_answers_its_run_and_holds_nothing() {
        ApiClient quinn = ApiClient.as(port, json, "quinn");
        long holds = count("quality_hold");
        long postings = count("posting");
        HttpReply run = quinn.post(
                "/api/recalls",
                Map.of(
                        "scope",
                        Map.of("batchRef", "MFG-2026-0042"),
                        "reason",
                        "recall readiness drill",
                        "recallClass",
                        "I",
                        "mode",
                        "MOCK"));
        assertThat(run.status()).as(run.text()).isEqualTo(201);
        assertThat(run.body().get("scopeLabel").asText()).isEqualTo("batch MFG-2026-0042");
        assertThat(run.body().at("/counts/lots").asInt())
                .as("12345, 23456 and the relabelled child (which keeps the batch reference)")
                .isGreaterThanOrEqualTo(3)
                .isGreaterThanOrEqualTo(run.body().at("/counts/lotsMatched").asInt());
        assertThat(run.body().at("/counts/customers").asInt())
                .as("the story's four customers")
                .isGreaterThanOrEqualTo(4);
        assertThat(run.body().get("balanced").asBoolean()).isTrue();
        assertThat(count("quality_hold")).isEqualTo(holds);
        assertThat(count("posting")).isEqualTo(postings);
    }

    @Test
    void the_document_gives_the_two_answers_of_a_recall_start_with_mode_as_their_discriminator() throws Exception {
        JsonNode doc = json.readTree(
                ApiClient.as(port, json, "quinn").get("/v3/api-docs").text());
        for (String status : List.of("201", "200")) {
            JsonNode schema =
                    doc.at("/paths/~1api~1recalls/post/responses/" + status + "/content/application~1json/schema");
            List<String> refs = new ArrayList<>();
            schema.path("oneOf").forEach(r -> refs.add(r.path("$ref").asText()));
            assertThat(refs)
                    .as("%s: %s", status, schema)
                    .containsExactlyInAnyOrder("#/components/schemas/RecallView", "#/components/schemas/MockRecallRun");
            assertThat(schema.at("/discriminator/propertyName").asText()).isEqualTo("mode");
            assertThat(schema.at("/discriminator/mapping/MOCK").asText())
                    .isEqualTo("#/components/schemas/MockRecallRun");
            assertThat(schema.at("/discriminator/mapping/LIVE").asText()).isEqualTo("#/components/schemas/RecallView");
        }
        assertThat(doc.at("/components/schemas/MockRecallRun/properties/mode/enum")
                        .toString())
                .isEqualTo("[\"MOCK\"]");
    }

    // ---- helpers

    /** X gets 10 of lot A, Y 3 of lot A and 5 of lot B: three notices for two customers. */
    private static void shipToTwoCustomers(RecallBatch b) {
        long x = b.customer("X");
        long y = b.customer("Y");
        b.ship(b.lotA, x, "SH-X-" + b.tag, 10);
        b.ship(b.lotA, y, "SH-Y-" + b.tag, 3);
        b.ship(b.lotB, y, "SH-Y2-" + b.tag, 5);
    }

    private Reservation reserve(RecallBatch b, long lot, long location, long quantity) {
        // a demand no allocation re-decides (not a sales order id): the test's own
        return reservations.reserve(
                new Reservations.ReserveRequest(
                        new Reservation.Demand("SALES_ORDER", "SO-" + b.tag, "L" + quantity),
                        lot,
                        location,
                        quantity,
                        "reserved by the test"),
                org.lotledger.support.EastSalesOrders.OTTO,
                UUID.randomUUID().toString());
    }

    private List<Reservation> pending(long lot) {
        return reservations.pending(List.of(lot), null);
    }

    private static Map<String, Object> request(String batch, String mode) {
        return Map.of(
                "scope",
                Map.of("batchRef", batch),
                "reason",
                "supplier notice: sterility",
                "recallClass",
                "I",
                "mode",
                mode,
                "note",
                "rehearsal");
    }

    /**
     * Every table's row count (the application's, Camunda's runtime and history, jobs and decision records
     * included; not Camunda's metrics log, which the engine flushes on its own schedule) and what an update would
     * change without changing a count: the balances, reservation states, hold and recall states, lot heads,
     * sales order allocations.
     */
    private Map<String, Object> snapshot() {
        Map<String, Object> s = new TreeMap<>();
        for (String table : jdbc.queryForList("""
                select table_name from information_schema.tables
                 where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'flyway%'
                   and table_name not in ('act_ru_meter_log', 'act_ru_task_meter_log')
                 order by table_name""", String.class)) {
            s.put("rows " + table, count(table));
        }
        s.put(
                "stock_balance",
                md5("select lot_id || ':' || location_id || ':' || status || ':' || quantity from stock_balance"
                        + " order by lot_id, location_id, status"));
        s.put(
                "stock_reservation",
                md5("select id || ':' || state || ':' || coalesce(posting_id, 0) from stock_reservation order by id"));
        s.put("quality_hold", md5("select id || ':' || state from quality_hold order by id"));
        s.put("recall", md5("select id || ':' || status from recall order by id"));
        s.put("lot_ledger_head", md5("select lot_id || ':' || last_seq from lot_ledger_head order by lot_id"));
        s.put(
                "sales_order_line",
                md5("select id || ':' || allocated_base_quantity || ':' || status from sales_order_line order by id"));
        s.put("posting_leg quantity", jdbc.queryForObject("select sum(quantity) from posting_leg", Object.class));
        return s;
    }

    private String md5(String select) {
        return jdbc.queryForObject(
                "select md5(coalesce(string_agg(x, ','), '')) from (" + select + ") t(x)", String.class);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from \"" + table + "\"", Long.class);
    }
}
