package org.lotledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.lotledger.platform.web.WriteOperationCases.ERP;
import static org.lotledger.platform.web.WriteOperationCases.IVY;
import static org.lotledger.platform.web.WriteOperationCases.QUINN;
import static org.lotledger.platform.web.WriteOperationCases.RITA;
import static org.lotledger.platform.web.WriteOperationCases.WALT;
import static org.lotledger.platform.web.WriteOperationCases.adjustment;
import static org.lotledger.platform.web.WriteOperationCases.body;
import static org.lotledger.platform.web.WriteOperationCases.code;
import static org.lotledger.platform.web.WriteOperationCases.gloveLot;
import static org.lotledger.platform.web.WriteOperationCases.move;
import static org.lotledger.platform.web.WriteOperationCases.with;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.lotledger.IntegrationTest;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.LedgerFixtures;
import org.lotledger.ledger.StockStatus;
import org.lotledger.platform.web.ContractHttp.Answer;
import org.lotledger.platform.web.ContractHttp.Call;
import org.lotledger.platform.web.WriteOperationCases.Scenario;
import org.lotledger.support.IdempotencyKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The idempotency contract of ADR 0009, held by every write operation the API document ({@code /v3/api-docs}) lists,
 * read from the running application, so that an operation added later is covered without anyone remembering to
 * (and fails here until {@link WriteOperationCases} has a case for it). Over HTTP to the running server. For every
 * operation, on fresh fixtures:
 * <ol>
 *   <li>no key, a malformed key, an {@code Accept} without JSON and a body that is not JSON are refused at the
 *       door with their codes, and change nothing;</li>
 *   <li>a refused request leaves its key free; the first success answers its status; the same key and request
 *       again get that answer back (201 as 200) byte for byte with {@code Idempotent-Replayed: true}, changing
 *       nothing; the same key with another request is 409 {@code IDEMPOTENCY_KEY_REUSED}, changing nothing;</li>
 *   <li>50 parallel duplicates with one key have the effect of one call (the row-count change of one sequential
 *       call) and all get the one answer: one not replayed, 49 replayed, 50 equal bodies.</li>
 * </ol>
 * "Changes nothing" is measured as the row counts of every application table ({@link TableCounts}). The findings
 * of issue 7 are test methods of their own below.
 */
@IntegrationTest
class IdempotencyContractTest {

    static final int DUPLICATES = 50;
    static final ExecutorService CLIENTS = Executors.newFixedThreadPool(16);

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    ContractHttp http;
    TableCounts tables;
    WriteOperationCases cases;

    @BeforeEach
    void client() {
        http = new ContractHttp(port);
        tables = new TableCounts(jdbc);
        cases = new WriteOperationCases(http, jdbc, ledger, json, context);
    }

    @AfterAll
    static void stopClients() {
        CLIENTS.shutdownNow();
    }

    // ---- the contract, over every write operation of the document -------------------------------------------------

    @TestFactory
    Stream<DynamicNode> every_write_operation_of_the_api_document_keeps_the_idempotency_contract() {
        Set<String> documented = writeOperationsOfTheDocument();
        assertThat(documented).as("write operations in /v3/api-docs").isNotEmpty();
        List<DynamicNode> nodes = new ArrayList<>();
        for (String operation : documented) {
            if (!operation.split(" ", 2)[1].startsWith("/api/")) {
                nodes.add(dynamicTest(
                        operation + " is not in the API document (the door guards /api only)",
                        () -> fail("/v3/api-docs lists the write operation " + operation
                                + ", outside /api where the idempotency "
                                + "door (ApiEdgeFilter, IdempotentWrites) does not apply: hide it from the document "
                                + "(e.g. @Hidden on its controller) or move it under /api.")));
                continue;
            }
            Map<String, Supplier<Scenario>> variants = cases.casesFor(operation);
            if (variants.isEmpty()) {
                nodes.add(dynamicTest(
                        operation + " has a case in the contract's table",
                        () -> fail("The write operation " + operation
                                + " of /v3/api-docs needs a case in WriteOperationCases "
                                + "(a fresh fixture, a valid request, another request and a refused one) so the "
                                + "idempotency contract covers it.")));
            }
            // every variant of the operation (a body that selects what it does, e.g. a recall's mode) keeps the
            // whole contract on fixtures of its own
            variants.forEach((name, c) -> nodes.add(contract(name, c)));
        }
        Set<String> stale = new TreeSet<>(cases.operations());
        stale.removeAll(documented);
        nodes.add(dynamicTest(
                "every case of the table is an operation of the document",
                () -> assertThat(stale)
                        .as(
                                "cases in WriteOperationCases for operations /v3/api-docs does not list (renamed or removed?)")
                        .isEmpty()));
        return nodes.stream();
    }

    /** The write operations (POST, PUT, PATCH, DELETE) of /v3/api-docs, as "METHOD /path/{var}". */
    private Set<String> writeOperationsOfTheDocument() {
        Answer docs = http.getAnonymously("/v3/api-docs");
        assertThat(docs.status()).as("%s", docs).isEqualTo(200);
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        docs.json().get("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("post", "put", "patch", "delete")) {
                if (path.getValue().has(method)) {
                    operations.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    /** What the tests of one operation share: the fixture of the sequential run and what it found. */
    private static final class Run {
        Scenario scenario;
        Map<String, Long> before;
        String key;
        Answer first;
        Map<String, Long> afterFirst;
        Map<String, Long> effect;
    }

    private DynamicNode contract(String operation, Supplier<Scenario> fixture) {
        Run run = new Run();
        return dynamicContainer(
                operation,
                Stream.of(
                        dynamicTest(
                                "refusals at the door (no key, malformed key, Accept without JSON, a body not JSON) change nothing",
                                () -> refusalsAtTheDoor(operation, fixture, run)),
                        dynamicTest(
                                "a refused request leaves its key free, and the first success answers as the case says",
                                () -> refusedThenFirst(operation, fixture, run)),
                        dynamicTest(
                                "the same key and request replay the first answer byte for byte and change nothing",
                                () -> replay(operation, run)),
                        dynamicTest(
                                "the same key with another request is 409 IDEMPOTENCY_KEY_REUSED and changes nothing",
                                () -> reused(operation, run)),
                        dynamicTest(
                                DUPLICATES
                                        + " parallel duplicates with one key have one effect and all get the one answer",
                                () -> parallel(operation, fixture, run))));
    }

    private void refusalsAtTheDoor(String operation, Supplier<Scenario> fixture, Run run) {
        prepare(fixture, run);
        Call valid = run.scenario.valid();
        Call plainText = (valid.body() == null ? valid.body("not json") : valid).header("Content-Type", "text/plain");
        List<Answer> answers = List.of(
                http.send(valid, null),
                http.send(valid, "has space"),
                http.send(valid, "k".repeat(IdempotencyKey.MAX_LENGTH + 1)),
                http.send(valid.header("Accept", "application/xml"), run.key),
                http.send(plainText, run.key));
        // one snapshot for the five (a snapshot costs more than a request): which one changed what is in the message
        assertUnchanged(operation + " refused at the door: " + answers, run.before);
        assertDoorRefusal(operation + " without a key", answers.get(0), 400, "IDEMPOTENCY_KEY_REQUIRED");
        assertDoorRefusal(operation + " with a key with a space", answers.get(1), 400, "IDEMPOTENCY_KEY_INVALID");
        assertDoorRefusal(operation + " with a key of 101 characters", answers.get(2), 400, "IDEMPOTENCY_KEY_INVALID");
        assertDoorRefusal(operation + " with Accept: application/xml", answers.get(3), 406, "NOT_ACCEPTABLE");
        assertDoorRefusal(operation + " with Content-Type: text/plain", answers.get(4), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    private void refusedThenFirst(String operation, Supplier<Scenario> fixture, Run run) {
        prepare(fixture, run);
        Scenario s = run.scenario;
        Answer refused = http.send(s.refused(), run.key);
        assertThat(refused.status())
                .as("%s: the refused request %s answered %s", operation, s.refused(), refused)
                .isBetween(400, 499);
        assertThat(refused.code())
                .as("%s: the refusal %s has a code", operation, refused)
                .isNotBlank()
                .isNotEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertUnchanged(operation + " refused by " + refused, run.before);

        Answer first = http.send(s.valid(), run.key);
        Map<String, Long> after = tables.now();
        assertThat(first.status())
                .as("%s: %s with the key of the refused request answered %s", operation, s.valid(), first)
                .isEqualTo(s.status());
        assertThat(first.replayed())
                .as("%s: the first success is not a replay: %s", operation, first)
                .isFalse();
        run.first = first;
        run.afterFirst = after;
        run.effect = s.ownPartOf(TableCounts.delta(run.before, after));
    }

    private void replay(String operation, Run run) {
        assertThat(run.first)
                .as("%s: the first answer (previous test) is needed", operation)
                .isNotNull();
        Answer again = http.send(run.scenario.valid(), run.key);
        assertReplayOf(operation, run.first, again);
        assertUnchanged(operation + " replayed", run.afterFirst);
    }

    private void reused(String operation, Run run) {
        assertThat(run.first)
                .as("%s: the first answer (previous test) is needed", operation)
                .isNotNull();
        Answer other = http.send(run.scenario.other(), run.key);
        assertThat(other.status())
                .as(
                        "%s: %s with the key of %s answered %s",
                        operation, run.scenario.other(), run.scenario.valid(), other)
                .isEqualTo(409);
        assertThat(other.code()).as("%s", other).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertProblem(operation, other);
        assertUnchanged(operation + " with a reused key", run.afterFirst);
        Answer stillTheFirst = http.send(run.scenario.valid(), run.key);
        assertReplayOf(operation + " after the 409", run.first, stillTheFirst);
    }

    private void parallel(String operation, Supplier<Scenario> fixture, Run run) throws Exception {
        Map<String, Long> oneCall = run.effect;
        int expected = run.first == null ? 0 : run.first.status();
        if (oneCall == null) {
            Scenario reference = fixture.get();
            Map<String, Long> before = tables.now();
            Answer a = http.send(reference.valid(), IdempotencyKeys.fresh());
            assertThat(a.status())
                    .as("%s: one sequential call %s answered %s", operation, reference.valid(), a)
                    .isEqualTo(reference.status());
            oneCall = reference.ownPartOf(TableCounts.delta(before, tables.now()));
            expected = a.status();
        }
        Scenario s = fixture.get();
        Map<String, Long> before = tables.now();
        List<Answer> answers = duplicates(s.valid(), IdempotencyKeys.fresh());
        Map<String, Long> effect = s.ownPartOf(TableCounts.delta(before, tables.now()));

        List<Answer> originals = answers.stream().filter(a -> !a.replayed()).toList();
        assertThat(originals)
                .as(
                        "%s: exactly one of %d parallel duplicates is not a replay; answers: %s",
                        operation, DUPLICATES, summary(answers))
                .hasSize(1);
        Answer original = originals.get(0);
        assertThat(original.status())
                .as("%s: the original answer %s", operation, original)
                .isEqualTo(expected);
        for (Answer a : answers) {
            if (a != original) {
                assertReplayOf(operation + " (parallel)", original, a);
            }
        }
        assertThat(effect)
                .as("%s: the row-count change of %d parallel duplicates equals that of one call", operation, DUPLICATES)
                .isEqualTo(oneCall);
    }

    private void prepare(Supplier<Scenario> fixture, Run run) {
        if (run.scenario == null) {
            run.scenario = fixture.get();
            run.key = IdempotencyKeys.fresh();
            run.before = tables.now();
        }
    }

    // ---- the findings of issue 7, by name ---------------------------------------------------------------------------

    @Test
    void a_move_refused_for_its_accept_header_posts_nothing_and_the_same_key_with_json_then_posts_it() {
        LedgerFixtures f = new LedgerFixtures(jdbc);
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", StockStatus.AVAILABLE, 7);
        Call move = cases.post(WALT, "/api/moves", move(f, lot, 7));
        String key = IdempotencyKeys.fresh();
        Map<String, Long> before = tables.now();
        for (String accept : List.of("application/xml", "text/plain")) {
            Answer refused = http.send(move.header("Accept", accept), key);
            assertThat(refused.status())
                    .as("Accept: %s answered %s", accept, refused)
                    .isEqualTo(406);
            assertThat(refused.code()).isEqualTo("NOT_ACCEPTABLE");
            assertUnchanged("a move with Accept: " + accept, before);
        }
        assertThat(f.balancesOf(lot)).containsExactlyInAnyOrder("A1 AVAILABLE 7", "ADJ AVAILABLE -7");

        Answer posted = http.send(move, key);
        assertThat(posted.status()).as("%s", posted).isEqualTo(201);
        assertThat(posted.replayed())
                .as("the key was not used by the refused requests")
                .isFalse();
        assertThat(f.balancesOf(lot)).containsExactlyInAnyOrder("A2 AVAILABLE 7", "ADJ AVAILABLE -7");
    }

    @Test
    void fifty_identical_moves_of_a_bins_whole_stock_with_one_key_post_once_and_all_get_that_posting()
            throws Exception {
        LedgerFixtures f = new LedgerFixtures(jdbc);
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", StockStatus.AVAILABLE, 7);
        long postings = postings();
        List<Answer> answers = duplicates(cases.post(WALT, "/api/moves", move(f, lot, 7)), IdempotencyKeys.fresh());
        assertOnePostingAndItsReplays(answers);
        assertThat(postings()).isEqualTo(postings + 1);
        assertThat(f.balancesOf(lot)).containsExactlyInAnyOrder("A2 AVAILABLE 7", "ADJ AVAILABLE -7");
    }

    @Test
    void fifty_reversals_of_one_posting_with_one_key_reverse_it_once_and_all_get_that_reversal() throws Exception {
        LedgerFixtures f = new LedgerFixtures(jdbc);
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", StockStatus.AVAILABLE, 7);
        Answer moved = cases.setUp(cases.post(WALT, "/api/moves", move(f, lot, 7)));
        long postings = postings();
        List<Answer> answers = duplicates(
                cases.post(
                        IVY,
                        "/api/postings/" + moved.json().get("id").asLong() + "/reversal",
                        body("reasonCode", "DATA_ENTRY_ERROR", "note", "wrong bin")),
                IdempotencyKeys.fresh());
        assertOnePostingAndItsReplays(answers);
        assertThat(postings()).isEqualTo(postings + 1);
        assertThat(f.balancesOf(lot)).containsExactlyInAnyOrder("A1 AVAILABLE 7", "ADJ AVAILABLE -7");
    }

    @Test
    void an_adjustment_key_sent_with_another_note_or_another_occurred_at_is_409_and_changes_nothing() throws Exception {
        LedgerFixtures f = new LedgerFixtures(jdbc);
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", StockStatus.AVAILABLE, 10);
        Instant occurred = Instant.now();
        Thread.sleep(20);
        Instant later = Instant.now();
        Map<String, Object> adjustment =
                with(adjustment(f, lot, -2, "COUNT_VARIANCE", "cycle count"), "occurredAt", occurred.toString());
        String key = IdempotencyKeys.fresh();
        Answer first = http.send(cases.post(IVY, "/api/adjustments", adjustment), key);
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        Map<String, Long> after = tables.now();

        for (Map<String, Object> other :
                List.of(with(adjustment, "note", "recount"), with(adjustment, "occurredAt", later.toString()))) {
            Answer reused = http.send(cases.post(IVY, "/api/adjustments", other), key);
            assertThat(reused.status())
                    .as("%s with the key of %s: %s", other, adjustment, reused)
                    .isEqualTo(409);
            assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
            assertUnchanged("an adjustment with a reused key", after);
        }
        assertThat(f.balancesOf(lot)).containsExactlyInAnyOrder("A1 AVAILABLE 8", "ADJ AVAILABLE -8");
    }

    @Test
    void two_users_sending_the_same_key_for_different_moves_both_get_201() {
        LedgerFixtures f = new LedgerFixtures(jdbc);
        long forWalt = f.newLot();
        long forQuinn = f.newLot();
        f.stock(ledger, forWalt, "A1", StockStatus.AVAILABLE, 5);
        f.stock(ledger, forQuinn, "A1", StockStatus.AVAILABLE, 5);
        String key = IdempotencyKeys.fresh();
        Answer walt = http.send(cases.post(WALT, "/api/moves", move(f, forWalt, 5)), key);
        Answer quinn = http.send(cases.post(QUINN, "/api/moves", move(f, forQuinn, 3)), key);
        assertThat(walt.status()).as("%s", walt).isEqualTo(201);
        assertThat(quinn.status()).as("keys are per caller: %s", quinn).isEqualTo(201);
        assertThat(quinn.replayed()).isFalse();
        assertThat(quinn.json().get("id").asLong())
                .isNotEqualTo(walt.json().get("id").asLong());
        assertThat(f.balancesOf(forWalt)).containsExactlyInAnyOrder("A2 AVAILABLE 5", "ADJ AVAILABLE -5");
        assertThat(f.balancesOf(forQuinn))
                .containsExactlyInAnyOrder("A1 AVAILABLE 2", "A2 AVAILABLE 3", "ADJ AVAILABLE -5");
    }

    @Test
    void a_receipt_line_key_reused_on_another_receipt_is_409_not_500_and_changes_nothing() {
        Answer po = cases.setUp(cases.post(
                ERP,
                "/api/purchase-orders",
                body(
                        "poNumber",
                        code("PO-"),
                        "supplierId",
                        jdbc.queryForObject("select id from supplier where code = 'MEDIGLOVE'", Long.class),
                        "currency",
                        "USD",
                        "lines",
                        List.of(body(
                                "itemId",
                                jdbc.queryForObject("select id from item where sku = 'GLV-NIT-M'", Long.class),
                                "quantity",
                                100,
                                "uom",
                                "EA",
                                "expectedUnitPrice",
                                0.05)))));
        long poId = po.json().get("id").asLong();
        long poLine = po.json().at("/lines/0/id").asLong();
        List<Long> receipts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            receipts.add(cases.setUp(cases.post(
                            RITA, "/api/receipts", body("purchaseOrderId", poId, "dockBarcode", "EAST-DOCK-01")))
                    .json()
                    .get("id")
                    .asLong());
        }
        Map<String, Object> line =
                body("purchaseOrderLineId", poLine, "lotNumber", gloveLot(), "quantity", 40, "uom", "EA");
        String key = IdempotencyKeys.fresh();
        Answer first = http.send(cases.post(RITA, "/api/receipts/" + receipts.get(0) + "/lines", line), key);
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        Map<String, Long> after = tables.now();
        Answer elsewhere = http.send(cases.post(RITA, "/api/receipts/" + receipts.get(1) + "/lines", line), key);
        assertThat(elsewhere.status()).as("%s", elsewhere).isEqualTo(409);
        assertThat(elsewhere.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertProblem("a receipt line on another receipt", elsewhere);
        assertUnchanged("a receipt line key on another receipt", after);
    }

    /** A write handler the document leaves out would escape the contract above. */
    @Test
    void every_write_handler_of_the_api_is_in_the_api_document() {
        Set<String> handlers = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!method.getBeanType().getPackageName().startsWith("org.lotledger")) {
                return;
            }
            for (RequestMethod m : info.getMethodsCondition().getMethods()) {
                if (IdempotentWrites.isWrite(m.name())) {
                    info.getPatternValues().stream()
                            .filter(p -> p.startsWith("/api/"))
                            .forEach(p -> handlers.add(m.name() + " " + p));
                }
            }
        });
        assertThat(handlers).as("write handlers under /api").isNotEmpty();
        assertThat(writeOperationsOfTheDocument())
                .as("write operations of /v3/api-docs")
                .containsAll(handlers);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    /** Sends {@link #DUPLICATES} copies of {@code call} with one key, from 16 clients at once. */
    private List<Answer> duplicates(Call call, String key) throws Exception {
        List<Future<Answer>> futures = new ArrayList<>();
        for (int i = 0; i < DUPLICATES; i++) {
            futures.add(CLIENTS.submit(() -> http.send(call, key)));
        }
        List<Answer> answers = new ArrayList<>();
        for (Future<Answer> f : futures) {
            answers.add(f.get(180, TimeUnit.SECONDS));
        }
        return answers;
    }

    private void assertOnePostingAndItsReplays(List<Answer> answers) {
        assertThat(answers)
                .extracting(Answer::status)
                .as(summary(answers))
                .containsOnly(201, 200)
                .filteredOn(s -> s == 201)
                .hasSize(1);
        Answer original =
                answers.stream().filter(a -> a.status() == 201).findFirst().orElseThrow();
        assertThat(original.replayed()).isFalse();
        answers.stream().filter(a -> a != original).forEach(a -> assertReplayOf("a parallel duplicate", original, a));
    }

    private void assertReplayOf(String what, Answer original, Answer replay) {
        int status = original.status() == 201 ? 200 : original.status();
        assertThat(replay.status())
                .as("%s: replay of %s answered %s", what, original, replay)
                .isEqualTo(status);
        assertThat(replay.replayed())
                .as("%s: Idempotent-Replayed on %s", what, replay)
                .isTrue();
        assertThat(replay.sameBody(original))
                .as(
                        "%s: the replay's body is the original's, byte for byte:%n%s%n%s",
                        what, replay.text(), original.text())
                .isTrue();
        for (String header : List.of("Location", "ETag")) {
            assertThat(replay.header(header))
                    .as("%s: %s of the replay", what, header)
                    .isEqualTo(original.header(header));
        }
    }

    private static void assertDoorRefusal(String what, Answer a, int status, String code) {
        assertThat(a.status())
                .as("%s: expected %d %s, got %s", what, status, code, a)
                .isEqualTo(status);
        assertThat(a.code()).as("%s: %s", what, a).isEqualTo(code);
        assertProblem(what, a);
    }

    private static void assertProblem(String what, Answer a) {
        assertThat(a.header("Content-Type")).as("%s: %s", what, a).startsWith("application/problem+json");
    }

    private void assertUnchanged(String what, Map<String, Long> before) {
        assertThat(TableCounts.delta(before, tables.now()))
                .as("row-count changes after %s", what)
                .isEmpty();
    }

    private static String summary(List<Answer> answers) {
        Map<String, Long> byStatus = new java.util.TreeMap<>();
        answers.forEach(a -> byStatus.merge(
                a.status() + (a.replayed() ? " replayed" : "") + (a.code() == null ? "" : " " + a.code()),
                1L,
                Long::sum));
        return byStatus.toString();
    }

    private long postings() {
        return jdbc.queryForObject("select count(*) from posting", Long.class);
    }
}
