package org.lotledger.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.lotledger.platform.web.ApiDescription.Operation;
import org.lotledger.platform.web.ApiDescription.Slot;
import org.lotledger.support.IdempotencyKeys;

/**
 * Malformed requests for the write operations of the OpenAPI document, generated from a seed: for each operation a
 * plausible request (from its schema, with real ids and codes where {@link Hints} know them) and then one defect in
 * it, of one {@link Kind}. Each request carries exactly one defect, so a refusal that goes wrong names its cause.
 * The same seed gives the same requests (the ids the hints know aside).
 */
final class Malformations {

    /** Where a defect goes and what it applies to. */
    enum Kind {
        // one property of the body
        OVER_MAX_LENGTH(s -> s.isText() && s.schema().has("maxLength")),
        LONG_TEXT(Slot::isText),
        CONTROL_CHARACTER(Slot::isText),
        LONE_SURROGATE(Slot::isText),
        INVALID_UTF8(Slot::isText),
        BLANK_TEXT(s -> s.isText() && s.schema().path("minLength").asInt(0) > 0),
        PATTERN_MISMATCH(s -> s.isText() && s.schema().has("pattern")),
        HUGE_NUMBER(Slot::isNumber),
        BELOW_MINIMUM(s -> s.isNumber() && s.schema().has("minimum")),
        FRACTION_FOR_INTEGER(Slot::isInteger),
        STRING_FOR_NUMBER(Slot::isNumber),
        NON_STANDARD_NUMBER(Slot::isNumber),
        NUMBER_FOR_ENUM(Slot::isEnum),
        UNKNOWN_ENUM(Slot::isEnum),
        BAD_DATE(Slot::isDate),
        WRONG_TYPE(s -> !s.type().isEmpty()),
        NULL_FOR_REQUIRED(Slot::required),
        MISSING_REQUIRED(Slot::required),
        TOO_MANY_ITEMS(s -> s.type().equals("array") && s.schema().has("maxItems")),
        TOO_FEW_ITEMS(
                s -> s.type().equals("array") && s.schema().path("minItems").asInt(0) > 0),
        // the body as a whole
        UNKNOWN_PROPERTY(null),
        DUPLICATE_KEY(null),
        TRAILING_CONTENT(null),
        CONCATENATED_OBJECTS(null),
        NOT_AN_OBJECT(null),
        DEEP_NESTING(null),
        EMPTY_BODY(null),
        NOT_JSON(null),
        OVERSIZED_BODY(null),
        // the request around the body (every operation)
        CONTENT_TYPE(null),
        ACCEPT(null),
        IDEMPOTENCY_KEY(null),
        OVERSIZED_HEADER(null),
        PATH_ID(null);

        final Predicate<Slot> slots;

        Kind(Predicate<Slot> slots) {
            this.slots = slots;
        }

        boolean onSlot() {
            return slots != null;
        }

        boolean onBody() {
            return ordinal() >= UNKNOWN_PROPERTY.ordinal() && ordinal() <= OVERSIZED_BODY.ordinal();
        }
    }

    /** What the fuzzer knows of the world: who may call an operation, real ids, plausible values. */
    interface Hints {
        /** The demo user allowed to call the operation, or null when none is known. */
        String caller(Operation op);

        /** The value of a path parameter (a real id where one is at hand). */
        String pathValue(Operation op, String parameter);

        /** A plausible value for a property, or null for the schema's own example. */
        JsonNode value(String owner, String property);

        /** Optional properties of a schema that the plausible body includes (required ones always are). */
        Set<String> optionalIncluded(String owner);
    }

    /** One request to send. */
    record Attempt(
            Operation op,
            Kind kind,
            String variant,
            String user,
            String method,
            String path,
            Map<String, String> headers,
            byte[] body) {

        String describe() {
            StringBuilder sb = new StringBuilder(method).append(' ').append(RawHttp.Leaks.excerpt(path, 200));
            headers.forEach((k, v) -> {
                if (!k.equals("Authorization") && !k.equals("Idempotency-Key")) {
                    sb.append(" [")
                            .append(k)
                            .append(": ")
                            .append(RawHttp.Leaks.excerpt(v, 60))
                            .append(']');
                } else if (k.equals("Idempotency-Key") && kind == Kind.IDEMPOTENCY_KEY) {
                    sb.append(" [Idempotency-Key: ")
                            .append(RawHttp.Leaks.excerpt(v, 60))
                            .append(']');
                }
            });
            sb.append(" as ").append(user);
            if (body != null) {
                sb.append(" body=").append(RawHttp.Leaks.excerpt(new String(body, StandardCharsets.UTF_8), 400));
            }
            return sb.toString();
        }
    }

    static final String JSON_ACCEPT = "application/json, application/problem+json";
    private static final String BAD_UTF8 = "@@BAD_UTF8@@";

    private final ApiDescription api;
    private final Hints hints;
    private final SplittableRandom random;
    private final ObjectMapper json = new ObjectMapper();
    private int unique;

    Malformations(ApiDescription api, Hints hints, long seed) {
        this.api = api;
        this.hints = hints;
        this.random = new SplittableRandom(seed);
    }

    /** The kinds that apply to an operation (each once per operation in a fuzz run). */
    List<Kind> kindsFor(Operation op) {
        List<Slot> slots = api.slots(op);
        List<Kind> kinds = new ArrayList<>();
        for (Kind k : Kind.values()) {
            boolean applies = k.onSlot()
                    ? slots.stream().anyMatch(k.slots)
                    : k.onBody()
                            ? op.hasBody()
                            : k != Kind.PATH_ID || !op.pathParameters().isEmpty();
            if (applies) {
                kinds.add(k);
            }
        }
        return kinds;
    }

    /** A plan: every kind that applies to every operation once, then random ones up to {@code atLeast}. */
    List<Attempt> plan(List<Operation> ops, int atLeast) {
        List<Attempt> plan = new ArrayList<>();
        // operations that end something (delete, deactivate, close, cancel) last: should one wrongly succeed, the
        // fixtures the other operations work on are still there for them
        ops = ops.stream()
                .sorted(java.util.Comparator.comparing(Malformations::endsSomething))
                .toList();
        for (Operation op : ops) {
            for (Kind k : kindsFor(op)) {
                plan.add(malform(op, k));
            }
        }
        while (plan.size() < atLeast) {
            Operation op = ops.get(random.nextInt(ops.size()));
            List<Kind> kinds = kindsFor(op);
            plan.add(malform(op, kinds.get(random.nextInt(kinds.size()))));
        }
        return plan;
    }

    static boolean endsSomething(Operation op) {
        return op.method().equals("DELETE") || op.path().matches(".*/(deactivate|close|cancel|close-short)$");
    }

    /** The operation's plausible request with one defect of this kind (a random slot and variant). */
    Attempt malform(Operation op, Kind kind) {
        List<Slot> slots = api.slots(op).stream()
                .filter(s -> kind.onSlot() && kind.slots.test(s))
                .toList();
        return malform(op, kind, slots.isEmpty() ? null : slots.get(random.nextInt(slots.size())), null);
    }

    /** The operation's plausible request with one property set to {@code value} (for the named cases). */
    Attempt withValue(Operation op, Kind kind, String where, JsonNode value) {
        Slot slot = api.slots(op).stream()
                .filter(s -> s.where().equals(where))
                .findFirst()
                .orElseThrow(() -> new AssertionError(op.id() + " has no property " + where + " in /v3/api-docs"));
        return malform(op, kind, slot, value);
    }

    /**
     * The operation's plausible body: its required properties and the optional ones the hints include, and at least
     * one property (so that a defect of the body as a whole always changes something).
     */
    ObjectNode plausibleBody(Operation op) {
        ObjectNode body = plausible(op.schemaName(), op.schema(), 0);
        Iterator<Map.Entry<String, JsonNode>> props =
                op.schema().path("properties").fields();
        if (body.isEmpty() && props.hasNext()) {
            Map.Entry<String, JsonNode> first = props.next();
            JsonNode hinted = hints.value(op.schemaName(), first.getKey());
            body.set(
                    first.getKey(),
                    hinted != null ? hinted : generic(ApiDescription.refName(first.getValue()), first.getValue(), 0));
        }
        return body;
    }

    String plausiblePath(Operation op) {
        String path = op.path();
        for (String p : op.pathParameters()) {
            path = path.replace("{" + p + "}", hints.pathValue(op, p));
        }
        return path;
    }

    Map<String, String> plausibleHeaders(Operation op) {
        Map<String, String> h = new LinkedHashMap<>();
        String user = hints.caller(op);
        h.put("Authorization", RawHttp.basic(user));
        h.put("Accept", JSON_ACCEPT);
        h.put("Idempotency-Key", IdempotencyKeys.fresh());
        if (op.hasBody()) {
            h.put("Content-Type", "application/json");
        }
        return h;
    }

    private Attempt malform(Operation op, Kind kind, Slot slot, JsonNode fixedValue) {
        String user = hints.caller(op);
        Map<String, String> headers = plausibleHeaders(op);
        String path = plausiblePath(op);
        ObjectNode body = op.hasBody() ? plausibleBody(op) : null;
        String variant;
        String text = null;
        byte[] bytes = null;
        if (slot != null) {
            ensureParents(body, op.schema(), slot.path());
            variant = slot.where() + (fixedValue != null ? "=" + fixedValue : "");
            if (kind == Kind.MISSING_REQUIRED) {
                parentOf(body, slot.path()).remove(slot.name());
            } else {
                JsonNode value = fixedValue != null ? fixedValue : slotValue(kind, slot);
                put(body, slot.path(), value);
                if (fixedValue == null) {
                    variant += "="
                            + RawHttp.Leaks.excerpt(
                                    value instanceof com.fasterxml.jackson.databind.node.POJONode p
                                            ? ((RawValue) p.getPojo())
                                                    .rawValue()
                                                    .toString()
                                            : String.valueOf(value),
                                    40);
                }
            }
            text = write(body);
        } else {
            String base = body == null ? null : write(body);
            switch (kind) {
                case UNKNOWN_PROPERTY -> {
                    String name = pick(
                            "fuzzUnknown",
                            "class",
                            "@type",
                            "__proto__",
                            "",
                            "lo\u0000t",
                            firstProperty(body).toUpperCase(),
                            firstProperty(body) + " ");
                    nestedOrTop(op, body).put(name, 1);
                    variant = name;
                    text = write(body);
                }
                case DUPLICATE_KEY -> {
                    String name = firstProperty(body);
                    String again = pick("same", "other").equals("same") ? write(body.get(name)) : "\"other\"";
                    variant = name + " twice";
                    text = "{" + quote(name) + ":" + again + "," + base.substring(1);
                }
                case TRAILING_CONTENT -> {
                    String tail = pick(" x", "]", "}", ",", " // comment", " /* c */", " null", " 1", "\n{", "\u0000");
                    variant = tail;
                    text = base + tail;
                }
                case CONCATENATED_OBJECTS -> {
                    String second = pick(base, "{}", " " + base, "\n" + base);
                    variant = second.equals("{}") ? "{}" : "twice";
                    text = base + second;
                }
                case NOT_AN_OBJECT -> {
                    text = pick("[" + base + "]", "[]", "\"text\"", "1", "true", "null", "[" + base + "," + base + "]");
                    variant = RawHttp.Leaks.excerpt(text, 20);
                }
                case DEEP_NESTING -> {
                    int depth = pick(2_000, 20_000, 100_000);
                    String how = pick("arrays", "objects", "in-a-property", "unterminated");
                    variant = how + " depth " + depth;
                    text = switch (how) {
                        case "arrays" -> "[".repeat(depth) + "]".repeat(depth);
                        case "objects" -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
                        case "in-a-property" ->
                            "{" + quote(firstProperty(body)) + ":" + "[".repeat(depth) + "]".repeat(depth) + ","
                                    + base.substring(1);
                        default -> "[".repeat(depth);
                    };
                }
                case EMPTY_BODY -> {
                    // where the body may be left out, no bytes at all is the request without one: a valid request
                    text = op.bodyRequired() ? pick("", " ", "\n", "\ufeff") : pick(" ", "\n", "\ufeff");
                    variant = RawHttp.Leaks.excerpt("\"" + text + "\"", 20);
                }
                case NOT_JSON -> {
                    String half = base.substring(0, base.length() / 2);
                    text = pick(
                            half,
                            base.replace('"', '\''),
                            "{/* c */" + base.substring(1),
                            "{\"" + firstProperty(body) + "\":\"\\x41\"}",
                            "{\"" + firstProperty(body) + "\":\"open",
                            base.replaceFirst("\"([^\"]+)\":", "$1:"),
                            base.substring(0, base.length() - 1) + ",}",
                            "<request/>",
                            "lot=x&quantity=1",
                            "{\"" + firstProperty(body) + "\":0x10}");
                    variant = RawHttp.Leaks.excerpt(text, 30);
                }
                case OVERSIZED_BODY -> {
                    variant = "1.1 MB of white space after a plausible body";
                    text = base + " ".repeat(1_100_000);
                }
                case CONTENT_TYPE -> {
                    String ct = pick(
                            "*/*",
                            "text/plain",
                            "application/xml",
                            "application/x-www-form-urlencoded",
                            "application/json; charset=ISO-8859-1",
                            "application/json; charset=UTF-16",
                            "application/*",
                            "multipart/form-data; boundary=x",
                            "application/merge-patch+json",
                            "json",
                            "(none)");
                    variant = ct;
                    if (ct.equals("(none)")) {
                        headers.remove("Content-Type");
                    } else {
                        headers.put("Content-Type", ct);
                    }
                    // a body-less operation gets a body of "{}" or none, but always one without a Content-Type
                    text = base != null ? base : ct.equals("(none)") ? "{}" : pick("{}", "");
                }
                case ACCEPT -> {
                    String accept = pick(
                            "application/xml",
                            "text/html",
                            "text/plain",
                            "image/png",
                            "text/csv",
                            "application/octet-stream",
                            "???",
                            "application/json;q=0");
                    variant = accept;
                    headers.put("Accept", accept);
                    text = base;
                }
                case IDEMPOTENCY_KEY -> {
                    // (java.net.http sends a non-ASCII header character as '?', so none is tried here)
                    String key = pick("K".repeat(101), "a b", " ", "", "a\tb");
                    variant = key.length() > 100 ? "101 characters" : "\"" + key + "\"";
                    headers.put("Idempotency-Key", key);
                    text = base;
                }
                case OVERSIZED_HEADER -> {
                    if (pick(true, false)) {
                        variant = "one header of 9000 characters";
                        headers.put("X-Fuzz", "h".repeat(9000));
                    } else {
                        variant = "100 headers of 100 characters";
                        for (int i = 0; i < 100; i++) {
                            headers.put("X-Fuzz-" + i, "h".repeat(100));
                        }
                    }
                    text = base;
                }
                case PATH_ID -> {
                    String p = op.pathParameters()
                            .get(random.nextInt(op.pathParameters().size()));
                    String real = hints.pathValue(op, p);
                    String bad = pick(
                            "%20" + real,
                            real + "%20",
                            real + ";x",
                            "-1",
                            "99999999999999999999",
                            "abc",
                            real + ".0",
                            "+" + real,
                            fullWidth(real),
                            "%2B" + real,
                            real + "%00",
                            "1e3",
                            "0x1F",
                            "%09" + real);
                    variant = p + "=" + bad;
                    path = op.path();
                    for (String q : op.pathParameters()) {
                        path = path.replace("{" + q + "}", q.equals(p) ? bad : hints.pathValue(op, q));
                    }
                    text = base;
                }
                default -> throw new IllegalStateException(kind + " needs a property");
            }
        }
        if (text != null) {
            bytes = text.getBytes(StandardCharsets.UTF_8);
            if (text.contains(BAD_UTF8)) {
                bytes = replace(bytes, BAD_UTF8.getBytes(StandardCharsets.UTF_8), badUtf8());
            }
        }
        return new Attempt(op, kind, variant, user, op.method(), path, headers, bytes);
    }

    private JsonNode slotValue(Kind kind, Slot slot) {
        JsonNodeFactory n = JsonNodeFactory.instance;
        JsonNode schema = slot.schema();
        return switch (kind) {
            case OVER_MAX_LENGTH ->
                n.textNode("A".repeat(schema.get("maxLength").asInt() + 1));
            case LONG_TEXT -> n.textNode("A".repeat(10_000));
            case CONTROL_CHARACTER -> {
                String c = pick("\u0000", "\u0001", "\u001b", "\u007f", "\u0085", "\u009f", "\u000b", "\u000c", "\b");
                yield pick(true, false)
                        ? n.textNode("fuzz" + c + "text")
                        : raw("\"fuzz" + c + "text\""); // unescaped: a C0 character is not even valid JSON
            }
            case LONE_SURROGATE -> raw(pick("\"ab\\ud800\"", "\"\\udc00ab\"", "\"\\ud800\\ud800\"", "\"x\\udbffy\""));
            case INVALID_UTF8 -> n.textNode("fuzz" + BAD_UTF8);
            case BLANK_TEXT -> n.textNode(pick("", "   ", "\t"));
            case PATTERN_MISMATCH -> n.textNode(pick("bad value!", "ÄÖÜ", "a b", "x;y", "<x>"));
            case HUGE_NUMBER ->
                raw(pick("6e14", "600000000000000", "1e400", "-1e20", "99999999999999999999", "1e-400"));
            case BELOW_MINIMUM ->
                raw(schema.get("minimum")
                        .decimalValue()
                        .subtract(java.math.BigDecimal.ONE)
                        .toPlainString());
            case FRACTION_FOR_INTEGER -> raw(pick("1.5", "0.5", "1.0", "1e0"));
            case STRING_FOR_NUMBER -> n.textNode(pick("1", "1.5", " 1", ""));
            case NON_STANDARD_NUMBER ->
                raw(pick("NaN", "Infinity", "-Infinity", "01", "+1", ".5", "1.", "0x10", "--1"));
            case NUMBER_FOR_ENUM -> {
                JsonNode v = n.numberNode(pick(0, 1, 2));
                yield slot.type().equals("array") ? n.arrayNode().add(v) : v;
            }
            case UNKNOWN_ENUM -> {
                JsonNode constants = schema.has("enum")
                        ? schema.get("enum")
                        : schema.path("items").path("enum");
                JsonNode v = n.textNode(pick(
                        "NO_SUCH_VALUE",
                        constants.get(0).asText().toLowerCase(),
                        "",
                        " " + constants.get(0).asText()));
                yield slot.type().equals("array") ? n.arrayNode().add(v) : v;
            }
            case BAD_DATE ->
                slot.isDateTime()
                        ? n.textNode(pick(
                                "-999999999-01-01T00:00:00Z",
                                "+999999999-12-31T23:59:59Z",
                                "2026-02-30T00:00:00Z",
                                "1899-12-31T23:59:59Z",
                                "3000-01-01T00:00:00Z",
                                "2999-12-31T00:00:00Z",
                                "2026-01-01",
                                "2026-01-01T25:00:00Z",
                                "yesterday"))
                        : pick(true, false)
                                ? n.textNode(pick(
                                        "+999999999-12-31",
                                        "-999999999-01-01",
                                        "2026-02-30",
                                        "2026-13-01",
                                        "0000-00-00",
                                        "1899-12-31",
                                        "3000-01-01",
                                        "2026-1-1",
                                        "20260101",
                                        "2026-02-28T00:00:00Z"))
                                : raw(pick("20260101", "[2026,1,1]"));
            case WRONG_TYPE ->
                switch (slot.type()) {
                    case "string" -> raw(pick("true", "12", "1.5", "{}", "[]", "{\"a\":1}", "[\"x\"]"));
                    case "integer", "number" -> raw(pick("true", "{}", "[]", "[1]"));
                    case "boolean" -> raw(pick("\"true\"", "1", "0", "\"yes\"", "{}"));
                    case "array" -> raw(pick("{}", "\"x\"", "1", "true"));
                    default -> raw(pick("[]", "\"x\"", "1"));
                };
            case NULL_FOR_REQUIRED -> n.nullNode();
            case TOO_MANY_ITEMS -> {
                ArrayNode a = n.arrayNode();
                JsonNode item = generic(ApiDescription.refName(schema.get("items")), schema.get("items"), 1);
                for (int i = 0; i <= schema.get("maxItems").asInt(); i++) {
                    a.add(item.deepCopy());
                }
                yield a;
            }
            case TOO_FEW_ITEMS -> n.arrayNode();
            default -> throw new IllegalStateException(kind + " is not a property defect");
        };
    }

    // ---- plausible bodies -------------------------------------------------------------------------------------

    private ObjectNode plausible(String owner, JsonNode schema, int depth) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        Set<String> included = hints.optionalIncluded(owner);
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        schema.path("properties").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            // optional booleans too: a primitive boolean the document calls optional is refused when missing
            // (FAIL_ON_NULL_FOR_PRIMITIVES), and a plausible body should be accepted as it is
            boolean flag =
                    "boolean".equals(api.resolve(e.getValue()).path("type").asText());
            if (!required.contains(e.getKey()) && !included.contains(e.getKey()) && !flag) {
                continue;
            }
            JsonNode hinted = hints.value(owner, e.getKey());
            o.set(
                    e.getKey(),
                    hinted != null ? hinted : generic(ApiDescription.refName(e.getValue()), e.getValue(), depth));
        }
        return o;
    }

    private JsonNode generic(String owner, JsonNode raw, int depth) {
        JsonNodeFactory n = JsonNodeFactory.instance;
        JsonNode s = api.resolve(raw);
        if (s.has("enum")) {
            return n.textNode(s.get("enum").get(0).asText());
        }
        switch (s.path("type").asText("object")) {
            case "string": {
                String format = s.path("format").asText();
                if (format.equals("date")) {
                    return n.textNode(LocalDate.now().plusYears(2).toString());
                }
                if (format.equals("date-time")) {
                    return n.textNode(Instant.now()
                            .minus(1, ChronoUnit.MINUTES)
                            .truncatedTo(ChronoUnit.SECONDS)
                            .toString());
                }
                String v = s.path("pattern").asText().contains("{3}")
                        ? "USD"
                        : "FZ" + (++unique) + random.nextInt(1_000_000);
                int max = s.path("maxLength").asInt(Integer.MAX_VALUE);
                return n.textNode(v.length() > max ? v.substring(0, max) : v);
            }
            case "integer":
            case "number":
                return n.numberNode(1);
            case "boolean":
                return n.booleanNode(false);
            case "array": {
                ArrayNode a = n.arrayNode();
                if (s.has("items") && depth < 3) {
                    a.add(generic(ApiDescription.refName(s.get("items")), s.get("items"), depth + 1));
                }
                return a;
            }
            default:
                return depth < 3 ? plausible(owner, s, depth + 1) : n.objectNode();
        }
    }

    /** Creates the objects and array elements on the way to a nested property, as plausible ones. */
    private void ensureParents(ObjectNode root, JsonNode rootSchema, List<Object> path) {
        JsonNode node = root;
        JsonNode schema = rootSchema;
        for (int i = 0; i < path.size() - 1; i++) {
            Object seg = path.get(i);
            if (seg instanceof String name) {
                JsonNode rawProp = schema.path("properties").path(name);
                JsonNode prop = api.resolve(rawProp);
                JsonNode child = node.get(name);
                if (path.get(i + 1) instanceof Integer) {
                    if (child == null || !child.isArray() || child.isEmpty()) {
                        ArrayNode a = JsonNodeFactory.instance.arrayNode();
                        a.add(plausible(ApiDescription.refName(prop.get("items")), api.resolve(prop.get("items")), 1));
                        ((ObjectNode) node).set(name, a);
                        child = a;
                    }
                } else if (child == null || !child.isObject()) {
                    child = plausible(ApiDescription.refName(rawProp), prop, 1);
                    ((ObjectNode) node).set(name, child);
                }
                node = child;
                schema = prop;
            } else {
                node = node.get((Integer) seg);
                schema = api.resolve(schema.get("items"));
            }
        }
    }

    private static ObjectNode parentOf(ObjectNode root, List<Object> path) {
        JsonNode node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object seg = path.get(i);
            node = seg instanceof String s ? node.get(s) : node.get((Integer) seg);
        }
        return (ObjectNode) node;
    }

    private static void put(ObjectNode root, List<Object> path, JsonNode value) {
        parentOf(root, path).set((String) path.get(path.size() - 1), value);
    }

    /** The object an unknown property goes into: the body, or (sometimes) the first element of an array in it. */
    private ObjectNode nestedOrTop(Operation op, ObjectNode body) {
        List<ObjectNode> candidates = new ArrayList<>();
        candidates.add(body);
        body.fields().forEachRemaining(e -> {
            if (e.getValue().isArray()
                    && !e.getValue().isEmpty()
                    && e.getValue().get(0).isObject()) {
                candidates.add((ObjectNode) e.getValue().get(0));
            }
        });
        return candidates.get(random.nextInt(candidates.size()));
    }

    private static String firstProperty(ObjectNode body) {
        Iterator<String> names = body.fieldNames();
        return names.hasNext() ? names.next() : "fuzz";
    }

    private static JsonNode raw(String text) {
        return JsonNodeFactory.instance.pojoNode(new RawValue(text));
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quote(String s) {
        return JsonNodeFactory.instance.textNode(s).toString();
    }

    private byte[] badUtf8() {
        return pick(
                new byte[] {(byte) 0xFF},
                new byte[] {(byte) 0xC3, 0x28},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xC0, (byte) 0x80},
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0x80},
                new byte[] {(byte) 0xE2, (byte) 0x82});
    }

    private static byte[] replace(byte[] in, byte[] what, byte[] with) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < in.length; ) {
            if (i + what.length <= in.length && java.util.Arrays.equals(in, i, i + what.length, what, 0, what.length)) {
                out.write(with, 0, with.length);
                i += what.length;
            } else {
                out.write(in[i++]);
            }
        }
        return out.toByteArray();
    }

    private static String fullWidth(String digits) {
        StringBuilder sb = new StringBuilder();
        for (char c : digits.toCharArray()) {
            sb.append(Character.isDigit(c) ? (char) ('\uFF10' + (c - '0')) : c);
        }
        return java.net.URLEncoder.encode(sb.toString(), StandardCharsets.UTF_8);
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }
}
