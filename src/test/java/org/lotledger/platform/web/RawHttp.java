package org.lotledger.platform.web;

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
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * HTTP as a careless or hostile client sends it: any method, a path as written (percent escapes, {@code ;}), any
 * headers, any bytes as the body (including none). Also the checks every refusal must pass: a 4xx, as
 * {@code application/problem+json} with a non-empty {@code code}, naming no Java class and no SQL.
 */
final class RawHttp {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What came back; {@code json} is null when the body is not JSON. */
    record Answer(int status, String contentType, String text, JsonNode json) {

        String code() {
            return json == null ? null : json.path("code").asText(null);
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + Leaks.excerpt(text, 600);
        }
    }

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    static String basic(String demoUser) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((demoUser + ":" + demoUser + "-demo").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends the request as given; {@code body} null sends none. {@code headers} are sent as they are (the caller
     * adds Authorization, Accept, Content-Type and Idempotency-Key when it wants them).
     */
    Answer send(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(60));
        headers.forEach(b::header);
        b.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<byte[]> r;
            try {
                r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException closed) {
                // Tomcat closes the connection after a 400 or 413; a pooled connection it closed meanwhile fails
                // with no bytes. A client sends again on a fresh connection (same key: a replay at worst).
                r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            }
            String text = new String(r.body(), StandardCharsets.UTF_8);
            JsonNode json;
            try {
                json = text.isBlank() ? null : JSON.readTree(text);
            } catch (IOException notJson) {
                json = null;
            }
            return new Answer(
                    r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), text, json);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + pathAndQuery + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * What an answer to a request that must be refused breaks of the door's promises (ADR 0009, issue 7 §3), as
     * short sentences; empty when it keeps them all.
     */
    static List<String> brokenPromises(Answer a) {
        List<String> broken = new java.util.ArrayList<>();
        if (a.status() < 400) {
            // accepted: the shape of an error answer does not apply
            broken.add(a.status() + " for a malformed request");
            return broken;
        }
        if (a.status() >= 500) {
            broken.add("5xx");
        } else if ("CONFLICTING_CHANGE".equals(a.code())) {
            // the catch-all for DataIntegrityViolationException: the database refused what the edge let through
            // (a value too long for its column, a numeric overflow, a date out of range), told as a concurrent change
            broken.add("refused by a database constraint, not at the edge (409 CONFLICTING_CHANGE)");
        } else if (a.status() == 401) {
            broken.add("401: the fuzzer's credentials were refused");
        }
        if (!a.contentType().startsWith("application/problem+json")) {
            broken.add("not problem+json (" + (a.contentType().isEmpty() ? "no Content-Type" : a.contentType()) + ")");
        }
        if (a.code() == null || a.code().isBlank()) {
            broken.add("no code");
        }
        broken.addAll(Leaks.in(a.text()));
        return broken;
    }

    /** What an error body must never name: Java classes and stack frames, SQL, the ledger's tables. */
    static final class Leaks {

        private static final Map<String, Pattern> PATTERNS = new java.util.LinkedHashMap<>();

        static {
            PATTERNS.put(
                    "a Java package", Pattern.compile("\\b(?:org|java|javax|jakarta|com|sun|jdk)\\.[a-z_$][\\w$]*\\."));
            PATTERNS.put("an exception", Pattern.compile("Exception|Throwable|\\bat [\\w$.]+\\("));
            PATTERNS.put("a method signature", Pattern.compile("\\bpublic [\\w.<>\\[\\]]+ [\\w.$]+\\("));
            PATTERNS.put(
                    "SQL",
                    Pattern.compile("(?i)\\bselect\\s|\\binsert\\s+into\\b|\\bupdate\\s+\\w+\\s+set\\b"
                            + "|\\bdelete\\s+from\\b|\\bviolates\\b|\\brelation\\b|SQLSTATE|SQL state|\\bERROR:\\s"));
            // "column" as in `column "quantity" of relation ...`; a JSON parse position ("line 1, column 5") is not SQL
            PATTERNS.put("a column", Pattern.compile("(?i)\\bcolumn\\b(?!\\s+\\d)"));
            PATTERNS.put(
                    "a ledger table",
                    Pattern.compile(
                            "\\b(?:posting_leg|stock_balance|lot_ledger_head|idempotent_request|quality_hold|receipt_line)\\b"));
        }

        static List<String> in(String text) {
            List<String> found = new java.util.ArrayList<>();
            PATTERNS.forEach((what, p) -> {
                var m = p.matcher(text);
                if (m.find()) {
                    found.add("names " + what + " (\""
                            + excerpt(
                                    text.substring(Math.max(0, m.start() - 40), Math.min(text.length(), m.end() + 40)),
                                    120)
                            + "\")");
                }
            });
            return found;
        }

        /** The text shortened, control characters and non-ASCII shown as escapes, for a report line. */
        static String excerpt(String s, int max) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < s.length() && sb.length() < max; i++) {
                char c = s.charAt(i);
                if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c)) {
                    sb.append(String.format("\\u%04x", (int) c));
                } else {
                    sb.append(c);
                }
            }
            return s.length() > max ? sb + "…(" + s.length() + " chars)" : sb.toString();
        }

        private Leaks() {}
    }
}
