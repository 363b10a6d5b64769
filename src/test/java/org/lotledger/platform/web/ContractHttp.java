package org.lotledger.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The contract test's client: one request exactly as described (method, path, headers, body bytes), over HTTP to
 * the running server, as a demo user (password {@code <id>-demo}), and the answer exactly as it came (status,
 * headers, body bytes), so that a replay can be compared byte for byte with the first answer. Safe to share between
 * threads (the 50 parallel duplicates use one instance).
 */
final class ContractHttp {

    static final String JSON_ANSWERS = "application/json, application/problem+json";

    private static final ObjectMapper READER = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String base;

    ContractHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    /**
     * One request as a test describes it. {@code body} is sent as it is (null: no body); {@code headers} override
     * the defaults ({@code Accept: application/json, application/problem+json} and, with a body,
     * {@code Content-Type: application/json}).
     */
    record Call(String user, String method, String path, String body, Map<String, String> headers) {

        static Call of(String user, String method, String path) {
            return new Call(user, method, path, null, Map.of());
        }

        Call body(String json) {
            return new Call(user, method, path, json, headers);
        }

        Call header(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Call(user, method, path, body, h);
        }

        Call ifMatch(String etag) {
            return header("If-Match", etag);
        }

        Call path(String other) {
            return new Call(user, method, other, body, headers);
        }

        @Override
        public String toString() {
            return user + ": " + method + " " + path + (headers.isEmpty() ? "" : " " + headers)
                    + (body == null ? "" : " " + body);
        }
    }

    /** An answer as it came over the wire. */
    record Answer(int status, HttpHeaders headers, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return body.length == 0 ? READER.nullNode() : READER.readTree(body);
            } catch (IOException notJson) {
                return READER.getNodeFactory().textNode(text());
            }
        }

        /** The problem detail's {@code code}, or null. */
        String code() {
            return json().path("code").asText(null);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        boolean replayed() {
            return "true".equals(header(IdempotentWrites.REPLAYED));
        }

        boolean sameBody(Answer other) {
            return Arrays.equals(body, other.body);
        }

        @Override
        public String toString() {
            return status + (replayed() ? " (replayed)" : "") + " " + header("Content-Type") + " " + text();
        }
    }

    /** Sends {@code call} with {@code key} as its Idempotency-Key (null: none). */
    Answer send(Call call, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + call.path()))
                .timeout(Duration.ofSeconds(120))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((call.user() + ":" + call.user() + "-demo")
                                                .getBytes(StandardCharsets.UTF_8)));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", JSON_ANSWERS);
        if (call.body() != null) {
            headers.put("Content-Type", "application/json");
        }
        headers.putAll(call.headers());
        headers.forEach(b::header);
        if (key != null) {
            b.header(IdempotencyKey.HEADER, key);
        }
        b.method(
                call.method(),
                call.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
        try {
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.headers(), r.body() == null ? new byte[0] : r.body());
        } catch (IOException e) {
            throw new IllegalStateException(call + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(call + " interrupted", e);
        }
    }

    /** GET without credentials (the API document is public). */
    Answer getAnonymously(String path) {
        try {
            HttpResponse<byte[]> r = client.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .timeout(Duration.ofSeconds(120))
                            .header("Accept", "application/json")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
