package org.lotledger.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.LedgerFixtures;
import org.lotledger.ledger.StockStatus;
import org.lotledger.platform.security.AuthorizationsSetup;
import org.lotledger.quality.process.HoldProcess;
import org.lotledger.support.ApiClient;
import org.lotledger.support.HttpReply;
import org.lotledger.support.TasklistSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scenario (b), a quality hold, through the REST API and Tasklist as the people involved work it, and the four-eyes
 * rule tried through every door: Tasklist, the API and /engine-rest (including an admin skipping the approval by
 * process-instance modification). The hold process runs on the application's engine and PostgreSQL; the ledger is
 * read back as tables.
 */
@IntegrationTest
class QualityHoldThroughTasklistTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    IdentityService identity;

    static final long HOUR = 3_600_000L;

    LedgerFixtures east;
    LedgerFixtures west;
    ApiClient quinn;
    ApiClient walt;
    ApiClient admin;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        east = new LedgerFixtures(jdbc, "CHILLED");
        west = new LedgerFixtures(jdbc, "CHILLED");
        quinn = ApiClient.as(port, json, "quinn");
        walt = ApiClient.as(port, json, "walt");
        admin = ApiClient.as(port, json, "admin");
        // a second quality manager, as any site with four eyes has: the demo has only maria
        if (identity.createUserQuery().userId("mark").count() == 0) {
            User mark = identity.newUser("mark");
            mark.setFirstName("Mark");
            mark.setLastName("Second");
            mark.setPassword("mark-demo");
            identity.saveUser(mark);
            identity.createMembership("mark", "quality");
            identity.createMembership("mark", "quality-managers");
        }
    }

    @AfterEach
    void tearDown() {
        BpmnAwareTests.reset();
    }

    @Test
    void scenario_b_a_recall_hold_on_a_lot_in_two_warehouses_is_released_by_four_eyes_in_tasklist() {
        long lot = east.newLot();
        east.stock(ledger, lot, "A1", StockStatus.AVAILABLE, 300);
        west.stock(ledger, lot, "A2", StockStatus.AVAILABLE, 200);
        String label = east.labelOf(lot);

        HttpReply placed = quinn.postPosting(
                "/api/holds",
                ScenarioFixture.body(
                        "scope",
                        "LOT",
                        "lotId",
                        lot,
                        "reason",
                        "REGULATORY_OR_RECALL",
                        "note",
                        "supplier recall notice R-17"));
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        long holdId = placed.id();
        assertThat(placed.body().get("awaiting").asText()).isEqualTo("REVIEW");
        assertThat(physical(lot))
                .containsExactlyInAnyOrder(east.barcode("A1") + " HOLD 300", west.barcode("A2") + " HOLD 200");

        HttpReply move = walt.postPosting(
                "/api/moves",
                ScenarioFixture.body(
                        "lot",
                        label,
                        "fromLocation",
                        east.barcode("A1"),
                        "toLocation",
                        east.barcode("A2"),
                        "quantity",
                        10,
                        "unit",
                        "EA"));
        assertThat(move.status()).as(move.text()).isEqualTo(422);
        assertThat(move.code()).isEqualTo("LOT_NOT_AVAILABLE");

        // quinn reviews in Tasklist; a receiving clerk can neither see nor complete the review
        TasklistSession quinnTl = TasklistSession.loginAsDemo(port, json, "quinn");
        String reviewId = taskOf(quinnTl, holdId, "Review hold");
        // due by the recall's review SLA (dmn/hold-review-sla.dmn): in 4 hours, follow-up in 2, and the reminder that
        // escalates to quality managers fires when it falls due
        Task review = engine.getTaskService().createTaskQuery().taskId(reviewId).singleResult();
        assertThat(review.getDueDate().getTime() - review.getCreateTime().getTime())
                .isCloseTo(4 * HOUR, within(1000L));
        assertThat(review.getFollowUpDate().getTime() - review.getCreateTime().getTime())
                .isCloseTo(2 * HOUR, within(1000L));
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(review.getProcessInstanceId())
                        .timers()
                        .singleResult()
                        .getDuedate())
                .isCloseTo(review.getDueDate(), 1000);
        TasklistSession ritaTl = TasklistSession.loginAsDemo(port, json, "rita");
        assertThat(ritaTl.filterTasks(AuthorizationsSetup.GROUP_TASKS_FILTER))
                .extracting(t -> t.get("id").asText())
                .doesNotContain(reviewId);
        assertThat(ritaTl.submitForm(reviewId, Map.of("outcome", "RELEASE", "decisionNote", "x"))
                        .status())
                .isEqualTo(403);
        assertThat(ApiClient.as(port, json, "rita")
                        .postPosting("/api/holds/" + holdId + "/release", ScenarioFixture.body())
                        .status())
                .isEqualTo(403);
        JsonNode vars = quinnTl.formVariables(reviewId).body();
        assertThat(vars.get("holdReason").get("value").asText()).isEqualTo("REGULATORY_OR_RECALL");
        assertThat(vars.get("heldSummary").get("value").asText())
                .contains(east.barcode("A1") + ": 300", west.barcode("A2") + ": 200");
        assertThat(quinnTl.claim(reviewId).status()).isEqualTo(204);
        HttpReply reviewed = quinnTl.submitForm(
                reviewId, Map.of("outcome", "RELEASE", "decisionNote", "recall withdrawn by the supplier in writing"));
        assertThat(reviewed.status()).as(reviewed.text()).isEqualTo(204);
        assertThat(physical(lot))
                .as("nothing released before the second approval")
                .containsExactlyInAnyOrder(east.barcode("A1") + " HOLD 300", west.barcode("A2") + " HOLD 200");

        // quinn is no quality manager: the approval is not among her tasks
        String approvalId = taskOf(TasklistSession.loginAsDemo(port, json, "maria"), holdId, "Approve hold decision");
        assertThat(quinnTl.filterTasks(AuthorizationsSetup.GROUP_TASKS_FILTER))
                .extracting(t -> t.get("id").asText())
                .doesNotContain(approvalId);
        assertThat(quinnTl.submitForm(approvalId, Map.of("approval", "APPROVE")).status())
                .isEqualTo(403);

        // maria approves in Tasklist
        TasklistSession mariaTl = TasklistSession.loginAsDemo(port, json, "maria");
        JsonNode proposed = mariaTl.formVariables(approvalId).body();
        assertThat(proposed.get("reviewedBy").get("value").asText()).isEqualTo("quinn");
        assertThat(proposed.get("proposedDecision").get("value").asText()).startsWith("release proposed by quinn");
        assertThat(mariaTl.claim(approvalId).status()).isEqualTo(204);
        HttpReply approved =
                mariaTl.submitForm(approvalId, Map.of("approval", "APPROVE", "approvalNote", "checked R-17"));
        assertThat(approved.status()).as(approved.text()).isEqualTo(204);

        assertThat(physical(lot))
                .containsExactlyInAnyOrder(
                        east.barcode("A1") + " AVAILABLE 300", west.barcode("A2") + " AVAILABLE 200");
        JsonNode hold = quinn.get("/api/holds/" + holdId).body();
        assertThat(hold.get("state").asText()).isEqualTo("RELEASED");
        assertThat(hold.get("endedBy").asText()).isEqualTo("maria");
        assertThat(decisions(hold))
                .containsExactly(
                        "PLACE by quinn", "APPROVE_RELEASE by quinn", "SECOND_APPROVAL by maria", "RELEASE by maria");
        assertThat(hold.get("openTasks")).isEmpty();
        long releasePosting = jdbc.queryForObject("""
                select posting_id from quality_hold_outcome where hold_id = ? and outcome = 'RELEASED' limit 1""", Long.class, holdId);
        String a2 = "#" + west.location("A2");
        assertThat(east.legsOf(ledger.load(releasePosting)))
                .containsExactly(
                        "A1 HOLD -300 @2.5 = -750",
                        "A1 AVAILABLE 300 @2.5 = 750",
                        a2 + " HOLD -200 @2.5 = -500",
                        a2 + " AVAILABLE 200 @2.5 = 500");
        assertThat(ledger.load(releasePosting).actor()).isEqualTo("maria");
    }

    @Test
    void the_reviewer_cannot_approve_her_own_decision_through_tasklist_the_api_or_engine_rest() {
        long lot = east.newLot();
        east.stock(ledger, lot, "A1", StockStatus.AVAILABLE, 40);
        ApiClient maria = ApiClient.as(port, json, "maria");
        long holdId = maria.postPosting(
                        "/api/holds",
                        ScenarioFixture.body("scope", "LOT", "lotId", lot, "reason", "REGULATORY_OR_RECALL"))
                .id();
        ProcessInstance pi = runtime.createProcessInstanceQuery()
                .processDefinitionKey(HoldProcess.PROCESS_KEY)
                .processInstanceBusinessKey(HoldProcess.businessKey(holdId))
                .singleResult();

        HttpReply reviewed =
                maria.postPosting("/api/holds/" + holdId + "/release", ScenarioFixture.body("note", "all clear"));
        assertThat(reviewed.status()).as(reviewed.text()).isEqualTo(202);
        assertThat(pi).isWaitingAt(HoldProcess.APPROVAL_TASK);
        String approvalId = taskOf(TasklistSession.loginAsDemo(port, json, "mark"), holdId, "Approve hold decision");
        long postings = postings();

        // Tasklist: maria sees the task (she is a quality manager) but the listener refuses her
        TasklistSession mariaTl = TasklistSession.loginAsDemo(port, json, "maria");
        assertThat(mariaTl.claim(approvalId).status()).isEqualTo(204);
        HttpReply own = mariaTl.submitForm(approvalId, Map.of("approval", "APPROVE"));
        assertThat(own.status()).as(own.text()).isEqualTo(403);
        assertThat(own.body().get("code").asText()).isEqualTo("SAME_APPROVER");
        assertThat(own.message())
                .isEqualTo("User maria gave the first approval of hold " + holdId
                        + "; the second must come from someone else.");
        assertThat(mariaTl.send(
                                "POST",
                                TasklistSession.ENGINE + "/task/" + approvalId + "/unclaim",
                                null,
                                "application/json")
                        .status())
                .isEqualTo(204);

        // the API
        HttpReply viaApi =
                maria.postPosting("/api/holds/" + holdId + "/approval", ScenarioFixture.body("approve", true));
        assertThat(viaApi.status()).isEqualTo(403);
        assertThat(viaApi.code()).isEqualTo("SAME_APPROVER");

        // /engine-rest: admin may complete any task, but is no quality manager; nor may admin skip the approval
        HttpReply adminCompletes = admin.post(
                "/engine-rest/task/" + approvalId + "/complete",
                Map.of("variables", Map.of("approval", Map.of("value", "APPROVE"))));
        assertThat(adminCompletes.status()).as(adminCompletes.text()).isEqualTo(403);
        assertThat(adminCompletes.body().get("code").asText()).isEqualTo("SECOND_APPROVER_NOT_QUALITY_MANAGER");
        assertThat(adminCompletes.message()).contains("needs a quality manager; admin is not one");
        HttpReply skip = admin.post(
                "/engine-rest/process-instance/" + pi.getId() + "/modification",
                Map.of(
                        "instructions",
                        List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_CarryOutHoldDecision"))));
        assertThat(skip.status()).as(skip.text()).isEqualTo(403);
        assertThat(skip.body().get("code").asText()).isEqualTo("SECOND_APPROVAL_MISSING");
        assertThat(skip.message()).contains("needs a second approval by a quality manager");
        HttpReply forged = admin.post(
                "/engine-rest/process-instance/" + pi.getId() + "/variables",
                Map.of("modifications", Map.of("approval", Map.of("value", "APPROVE"))));
        assertThat(forged.status()).isEqualTo(204);
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(pi.getId())
                        .count())
                .isOne();

        assertThat(pi).isWaitingAt(HoldProcess.APPROVAL_TASK).hasNotPassed("Task_CarryOutHoldDecision");
        assertThat(postings()).as("nothing posted by any refused attempt").isEqualTo(postings);
        assertThat(east.balancesOf(lot)).contains("A1 HOLD 40");

        // another quality manager approves
        TasklistSession markTl = TasklistSession.loginAsDemo(port, json, "mark");
        assertThat(markTl.claim(approvalId).status()).isEqualTo(204);
        assertThat(markTl.submitForm(approvalId, Map.of("approval", "APPROVE")).status())
                .isEqualTo(204);
        assertThat(pi).isEnded();
        assertThat(east.balancesOf(lot)).contains("A1 AVAILABLE 40");
        assertThat(decisions(maria.get("/api/holds/" + holdId).body()))
                .containsExactly(
                        "PLACE by maria", "APPROVE_RELEASE by maria", "SECOND_APPROVAL by mark", "RELEASE by mark");
    }

    @Test
    void a_refused_approval_sends_the_hold_back_to_review_with_the_reason_kept() {
        long lot = east.newLot();
        east.stock(ledger, lot, "A1", StockStatus.AVAILABLE, 10);
        long holdId = quinn.postPosting(
                        "/api/holds",
                        ScenarioFixture.body(
                                "scope",
                                "LOT",
                                "lotId",
                                lot,
                                "reason",
                                "TEMPERATURE_EXCURSION",
                                "note",
                                "reefer at 12 °C"))
                .id();
        assertThat(quinn.postPosting("/api/holds/" + holdId + "/release", ScenarioFixture.body())
                        .status())
                .isEqualTo(202);
        ApiClient maria = ApiClient.as(port, json, "maria");
        HttpReply noReason =
                maria.postPosting("/api/holds/" + holdId + "/approval", ScenarioFixture.body("approve", false));
        assertThat(noReason.code()).isEqualTo("REFUSAL_REASON_REQUIRED");
        HttpReply refused = maria.postPosting(
                "/api/holds/" + holdId + "/approval",
                ScenarioFixture.body("approve", false, "note", "need the logger file first"));
        assertThat(refused.status()).as(refused.text()).isEqualTo(200);
        assertThat(refused.body().get("awaiting").asText()).isEqualTo("REVIEW");
        assertThat(east.balancesOf(lot)).contains("A1 HOLD 10");
        assertThat(decisions(refused.body()))
                .containsExactly("PLACE by quinn", "APPROVE_RELEASE by quinn", "SECOND_APPROVAL_REFUSED by maria");
    }

    @Test
    void a_long_open_hold_climbs_the_task_list_and_reaches_quality_managers() {
        long lot = east.newLot();
        east.stock(ledger, lot, "A1", StockStatus.AVAILABLE, 5);
        long holdId = quinn.postPosting(
                        "/api/holds", ScenarioFixture.body("scope", "LOT", "lotId", lot, "reason", "INVESTIGATION"))
                .id();
        ProcessInstance pi = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(HoldProcess.businessKey(holdId))
                .singleResult();
        Job reminder = management
                .createJobQuery()
                .processInstanceId(pi.getId())
                .timers()
                .singleResult();
        Task review = engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(pi.getId())
                .singleResult();
        assertThat(review.getDueDate().getTime() - review.getCreateTime().getTime())
                .as("an investigation's review SLA: 5 days")
                .isCloseTo(5 * 24 * HOUR, within(1000L));
        assertThat(reminder.getDuedate())
                .as("the reminder fires when the review falls due")
                .isCloseTo(review.getDueDate(), 1000);
        management.executeJob(reminder.getId());
        management.executeJob(management
                .createJobQuery()
                .processInstanceId(pi.getId())
                .timers()
                .singleResult()
                .getId());

        JsonNode task =
                quinn.get("/api/holds/" + holdId).body().get("openTasks").get(0);
        assertThat(task.get("name").asText())
                .isEqualTo("Review hold " + holdId + " · " + east.labelOf(lot) + " · investigation");
        assertThat(task.get("priority").asInt()).isEqualTo(90);
        List<String> groups = new ArrayList<>();
        task.get("candidateGroups").forEach(g -> groups.add(g.asText()));
        assertThat(groups).containsExactlyInAnyOrder("quality", "quality-managers");
        assertThat(runtime.getVariable(pi.getId(), "remindersSent")).isEqualTo(2);
        assertThat(pi).isWaitingAt(HoldProcess.REVIEW_TASK);
    }

    @Test
    void an_operator_running_the_carry_out_again_gets_no_second_move_and_nothing_posted_twice() {
        long lot = east.newLot();
        east.stock(ledger, lot, "A1", StockStatus.AVAILABLE, 10);
        long holdId = quinn.postPosting(
                        "/api/holds", ScenarioFixture.body("scope", "LOT", "lotId", lot, "reason", "SUPPLIER_NOTICE"))
                .id();
        HttpReply decided =
                quinn.postPosting("/api/holds/" + holdId + "/scrap", ScenarioFixture.body("reasonCode", "DAMAGED"));
        assertThat(decided.status()).as(decided.text()).isEqualTo(202);
        ProcessInstance pi = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(HoldProcess.businessKey(holdId))
                .singleResult();
        runtime.createProcessInstanceModification(pi.getId())
                .startBeforeActivity("Task_CarryOutHoldDecision")
                .execute();

        assertThat(jdbc.queryForObject("select count(*) from warehouse_move where hold_id = ?", Long.class, holdId))
                .isOne();
        long moveId = jdbc.queryForObject("select id from warehouse_move where hold_id = ?", Long.class, holdId);
        long postings = postings();
        HttpReply confirmed = walt.post(
                "/api/holds/" + holdId + "/warehouse-moves/" + moveId + "/confirmation",
                Map.of("lot", east.labelOf(lot), "location", east.barcode("A1")));
        assertThat(confirmed.status() / 100).as(confirmed.text()).isEqualTo(2);
        HttpReply again = walt.post(
                "/api/holds/" + holdId + "/warehouse-moves/" + moveId + "/confirmation",
                Map.of("lot", east.labelOf(lot), "location", east.barcode("A1")));
        assertThat(again.code()).isEqualTo("WAREHOUSE_MOVE_DONE");
        assertThat(postings()).as("one SCRAP posting").isEqualTo(postings + 1);
        assertThat(east.balancesOf(lot)).contains("SCRAP HOLD 10").doesNotContain("A1 HOLD 10");
    }

    private String taskOf(TasklistSession session, long holdId, String name) {
        String pi = runtime.createProcessInstanceQuery()
                .processDefinitionKey(HoldProcess.PROCESS_KEY)
                .processInstanceBusinessKey(HoldProcess.businessKey(holdId))
                .singleResult()
                .getId();
        return session.filterTasks(AuthorizationsSetup.GROUP_TASKS_FILTER).stream()
                .filter(t -> pi.equals(t.get("processInstanceId").asText())
                        && t.get("name").asText().startsWith(name))
                .map(t -> t.get("id").asText())
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no '" + name + "' task of hold " + holdId + " in " + session.user() + "'s task list"));
    }

    private List<String> physical(long lot) {
        return jdbc.query(
                """
                select loc.code, b.status, b.quantity from stock_balance b join location loc on loc.id = b.location_id
                 where b.lot_id = ? and b.quantity <> 0 and loc.kind = 'PHYSICAL' order by loc.code, b.status""",
                (rs, i) -> rs.getString(1) + " " + rs.getString(2) + " "
                        + rs.getBigDecimal(3).stripTrailingZeros().toPlainString(),
                lot);
    }

    private long postings() {
        return jdbc.queryForObject("select count(*) from posting", Long.class);
    }

    private static List<String> decisions(JsonNode hold) {
        List<String> out = new ArrayList<>();
        hold.get("decisions")
                .forEach(d -> out.add(
                        d.get("decision").asText() + " by " + d.get("decidedBy").asText()));
        return out;
    }
}
