package org.lotledger.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotledger.scenarios.ScenarioFixture.DOCK;
import static org.lotledger.scenarios.ScenarioFixture.DRESSING;
import static org.lotledger.scenarios.ScenarioFixture.body;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.platform.security.AuthorizationsSetup;
import org.lotledger.putaway.process.DirectPutawayDelegate;
import org.lotledger.support.ApiClient;
import org.lotledger.support.HttpReply;
import org.lotledger.support.TasklistSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 7's rule "a zone and its stock agree", through Tasklist: an accepted inspection leaves AVAILABLE stock at the
 * dock, whose zone takes only QUARANTINE, so the inspection directs its putaway: walt (warehouse) gets "Put away lot
 * … → zone AMB" with the suggested locations, scans a location, and the PUTAWAY is posted when he completes the task.
 * A scan outside the directed zone is refused and posts nothing; stock already put away through the API is not put
 * away twice; a hold released at the dock directs the putaway again.
 */
@IntegrationTest
class DirectedPutawayThroughTasklistTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient erp;
    ApiClient rita;
    ApiClient walt;
    ApiClient quinnApi;
    ScenarioFixture f;

    @BeforeEach
    void clients() {
        erp = ApiClient.as(port, json, "erp");
        rita = ApiClient.as(port, json, "rita");
        walt = ApiClient.as(port, json, "walt");
        quinnApi = ApiClient.as(port, json, "quinn");
        f = new ScenarioFixture(quinnApi, runtime, management);
    }

    @Test
    void an_accepted_inspection_directs_the_putaway_and_the_scan_posts_what_is_still_at_the_dock() {
        ScenarioFixture.ReceivedLot lot = receivedAndAccepted();
        String lotNumber = (String) history.createHistoricVariableInstanceQuery()
                .processInstanceId(lot.processInstanceId())
                .variableName("lotNumber")
                .singleResult()
                .getValue();
        assertThat(f.balances(lot.lotId())).contains(DOCK + " AVAILABLE 50");

        // ---- walt finds the putaway in his group tasks, named for what it is about ------------------------------
        TasklistSession waltTl = TasklistSession.loginAsDemo(port, json, "walt");
        JsonNode task = putawayTask(waltTl, lot.lotId());
        assertThat(task.get("name").asText())
                .isEqualTo("Put away lot " + lotNumber + " · " + DRESSING + " · 50 EA · " + DOCK + " → zone AMB");
        String taskId = task.get("id").asText();
        Map<String, String> shown = shown(waltTl, taskId);
        assertThat(shown)
                .containsEntry("directedZone", "AMB")
                .containsEntry("fromLocation", DOCK)
                .containsEntry("lotLabel", lot.internalLabel());
        String bin = shown.get("suggestedLocations").split(", ")[0];
        assertThat(bin).startsWith("EAST-AMB-");
        HttpReply formRef = waltTl.form(taskId);
        assertThat(formRef.body().at("/camundaFormRef/key").asText()).isEqualTo("put-away-stock");
        assertThat(waltTl.claim(taskId).status()).isEqualTo(204);

        // ---- a scan outside the directed zone: refused with a readable message, nothing posted, the task stays ---
        List<String> legsBefore = f.legs(lot.lotId());
        HttpReply refused = waltTl.submitForm(taskId, answer("EAST-CHL-01-01", null));
        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.body().get("code").asText()).isEqualTo("PUTAWAY_OUTSIDE_DIRECTED_ZONE");
        assertThat(refused.message()).contains("goes to zone AMB, not CHL (EAST-CHL-01-01)");
        assertThat(waltTl.task(taskId).status()).isEqualTo(200);
        assertThat(f.legs(lot.lotId())).isEqualTo(legsBefore);
        HttpReply tooMuch = waltTl.submitForm(taskId, answer(bin, 51));
        assertThat(tooMuch.status()).as(tooMuch.text()).isEqualTo(422);
        assertThat(tooMuch.body().get("code").asText()).isEqualTo("PUTAWAY_QUANTITY_INVALID");
        assertThat(f.legs(lot.lotId())).isEqualTo(legsBefore);

        // ---- meanwhile 20 are put away through the API; the task then puts away the 30 still at the dock ------------
        HttpReply api = walt.postPosting(
                "/api/putaway",
                body(
                        "lot",
                        lot.internalLabel(),
                        "fromLocation",
                        DOCK,
                        "toLocation",
                        bin,
                        "quantity",
                        20,
                        "unit",
                        "EA"));
        assertThat(api.status()).as(api.text()).isEqualTo(201);
        HttpReply done = waltTl.submitForm(taskId, answer(bin, null));
        assertThat(done.status()).as(done.text()).isEqualTo(204);

        assertThat(f.legs(lot.lotId()).subList(legsBefore.size(), legsBefore.size() + 4))
                .containsExactly(
                        "PUTAWAY " + DOCK + " AVAILABLE -20 by walt",
                        "PUTAWAY " + bin + " AVAILABLE +20 by walt",
                        "PUTAWAY " + DOCK + " AVAILABLE -30 by walt",
                        "PUTAWAY " + bin + " AVAILABLE +30 by walt");
        assertThat(f.balances(lot.lotId())).contains(bin + " AVAILABLE 50").noneMatch(b -> b.startsWith(DOCK + " "));
        assertThat(putawayProcess(lot.lotId())).as("the putaway process ended").isNull();
    }

    @Test
    void stock_put_away_through_the_api_is_not_put_away_twice_and_a_hold_released_at_the_dock_directs_it_again() {
        ScenarioFixture.ReceivedLot lot = receivedAndAccepted();
        TasklistSession waltTl = TasklistSession.loginAsDemo(port, json, "walt");
        String taskId = putawayTask(waltTl, lot.lotId()).get("id").asText();
        String bin = shown(waltTl, taskId).get("suggestedLocations").split(", ")[0];

        // ---- quinn holds the lot where it is: HOLD in place at the dock (zones constrain arrivals only) ------------
        HttpReply hold = quinnApi.postPosting(
                "/api/holds",
                body(
                        "scope",
                        "LOT",
                        "lotId",
                        lot.lotId(),
                        "reason",
                        "INVESTIGATION",
                        "note",
                        "supplier asked to check"));
        assertThat(hold.status()).as(hold.text()).isEqualTo(201);
        assertThat(f.balances(lot.lotId())).contains(DOCK + " HOLD 50");

        // nothing AVAILABLE is left at the dock: the task completes and posts nothing
        List<String> legsBefore = f.legs(lot.lotId());
        String putawayPi = putawayProcess(lot.lotId()).getId();
        assertThat(waltTl.claim(taskId).status()).isEqualTo(204);
        HttpReply nothing = waltTl.submitForm(taskId, answer(bin, null));
        assertThat(nothing.status()).as(nothing.text()).isEqualTo(204);
        assertThat(f.legs(lot.lotId())).isEqualTo(legsBefore);
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(putawayPi)
                        .variableName("putawayOutcome")
                        .list())
                .extracting(v -> String.valueOf(v.getValue()))
                .containsExactly("nothing left at " + DOCK + ": already put away");

        // ---- the release makes it AVAILABLE at the dock again, and the hold's process directs its putaway ---------
        HttpReply released =
                quinnApi.postPosting("/api/holds/" + hold.id() + "/release", body("note", "checked: fine"));
        assertThat(released.status()).as(released.text()).isEqualTo(200);
        assertThat(released.body().get("state").asText()).isEqualTo("RELEASED");
        assertThat(f.balances(lot.lotId())).contains(DOCK + " AVAILABLE 50");
        JsonNode again = putawayTask(waltTl, lot.lotId());
        assertThat(again.get("name").asText()).endsWith(" · 50 EA · " + DOCK + " → zone AMB");
        assertThat(shown(waltTl, again.get("id").asText()).get("directedBy"))
                .isEqualTo("QualityHoldRelease hold-" + hold.id());

        // walt puts all of it away through the API instead; the task then has nothing to do
        HttpReply api = walt.postPosting(
                "/api/putaway",
                body(
                        "lot",
                        lot.internalLabel(),
                        "fromLocation",
                        DOCK,
                        "toLocation",
                        bin,
                        "quantity",
                        50,
                        "unit",
                        "EA"));
        assertThat(api.status()).as(api.text()).isEqualTo(201);
        List<String> afterApi = f.legs(lot.lotId());
        assertThat(waltTl.claim(again.get("id").asText()).status()).isEqualTo(204);
        assertThat(waltTl.submitForm(again.get("id").asText(), answer(bin, null))
                        .status())
                .isEqualTo(204);
        assertThat(f.legs(lot.lotId())).as("not put away twice").isEqualTo(afterApi);
        assertThat(putawayProcess(lot.lotId())).isNull();
    }

    /** A lot of 50 EA received at the dock, inspected and accepted by quinn in Tasklist, and the result posted. */
    private ScenarioFixture.ReceivedLot receivedAndAccepted() {
        ScenarioFixture.ReceivedLot lot = f.lotAwaitingInspection(erp, rita);
        assertThat(lot.quantity()).isEqualTo(50);
        TasklistSession quinn = TasklistSession.loginAsDemo(port, json, "quinn");
        String inspect = quinn.filterTasks(AuthorizationsSetup.GROUP_TASKS_FILTER).stream()
                .filter(t -> lot.processInstanceId()
                        .equals(t.get("processInstanceId").asText()))
                .map(t -> t.get("id").asText())
                .findFirst()
                .orElseThrow();
        assertThat(quinn.claim(inspect).status()).isEqualTo(204);
        Map<String, Object> accept = new LinkedHashMap<>();
        accept.put("labelsLegible", true);
        accept.put("certificateOfAnalysisOk", true);
        accept.put("sampleResult", "PASS");
        accept.put("decision", "ACCEPT");
        accept.put("acceptedQuantity", 50);
        accept.put("rejectedQuantity", 0);
        accept.put("destroyedSamples", 0);
        accept.put("decisionReason", "");
        HttpReply accepted = quinn.submitForm(inspect, accept);
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(204);
        assertThat(f.runDueJobs(List.of(lot.processInstanceId()))).isEqualTo(1);
        assertThat(putawayProcess(lot.lotId()))
                .as("the inspection directed the putaway")
                .isNotNull();
        return lot;
    }

    private ProcessInstance putawayProcess(long lotId) {
        long dock = jdbc.queryForObject("select id from location where code = ?", Long.class, DOCK);
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(DirectPutawayDelegate.PROCESS_KEY)
                .processInstanceBusinessKey(DirectPutawayDelegate.businessKey(lotId, dock))
                .singleResult();
    }

    private JsonNode putawayTask(TasklistSession session, long lotId) {
        String pi = putawayProcess(lotId).getId();
        return session.filterTasks(AuthorizationsSetup.GROUP_TASKS_FILTER).stream()
                .filter(t -> pi.equals(t.get("processInstanceId").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no putaway task of lot " + lotId + " in " + session.user() + "'s task list"));
    }

    private static Map<String, Object> answer(String scannedLocation, Integer quantity) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scannedLocation", scannedLocation);
        m.put("putawayQuantity", quantity);
        m.put("overrideReasonCode", null);
        return m;
    }

    private static Map<String, String> shown(TasklistSession session, String taskId) {
        HttpReply r = session.formVariables(taskId);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        Map<String, String> values = new LinkedHashMap<>();
        r.body()
                .fields()
                .forEachRemaining(
                        e -> values.put(e.getKey(), e.getValue().path("value").asText()));
        return values;
    }
}
