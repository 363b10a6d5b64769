package org.lotledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.support.HttpReply;
import org.lotledger.support.TasklistSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda's CSRF protection on the webapps' REST (/camunda/api/**) refuses a forged state-changing call with 403,
 * and the user it was aimed at stays logged in: a page on another site must not be able to log people out by
 * sending such calls (Camunda's own filter ends the session on every refusal; ours does not). The same for the
 * webapps' logout call itself, which Spring Security carries out: without the token it is refused, not obeyed.
 */
@IntegrationTest
class WebappCsrfTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    TaskService tasks;

    @Autowired
    ServletContext servletContext;

    @Test
    void the_webapps_run_our_csrf_filter_in_place_of_camundas() {
        FilterRegistration csrf = servletContext.getFilterRegistration("CsrfPreventionFilter");
        assertThat(csrf.getClassName()).isEqualTo(WebappCsrf.SessionKeeping.class.getName());
        assertThat(csrf.getUrlPatternMappings()).containsExactlyInAnyOrder("/camunda/api/*", "/camunda/app/*");
        assertThat(servletContext.getFilterRegistrations().values())
                .extracting(FilterRegistration::getClassName)
                .filteredOn(c -> c.contains("Csrf"))
                .containsExactly(WebappCsrf.SessionKeeping.class.getName());
    }

    @Test
    void a_state_changing_call_without_the_csrf_header_is_refused_and_the_session_lives_on() {
        String taskId = candidateTask();
        TasklistSession quinn = TasklistSession.loginAsDemo(port, json, "quinn");

        HttpReply forged = quinn.sendWithoutCsrfHeader(
                "POST", TasklistSession.ENGINE + "/task/" + taskId + "/claim", Map.of("userId", "quinn"));

        assertThat(forged.status()).as(forged.text()).isEqualTo(403);
        assertThat(forged.code()).isEqualTo("CSRF_TOKEN_INVALID");
        assertThat(forged.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee())
                .isNull();
        assertStillLoggedIn(quinn, taskId);
        tasks.deleteTask(taskId, true);
    }

    @Test
    void a_call_with_a_wrong_csrf_token_is_refused_and_the_session_lives_on() {
        String taskId = candidateTask();
        TasklistSession quinn = TasklistSession.loginAsDemo(port, json, "quinn");

        HttpReply guessed = quinn.sendWithCsrfHeader(
                "POST",
                TasklistSession.ENGINE + "/task/" + taskId + "/claim",
                Map.of("userId", "quinn"),
                "0123456789ABCDEF0123456789ABCDEF");

        assertThat(guessed.status()).as(guessed.text()).isEqualTo(403);
        assertThat(guessed.code()).isEqualTo("CSRF_TOKEN_INVALID");
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee())
                .isNull();
        assertStillLoggedIn(quinn, taskId);
        tasks.deleteTask(taskId, true);
    }

    @Test
    void a_forged_logout_is_refused_and_the_real_one_still_works() {
        String taskId = candidateTask();
        TasklistSession quinn = TasklistSession.loginAsDemo(port, json, "quinn");

        HttpReply forged = quinn.sendWithoutCsrfHeader("POST", "/camunda/api/admin/auth/user/default/logout", Map.of());
        assertThat(forged.status()).as(forged.text()).isEqualTo(403);
        assertThat(forged.code()).isEqualTo("CSRF_TOKEN_INVALID");
        assertStillLoggedIn(quinn, taskId);

        assertThat(quinn.logout().status()).isEqualTo(204);
        assertThat(quinn.currentUser().status()).isEqualTo(401);
        tasks.deleteTask(taskId, true);
    }

    /** The same session: Tasklist's reads answer as the user, and a call with the header goes through. */
    private static void assertStillLoggedIn(TasklistSession session, String taskId) {
        HttpReply me = session.currentUser();
        assertThat(me.status()).as(me.text()).isEqualTo(200);
        assertThat(me.body().get("userId").asText()).isEqualTo(session.user());
        HttpReply list = session.get(TasklistSession.ENGINE + "/task?candidateGroup=quality&maxResults=200");
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        assertThat(list.body().findValuesAsText("id")).contains(taskId);
        HttpReply claimed = session.claim(taskId);
        assertThat(claimed.status()).as(claimed.text()).isEqualTo(204);
    }

    /** A standalone task offered to quality (quinn's group), so the session has something to read and claim. */
    private String candidateTask() {
        Task task = tasks.newTask();
        task.setName("CSRF check " + System.nanoTime());
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), "quality");
        return task.getId();
    }
}
