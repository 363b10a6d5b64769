package org.lotledger.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.platform.security.AuthorizationsSetup;
import org.lotledger.scenarios.ScenarioFixture.ReceivedLot;
import org.lotledger.support.ApiClient;
import org.lotledger.support.HttpReply;
import org.lotledger.support.TasklistSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 3's role checks through every door a user has: a receiving clerk (rita) cannot complete QA's "Inspect lot"
 * task through Tasklist's REST calls nor through /engine-rest, the integration user (erp) cannot either (Camunda's
 * authorization refuses it), and rita cannot place a quality hold through the API nor start the hold process through
 * /engine-rest. Each refusal is checked to have changed nothing, and the same request by the inspector (quinn) is
 * the control that the refusal was about who asked, not about a malformed request.
 */
@IntegrationTest
class QualityTaskRoleChecksTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient erp;
    ApiClient rita;
    ScenarioFixture f;

    @BeforeEach
    void clients() {
        erp = ApiClient.as(port, json, "erp");
        rita = ApiClient.as(port, json, "rita");
        f = new ScenarioFixture(ApiClient.as(port, json, "quinn"), runtime, management);
    }

    @Test
    void a_receiving_clerk_neither_sees_nor_completes_an_inspection_in_tasklist() {
        ReceivedLot lot = f.lotAwaitingInspection(erp, rita);
        String taskId = inspectTask(lot);
        List<String> legsBefore = f.legs(lot.lotId());

        TasklistSession ritaTasklist = TasklistSession.loginAsDemo(port, json, "rita");
        assertThat(ritaTasklist.filterTasks(AuthorizationsSetup.GROUP_TASKS_FILTER))
                .extracting(t -> t.get("id").asText())
                .doesNotContain(taskId);
        assertThat(ritaTasklist.candidateTasks("quality"))
                .extracting(t -> t.get("id").asText())
                .doesNotContain(taskId);
        assertThat(ritaTasklist.task(taskId).status())
                .as("rita reads the task by its id")
                .isEqualTo(404);
        assertThat(ritaTasklist.formVariables(taskId).status())
                .as("rita reads the form's variables")
                .isEqualTo(403);

        HttpReply claim = ritaTasklist.claim(taskId);
        assertThat(claim.status()).as(claim.text()).isEqualTo(403);
        assertThat(claim.body().get("type").asText()).isEqualTo("AuthorizationException");
        HttpReply submit = ritaTasklist.submitForm(taskId, accept(lot));
        assertThat(submit.status()).as(submit.text()).isEqualTo(403);
        assertThat(submit.body().get("type").asText()).isEqualTo("AuthorizationException");
        assertThat(submit.message()).contains("rita");
        HttpReply complete = ritaTasklist.complete(taskId, accept(lot));
        assertThat(complete.status()).as(complete.text()).isEqualTo(403);

        assertUntouched(lot, taskId, legsBefore);
        quinnCompletes(lot, taskId);
    }

    @Test
    void at_engine_rest_a_receiving_clerk_is_refused_by_role_and_the_integration_user_by_camunda() {
        ReceivedLot lot = f.lotAwaitingInspection(erp, rita);
        String taskId = inspectTask(lot);
        List<String> legsBefore = f.legs(lot.lotId());
        Map<String, Object> body = TasklistSession.submission(accept(lot));

        // rita is not admin or integration: Spring Security answers before Camunda with our problem detail
        for (String action : List.of("submit-form", "complete", "claim")) {
            HttpReply r = rita.post("/engine-rest/task/" + taskId + "/" + action, body);
            assertThat(r.status()).as(action + ": " + r.text()).isEqualTo(403);
            assertThat(r.code()).isEqualTo("FORBIDDEN");
        }

        // erp passes Spring Security (integration) and runs as erp in the engine, which has no right on QA's task
        for (String action : List.of("submit-form", "complete")) {
            HttpReply r = erp.post("/engine-rest/task/" + taskId + "/" + action, body);
            assertThat(r.status()).as(action + ": " + r.text()).isEqualTo(403);
            assertThat(r.body().get("type").asText()).isEqualTo("AuthorizationException");
            assertThat(r.message()).contains("erp");
        }
        HttpReply erpList = erp.get("/engine-rest/task?candidateGroup=quality");
        assertThat(erpList.status()).isEqualTo(200);
        assertThat(erpList.body().findValuesAsText("id")).doesNotContain(taskId);

        assertUntouched(lot, taskId, legsBefore);
        quinnCompletes(lot, taskId);
    }

    @Test
    void a_receiving_clerk_cannot_place_a_hold_nor_start_the_hold_process() {
        ReceivedLot lot = f.lotAwaitingInspection(erp, rita);
        long holdsBefore = holdsOn(lot.lotId());

        HttpReply place = rita.postPosting(
                "/api/holds",
                ScenarioFixture.body(
                        "scope", "LOT", "lotId", lot.lotId(), "reason", "CUSTOMER_COMPLAINT", "note", "rita tries"));
        assertThat(place.status()).as(place.text()).isEqualTo(403);
        assertThat(place.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(place.code()).isEqualTo("FORBIDDEN");

        HttpReply start = rita.post(
                "/engine-rest/process-definition/key/QualityHoldRelease/start",
                Map.of("variables", Map.of("lotId", Map.of("value", lot.lotId()))));
        assertThat(start.status()).as(start.text()).isEqualTo(403);
        assertThat(start.code()).isEqualTo("FORBIDDEN");

        assertThat(holdsOn(lot.lotId())).isEqualTo(holdsBefore);
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey("QualityHoldRelease")
                        .variableValueEquals("lotId", lot.lotId())
                        .count())
                .isZero();
        assertThat(f.balances(lot.lotId())).contains(ScenarioFixture.DOCK + " QUARANTINE " + lot.quantity());
    }

    @Test
    void tasklist_refuses_a_form_submission_without_the_csrf_header() {
        ReceivedLot lot = f.lotAwaitingInspection(erp, rita);
        String taskId = inspectTask(lot);
        TasklistSession quinn = TasklistSession.loginAsDemo(port, json, "quinn");
        assertThat(quinn.claim(taskId).status()).isEqualTo(204);

        HttpReply forged = quinn.sendWithoutCsrfHeader(
                "POST",
                TasklistSession.ENGINE + "/task/" + taskId + "/submit-form",
                TasklistSession.submission(accept(lot)));
        assertThat(forged.status()).as(forged.text()).isEqualTo(403);
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isOne();
        assertThat(runtime.getVariable(lot.processInstanceId(), "decision")).isNull();
        // the refusal leaves the session alone (WebappCsrf): with the header the same submission goes through
        HttpReply done = quinn.submitForm(taskId, accept(lot));
        assertThat(done.status()).as(done.text()).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isZero();
    }

    /** The inspector's answers that accept the whole lot (a SAMPLE inspection of an ambient item). */
    private static Map<String, Object> accept(ReceivedLot lot) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("labelsLegible", true);
        m.put("certificateOfAnalysisOk", true);
        m.put("sampleResult", "PASS");
        m.put("decision", "ACCEPT");
        m.put("acceptedQuantity", lot.quantity());
        m.put("rejectedQuantity", 0);
        m.put("destroyedSamples", 0);
        m.put("decisionReason", "");
        return m;
    }

    private String inspectTask(ReceivedLot lot) {
        Task task = tasks.createTaskQuery()
                .processInstanceId(lot.processInstanceId())
                .taskDefinitionKey("Task_InspectLot")
                .singleResult();
        assertThat(task).isNotNull();
        return task.getId();
    }

    private void assertUntouched(ReceivedLot lot, String taskId, List<String> legsBefore) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        assertThat(task).as("the task is still open").isNotNull();
        assertThat(task.getAssignee()).isNull();
        assertThat(runtime.getVariable(lot.processInstanceId(), "decision")).isNull();
        assertThat(jdbc.queryForObject(
                        "select count(*) from decision_record where process_instance_id = ?",
                        Long.class,
                        lot.processInstanceId()))
                .isZero();
        assertThat(f.legs(lot.lotId())).isEqualTo(legsBefore);
    }

    /** The control: the same answers from the inspector, through Tasklist, complete the task and post. */
    private void quinnCompletes(ReceivedLot lot, String taskId) {
        TasklistSession quinn = TasklistSession.loginAsDemo(port, json, "quinn");
        assertThat(quinn.claim(taskId).status()).isEqualTo(204);
        HttpReply done = quinn.submitForm(taskId, accept(lot));
        assertThat(done.status()).as(done.text()).isEqualTo(204);
        assertThat(f.runDueJobs(List.of(lot.processInstanceId()))).isEqualTo(1);
        assertThat(f.balances(lot.lotId())).contains(ScenarioFixture.DOCK + " AVAILABLE " + lot.quantity());
    }

    private long holdsOn(long lotId) {
        return jdbc.queryForObject("select count(*) from quality_hold where lot_id = ?", Long.class, lotId);
    }
}
