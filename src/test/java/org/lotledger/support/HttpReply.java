package org.lotledger.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;

/**
 * One HTTP answer as a test reads it: the status, the body parsed as JSON (a JSON null node when empty, a text node
 * when the body is not JSON, e.g. an HTML page) and the raw text for assertion messages.
 */
public record HttpReply(int status, JsonNode body, String text, HttpHeaders headers) {

    /** The problem detail's {@code code} (our API) or null. */
    public String code() {
        return body.path("code").asText(null);
    }

    /** The {@code message} of a Camunda REST error ({@code {"type": …, "message": …}}) or null. */
    public String message() {
        return body.path("message").asText(null);
    }

    public long id() {
        return body.get("id").asLong();
    }

    @Override
    public String toString() {
        return status + " " + text;
    }
}
