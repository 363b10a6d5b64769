package org.lotledger.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.ledger.Ledger;
import org.lotledger.platform.camunda.TasksAsActor;
import org.lotledger.support.HttpReply;
import org.lotledger.transfers.process.InterWarehouseTransferProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Late receipts through the API and the process: a transfer closed short, resolved "still coming", takes further
 * scans and a further close (a later receipt round, measured against what was still in transit when it began); the
 * process correlates each close as the next TransferReceiptClosed, and the order ends CLOSED once everything arrived.
 */
@IntegrationTest
class LateTransferReceiptsTest {

    static final String AMB_1 = "WEST-AMB-01-01";
    static final String AMB_2 = "WEST-AMB-01-02";

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TasksAsActor asActor;

    @Autowired
    InterWarehouseTransferProcess process;

    @Autowired
    TransferDiscrepancies discrepancies;

    Task resolveTask(long id) {
        return tasks.createTaskQuery()
                .processInstanceBusinessKey(InterWarehouseTransferProcess.businessKey(id))
                .taskDefinitionKey(InterWarehouseTransferProcess.RESOLVE_TASK)
                .singleResult();
    }

    void stillComing(long id) {
        Instant deadline = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        asActor.complete(
                process.actor("sam"),
                resolveTask(id),
                Map.of("resolutionOutcome", "STILL_COMING", "resolutionDeadline", deadline.toString()),
                false,
                "the transfer",
                Map.of());
    }

    List<org.assertj.core.groups.Tuple> discrepanciesOf(long id) {
        return discrepancies.ofTransfer(id).stream()
                .map(d -> tuple(
                        d.type(),
                        d.expectedQuantity().longValueExact(),
                        d.actualQuantity().longValueExact(),
                        d.quantity().longValueExact()))
                .toList();
    }

    @Test
    void a_short_still_coming_arrives_in_later_rounds_and_the_order_closes() {
        TransferFixture fx = new TransferFixture(jdbc, ledger, json, port, 10, 0);
        JsonNode t = fx.dispatched(fx.order(fx.bySku(10)), null);
        long id = t.get("id").asLong();
        String number = t.get("orderNumber").asText();
        String path = "/api/transfer-orders/" + id + "/receipts";

        // round 1: 6 of 10 arrive; the close finds SHORT 4
        HttpReply first = fx.rita.post(path, TransferReceiptsApiTest.scan(fx.f.label(fx.lotA), 6, "EA", AMB_1, "GOOD"));
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        HttpReply close1 = fx.rita.post(path + "/close", null);
        assertThat(close1.status()).as(close1.text()).isEqualTo(200);
        assertThat(close1.body().get("stillInTransit").asBoolean()).isTrue();
        assertThat(discrepanciesOf(id)).containsExactly(tuple(DiscrepancyType.SHORT, 10L, 6L, 4L));

        // round 2 opens with a late scan while the SHORT is still undecided; its close waits for the decision
        HttpReply late = fx.rita.post(path, TransferReceiptsApiTest.scan(fx.f.label(fx.lotA), 3, "EA", AMB_2, "GOOD"));
        assertThat(late.status()).as(late.text()).isEqualTo(201);
        assertThat(late.body().get("receivedQuantity").asLong()).isEqualTo(3);
        HttpReply early = fx.rita.post(path + "/close", null);
        assertThat(early.status() + " " + early.code()).isEqualTo("409 TRANSFER_DISCREPANCIES_OPEN");
        assertThat(discrepanciesOf(id)).hasSize(1);

        // sam: still coming; round 2's close measures 3 received against the 4 still in transit: SHORT 1
        stillComing(id);
        HttpReply close2 = fx.rita.post(path + "/close", null);
        assertThat(close2.status()).as(close2.text()).isEqualTo(200);
        assertThat(close2.body().get("stillInTransit").asBoolean()).isTrue();
        assertThat(discrepanciesOf(id))
                .containsExactly(tuple(DiscrepancyType.SHORT, 10L, 6L, 4L), tuple(DiscrepancyType.SHORT, 4L, 3L, 1L));
        HttpReply empty = fx.rita.post(path + "/close", null);
        assertThat(empty.status() + " " + empty.code())
                .as("nothing scanned since the close")
                .isEqualTo("409 TRANSFER_RECEIPT_CLOSED");

        // still coming again; the last unit arrives in round 3, whose close finds nothing: the order CLOSED
        stillComing(id);
        HttpReply last = fx.rita.post(path, TransferReceiptsApiTest.scan(fx.f.label(fx.lotA), 1, "EA", AMB_2, "GOOD"));
        assertThat(last.status()).as(last.text()).isEqualTo(201);
        HttpReply close3 = fx.rita.post(path + "/close", null);
        assertThat(close3.status()).as(close3.text()).isEqualTo(200);
        assertThat(close3.body().get("stillInTransit").asBoolean()).isFalse();
        assertThat(discrepanciesOf(id)).hasSize(2);
        assertThat(jdbc.queryForObject("select status from transfer_order where id = ?", String.class, id))
                .isEqualTo("CLOSED");
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(InterWarehouseTransferProcess.businessKey(id))
                        .count())
                .isZero();

        // nothing in transit any more: no scan and no close after the last round
        HttpReply after = fx.rita.post(path, TransferReceiptsApiTest.scan(fx.f.label(fx.lotA), 1, "EA", AMB_2, "GOOD"));
        assertThat(after.status() + " " + after.code()).isEqualTo("409 TRANSFER_RECEIPT_CLOSED");
        assertThat(fx.balance(fx.lotA, fx.inTransit)).isZero();
        assertThat(jdbc.queryForList("""
                        select g.location_id, g.status, g.quantity from posting p join posting_leg g on g.posting_id = p.id
                         where p.posting_type = 'TRANSFER_IN' and p.reference_type = 'TRANSFER_ORDER'
                           and p.reference_id = ? and g.quantity > 0 order by p.id""", number).stream()
                        .map(r -> tuple(
                                ((Number) r.get("location_id")).longValue(),
                                r.get("status"),
                                ((BigDecimal) r.get("quantity")).longValueExact()))
                        .toList())
                .containsExactly(
                        tuple(location(AMB_1), "AVAILABLE", 6L),
                        tuple(location(AMB_2), "AVAILABLE", 3L),
                        tuple(location(AMB_2), "AVAILABLE", 1L));
        assertThat(fx.otto.get(path).body().get("scans")).hasSize(3);
    }

    long location(String barcode) {
        return jdbc.queryForObject("select id from location where barcode = ?", Long.class, barcode);
    }
}
