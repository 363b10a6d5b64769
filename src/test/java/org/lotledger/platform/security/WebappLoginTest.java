package org.lotledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The one login for people: Spring's form login, then Tasklist/Cockpit know the user through Camunda's
 * container-based authentication. A real HTTP client with a cookie jar, as a browser would do it.
 */
@IntegrationTest
class WebappLoginTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    TaskService tasks;

    @Autowired
    FilterService filters;

    @Autowired
    IdentityService identity;

    /** A browser: its own cookie jar, redirects not followed so that each step can be seen. */
    class Browser {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        /** The value of a cookie the server set, as the page's script reads it. */
        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals(name))
                    .map(java.net.HttpCookie::getValue)
                    .findFirst()
                    .orElseThrow();
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String contentType, String body, String... headers) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            for (int i = 0; i < headers.length; i += 2) {
                b.header(headers[i], headers[i + 1]);
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> login(String user, String password) throws Exception {
            HttpResponse<String> page = get("/login");
            assertThat(page.statusCode()).isEqualTo(200);
            Matcher csrf = CSRF.matcher(page.body());
            assertThat(csrf.find()).as("CSRF token on the login page").isTrue();
            return post(
                    "/login",
                    "application/x-www-form-urlencoded",
                    "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1)));
        }

        JsonNode currentCamundaUser() throws Exception {
            HttpResponse<String> r = get("/camunda/api/admin/auth/user/default");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return json.readTree(r.body());
        }
    }

    @Test
    void a_user_logs_in_once_and_tasklist_knows_them_with_their_apps() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> login = browser.login("rita", "rita-demo");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(location(login)).doesNotContain("error");

        HttpResponse<String> tasklist = browser.get("/camunda/app/tasklist/default/");
        assertThat(tasklist.statusCode()).as(location(tasklist)).isEqualTo(200);
        assertThat(tasklist.headers().firstValue("Content-Type").orElse("")).contains("text/html");
        assertThat(tasklist.body()).containsIgnoringCase("<html");

        JsonNode user = browser.currentCamundaUser();
        assertThat(user.get("userId").asText()).isEqualTo("rita");
        assertThat(texts(user.get("authorizedApps"))).contains("tasklist").doesNotContain("cockpit", "admin");

        assertThat(browser.get("/camunda/app/welcome/default/").statusCode()).isEqualTo(200);
    }

    @Test
    void operations_gets_cockpit_and_admin_gets_every_webapp() throws Exception {
        Browser otto = new Browser();
        otto.login("otto", "otto-demo");
        assertThat(otto.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
        assertThat(texts(otto.currentCamundaUser().get("authorizedApps"))).contains("cockpit", "tasklist");

        Browser admin = new Browser();
        admin.login("admin", "admin-demo");
        assertThat(admin.get("/camunda/app/admin/default/").statusCode()).isEqualTo(200);
        assertThat(texts(admin.currentCamundaUser().get("authorizedApps"))).contains("cockpit", "tasklist", "admin");
    }

    @Test
    void the_group_tasks_filter_shows_each_user_the_tasks_of_their_groups_only() throws Exception {
        Task forReceiving = candidateTask("Count the delivery (security test)", Groups.RECEIVING);
        Task forQuality = candidateTask("Inspect the lot (security test)", Groups.QUALITY);
        Filter filter = filters.createFilterQuery()
                .filterName(AuthorizationsSetup.GROUP_TASKS_FILTER)
                .singleResult();

        Browser rita = new Browser();
        rita.login("rita", "rita-demo");
        rita.get("/camunda/app/tasklist/default/");
        HttpResponse<String> list = rita.get("/camunda/api/engine/engine/default/filter/" + filter.getId() + "/list");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json.readTree(list.body()).forEach(t -> ids.add(t.get("id").asText()));
        assertThat(ids).contains(forReceiving.getId()).doesNotContain(forQuality.getId());
    }

    @Test
    void a_wrong_password_gives_no_session() throws Exception {
        TestUsers.ensure(identity, "wrongpasswordweb", "the-right-password-2", Groups.RECEIVING);
        Browser browser = new Browser();
        HttpResponse<String> login = browser.login("wrongpasswordweb", "not-the-password");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(location(login)).contains("/login?error");

        assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode())
                .isEqualTo(401);
        HttpResponse<String> tasklist = browser.get("/camunda/app/tasklist/default/");
        assertThat(tasklist.statusCode()).isEqualTo(302);
        assertThat(location(tasklist)).endsWith("/login");
    }

    @Test
    void anonymous_visitors_are_sent_to_the_login_page_and_the_webapps_api_answers_401() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> root = browser.get("/");
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(location(root)).endsWith("/camunda/app/tasklist/");
        HttpResponse<String> tasklist = browser.get("/camunda/app/tasklist/default/");
        assertThat(tasklist.statusCode()).isEqualTo(302);
        assertThat(location(tasklist)).endsWith("/login");
        HttpResponse<String> api = browser.get("/camunda/api/engine/engine/default/task");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void logging_out_in_tasklist_ends_the_spring_session_too() throws Exception {
        Browser browser = new Browser();
        browser.login("quinn", "quinn-demo");
        assertThat(browser.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        assertThat(browser.currentCamundaUser().get("userId").asText()).isEqualTo("quinn");

        // as Tasklist sends it: with the webapps' CSRF token (without it the call is refused, WebappCsrfTest)
        HttpResponse<String> logout = browser.post(
                "/camunda/api/admin/auth/user/default/logout",
                "application/json",
                "{}",
                "X-XSRF-TOKEN",
                browser.cookie("XSRF-TOKEN"));
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode())
                .isEqualTo(401);
        assertThat(browser.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(302);
    }

    @Test
    void spring_logout_ends_the_session() throws Exception {
        Browser browser = new Browser();
        browser.login("walt", "walt-demo");
        assertThat(browser.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        HttpResponse<String> confirm = browser.get("/logout");
        Matcher csrf = CSRF.matcher(confirm.body());
        assertThat(csrf.find()).as("CSRF token on the logout page").isTrue();
        HttpResponse<String> logout =
                browser.post("/logout", "application/x-www-form-urlencoded", "_csrf=" + enc(csrf.group(1)));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(location(logout)).contains("/login?logout");
        assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode())
                .isEqualTo(401);
    }

    @Test
    void nobody_can_make_themselves_admin_through_camunda_admins_first_user_setup() throws Exception {
        Browser browser = new Browser();
        browser.login("fiona", "fiona-demo");
        browser.get("/camunda/app/admin/default/");
        HttpResponse<String> setup = browser.post(
                "/camunda/api/admin/setup/default/user/create",
                "application/json",
                "{\"profile\":{\"id\":\"mallory\",\"firstName\":\"M\",\"lastName\":\"M\"},"
                        + "\"credentials\":{\"password\":\"mallory-password-1\"}}");
        assertThat(setup.statusCode()).isEqualTo(403);
        assertThat(identity.createUserQuery().userId("mallory").count()).isZero();
    }

    private Task candidateTask(String name, String group) {
        Task task = tasks.newTask();
        task.setName(name);
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), group);
        return task;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String location(HttpResponse<String> r) {
        return r.headers().firstValue("Location").orElse("");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
