package org.lotledger.recall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.StockStatus;
import org.lotledger.recall.process.RecallTasks;
import org.lotledger.support.ApiClient;
import org.lotledger.support.HttpReply;
import org.lotledger.support.TasklistSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The recall's follow-up on PostgreSQL with the real process (issue 11 §3): acknowledgements, returns by scan into
 * HOLD under the recall's hold, the follow-up timer on the engine's clock, the reconciliation and the four-eyes
 * closure through the API, Tasklist and the engine (what /engine-rest does), and the refusals, each storing and
 * posting nothing.
 */
@IntegrationTest
class RecallFollowUpIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    StartingRecall starting;

    @Autowired
    RecallAcknowledgements acknowledgements;

    @Autowired
    RecallReturns returns;

    @Autowired
    RecallReconciliation reconciliation;

    @Autowired
    RecallFollowUps followUps;

    @Autowired
    ManagementService jobs;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identity;

    @Autowired
    HistoryService history;

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    RecallFixtures rf;
    long lot;
    long hospital;
    long clinic;
    long sh1;
    long sh2;
    long sh3;
    RecallView recall;

    @BeforeEach
    void aShippedLotRecalled() {
        rf = new RecallFixtures(jdbc, ledger);
        lot = rf.f.newLot();
        rf.f.stock(ledger, lot, "A1", StockStatus.AVAILABLE, 100);
        hospital = rf.customer("H", "HOSPITAL");
        clinic = rf.customer("C", "CLINIC");
        sh1 = rf.ship(lot, hospital, "SH-" + rf.f.tag + "-1", 30);
        sh2 = rf.ship(lot, hospital, "SH-" + rf.f.tag + "-2", 10);
        sh3 = rf.ship(lot, clinic, "SH-" + rf.f.tag + "-3", 20);
    }

    @AfterEach
    void engineClock() {
        ClockUtil.reset();
    }

    RecallView recallIt(long lotId) {
        RecallView r = starting.start(
                new StartingRecall.Request(
                        new RecallScope(lotId, null, null, null, null, null, null),
                        "follow-up test",
                        RecallClass.II,
                        RecallMode.LIVE,
                        null),
                RecallFixtures.MARIA);
        RecallFixtures.runHoldJobs(jobs, r.processInstanceId());
        return r;
    }

    RecallReturns.RecallReturned giveBack(RecallView r, long customer, long qty, String shipment) {
        return returns.receive(
                r.id(),
                new RecallReturns.Request(customer, rf.f.labelOf(lot), qty, RecallFixtures.RETURNS_LOCATION, shipment),
                RecallFixtures.RITA,
                UUID.randomUUID().toString());
    }

    RecallAcknowledgements.Acknowledged ack(RecallView r, long customer, long atCustomer, long destroyed) {
        return acknowledgements.record(
                r.id(),
                new RecallAcknowledgements.Request(
                        customer, null, Instant.now(), atCustomer, destroyed, atCustomer > 0),
                RecallFixtures.MARIA,
                UUID.randomUUID().toString());
    }

    long holdOf(RecallView r) {
        return jdbc.queryForObject(
                "select hold_id from recall_hold where recall_id = ? and lot_id = ?", Long.class, r.id(), lot);
    }

    long returnsLocation() {
        return jdbc.queryForObject(
                "select id from location where barcode = ?", Long.class, RecallFixtures.RETURNS_LOCATION);
    }

    Map<String, Long> counts() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String t : List.of("posting", "recall_acknowledgement", "recall_return", "quality_hold_movement")) {
            m.put(t, jdbc.queryForObject("select count(*) from " + t, Long.class));
        }
        return m;
    }

    static String code(Throwable e) {
        return ((DomainException) e).code();
    }

    @Test
    void a_return_lands_in_hold_under_the_recall_hold_counted_against_the_oldest_shipments_first() {
        recall = recallIt(lot);
        long hold = holdOf(recall);

        RecallReturns.RecallReturned first = giveBack(recall, hospital, 25, null);

        assertThat(first.posting().landed()).isEqualTo(StockStatus.HOLD);
        assertThat(first.posting().holdId()).isEqualTo(hold);
        assertThat(first.against())
                .extracting(RecallReturns.Against::shipmentNumber, RecallReturns.Against::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SH-" + rf.f.tag + "-1", 25L));
        assertThat(jdbc.queryForObject(
                        "select posting_type from posting where id = ?",
                        String.class,
                        first.posting().postingId()))
                .isEqualTo("RETURN");
        assertThat(jdbc.queryForObject(
                        "select quantity from stock_balance where lot_id = ? and location_id = ? and status = 'HOLD'",
                        Long.class,
                        lot,
                        returnsLocation()))
                .isEqualTo(25);
        assertThat(jdbc.queryForObject(
                        "select sum(quantity) from quality_hold_movement where hold_id = ? and posting_id = ?",
                        Long.class,
                        hold,
                        first.posting().postingId()))
                .as("the recall's hold adopted it")
                .isEqualTo(25);

        RecallReturns.RecallReturned second = giveBack(recall, hospital, 10, null);
        assertThat(second.against())
                .extracting(RecallReturns.Against::shipmentPostingId, RecallReturns.Against::quantity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(sh1, 5L), org.assertj.core.groups.Tuple.tuple(sh2, 5L));
        assertThat(rf.customerBalance(lot, hospital)).isEqualTo(5);
        assertThat(second.outstanding()).isEqualTo(5);
        assertThat(jdbc.queryForObject(
                        "select count(*) from recall_return where recall_id = ?", Long.class, recall.id()))
                .isEqualTo(3);
    }

    @Test
    void a_return_names_its_shipment_and_never_more_than_it_has_left() {
        recall = recallIt(lot);
        RecallReturns.RecallReturned named = giveBack(recall, hospital, 8, "SH-" + rf.f.tag + "-2");
        assertThat(named.against())
                .extracting(RecallReturns.Against::shipmentPostingId)
                .containsExactly(sh2);
        Map<String, Long> before = counts();
        assertThatThrownBy(() -> giveBack(recall, hospital, 3, "SH-" + rf.f.tag + "-2"))
                .satisfies(e -> assertThat(code(e)).isEqualTo("RETURN_EXCEEDS_SHIPMENT"));
        assertThatThrownBy(() -> giveBack(recall, hospital, 1, "SH-" + rf.f.tag + "-3"))
                .as("the clinic's shipment, not the hospital's")
                .satisfies(e -> assertThat(code(e)).isEqualTo("SHIPMENT_NOT_ON_NOTICE_LIST"));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void returns_are_refused_with_stable_codes_and_nothing_stored_or_posted() {
        RecallView placing = starting.start(
                new StartingRecall.Request(
                        new RecallScope(lot, null, null, null, null, null, null),
                        "not yet held",
                        RecallClass.II,
                        RecallMode.LIVE,
                        null),
                RecallFixtures.MARIA);
        Map<String, Long> before = counts();
        assertThatThrownBy(() -> giveBack(placing, hospital, 1, null))
                .satisfies(e -> assertThat(code(e)).isEqualTo("RECALL_HOLDS_NOT_PLACED"));
        RecallFixtures.runHoldJobs(jobs, placing.processInstanceId());
        recall = placing;
        long other = rf.f.newLot();
        rf.f.stock(ledger, other, "A2", StockStatus.AVAILABLE, 5);
        long stranger = rf.customer("X", "OTHER");
        before = counts();
        List<Object[]> refusals = List.of(
                new Object[] {hospital, "LL-NO-SUCH-LOT", 1L, RecallFixtures.RETURNS_LOCATION, "UNKNOWN_LOT"},
                new Object[] {hospital, rf.f.labelOf(other), 1L, RecallFixtures.RETURNS_LOCATION, "LOT_NOT_IN_RECALL"},
                new Object[] {hospital, rf.f.labelOf(lot), 1L, rf.f.barcode("A1"), "NOT_A_RETURNS_LOCATION"},
                new Object[] {hospital, rf.f.labelOf(lot), 1L, "NO-SUCH-BIN", "UNKNOWN_LOCATION"},
                new Object[] {
                    stranger, rf.f.labelOf(lot), 1L, RecallFixtures.RETURNS_LOCATION, "CUSTOMER_NOT_ON_NOTICE_LIST"
                },
                new Object[] {
                    clinic, rf.f.labelOf(lot), 21L, RecallFixtures.RETURNS_LOCATION, "RECALL_QUANTITY_EXCEEDS_SHIPPED"
                });
        for (Object[] r : refusals) {
            assertThatThrownBy(() -> returns.receive(
                            recall.id(),
                            new RecallReturns.Request((Long) r[0], (String) r[1], (Long) r[2], (String) r[3], null),
                            RecallFixtures.RITA,
                            UUID.randomUUID().toString()))
                    .as("%s", r[4])
                    .satisfies(e -> assertThat(code(e)).isEqualTo(r[4]));
        }
        assertThatThrownBy(() -> returns.receive(
                        recall.id(),
                        new RecallReturns.Request(
                                hospital, rf.f.labelOf(lot), 1L, RecallFixtures.RETURNS_LOCATION, null),
                        new Actor("rex", Set.of("receiving", "receiving@" + rf.f.tag)),
                        UUID.randomUUID().toString()))
                .as("receiving staff of another warehouse")
                .satisfies(e -> assertThat(code(e)).isEqualTo("NOT_WAREHOUSE_STAFF"));
        // destroyed at the customer counts: 30 destroyed of the clinic's 20 is refused at the acknowledgement, 15 is
        // recorded, and then a return of 6 is more than shipped
        assertThatThrownBy(() -> ack(recall, clinic, 0, 30))
                .satisfies(e -> assertThat(code(e)).isEqualTo("RECALL_QUANTITY_EXCEEDS_SHIPPED"));
        assertThat(counts()).isEqualTo(before);
        ack(recall, clinic, 5, 15);
        assertThatThrownBy(() -> giveBack(recall, clinic, 6, null))
                .satisfies(e -> assertThat(code(e)).isEqualTo("RECALL_QUANTITY_EXCEEDS_SHIPPED"));
        assertThat(rf.customerBalance(lot, clinic)).isEqualTo(20);
    }

    @Test
    void two_concurrent_returns_of_the_last_units_never_take_the_customer_below_zero() throws Exception {
        recall = recallIt(lot);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                outcomes.add(pool.submit(() -> {
                    go.await();
                    try {
                        giveBack(recall, clinic, 15, null);
                        return "OK";
                    } catch (DomainException e) {
                        return e.code();
                    }
                }));
            }
            go.countDown();
            List<String> got = new ArrayList<>();
            for (Future<String> o : outcomes) {
                got.add(o.get(60, TimeUnit.SECONDS));
            }
            assertThat(got).containsExactlyInAnyOrder("OK", "RECALL_QUANTITY_EXCEEDS_SHIPPED");
        } finally {
            pool.shutdownNow();
        }
        assertThat(rf.customerBalance(lot, clinic)).isEqualTo(5);
        assertThat(jdbc.queryForObject(
                        "select min(quantity) from stock_balance b join location l on l.id = b.location_id"
                                + " where l.kind = 'CUSTOMER' and b.lot_id = ?",
                        Long.class,
                        lot))
                .isNotNegative();
    }

    @Test
    void acknowledgements_count_their_latest_answer_and_are_refused_outside_the_notice_list() {
        recall = recallIt(lot);
        RecallAcknowledgements.Acknowledged a = ack(recall, hospital, 40, 0);
        assertThat(a.shipped()).isEqualTo(40);
        assertThat(a.unaccounted()).isEqualTo(40);
        ack(recall, hospital, 10, 30);
        RecallReconciliation.CustomerLine line = reconciliation.of(recall.id()).customers().stream()
                .filter(c -> c.customerId() == hospital)
                .findFirst()
                .orElseThrow();
        assertThat(line.destroyedAtCustomer()).as("the latest answer").isEqualTo(30);
        assertThat(line.unaccounted()).isEqualTo(10);
        assertThat(followUps.unanswered(recall.id()))
                .extracting(RecallFollowUps.Unanswered::customerId)
                .containsExactly(clinic);
        assertThat(followUps.interval(recall.id())).as("class II, a clinic").isEqualTo("P1D");

        Map<String, Long> before = counts();
        long stranger = rf.customer("Y", "OTHER");
        assertThatThrownBy(() -> ack(recall, stranger, 0, 0))
                .satisfies(e -> assertThat(code(e)).isEqualTo("CUSTOMER_NOT_ON_NOTICE_LIST"));
        assertThatThrownBy(() -> acknowledgements.record(
                        recall.id(),
                        new RecallAcknowledgements.Request(
                                clinic, null, Instant.now().plus(1, ChronoUnit.DAYS), 0L, 0L, false),
                        RecallFixtures.MARIA,
                        UUID.randomUUID().toString()))
                .satisfies(e -> assertThat(code(e)).isEqualTo("ACKNOWLEDGEMENT_TIME_INVALID"));
        assertThatThrownBy(() -> acknowledgements.record(
                        recall.id(),
                        new RecallAcknowledgements.Request(clinic, null, Instant.now(), 0L, 0L, false),
                        new Actor("walt", Set.of("warehouse")),
                        UUID.randomUUID().toString()))
                .satisfies(e -> assertThat(code(e)).isEqualTo("RECALL_NOT_ALLOWED"));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void the_follow_up_timer_opens_a_task_for_the_unanswered_customers_on_the_engine_clock() {
        recall = recallIt(lot);
        Job timer = timer(recall);
        Instant due = timer.getDuedate().toInstant();
        assertThat(due)
                .as("class II, hospital and clinic: P1D")
                .isAfter(Instant.now().plus(23, ChronoUnit.HOURS));

        ClockUtil.setCurrentTime(Date.from(due.plusSeconds(60)));
        jobs.executeJob(timer.getId());
        Task followUp = followUpTask(recall);
        assertThat(followUp.getName())
                .isEqualTo("Follow up unacknowledged customers · " + recall.number() + " · 2 customers");
        assertThat(tasks.getIdentityLinksForTask(followUp.getId()))
                .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("quality"));
        assertThat((String) tasks.getVariable(followUp.getId(), "unansweredCustomers"))
                .contains(rf.f.tag + "H")
                .contains(rf.f.tag + "C");

        // the timer repeats, but a second task is not opened while the first is open
        Job again = timer(recall);
        assertThat(again.getDuedate().toInstant()).isAfter(due);
        ClockUtil.setCurrentTime(Date.from(again.getDuedate().toInstant().plusSeconds(60)));
        jobs.executeJob(again.getId());
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(recall.processInstanceId())
                        .taskDefinitionKey(RecallTasks.FOLLOW_UP_TASK)
                        .count())
                .isEqualTo(1);

        // completed with a note by quality, recorded
        completeAs("quinn", List.of("quality"), followUp, Map.of("followUpNote", " "), "FOLLOW_UP_NOTE_REQUIRED");
        completeAs("quinn", List.of("quality"), followUp, Map.of("followUpNote", "called both"), null);
        assertThat(jdbc.queryForList(
                        "select decided_by from decision_record where subject_type = 'RECALL' and subject_id = ?"
                                + " and decision = 'RECALL_FOLLOWED_UP'",
                        String.class,
                        Long.toString(recall.id())))
                .containsExactly("quinn");

        // everyone answers: the next firing opens nothing
        ack(recall, hospital, 40, 0);
        ack(recall, clinic, 20, 0);
        Job third = timer(recall);
        ClockUtil.setCurrentTime(Date.from(third.getDuedate().toInstant().plusSeconds(60)));
        jobs.executeJob(third.getId());
        assertThat(followUpTask(recall)).isNull();
        assertThat(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(recall.processInstanceId())
                        .activityId("EndEvent_NoFollowUpNeeded")
                        .count())
                .as("the firing while a task was open, and this one")
                .isEqualTo(2);
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(recall.processInstanceId())
                        .taskDefinitionKey("Task_ReconcileRecall")
                        .count())
                .as("still awaiting reconciliation")
                .isEqualTo(1);
    }

    @Test
    void reconciliation_and_closure_keep_four_eyes_through_the_api_tasklist_and_the_engine() {
        long shippedOut = shippedOutToTheHospital(12);
        recall = recallIt(shippedOut);
        Task reconcile = task(recall, "Task_ReconcileRecall");
        assertThat(reconcile.getName())
                .isEqualTo("Reconcile recall " + recall.number() + " · lot " + rf.f.labelOf(shippedOut));
        ApiClient maria = ApiClient.as(port, json, "maria");
        acknowledgements.record(
                recall.id(),
                new RecallAcknowledgements.Request(hospital, null, Instant.now(), 2L, 10L, false),
                RecallFixtures.MARIA,
                UUID.randomUUID().toString());

        HttpReply reconciled = maria.post("/api/recalls/" + recall.id() + "/reconciliation", Map.of("note", "2 open"));
        assertThat(reconciled.status()).as(reconciled.text()).isEqualTo(200);
        assertThat(reconciled.body().path("status").asText()).isEqualTo("RECONCILING");
        Task approve = task(recall, RecallTasks.APPROVE_CLOSURE_TASK);
        assertThat(approve.getName()).endsWith("reconciled by maria");

        // maria reconciled: she may not approve, whichever way she tries
        HttpReply api = maria.post("/api/recalls/" + recall.id() + "/closure", Map.of("approve", true));
        assertThat(api.status()).as(api.text()).isEqualTo(403);
        assertThat(api.code()).isEqualTo("SAME_APPROVER");
        HttpReply own = TasklistSession.loginAsDemo(port, json, "maria")
                .submitForm(approve.getId(), Map.of("closureApproval", "APPROVE"));
        assertThat(own.status()).as(own.text()).isEqualTo(403);
        assertThat(own.text()).contains("SAME_APPROVER");
        completeAs(
                "maria",
                List.of("quality", "quality-managers"),
                approve,
                Map.of("closureApproval", "APPROVE"),
                "SAME_APPROVER");
        assertThat(task(recall, RecallTasks.APPROVE_CLOSURE_TASK))
                .as("still open")
                .isNotNull();

        // another quality manager refuses: back to reconciliation, which maria submits again
        String mona = qualityManager();
        completeAs(
                mona,
                List.of("quality-managers"),
                approve,
                Map.of("closureApproval", "REFUSE"),
                "APPROVAL_NOTE_REQUIRED");
        completeAs(
                mona,
                List.of("quality-managers"),
                approve,
                Map.of("closureApproval", "REFUSE", "closureNote", "call them"),
                null);
        assertThat(status(recall)).isEqualTo("HOLDS_PLACED");
        assertThat(maria.post("/api/recalls/" + recall.id() + "/reconciliation", Map.of())
                        .status())
                .isEqualTo(200);
        completeAs(
                mona,
                List.of("quality-managers"),
                task(recall, RecallTasks.APPROVE_CLOSURE_TASK),
                Map.of("closureApproval", "APPROVE"),
                null);

        assertThat(status(recall)).isEqualTo("CLOSED");
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceId(recall.processInstanceId())
                        .singleResult()
                        .getEndTime())
                .isNotNull();
        assertThat(jdbc.queryForList(
                        "select decision || ' ' || decided_by from decision_record where subject_type = 'RECALL'"
                                + " and subject_id = ? order by id",
                        String.class,
                        Long.toString(recall.id())))
                .containsExactly(
                        "RECALL_RECONCILED maria",
                        "RECALL_CLOSURE_REFUSED " + mona,
                        "RECALL_RECONCILED maria",
                        "RECALL_CLOSURE_APPROVED " + mona);
        RecallReconciliation.Reconciliation rec = reconciliation.of(recall.id());
        assertThat(rec.customers()).singleElement().satisfies(c -> {
            assertThat(c.shipped()).isEqualTo(12);
            assertThat(c.destroyedAtCustomer()).isEqualTo(10);
            assertThat(c.unaccounted()).isEqualTo(2);
        });
        assertThat(rec.lots()).singleElement().satisfies(m -> {
            assertThat(m.balanced()).isTrue();
            assertThat(m.massBalance().opened())
                    .as("the fixture's opening balance")
                    .isEqualTo(12);
            assertThat(m.massBalance().atCustomers()).isEqualTo(12);
            assertThat(m.onHandHold()).isZero();
        });
    }

    @Test
    void reconciling_uses_the_figures_read_at_completion_and_refuses_when_they_changed_since_the_form_loaded() {
        long shippedOut = shippedOutToTheHospital(12);
        recall = recallIt(shippedOut);
        Task reconcile = task(recall, "Task_ReconcileRecall");
        assertThat(figuresOf(reconcile))
                .contains("shipped 12, returned 0, destroyed there 0, unaccounted 12, not acknowledged");
        // the hospital answers while the task is open: the form still shows the figures of when it opened
        acknowledgements.record(
                recall.id(),
                new RecallAcknowledgements.Request(hospital, null, Instant.now(), 2L, 10L, false),
                RecallFixtures.MARIA,
                UUID.randomUUID().toString());
        TasklistSession quinn = TasklistSession.loginAsDemo(port, json, "quinn");
        HttpReply stale = quinn.submitForm(reconcile.getId(), Map.of("reconcileNote", "as shown"));
        assertThat(stale.status()).as(stale.text()).isEqualTo(409);
        assertThat(stale.text())
                .contains("RECALL_FIGURES_CHANGED")
                .contains("changed since this task was opened")
                .contains("shipped 12, returned 0, destroyed there 10, unaccounted 2, acknowledged")
                .contains("reload it");
        assertThat(status(recall)).isEqualTo("HOLDS_PLACED");
        assertThat(decisions(recall)).as("nothing recorded").isEmpty();
        assertThat(task(recall, "Task_ReconcileRecall").getId()).isEqualTo(reconcile.getId());

        // the refusal's rollback is followed by fresh figures on the task: reloaded, it shows them
        assertThat((String) tasks.getVariableLocal(reconcile.getId(), "reconciliation"))
                .contains("| 12 | 0 | 10 | 2 | yes |");
        assertThat(quinn.formVariables(reconcile.getId()).text()).contains("| 12 | 0 | 10 | 2 | yes |");
        HttpReply fresh = quinn.submitForm(reconcile.getId(), Map.of("reconcileNote", "2 unaccounted"));
        assertThat(fresh.status()).as(fresh.text()).isBetween(200, 204);
        assertThat(status(recall)).isEqualTo("RECONCILING");
        assertThat(decisions(recall)).containsExactly("RECALL_RECONCILED quinn");
        assertThat(jdbc.queryForObject(
                        "select details ->> 'destroyedAtCustomers' from decision_record where subject_type = 'RECALL'"
                                + " and subject_id = ? and decision = 'RECALL_RECONCILED'",
                        String.class,
                        Long.toString(recall.id())))
                .as("the figures read at completion")
                .isEqualTo("10");
    }

    @Test
    void every_field_of_the_recall_forms_is_checked_on_the_server_and_a_refused_submission_records_nothing() {
        long shippedOut = shippedOutToTheHospital(5);
        recall = recallIt(shippedOut);
        Task reconcile = task(recall, "Task_ReconcileRecall");
        List<String> quality = List.of("quality");
        String q = "quinn";
        // reconcile-recall: reconcileNote optional, at most 400 characters, no control characters
        for (String bad : List.of("n".repeat(401), "bell\u0007", "nul\u0000", "esc\u001b[0m")) {
            completeAs(q, quality, reconcile, Map.of("reconcileNote", bad), "RECONCILE_NOTE_INVALID");
        }
        assertThat(decisions(recall)).isEmpty();
        assertThat(status(recall)).isEqualTo("HOLDS_PLACED");
        completeAs(q, quality, reconcile, Map.of("reconcileNote", "n".repeat(400)), null);
        assertThat(status(recall)).isEqualTo("RECONCILING");

        // approve-recall-closure: closureApproval required, APPROVE or REFUSE; closureNote at most 400, no control
        // characters, required when refusing
        Task approve = task(recall, RecallTasks.APPROVE_CLOSURE_TASK);
        String mona = qualityManager();
        List<String> managers = List.of("quality-managers");
        Map<String, Object> noAnswer = new java.util.HashMap<>();
        noAnswer.put("closureApproval", null);
        completeAs(mona, managers, approve, noAnswer, "APPROVAL_REQUIRED");
        for (Object bad : List.of("", " ", "approve", "YES", "APPROVE REFUSE", 1, true)) {
            completeAs(mona, managers, approve, Map.of("closureApproval", bad), "APPROVAL_REQUIRED");
        }
        for (String bad : List.of("n".repeat(401), "bell\u0007")) {
            completeAs(
                    mona,
                    managers,
                    approve,
                    Map.of("closureApproval", "APPROVE", "closureNote", bad),
                    "APPROVAL_NOTE_INVALID");
        }
        for (String missing : List.of("", "   ")) {
            completeAs(
                    mona,
                    managers,
                    approve,
                    Map.of("closureApproval", "REFUSE", "closureNote", missing),
                    "APPROVAL_NOTE_REQUIRED");
        }
        completeAs(mona, managers, approve, Map.of("closureApproval", "REFUSE"), "APPROVAL_NOTE_REQUIRED");
        assertThat(decisions(recall)).containsExactly("RECALL_RECONCILED quinn");
        assertThat(status(recall)).isEqualTo("RECONCILING");
        completeAs(mona, managers, approve, Map.of("closureApproval", "REFUSE", "closureNote", "r".repeat(400)), null);
        assertThat(status(recall)).isEqualTo("HOLDS_PLACED");

        // follow-up-recall-customers: followUpNote required, 1 to 400 characters, no control characters
        Job timer = timer(recall);
        ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(60)));
        jobs.executeJob(timer.getId());
        Task followUp = followUpTask(recall);
        assertThat(followUp).as("the hospital has not answered").isNotNull();
        Map<String, Object> noNote = new java.util.HashMap<>();
        noNote.put("followUpNote", null);
        completeAs(q, quality, followUp, noNote, "FOLLOW_UP_NOTE_REQUIRED");
        completeAs(q, quality, followUp, Map.of(), "FOLLOW_UP_NOTE_REQUIRED");
        for (String bad : List.of("", "  \t ", "n".repeat(401), "bell\u0007")) {
            completeAs(q, quality, followUp, Map.of("followUpNote", bad), "FOLLOW_UP_NOTE_REQUIRED");
        }
        assertThat(decisions(recall)).containsExactly("RECALL_RECONCILED quinn", "RECALL_CLOSURE_REFUSED " + mona);
        completeAs(q, quality, followUp, Map.of("followUpNote", "f".repeat(400)), null);
        assertThat(decisions(recall)).last().isEqualTo("RECALL_FOLLOWED_UP quinn");
    }

    @Test
    void a_recall_is_not_reconciled_while_stock_is_left_under_its_holds() {
        recall = recallIt(lot);
        HttpReply refused =
                ApiClient.as(port, json, "quinn").post("/api/recalls/" + recall.id() + "/reconciliation", Map.of());
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("RECALL_HOLD_STOCK_REMAINING");
        assertThat(status(recall)).isEqualTo("HOLDS_PLACED");
        assertThat(task(recall, "Task_ReconcileRecall")).isNotNull();
    }

    @Test
    void malformed_acknowledgements_and_returns_are_all_refused_with_4xx_and_nothing_stored_or_posted() {
        recall = recallIt(lot);
        String ackPath = "/api/recalls/" + recall.id() + "/acknowledgements";
        String retPath = "/api/recalls/" + recall.id() + "/returns";
        Map<String, Object> ack = new LinkedHashMap<>();
        ack.put("customerId", hospital);
        ack.put("acknowledgedAt", Instant.now().toString());
        ack.put("quantityAtCustomer", 1);
        ack.put("quantityDestroyed", 0);
        ack.put("returning", true);
        Map<String, Object> ret = new LinkedHashMap<>();
        ret.put("customerId", hospital);
        ret.put("lotLabel", rf.f.labelOf(lot));
        ret.put("quantity", 1);
        ret.put("location", RecallFixtures.RETURNS_LOCATION);
        List<Map<String, Object>> acks = new ArrayList<>();
        List<Map<String, Object>> rets = new ArrayList<>();
        Object[] badValues = {
            null,
            "",
            "x",
            -1,
            0,
            1.5,
            1e12,
            true,
            List.of(1),
            Map.of("a", 1),
            "9".repeat(30),
            "\u0000",
            "2026-13-45T00:00:00Z",
            "x".repeat(300)
        };
        for (String field : ack.keySet()) {
            for (Object v : badValues) {
                if (isAcceptable(field, v)) {
                    continue;
                }
                Map<String, Object> m = new LinkedHashMap<>(ack);
                m.put(field, v);
                acks.add(m);
            }
        }
        for (String field : List.of("customerId", "lotLabel", "quantity", "location")) {
            for (Object v : badValues) {
                if (isReturnAcceptable(field, v)) {
                    continue;
                }
                Map<String, Object> m = new LinkedHashMap<>(ret);
                m.put(field, v);
                rets.add(m);
            }
        }
        for (Object v : badValues) {
            if (v != null) {
                Map<String, Object> m = new LinkedHashMap<>(ack);
                m.put("lotId", v);
                acks.add(m);
            }
        }
        Map<String, Object> unknownField = new LinkedHashMap<>(ack);
        unknownField.put("surprise", 1);
        acks.add(unknownField);
        // well-formed but refused: beyond the ceiling, more than was shipped, in the future, someone not on the list,
        // a lot the recall does not hold
        Object[][] refused = {
            {"quantityAtCustomer", RecallAcknowledgements.QUANTITY_MAX + 1},
            {"quantityDestroyed", RecallAcknowledgements.QUANTITY_MAX + 1},
            {"quantityDestroyed", 41},
            {"quantityAtCustomer", 41},
            {"acknowledgedAt", Instant.now().plus(1, ChronoUnit.DAYS).toString()},
            {"acknowledgedAt", "1899-12-31T23:59:59Z"},
            {"acknowledgedAt", "2020-01-01T00:00:00Z"},
            {"acknowledgedAt", "3000-01-01T00:00:00Z"},
            {"acknowledgedAt", "2026-12-02"},
            {"acknowledgedAt", "2026-12-02T10:00:00"},
            {"customerId", rf.customer("Y", "OTHER")},
            {"customerId", 999_999_999_999L},
            {"lotId", 999_999_999_999L},
            {"quantityAtCustomer", "1"},
            {"returning", "true"},
            {"returning", 1}
        };
        for (Object[] r : refused) {
            Map<String, Object> m = new LinkedHashMap<>(ack);
            m.put((String) r[0], r[1]);
            acks.add(m);
        }
        // seeded: one or two required fields dropped at random
        SplittableRandom dropping = new SplittableRandom(1102);
        for (int i = 0; i < 12; i++) {
            Map<String, Object> m = new LinkedHashMap<>(ack);
            List<String> keys = new ArrayList<>(m.keySet());
            m.remove(keys.remove(dropping.nextInt(keys.size())));
            if (dropping.nextBoolean()) {
                m.remove(keys.get(dropping.nextInt(keys.size())));
            }
            acks.add(m);
        }
        List<String> rawAcks = List.of(
                "",
                "{",
                "{}",
                "[]",
                "null",
                "1",
                "\"ack\"",
                "[{}]",
                json(ack) + " {}",
                json(ack).replace("{", "{'x':1,"));
        Map<String, Object> shipmentTooLong = new LinkedHashMap<>(ret);
        shipmentTooLong.put("shipmentNumber", "S".repeat(41));
        rets.add(shipmentTooLong);
        // seeded shuffles of whole bodies: fields dropped at random
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 10; i++) {
            Map<String, Object> m = new LinkedHashMap<>(ret);
            List<String> keys = new ArrayList<>(m.keySet());
            m.remove(keys.get(random.nextInt(keys.size())));
            rets.add(m);
        }
        Map<String, Long> before = counts();
        ApiClient maria = ApiClient.as(port, json, "maria");
        int acksSent = 0;
        for (Map<String, Object> body : acks) {
            HttpReply r = maria.post(ackPath, body);
            assertThat(r.status()).as("%s → %s", body, r.text()).isBetween(400, 499);
            acksSent++;
        }
        for (String body : rawAcks) {
            HttpReply r =
                    maria.sendAsIs("POST", ackPath, body, UUID.randomUUID().toString());
            assertThat(r.status()).as("%s → %s", body, r.text()).isBetween(400, 499);
            acksSent++;
        }
        HttpReply unknownRecall = maria.post("/api/recalls/999999999999/acknowledgements", ack);
        assertThat(unknownRecall.status()).as(unknownRecall.text()).isBetween(400, 499);
        acksSent++;
        int retsSent = 0;
        for (Map<String, Object> body : rets) {
            HttpReply r = ApiClient.as(port, json, "rita").post(retPath, body);
            assertThat(r.status()).as("%s → %s", body, r.text()).isBetween(400, 499);
            retsSent++;
        }
        assertThat(acksSent).as("malformed acknowledgements").isGreaterThanOrEqualTo(100);
        assertThat(retsSent).as("malformed returns").isGreaterThanOrEqualTo(30);
        assertThat(counts()).isEqualTo(before);
        assertThat(rf.customerBalance(lot, hospital)).isEqualTo(40);
    }

    private String json(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Values that are valid for a field of the acknowledgement (so the body is not malformed). */
    private static boolean isAcceptable(String field, Object v) {
        return switch (field) {
            case "quantityAtCustomer", "quantityDestroyed" -> v instanceof Integer i && i >= 0;
            case "returning" -> v instanceof Boolean;
            default -> false;
        };
    }

    private static boolean isReturnAcceptable(String field, Object v) {
        return false;
    }

    /** A lot of its own, {@code qty} of it shipped to the hospital: nothing is left on hand for the recall to hold. */
    private long shippedOutToTheHospital(long qty) {
        long shippedOut = rf.f.newLot();
        rf.f.stock(ledger, shippedOut, "A1", StockStatus.AVAILABLE, qty);
        rf.ship(shippedOut, hospital, "SH-" + rf.f.tag + "-9", qty);
        return shippedOut;
    }

    /** The recall's decision records, oldest first: "decision decided_by". */
    private List<String> decisions(RecallView r) {
        return jdbc.queryForList(
                "select decision || ' ' || decided_by from decision_record where subject_type = 'RECALL'"
                        + " and subject_id = ? order by id",
                String.class,
                Long.toString(r.id()));
    }

    private Job timer(RecallView r) {
        return jobs.createJobQuery()
                .processInstanceId(r.processInstanceId())
                .timers()
                .activityId(RecallTasks.FOLLOW_UP_TIMER)
                .singleResult();
    }

    private Task followUpTask(RecallView r) {
        return task(r, RecallTasks.FOLLOW_UP_TASK);
    }

    @Test
    void a_batch_recall_whose_figures_run_past_the_engines_string_limit_opens_reconcile_recall_with_all_of_them() {
        // about 170 characters of figures per lot and as many again per held stock: 30 lots are well past 4,000
        String batch = "MFG-LONG-" + rf.f.tag;
        List<Long> lots = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long l = rf.f.newLot();
            jdbc.update("update lot set manufacturer_batch_ref = ? where id = ?", batch, l);
            rf.f.stock(ledger, l, "A1", StockStatus.AVAILABLE, 5);
            lots.add(l);
        }
        RecallView r = starting.start(
                new StartingRecall.Request(
                        RecallScope.ofBatch(batch), "long figures", RecallClass.II, RecallMode.LIVE, null),
                RecallFixtures.MARIA);
        RecallFixtures.runHoldJobs(jobs, r.processInstanceId());

        Task reconcile = task(r, "Task_ReconcileRecall");
        assertThat(reconcile).as("the task opened: its variables fit").isNotNull();
        String figures = figuresOf(reconcile);
        assertThat(figures.length()).isGreaterThan(4000);
        assertThat(figures).isEqualTo(reconciliation.figures(reconciliation.of(r.id())));
        for (long l : lots) {
            assertThat(figures).contains("still held: 5 of " + rf.f.labelOf(l));
        }
        assertThat((String) tasks.getVariableLocal(reconcile.getId(), "reconciliation"))
                .as("what the form shows (a table, cut at a line when longer: TaskTexts)")
                .hasSizeLessThanOrEqualTo(4000)
                .contains("| " + rf.f.labelOf(lots.get(0)) + " | 5 | 5 (5) |");
    }

    private String figuresOf(Task t) {
        Object v = tasks.getVariableLocal(t.getId(), "reconciliationFigures");
        assertThat(v).as("kept as bytes, whole").isInstanceOf(byte[].class);
        return new String((byte[]) v, java.nio.charset.StandardCharsets.UTF_8);
    }

    private Task task(RecallView r, String key) {
        return tasks.createTaskQuery()
                .processInstanceId(r.processInstanceId())
                .taskDefinitionKey(key)
                .singleResult();
    }

    private String status(RecallView r) {
        return jdbc.queryForObject("select status from recall where id = ?", String.class, r.id());
    }

    /** What Tasklist and /engine-rest do: complete as the signed-in user; {@code refusal} the code expected, if any. */
    private void completeAs(String user, List<String> groups, Task task, Map<String, Object> vars, String refusal) {
        identity.setAuthentication(user, new ArrayList<>(groups));
        try {
            if (refusal == null) {
                tasks.complete(task.getId(), vars);
            } else {
                assertThatThrownBy(() -> tasks.complete(task.getId(), vars)).satisfies(e -> {
                    Throwable t = e;
                    while (t != null && !(t instanceof DomainException)) {
                        t = t.getCause();
                    }
                    assertThat(t).as("a refusal of ours in %s", e).isInstanceOf(DomainException.class);
                    assertThat(((DomainException) t).code()).isEqualTo(refusal);
                });
            }
        } finally {
            identity.clearAuthentication();
        }
    }

    /** A second quality manager besides maria (the demo has one), in Camunda's identity. */
    private String qualityManager() {
        String id = "mona" + rf.f.tag.toLowerCase();
        if (identity.createUserQuery().userId(id).count() == 0) {
            var u = identity.newUser(id);
            u.setPassword(id + "-pw-1");
            identity.saveUser(u);
            identity.createMembership(id, "quality-managers");
        }
        return id;
    }
}
