package org.lotledger.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The write operations of the OpenAPI document ({@code /v3/api-docs}, read when the test runs) with their request
 * schemas, as a fuzzer needs them: every {@code POST}, {@code PUT}, {@code PATCH} and {@code DELETE} under
 * {@code /api}, its path parameters, and the properties ("slots") of its request body down to the items of its
 * arrays, each with the schema the document gives it ({@code $ref} and {@code allOf} resolved).
 */
final class ApiDescription {

    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    /**
     * One write operation; {@code schema} is null when it takes no body, {@code bodyRequired} is false when its body
     * may be left out (a reason to cancel).
     */
    record Operation(
            String method,
            String path,
            String schemaName,
            JsonNode schema,
            List<String> pathParameters,
            boolean bodyRequired) {

        String id() {
            return method + " " + path;
        }

        boolean hasBody() {
            return schema != null;
        }
    }

    /**
     * A property of a request body: {@code path} leads to it from the body ({@code "lines", 0, "quantity"}),
     * {@code owner} is the name of the schema that declares it.
     */
    record Slot(List<Object> path, String owner, JsonNode schema, boolean required) {

        String name() {
            return (String) path.get(path.size() - 1);
        }

        String type() {
            return schema.path("type").asText("");
        }

        boolean isText() {
            return type().equals("string");
        }

        boolean isNumber() {
            return type().equals("number") || type().equals("integer");
        }

        boolean isInteger() {
            return type().equals("integer");
        }

        boolean isDate() {
            return isText()
                    && (schema.path("format").asText().equals("date")
                            || schema.path("format").asText().equals("date-time"));
        }

        boolean isDateTime() {
            return isText() && schema.path("format").asText().equals("date-time");
        }

        /** An enum, or an array of enum constants. */
        boolean isEnum() {
            return schema.has("enum")
                    || (type().equals("array") && schema.path("items").has("enum"));
        }

        String where() {
            StringBuilder sb = new StringBuilder();
            for (Object p : path) {
                if (p instanceof Integer i) {
                    sb.append('[').append(i).append(']');
                } else {
                    sb.append(sb.isEmpty() ? "" : ".").append(p);
                }
            }
            return sb.toString();
        }
    }

    private final JsonNode doc;

    ApiDescription(JsonNode doc) {
        this.doc = doc;
    }

    List<Operation> writes() {
        List<Operation> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            if (!p.getKey().startsWith("/api/") && !p.getKey().equals("/api")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> methods = p.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> m = methods.next();
                if (!WRITES.contains(m.getKey())) {
                    continue;
                }
                JsonNode body = m.getValue().path("requestBody").path("content");
                JsonNode schema = body.has("application/json")
                        ? body.path("application/json").path("schema")
                        : body.fields().hasNext()
                                ? body.fields().next().getValue().path("schema")
                                : null;
                String name = schema == null ? null : refName(schema);
                List<String> parameters = new ArrayList<>();
                Matcher pm = PARAMETER.matcher(p.getKey());
                while (pm.find()) {
                    parameters.add(pm.group(1));
                }
                ops.add(new Operation(
                        m.getKey().toUpperCase(),
                        p.getKey(),
                        name,
                        schema == null || schema.isMissingNode() ? null : resolve(schema),
                        List.copyOf(parameters),
                        m.getValue().path("requestBody").path("required").asBoolean(false)));
            }
        }
        ops.sort(java.util.Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return ops;
    }

    /** The name of the component a schema refers to, or "inline". */
    static String refName(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.isEmpty()
                ? (schema.path("type").asText("").equals("array") ? refName(schema.path("items")) + "[]" : "inline")
                : ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** The schema with {@code $ref} followed and {@code allOf} merged (properties and required lists). */
    JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 20 && s.has("$ref"); i++) {
            String ref = s.get("$ref").asText();
            JsonNode target = doc.at(ref.substring(1));
            if (target.isMissingNode()) {
                throw new IllegalStateException("unresolvable " + ref);
            }
            s = target;
        }
        if (s.has("allOf")) {
            ObjectNode merged = JsonNodeFactory.instance.objectNode();
            ObjectNode props = merged.putObject("properties");
            var required = merged.putArray("required");
            merged.put("type", "object");
            for (JsonNode part : s.get("allOf")) {
                JsonNode r = resolve(part);
                r.path("properties").fields().forEachRemaining(e -> props.set(e.getKey(), e.getValue()));
                r.path("required").forEach(required::add);
            }
            return merged;
        }
        if (s.has("oneOf") || s.has("anyOf")) {
            return resolve((s.has("oneOf") ? s.get("oneOf") : s.get("anyOf")).get(0));
        }
        return s;
    }

    /** Every property of an operation's body: top-level, and one level into objects and the items of arrays. */
    List<Slot> slots(Operation op) {
        List<Slot> slots = new ArrayList<>();
        if (op.hasBody()) {
            collect(op.schemaName(), op.schema(), List.of(), slots, 0);
        }
        return slots;
    }

    private void collect(String owner, JsonNode schema, List<Object> prefix, List<Slot> slots, int depth) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        schema.path("properties").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode raw = e.getValue();
            JsonNode prop = resolve(raw);
            List<Object> path = new ArrayList<>(prefix);
            path.add(e.getKey());
            slots.add(new Slot(List.copyOf(path), owner, prop, required.contains(e.getKey())));
            if (depth >= 2) {
                continue;
            }
            if ("array".equals(prop.path("type").asText()) && prop.has("items")) {
                JsonNode items = resolve(prop.get("items"));
                if (items.has("properties")) {
                    path.add(0);
                    collect(refName(prop.get("items")), items, path, slots, depth + 1);
                }
            } else if (prop.has("properties")) {
                collect(refName(raw), prop, path, slots, depth + 1);
            }
        }
    }
}
