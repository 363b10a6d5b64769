package org.lotledger.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}) says what the API really
 * answers; every API test checks its exchanges against it (OpenApiContractFilter in the tests). springdoc reads the
 * controllers; what it cannot see is added here, in one place:
 * <ul>
 *   <li>who we are (title, version from the build, description) and HTTP basic as the one security scheme;</li>
 *   <li>the {@code Idempotency-Key} header, one reusable parameter referenced by every write under {@code /api};</li>
 *   <li>the success statuses as the controllers answer them ({@link #SUCCESS}), with their headers: 201 with
 *       {@code Location}, {@code ETag} where the catalog and purchasing answer one, 202 for hold decisions that wait,
 *       and 200 with {@code Idempotent-Replayed: true} for the replay of a write;</li>
 *   <li>the problem details (RFC 7807, always with a {@code code}) each operation can answer.</li>
 * </ul>
 * An operation not listed in {@link #SUCCESS} answers 200. A new endpoint that creates (201) or may wait (202) is
 * added there; a test of it that sees another status than the document says fails.
 *
 * <p>Over 300 lines because the document's conventions are written out here once for every operation (the problem
 * schema, the headers, the status table); the tables of operations are data.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
    public static final String PROBLEM = "ProblemDetail";
    static final String BASIC = "basicAuth";
    static final int IDEMPOTENCY_KEY_MAX_LENGTH = IdempotencyKey.MAX_LENGTH;

    /** How an operation succeeds when it is not a plain 200. */
    enum Success {
        /** 201 with Location (the first time); a replay answers 200 with Idempotent-Replayed. */
        CREATED,
        /** 200 when carried out, 202 while it waits on a second approval or on warehouse moves. */
        DONE_OR_WAITING
    }

    /** Operations whose success is not a plain 200, as "METHOD /path" of the document. */
    static final Map<String, Success> SUCCESS = Map.ofEntries(
            // catalog and purchasing: 201 + Location + ETag (CatalogResponses.created)
            Map.entry("POST /api/items", Success.CREATED),
            Map.entry("POST /api/warehouses", Success.CREATED),
            Map.entry("POST /api/zones", Success.CREATED),
            Map.entry("POST /api/locations", Success.CREATED),
            Map.entry("POST /api/suppliers", Success.CREATED),
            Map.entry("POST /api/customers", Success.CREATED),
            Map.entry("POST /api/reason-codes", Success.CREATED),
            Map.entry("POST /api/lots", Success.CREATED),
            Map.entry("POST /api/purchase-orders", Success.CREATED),
            Map.entry("POST /api/advance-ship-notices", Success.CREATED),
            Map.entry("POST /api/sales-orders", Success.CREATED),
            Map.entry("POST /api/allocation-overrides", Success.CREATED),
            Map.entry("POST /api/sales-orders/{id}/shipments", Success.CREATED),
            Map.entry("POST /api/sales-orders/{id}/pick-tasks", Success.CREATED),
            Map.entry("POST /api/transfer-orders", Success.CREATED),
            Map.entry("POST /api/transfer-orders/{id}/pick-tasks", Success.CREATED),
            Map.entry("POST /api/transfer-orders/{id}/receipts", Success.CREATED),
            // receiving
            Map.entry("POST /api/receipts", Success.CREATED),
            Map.entry("POST /api/receipts/{id}/lines", Success.CREATED),
            // ledger postings and putaway: 201 + Location of the posting
            Map.entry("POST /api/moves", Success.CREATED),
            Map.entry("POST /api/adjustments", Success.CREATED),
            Map.entry("POST /api/opening-balances", Success.CREATED),
            Map.entry("POST /api/postings/{id}/reversal", Success.CREATED),
            Map.entry("POST /api/putaway", Success.CREATED),
            // quality holds: placing creates; decisions are carried out (200) or wait (202)
            Map.entry("POST /api/holds", Success.CREATED),
            Map.entry("POST /api/holds/{id}/decision", Success.DONE_OR_WAITING),
            Map.entry("POST /api/holds/{id}/release", Success.DONE_OR_WAITING),
            Map.entry("POST /api/holds/{id}/scrap", Success.DONE_OR_WAITING),
            Map.entry("POST /api/holds/{id}/return-to-vendor", Success.DONE_OR_WAITING),
            Map.entry("POST /api/holds/{id}/approval", Success.DONE_OR_WAITING),
            Map.entry("POST /api/holds/{id}/warehouse-moves/{moveId}/confirmation", Success.DONE_OR_WAITING),
            // relabel (issue 11 §2): 201 + Location of the child lot
            Map.entry("POST /api/lots/{id}/relabel", Success.CREATED),
            // recalls (issue 11 §3)
            Map.entry("POST /api/recalls", Success.CREATED),
            Map.entry("POST /api/recalls/{id}/acknowledgements", Success.CREATED),
            Map.entry("POST /api/recalls/{id}/returns", Success.CREATED));

    /**
     * Answers a controller builds as a map (springdoc sees {@code Map<String, Object>}): their schemas, named here.
     * A controller that returns a record needs no entry.
     */
    /** Families that answer an ETag (the row's version) on a single record: catalog, lots and purchasing. */
    static final List<String> VERSIONED = List.of(
            "/api/items",
            "/api/warehouses",
            "/api/zones",
            "/api/locations",
            "/api/suppliers",
            "/api/customers",
            "/api/reason-codes",
            "/api/lots",
            "/api/purchase-orders",
            "/api/advance-ship-notices",
            "/api/sales-orders");

    static final Set<PathItem.HttpMethod> WRITES = Set.of(
            PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    /** The problem responses, by status: a name in components/responses and what it means, with its codes. */
    static final Map<Integer, String[]> PROBLEMS = problems();

    private static Map<Integer, String[]> problems() {
        Map<Integer, String[]> p = new LinkedHashMap<>();
        p.put(400, new String[] {
            "BadRequest",
            "The request is malformed or breaks a rule of its own: `VALIDATION_FAILED`"
                    + " (the fields in `errors`), `MALFORMED_JSON`, `DUPLICATE_PROPERTY`, `UNKNOWN_PROPERTY`, `INVALID_VALUE`, "
                    + "`BODY_REQUIRED`, `MISSING_PARAMETER`, `CONTROL_CHARACTER`, `IDEMPOTENCY_KEY_REQUIRED` / "
                    + "`IDEMPOTENCY_KEY_INVALID` (a write without its key, or a malformed one), or a code of the operation "
                    + "(docs/api-conventions.md). Nothing was done."
        });
        p.put(401, new String[] {"Unauthorized", "`UNAUTHENTICATED`: no or wrong HTTP basic credentials."});
        p.put(403, new String[] {
            "Forbidden",
            "`FORBIDDEN`: the caller's groups do not allow this operation "
                    + "(docs/security.md), or a rule about who may do it said no (e.g. `POSTING_TYPE_NOT_ALLOWED`, "
                    + "`SAME_APPROVER`)."
        });
        p.put(404, new String[] {
            "NotFound",
            "A record the request names does not exist (e.g. `UNKNOWN_LOT`, "
                    + "`UNKNOWN_LOCATION`, `HOLD_NOT_FOUND`), or no such path (`NOT_FOUND`)."
        });
        p.put(406, new String[] {
            "NotAcceptable",
            "`NOT_ACCEPTABLE`: the `Accept` header excludes `application/json` and "
                    + "`application/problem+json`. Nothing was done."
        });
        p.put(409, new String[] {
            "Conflict",
            "`IDEMPOTENCY_KEY_REUSED` (the key was used for another request), or the "
                    + "record is not in a state that allows this (e.g. `PURCHASE_ORDER_HAS_RECEIPTS`, `PO_LINE_NOT_OPEN`)."
        });
        p.put(412, new String[] {
            "PreconditionFailed",
            "`VERSION_CONFLICT`: `If-Match` names another version than the "
                    + "current one (`currentEtag`); read the record again."
        });
        p.put(413, new String[] {"PayloadTooLarge", "`PAYLOAD_TOO_LARGE`: the request body is larger than 1 MiB."});
        p.put(415, new String[] {
            "UnsupportedMediaType",
            "`UNSUPPORTED_MEDIA_TYPE`: the body is not sent as `Content-Type: application/json` (UTF-8)."
        });
        p.put(422, new String[] {
            "UnprocessableContent",
            "A business rule refused the request (e.g. "
                    + "`INSUFFICIENT_BALANCE`, `LOT_ON_HOLD`, `UOM_NOT_CONVERTIBLE`); the problem's properties say why. "
                    + "Nothing was posted."
        });
        p.put(428, new String[] {
            "PreconditionRequired", "`IF_MATCH_REQUIRED`: send `If-Match` with the `ETag` you read."
        });
        p.put(500, new String[] {
            "InternalServerError",
            "`INTERNAL_ERROR`: something failed on our side; the problem carries an `errorId` "
                    + "that is also in the log. Nothing of the request is trusted to have been done: retry with the same "
                    + "`Idempotency-Key`."
        });
        return p;
    }

    @Bean
    OpenAPI lotLedgerOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        String version = properties != null ? properties.getVersion() : "development";
        return new OpenAPI()
                .info(new Info().title("Lot Ledger API").version(version).description(DESCRIPTION))
                .components(components())
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    private static final String DESCRIPTION = """
            Lot tracking and inventory reconciliation on one shared lot ledger: catalog, purchase orders and \
            advance ship notices, receiving, quality holds, directed putaway, moves, adjustments and reversals, \
            balances and the history of every lot.

            **Sign in** with HTTP basic as a Lot Ledger user (the demo's users have the password `<id>-demo`, \
            e.g. `admin` / `admin-demo`; press *Authorize*). Which groups may call what is in docs/security.md.

            **Writes** (POST, PUT, PATCH, DELETE) carry an `Idempotency-Key` (1 to 100 visible ASCII characters, one per \
            business action). Sending the same request with the same key again returns the first answer \
            (`200` with `Idempotent-Replayed: true` where the first was `201`), never a second effect; the same \
            key with another request is `409 IDEMPOTENCY_KEY_REUSED`.

            **Errors** are RFC 7807 problem details (`application/problem+json`) with a stable `code` to branch \
            on. A refused request posted and stored nothing.

            **Versions**: catalog and purchasing records answer an `ETag`; a PUT or PATCH sends it back as \
            `If-Match` (`428` without it, `412` when someone changed the record since).
            """;

    private static Components components() {
        Components c = new Components()
                .addSecuritySchemes(
                        BASIC,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("basic")
                                .description("A Lot Ledger user (Camunda identity); demo users: `<id>` / `<id>-demo`."))
                .addParameters(
                        IDEMPOTENCY_KEY,
                        new HeaderParameter()
                                .name(IDEMPOTENCY_KEY)
                                .required(true)
                                .description(
                                        "Names this business action: a retry with the same key and request gets the "
                                                + "first answer back; another request with it is refused (409).")
                                .schema(new StringSchema().minLength(1).maxLength(IDEMPOTENCY_KEY_MAX_LENGTH)))
                .addHeaders(
                        "Location",
                        new Header()
                                .description("Where the created record is read.")
                                .required(true)
                                .schema(new StringSchema()))
                .addHeaders(
                        "ETag",
                        new Header()
                                .description("The record's version; send it back as If-Match.")
                                .required(true)
                                .schema(new StringSchema().pattern("^(W/)?\"[^\"]*\"$")))
                .addHeaders(
                        IDEMPOTENT_REPLAYED,
                        new Header()
                                .description("`true` when this is the stored answer to an "
                                        + "earlier request with the same Idempotency-Key (nothing was done again).")
                                .schema(new StringSchema()._enum(List.of("true"))))
                .addHeaders(
                        "WWW-Authenticate",
                        new Header().description("The HTTP basic challenge.").schema(new StringSchema()))
                .addSchemas(PROBLEM, problemSchema());
        PROBLEMS.forEach((status, p) -> {
            ApiResponse r = new ApiResponse().description(p[1]).content(problemContent());
            if (status == 401) {
                r.addHeaderObject("WWW-Authenticate", ref(new Header(), "WWW-Authenticate"));
            }
            c.addResponses(p[0], r);
        });
        return c;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Schema fieldError = new ObjectSchema()
                .description("A refused field (`field`) or, for a GS1 scan, element (`code`, `ai`, `position`).")
                .addProperty("field", new StringSchema().description("the field or parameter, as sent"))
                .addProperty("message", new StringSchema())
                .addProperty("code", new StringSchema())
                .addProperty("ai", new StringSchema().description("GS1 application identifier"))
                .addProperty("position", new IntegerSchema().format("int32"))
                .additionalProperties(true);
        return new ObjectSchema()
                .description("An RFC 7807 problem detail. Branch on `code`; `detail` is for people. Other properties "
                        + "(e.g. `currentEtag`, `available`) carry the facts of the refusal.")
                .addProperty("type", new StringSchema().description("`urn:lotledger:problem:<code>`"))
                .addProperty("title", new StringSchema())
                .addProperty(
                        "status",
                        new IntegerSchema()
                                .format("int32")
                                .minimum(java.math.BigDecimal.valueOf(400))
                                .maximum(java.math.BigDecimal.valueOf(599)))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty(
                        "code",
                        new StringSchema()
                                .pattern("^[A-Z][A-Z0-9_]*$")
                                .description("A stable code, e.g. `VALIDATION_FAILED`, `INSUFFICIENT_BALANCE`."))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .items(fieldError)
                                .description("One entry per refused field (`VALIDATION_FAILED`) or scanned element."))
                .required(List.of("status", "code"))
                .additionalProperties(true);
    }

    private static Content problemContent() {
        // a client that accepts only application/json gets the same problem as application/json
        return new Content()
                .addMediaType("application/problem+json", new MediaType().schema(schemaRef(PROBLEM)))
                .addMediaType("application/json", new MediaType().schema(schemaRef(PROBLEM)));
    }

    /** Operation ids a generated client can use: {@code zoneCreate}, {@code ledgerMove}, {@code holdDecide}. */
    @Bean
    OperationCustomizer lotLedgerOperationIds() {
        return (operation, handler) -> {
            String stem = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
            operation.setOperationId(StringUtils.uncapitalize(stem)
                    + StringUtils.capitalize(handler.getMethod().getName()));
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer lotLedgerAnswers() {
        return api -> {
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().forEach((path, item) -> {
                if (!path.startsWith("/api/")) {
                    return;
                }
                item.readOperationsMap().forEach((method, operation) -> document(path, method, operation));
            });
            if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
                api.getComponents().getSchemas().values().forEach(OpenApiConfiguration::anyValueForObject);
            }
        };
    }

    static void document(String path, PathItem.HttpMethod method, Operation operation) {
        boolean write = WRITES.contains(method);
        Success success = SUCCESS.get(method + " " + path);
        boolean versioned = VERSIONED.stream().anyMatch(path::startsWith)
                // a shipment is a record of its own, not a version of the order it ships
                && !path.contains("/shipments")
                && (path.endsWith("}")
                        || path.endsWith("/deactivate")
                        || path.endsWith("/cancel")
                        || path.endsWith("/lines")
                        || success == Success.CREATED)
                // a pick task is made over a sales order but is no versioned record of its own
                && !path.endsWith("/pick-tasks")
                // a relabel answers the child lot, the posting and the holds: no version of the parent
                && !path.endsWith("/relabel");
        if (write) {
            List<Parameter> parameters = new ArrayList<>();
            parameters.add(new Parameter().$ref("#/components/parameters/" + IDEMPOTENCY_KEY));
            if (operation.getParameters() != null) {
                operation.getParameters().stream()
                        .filter(p -> !(IDEMPOTENCY_KEY.equalsIgnoreCase(p.getName()) && "header".equals(p.getIn())))
                        .forEach(parameters::add);
            }
            operation.setParameters(parameters);
        }

        Content body = successContent(method + " " + path, operation);
        Discriminator discriminator = DISCRIMINATED.get(method + " " + path);
        if (discriminator != null && body != null) {
            // a discriminator names a property every answer has
            body.get("application/json")
                    .getSchema()
                    .discriminator(discriminator)
                    .required(List.of(discriminator.getPropertyName()));
        }
        ApiResponses responses = new ApiResponses();
        if (success == Success.CREATED) {
            ApiResponse created = new ApiResponse()
                    .description("Created.")
                    .content(body)
                    .addHeaderObject("Location", ref(new Header(), "Location"));
            if (versioned) {
                created.addHeaderObject("ETag", ref(new Header(), "ETag"));
            }
            responses.addApiResponse("201", created);
            ApiResponse replay = new ApiResponse()
                    .description("The replay of an earlier request with the same "
                            + "Idempotency-Key: its record, nothing done again.")
                    .content(body)
                    .addHeaderObject(
                            IDEMPOTENT_REPLAYED,
                            new Header()
                                    .required(true)
                                    .schema(new StringSchema()._enum(List.of("true")))
                                    .description("Always `true` here."));
            responses.addApiResponse("200", replay);
        } else {
            ApiResponse ok = new ApiResponse()
                    .description(
                            success == Success.DONE_OR_WAITING
                                    ? "Carried out (or the replay of an earlier request with the same Idempotency-Key)."
                                    : "OK.")
                    .content(body);
            if (versioned) {
                ok.addHeaderObject("ETag", ref(new Header(), "ETag"));
            }
            if (write) {
                ok.addHeaderObject(IDEMPOTENT_REPLAYED, ref(new Header(), IDEMPOTENT_REPLAYED));
            }
            responses.addApiResponse("200", ok);
            if (success == Success.DONE_OR_WAITING) {
                responses.addApiResponse(
                        "202",
                        new ApiResponse()
                                .description("Accepted: the decision waits on a second "
                                        + "approval or on warehouse moves (`awaiting` says which).")
                                .content(body)
                                .addHeaderObject(IDEMPOTENT_REPLAYED, ref(new Header(), IDEMPOTENT_REPLAYED)));
            }
        }

        boolean hasBody = operation.getRequestBody() != null;
        boolean hasPathId = path.contains("{");
        boolean hasIfMatch = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()));
        boolean requiredQuery = operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(p -> "query".equals(p.getIn()) && Boolean.TRUE.equals(p.getRequired()));
        List<Integer> problems = new ArrayList<>(List.of(400, 401, 403));
        if (write || hasPathId || requiredQuery || NAMES_A_RECORD_IN_THE_QUERY.contains(path)) {
            problems.add(404);
        }
        problems.add(406);
        if (write || GET_CONFLICTS.contains(method + " " + path)) {
            problems.add(409);
        }
        if (hasIfMatch) {
            problems.add(412);
        }
        if (hasBody || write) {
            // the door refuses a non-JSON body on every write, with or without a documented body
            problems.add(413);
            problems.add(415);
        }
        if (write || requiredQuery) {
            problems.add(422);
        }
        if (hasIfMatch && (method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH)) {
            problems.add(428);
        }
        problems.add(500);
        for (int status : problems) {
            responses.addApiResponse(
                    String.valueOf(status),
                    new ApiResponse().$ref("#/components/responses/" + PROBLEMS.get(status)[0]));
        }
        operation.setResponses(responses);
    }

    /**
     * A Java {@code Object} as a map value is any JSON value; springdoc says "an object", which a number or a string
     * (an audit entry's changed field) is not.
     */
    @SuppressWarnings("rawtypes")
    static void anyValueForObject(Schema<?> schema) {
        if (schema == null) {
            return;
        }
        if (schema.getAdditionalProperties() instanceof Schema values
                && "object".equals(values.getType())
                && values.getProperties() == null
                && values.get$ref() == null) {
            schema.setAdditionalProperties(true);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(OpenApiConfiguration::anyValueForObject);
        }
        if (schema.getItems() != null) {
            anyValueForObject(schema.getItems());
        }
    }

    /** springdoc's schema of the controller's return type, as JSON (springdoc writes {@code *}{@code /*}). */
    private static Content successContent(String key, Operation operation) {
        Schema<?> schema = null;
        if (operation.getResponses() != null) {
            ApiResponse generated = operation.getResponses().get("200");
            if (generated != null
                    && generated.getContent() != null
                    && !generated.getContent().isEmpty()) {
                schema = generated.getContent().values().iterator().next().getSchema();
            }
        }
        Content content = new Content().addMediaType("application/json", new MediaType().schema(schema));
        if (CSV_TOO.contains(key)) {
            // shipment documents also answer RFC 4180 CSV (Accept: text/csv or ?format=csv)
            content.addMediaType("text/csv", new MediaType().schema(new StringSchema()));
        }
        return schema == null && !CSV_TOO.contains(key) ? null : content;
    }

    /**
     * Paths without a path id or a required query parameter whose optional query parameters still name a record that
     * may not exist (404): the recall trace's {@code lot} (issue 11 §1).
     */
    static final List<String> NAMES_A_RECORD_IN_THE_QUERY = List.of("/api/trace");

    /** The GET operations that answer CSV as well as JSON (docs/fulfillment.md "Packing list", "Shipment history"). */
    static final List<String> CSV_TOO = List.of(
            "GET /api/shipments/{id}/packing-list",
            "GET /api/transfer-orders/{id}/packing-list",
            "GET /api/lots/{id}/shipments",
            "GET /api/customers/{id}/shipments",
            // the recall trace (issue 11 §1)
            "GET /api/trace",
            "GET /api/recalls/{id}/notices");

    /**
     * Operations that answer one of several bodies ({@code oneOf} on the controller's {@code @ApiResponse}), with the
     * property that tells which (springdoc does not carry an annotation's discriminator into the document): a recall
     * start answers the recall (LIVE) or the mock recall run (MOCK), issue 11 §4.
     */
    static final Map<String, Discriminator> DISCRIMINATED = Map.of(
            "POST /api/recalls",
            new Discriminator()
                    .propertyName("mode")
                    .mapping("LIVE", "#/components/schemas/RecallView")
                    .mapping("MOCK", "#/components/schemas/MockRecallRun"));

    /** The GET operations that answer 409 for the state of what they read (a recall still placing its holds). */
    static final List<String> GET_CONFLICTS =
            List.of("GET /api/recalls/{id}/notices", "GET /api/recalls/{id}/reconciliation");

    private static Schema<?> schemaRef(String name) {
        return new Schema<>().$ref("#/components/schemas/" + name);
    }

    private static Header ref(Header header, String name) {
        return header.$ref("#/components/headers/" + name);
    }
}
