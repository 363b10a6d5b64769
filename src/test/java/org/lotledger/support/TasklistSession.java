package org.lotledger.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person in Camunda Tasklist, driven through the same HTTP calls the Tasklist page makes (read from Tasklist
 * 7.24's own scripts): Spring's form login once, then Camunda's webapp REST under
 * {@code /camunda/api/engine/engine/default/}, on the session cookie, with Camunda's CSRF protection (the
 * {@code XSRF-TOKEN} cookie echoed as the {@code X-XSRF-TOKEN} header on every state-changing call).
 *
 * <p>What Tasklist does for a task with a Camunda Form, and the method for each step:
 * <ol>
 *   <li>task list: {@link #filterTasks(String)} (the "My group tasks" filter) or {@link #candidateTasks(String)};</li>
 *   <li>open the task: {@link #task(String)}, {@link #form(String)} (gives the {@code camundaFormRef}),
 *       {@link #deployedForm(String)} (the form-js schema) and {@link #formVariables(String)} (the variables the
 *       form is filled with, {@code deserializeValues=false});</li>
 *   <li>claim it (the form is read-only until then): {@link #claim(String)};</li>
 *   <li>complete: {@link #submitForm(String, Map)}, which sends what form-js submits: the keyed fields that are
 *       shown, each as {@code {"value": …}} without a type, so the engine infers Integer/Boolean/String.</li>
 * </ol>
 * Every method returns the raw {@link HttpReply}: refusals (401, 403, 404, 500 …) are for the test to assert.
 * Facts seen through it (PartialReceiptThroughTasklistTest, QualityTaskRoleChecksTest): the XSRF-TOKEN cookie is set
 * when Tasklist opens; a state-changing call without the header (or with a wrong one) is refused with 403 and code
 * {@code CSRF_TOKEN_INVALID}, and the session lives on (platform/security/WebappCsrf; Camunda alone would end it); a task listener's refusal comes back from submit-form with the refusal's own status
 * (403, 409, 422 …) and {@code {"type":"Refused","message":"<the listener's message>","code":"<its code>"}}
 * (platform/camunda/EngineRefusals; Camunda alone answers 500 with the message wrapped in engine text);
 * a task the user has no grant on reads as 404 and refuses claim/submit/complete with 403 AuthorizationException.
 *
 * <pre>{@code
 * TasklistSession quinn = TasklistSession.login(port, json, "quinn", "quinn-demo");
 * JsonNode task = quinn.filterTasks(AuthorizationsSetup.GROUP_TASKS_FILTER) ... ;
 * quinn.claim(taskId);
 * HttpReply done = quinn.submitForm(taskId, Map.of("decision", "ACCEPT", ...));
 * }</pre>
 */
public final class TasklistSession {

    /** Where Tasklist sends its engine calls (Camunda's webapp REST, not /engine-rest). */
    public static final String ENGINE = "/camunda/api/engine/engine/default";

    private static final Pattern LOGIN_CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String base;
    private final ObjectMapper json;
    private final String user;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    private TasklistSession(int port, ObjectMapper json, String user) {
        this.base = "http://localhost:" + port;
        this.json = json;
        this.user = user;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /**
     * Logs in through the login form and opens Tasklist, as a browser does; fails if the login is refused or
     * Tasklist does not open.
     */
    public static TasklistSession login(int port, ObjectMapper json, String user, String password) {
        TasklistSession s = new TasklistSession(port, json, user);
        HttpResponse<String> page = s.raw("GET", "/login", null, null, null, false);
        Matcher csrf = LOGIN_CSRF.matcher(page.body());
        if (page.statusCode() != 200 || !csrf.find()) {
            throw new IllegalStateException("no login form: " + page.statusCode());
        }
        HttpResponse<String> login = s.raw(
                "POST",
                "/login",
                "application/x-www-form-urlencoded",
                "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1)),
                null,
                false);
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException(user + " could not log in: " + login.statusCode() + " " + location);
        }
        HttpResponse<String> tasklist = s.raw("GET", "/camunda/app/tasklist/default/", null, null, null, false);
        if (tasklist.statusCode() != 200) {
            throw new IllegalStateException("Tasklist did not open for " + user + ": " + tasklist.statusCode());
        }
        return s;
    }

    /** A demo user (password {@code <id>-demo}). */
    public static TasklistSession loginAsDemo(int port, ObjectMapper json, String demoUser) {
        return login(port, json, demoUser, demoUser + "-demo");
    }

    public String user() {
        return user;
    }

    /** Camunda's CSRF token as the page reads it: the {@code XSRF-TOKEN} cookie, or null before the first GET. */
    public String csrfToken() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    // ---- Tasklist's calls ---------------------------------------------------------------------------------------

    /** The user as the webapps know them ({@code userId}, {@code groupIds}, {@code authorizedApps}). */
    public HttpReply currentUser() {
        return get("/camunda/api/admin/auth/user/default");
    }

    /** The task filters this user may read (Tasklist's left column). */
    public HttpReply filters() {
        return get(ENGINE + "/filter?resourceType=Task&itemCount=false");
    }

    /** The id of the filter of that name, or null when this user sees no such filter. */
    public String filterId(String name) {
        HttpReply r = filters();
        if (r.status() != 200) {
            throw new IllegalStateException("filters: " + r);
        }
        for (JsonNode f : r.body()) {
            if (name.equals(f.path("name").asText())) {
                return f.get("id").asText();
            }
        }
        return null;
    }

    /**
     * The tasks of a filter, as Tasklist lists them (POST .../filter/{id}/list, HAL); the tasks themselves, or an
     * empty list when the user sees no such filter.
     */
    public List<JsonNode> filterTasks(String filterName) {
        String id = filterId(filterName);
        List<JsonNode> tasks = new ArrayList<>();
        if (id == null) {
            return tasks;
        }
        HttpReply r = send(
                "POST",
                ENGINE + "/filter/" + id + "/list?firstResult=0&maxResults=200",
                Map.of(
                        "processVariables",
                        List.of(),
                        "taskVariables",
                        List.of(),
                        "caseInstanceVariables",
                        List.of(),
                        "sorting",
                        List.of(Map.of("sortBy", "created", "sortOrder", "desc"))),
                "application/hal+json");
        if (r.status() != 200) {
            throw new IllegalStateException("filter list: " + r);
        }
        r.body().path("_embedded").path("task").forEach(tasks::add);
        return tasks;
    }

    /** Tasks offered to a candidate group, as far as this user may read them. */
    public List<JsonNode> candidateTasks(String group) {
        HttpReply r = get(ENGINE + "/task?candidateGroup=" + enc(group) + "&maxResults=200");
        if (r.status() != 200) {
            throw new IllegalStateException("task list: " + r);
        }
        List<JsonNode> tasks = new ArrayList<>();
        r.body().forEach(tasks::add);
        return tasks;
    }

    public HttpReply task(String taskId) {
        return get(ENGINE + "/task/" + taskId);
    }

    /** The task's form reference ({@code key}, {@code camundaFormRef}). */
    public HttpReply form(String taskId) {
        return get(ENGINE + "/task/" + taskId + "/form");
    }

    /** The Camunda Form (form-js schema) deployed with the task's process. */
    public HttpReply deployedForm(String taskId) {
        return get(ENGINE + "/task/" + taskId + "/deployed-form");
    }

    /** The variables the form is filled with: name → {type, value, valueInfo}. */
    public HttpReply formVariables(String taskId) {
        return get(ENGINE + "/task/" + taskId + "/form-variables?deserializeValues=false");
    }

    public HttpReply claim(String taskId) {
        return send("POST", ENGINE + "/task/" + taskId + "/claim", Map.of("userId", user), null);
    }

    /** Submits a Camunda Form as Tasklist does: {@code {"variables": {key: {"value": v}}}}. */
    public HttpReply submitForm(String taskId, Map<String, ?> fields) {
        return send("POST", ENGINE + "/task/" + taskId + "/submit-form", submission(fields), null);
    }

    /** The body of {@link #submitForm}, for calls made some other way (e.g. without the CSRF header). */
    public static Map<String, Object> submission(Map<String, ?> fields) {
        return Map.of("variables", untyped(fields));
    }

    /** Completes the task without a form (Tasklist's generic "Complete"). */
    public HttpReply complete(String taskId, Map<String, ?> variables) {
        return send("POST", ENGINE + "/task/" + taskId + "/complete", Map.of("variables", untyped(variables)), null);
    }

    /** Tasklist's "Log out": Camunda's logout call, which ends the Spring session too (SecurityConfiguration). */
    public HttpReply logout() {
        return send("POST", "/camunda/api/admin/auth/user/default/logout", Map.of(), null);
    }

    // ---- plumbing -----------------------------------------------------------------------------------------------

    public HttpReply get(String path) {
        return ApiClient.reply(json, raw("GET", path, null, null, "application/json", false));
    }

    /** A JSON call with the session cookie and, for anything but GET, Camunda's CSRF header. */
    public HttpReply send(String method, String path, Object body, String accept) {
        return json(method, path, body, accept, true);
    }

    /**
     * The same call as a forged cross-site request would make it: the session cookie rides along, the CSRF header
     * does not (a page on another site cannot read the XSRF-TOKEN cookie).
     */
    public HttpReply sendWithoutCsrfHeader(String method, String path, Object body) {
        return json(method, path, body, null, false);
    }

    /** The same call with a CSRF header of the caller's choosing (a guessed or stale token). */
    public HttpReply sendWithCsrfHeader(String method, String path, Object body, String token) {
        return json(method, path, body, null, false, token);
    }

    private HttpReply json(String method, String path, Object body, String accept, boolean csrf) {
        return json(method, path, body, accept, csrf, null);
    }

    private HttpReply json(String method, String path, Object body, String accept, boolean csrf, String ownToken) {
        try {
            String text = body == null ? null : json.writeValueAsString(body);
            return ApiClient.reply(
                    json,
                    raw(
                            method,
                            path,
                            body == null ? null : "application/json",
                            text,
                            accept == null ? "application/json" : accept,
                            csrf,
                            ownToken));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> raw(
            String method, String path, String contentType, String body, String accept, boolean csrf) {
        return raw(method, path, contentType, body, accept, csrf, null);
    }

    private HttpResponse<String> raw(
            String method, String path, String contentType, String body, String accept, boolean csrf, String ownToken) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (accept != null) {
            b.header("Accept", accept);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (!"GET".equals(method)) {
            // a browser's same-origin request; and Camunda's CSRF filter wants its token echoed
            b.header("Origin", base);
            String token = csrfToken();
            if (ownToken != null) {
                b.header("X-XSRF-TOKEN", ownToken);
            } else if (csrf && token != null && path.startsWith("/camunda/")) {
                b.header("X-XSRF-TOKEN", token);
            }
        }
        b.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " as " + user + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> untyped(Map<String, ?> values) {
        Map<String, Object> vars = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("value", v);
            vars.put(k, value);
        });
        return vars;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
