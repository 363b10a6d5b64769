package org.lotledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** /engine-rest runs as the caller's Camunda identity, so Camunda's authorizations decide what the caller sees. */
@IntegrationTest
class EngineRestIdentityTest {

    static final String PROBE_PROCESS = "SecurityProbe";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    RepositoryService repository;

    @Autowired
    TaskService tasks;

    @Autowired
    ObjectMapper json;

    @BeforeEach
    void a_process_definition_exists() {
        if (repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(PROBE_PROCESS)
                        .count()
                == 0) {
            repository
                    .createDeployment()
                    .name("security-probe")
                    .addModelInstance(
                            "security-probe.bpmn",
                            Bpmn.createExecutableProcess(PROBE_PROCESS)
                                    .camundaHistoryTimeToLive(1)
                                    .startEvent()
                                    .userTask("Task_Probe")
                                    .endEvent()
                                    .done())
                    .deploy();
        }
    }

    @Test
    void admin_sees_the_process_definitions_and_an_integration_user_without_grants_sees_none() throws Exception {
        JsonNode asAdmin = get("admin", "/engine-rest/process-definition?key=" + PROBE_PROCESS);
        assertThat(asAdmin).hasSize(1);
        assertThat(asAdmin.get(0).get("key").asText()).isEqualTo(PROBE_PROCESS);

        // erp passes Spring Security (integration) but has no Camunda grant: the engine filters it all out,
        // which proves the call ran as erp and not as an all-seeing anonymous engine user
        JsonNode asErp = get("erp", "/engine-rest/process-definition?key=" + PROBE_PROCESS);
        assertThat(asErp).isEmpty();
        assertThat(get("erp", "/engine-rest/process-definition")).isEmpty();
    }

    @Test
    void a_staff_user_is_refused_by_spring_security_before_camunda() {
        ResponseEntity<String> r =
                rest.withBasicAuth("quinn", "quinn-demo").getForEntity("/engine-rest/process-definition", String.class);
        assertThat(r.getStatusCode().value()).isEqualTo(403);
        assertThat(r.getBody()).contains("\"code\":\"FORBIDDEN\"");
    }

    @Test
    void an_integration_user_cannot_complete_or_claim_a_task_of_the_quality_group() throws Exception {
        Task task = qualityTask("Inspect lot (security test)");

        ResponseEntity<String> complete = post("erp", "/engine-rest/task/" + task.getId() + "/complete", "{}");
        assertThat(complete.getStatusCode().value()).as(complete.getBody()).isEqualTo(403);
        assertThat(complete.getBody()).contains("AuthorizationException");
        ResponseEntity<String> claim =
                post("erp", "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"erp\"}");
        assertThat(claim.getStatusCode().value()).as(claim.getBody()).isEqualTo(403);
        ResponseEntity<String> candidate = post(
                "erp",
                "/engine-rest/task/" + task.getId() + "/identity-links",
                "{\"groupId\":\"integration\",\"type\":\"candidate\"}");
        assertThat(candidate.getStatusCode().value()).as(candidate.getBody()).isEqualTo(403);

        Task still = tasks.createTaskQuery().taskId(task.getId()).singleResult();
        assertThat(still).as("the task is still open").isNotNull();
        assertThat(still.getAssignee()).isNull();
        // and erp does not even see it in a task list
        assertThat(get("erp", "/engine-rest/task?candidateGroup=quality")).isEmpty();
    }

    @Test
    void the_same_request_works_for_someone_camunda_authorizes() throws Exception {
        // the control for the test above: the refusal came from the authorization, not from a malformed request
        Task task = qualityTask("Inspect lot (admin completes)");
        ResponseEntity<String> complete = post("admin", "/engine-rest/task/" + task.getId() + "/complete", "{}");
        assertThat(complete.getStatusCode().value()).as(complete.getBody()).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
    }

    private Task qualityTask(String name) {
        // no authenticated user here, so the engine checks nothing; adding the candidate group still writes the
        // group's grant on the task, as it does for process tasks
        Task task = tasks.newTask();
        task.setName(name);
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), Groups.QUALITY);
        return task;
    }

    private JsonNode get(String user, String path) throws Exception {
        ResponseEntity<String> r = rest.withBasicAuth(user, user + "-demo").getForEntity(path, String.class);
        assertThat(r.getStatusCode().value())
                .as(user + " GET " + path + ": " + r.getBody())
                .isEqualTo(200);
        return json.readTree(r.getBody());
    }

    private ResponseEntity<String> post(String user, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, user + "-demo")
                .exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }
}
