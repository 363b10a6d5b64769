package org.lotledger.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A tiny JSON client over java.net.http (which, unlike the JDK's HttpURLConnection, can PATCH). */
final class CatalogHttp {

    record Response(int status, JsonNode body, HttpResponse<String> raw) {
        String etag() {
            return raw.headers().firstValue("ETag").orElse(null);
        }

        String location() {
            return raw.headers().firstValue("Location").orElse(null);
        }

        long id() {
            return body.get("id").asLong();
        }

        String code() {
            return body.path("code").asText(null);
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json;
    private final int port;
    private String user = "admin";

    CatalogHttp(int port, ObjectMapper json) {
        this.port = port;
        this.json = json;
    }

    CatalogHttp as(String user) {
        CatalogHttp other = new CatalogHttp(port, json);
        other.user = user;
        return other;
    }

    Response get(String path) {
        return send("GET", path, null, null);
    }

    Response post(String path, Object body) {
        return send("POST", path, body, null);
    }

    Response put(String path, Object body, String ifMatch) {
        return send("PUT", path, body, ifMatch);
    }

    Response patch(String path, Object body, String ifMatch) {
        return send("PATCH", path, body, ifMatch);
    }

    Response delete(String path, String ifMatch) {
        return send("DELETE", path, null, ifMatch);
    }

    Response send(String method, String path, Object body, String ifMatch) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "application/json, application/problem+json")
                    .header(
                            "Authorization",
                            "Basic "
                                    + Base64.getEncoder()
                                            .encodeToString(
                                                    (user + ":" + user + "-demo").getBytes(StandardCharsets.UTF_8)));
            if (ifMatch != null) {
                b.header("If-Match", ifMatch);
            }
            if (!"GET".equals(method)) {
                b.header("Idempotency-Key", org.lotledger.support.IdempotencyKeys.fresh());
            }
            if (body != null) {
                String text = body instanceof String s ? s : json.writeValueAsString(body);
                b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(text));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode node = r.body() == null || r.body().isBlank() ? json.nullNode() : json.readTree(r.body());
            return new Response(r.statusCode(), node, r);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
