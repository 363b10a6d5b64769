package org.lotledger.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/**
 * A machine or scanner calling Lot Ledger over HTTP basic, as one user: {@code /api/**} and {@code /engine-rest/**}.
 * No cookies, no session: every request carries the credentials, as the stateless API chains expect.
 * Demo users' passwords are {@code <id>-demo} ({@link #as(int, ObjectMapper, String)}).
 *
 * <pre>{@code
 * ApiClient rita = ApiClient.as(port, json, "rita");
 * HttpReply r = rita.postPosting("/api/receipts/" + id + "/lines", line);   // adds an Idempotency-Key
 * assertThat(r.status()).as(r.text()).isEqualTo(201);
 * }</pre>
 */
public final class ApiClient {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final String base;
    private final ObjectMapper json;
    private final String user;
    private final String authorization;

    public ApiClient(int port, ObjectMapper json, String user, String password) {
        this.base = "http://localhost:" + port;
        this.json = json;
        this.user = user;
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A demo user (password {@code <id>-demo}). */
    public static ApiClient as(int port, ObjectMapper json, String demoUser) {
        return new ApiClient(port, json, demoUser, demoUser + "-demo");
    }

    public String user() {
        return user;
    }

    public HttpReply get(String path) {
        return send("GET", path, null, null);
    }

    /** A POST with a fresh {@code Idempotency-Key} on /api (IdempotencyKeys); none on /engine-rest. */
    public HttpReply post(String path, Object body) {
        return send("POST", path, body, null);
    }

    /** A POST that posts to the ledger: carries a fresh {@code Idempotency-Key}. */
    public HttpReply postPosting(String path, Object body) {
        return send("POST", path, body, UUID.randomUUID().toString());
    }

    public HttpReply send(String method, String path, Object body, String idempotencyKey) {
        try {
            return sendText(method, path, body == null ? null : json.writeValueAsString(body), idempotencyKey, true);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " as " + user + " failed", e);
        }
    }

    /**
     * As a client that writes its own body: a String is sent as it is (malformed JSON included), anything else as
     * JSON; no body is sent at all when {@code body} is null (no {@code {}} for a POST, no Content-Type).
     */
    public HttpReply sendAsIs(String method, String path, Object body, String idempotencyKey) {
        try {
            String text = body == null ? null : body instanceof String s ? s : json.writeValueAsString(body);
            return sendText(method, path, text, idempotencyKey, false);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " as " + user + " failed", e);
        }
    }

    private HttpReply sendText(
            String method, String path, String body, String idempotencyKey, boolean emptyPostIsJson) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", authorization)
                    .header("Accept", "application/json, application/problem+json");
            String key = path.startsWith("/api/") && !"GET".equals(method)
                    ? IdempotencyKeys.forWrite(idempotencyKey)
                    : idempotencyKey;
            if (key != null && !IdempotencyKeys.NONE.equals(key)) {
                b.header("Idempotency-Key", key);
            }
            if (body == null) {
                boolean empty = emptyPostIsJson && "POST".equals(method);
                b.method(
                        method,
                        empty ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
                if (empty) {
                    b.header("Content-Type", "application/json");
                }
            } else {
                b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
            }
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return reply(json, r);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " as " + user + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpReply reply(ObjectMapper json, HttpResponse<String> r) {
        String text = r.body() == null ? "" : r.body();
        JsonNode node;
        if (text.isBlank()) {
            node = json.nullNode();
        } else {
            try {
                node = json.readTree(text);
            } catch (IOException notJson) {
                node = json.getNodeFactory().textNode(text);
            }
        }
        return new HttpReply(r.statusCode(), node, text, r.headers());
    }
}
