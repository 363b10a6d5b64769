package org.lotledger.platform.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * What makes two requests "the same request" for the door: the operation, its path variables and query
 * parameters, and the body in a canonical JSON form (object keys sorted, numbers by value: {@code 60}, {@code 60.0}
 * and {@code 6E+1} are one quantity; white space ignored). Every field the client sent counts, a note or an
 * {@code occurredAt} included, so any difference is a different request (409 with the same key).
 */
final class RequestFingerprint {

    private RequestFingerprint() {}

    static String of(
            ObjectMapper json,
            String operation,
            Map<String, String> pathVariables,
            Map<String, String[]> query,
            byte[] body) {
        StringBuilder sb = new StringBuilder(operation).append('\n');
        new TreeMap<>(pathVariables)
                .forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        sb.append('?');
        new TreeMap<>(query).forEach((k, vs) -> {
            for (String v : vs) {
                sb.append(k).append('=').append(v).append('&');
            }
        });
        sb.append('\n');
        if (body != null && body.length > 0) {
            try {
                canonical(
                        json.reader()
                                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                                .readTree(body),
                        sb);
            } catch (IOException notJson) {
                // the strict reader refused it already; a body that is not JSON counts byte for byte
                sb.append(HexFormat.of().formatHex(body));
            }
        }
        return sha256(sb.toString());
    }

    static void canonical(JsonNode n, StringBuilder sb) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            sb.append("null");
        } else if (n.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sorted.put(e.getKey(), e.getValue());
            }
            sb.append('{');
            sorted.forEach((k, v) -> {
                quote(k, sb);
                sb.append(':');
                canonical(v, sb);
                sb.append(',');
            });
            sb.append('}');
        } else if (n.isArray()) {
            sb.append('[');
            n.forEach(v -> {
                canonical(v, sb);
                sb.append(',');
            });
            sb.append(']');
        } else if (n.isNumber()) {
            // scientific form of the stripped value: 60, 60.0 and 6E+1 agree, and 1E+999999999 stays short
            sb.append(n.decimalValue().stripTrailingZeros());
        } else if (n.isTextual()) {
            quote(n.textValue(), sb);
        } else {
            sb.append(n.asText());
        }
    }

    private static void quote(String s, StringBuilder sb) {
        sb.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
