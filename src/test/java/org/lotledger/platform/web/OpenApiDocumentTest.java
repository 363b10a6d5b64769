package org.lotledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverterContextImpl;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.media.Schema;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.ledger.LedgerSelfAudit;
import org.lotledger.purchasing.AsnDraft;
import org.lotledger.purchasing.AsnView;
import org.lotledger.purchasing.PurchaseOrderDraft;
import org.lotledger.purchasing.PurchaseOrderView;
import org.lotledger.receiving.ReceiptView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document as a client generator reads it from the running application (GET /v3/api-docs over HTTP):
 * every schema name stands for one type, the document introduces itself and its security, every write takes the
 * Idempotency-Key parameter and every operation says which problem details it can answer.
 */
@IntegrationTest
class OpenApiDocumentTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper json;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    JsonNode doc;

    @BeforeEach
    void fetch() throws IOException {
        ResponseEntity<String> r = rest.getForEntity("/v3/api-docs", String.class);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
        doc = json.readTree(r.getBody());
    }

    @Test
    void the_purchase_order_and_asn_requests_describe_their_own_lines_not_the_receipt_lines() {
        assertThat(propertiesOf(itemsOf("PurchaseOrderDraft", "lines")))
                .containsExactlyInAnyOrderElementsOf(components(PurchaseOrderDraft.Line.class))
                .doesNotContain("lotNumber", "postingId");
        assertThat(propertiesOf(itemsOf("AsnDraft", "lines")))
                .containsExactlyInAnyOrderElementsOf(components(AsnDraft.Line.class));
        assertThat(propertiesOf(itemsOf("PurchaseOrderView", "lines")))
                .containsExactlyInAnyOrderElementsOf(components(PurchaseOrderView.Line.class));
        assertThat(propertiesOf(itemsOf("AsnView", "lines")))
                .containsExactlyInAnyOrderElementsOf(components(AsnView.Line.class));
        assertThat(propertiesOf(itemsOf("ReceiptView", "lines")))
                .containsExactlyInAnyOrderElementsOf(components(ReceiptView.Line.class));
        assertThat(propertiesOf(itemsOf("ReceiptView", "discrepancies")))
                .containsExactlyInAnyOrderElementsOf(components(ReceiptView.Discrepancy.class));
        assertThat(propertiesOf(itemsOf("AuditResult", "discrepancies")))
                .containsExactlyInAnyOrderElementsOf(components(LedgerSelfAudit.Discrepancy.class));
        // and the operation takes that draft
        assertThat(doc.at("/paths/~1api~1purchase-orders/post/requestBody/content/application~1json/schema/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/PurchaseOrderDraft");
    }

    /**
     * springdoc names a schema by the type's simple name (or its {@code @Schema(name)}) and silently lets the last of
     * two types with one name win. Resolves every request and response type of every /api handler with springdoc's
     * own model converters and records which Java types each schema name was defined for.
     */
    @Test
    void every_schema_name_stands_for_one_java_type() {
        Map<String, Set<String>> typesByName = new TreeMap<>();
        ModelConverterContextImpl context =
                new ModelConverterContextImpl(ModelConverters.getInstance().getConverters()) {
                    @Override
                    public void defineModel(String name, Schema model, AnnotatedType type, String prevName) {
                        typesByName
                                .computeIfAbsent(name, n -> new TreeSet<>())
                                .add(TypeFactory.defaultInstance()
                                        .constructType(type.getType())
                                        .getRawClass()
                                        .getName());
                        super.defineModel(name, model, type, prevName);
                    }
                };
        List<Type> types = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (info.getPatternValues().stream().noneMatch(p -> p.startsWith("/api/"))) {
                return;
            }
            types.add(unwrap(handler.getReturnType().getGenericParameterType()));
            for (MethodParameter p : handler.getMethodParameters()) {
                if (p.hasParameterAnnotation(RequestBody.class)) {
                    types.add(p.getGenericParameterType());
                }
            }
        });
        assertThat(types).hasSizeGreaterThan(50);
        types.forEach(t -> context.resolve(new AnnotatedType(t)));

        Map<String, Set<String>> shared = new TreeMap<>(typesByName);
        shared.values().removeIf(s -> s.size() == 1);
        assertThat(shared)
                .as("schema names given to more than one type (name one with @Schema(name = ...))")
                .isEmpty();
        assertThat(typesByName).as("schema names").containsKeys("PurchaseOrderLineDraft", "ReceiptLineView");
        // what the application serves is what was resolved here
        Set<String> served = new TreeSet<>();
        doc.path("components").path("schemas").fieldNames().forEachRemaining(served::add);
        assertThat(served).containsAll(typesByName.keySet());
    }

    @Test
    void the_document_introduces_itself_with_the_product_version_and_http_basic() throws Exception {
        JsonNode info = doc.path("info");
        assertThat(info.path("title").asText()).isEqualTo("Lot Ledger API");
        assertThat(info.path("version").asText()).isEqualTo(pomVersion()).isNotEqualTo("v0");
        assertThat(info.path("description").asText()).contains("HTTP basic", "Idempotency-Key", "problem details");

        JsonNode basic = doc.path("components").path("securitySchemes").path(OpenApiConfiguration.BASIC);
        assertThat(basic.path("type").asText()).isEqualTo("http");
        assertThat(basic.path("scheme").asText()).isEqualTo("basic");
        assertThat(doc.path("security").get(0).has(OpenApiConfiguration.BASIC))
                .as("global security")
                .isTrue();
    }

    @Test
    void every_write_under_api_takes_the_one_required_idempotency_key_parameter() {
        JsonNode key = doc.path("components").path("parameters").path("Idempotency-Key");
        assertThat(key.path("in").asText()).isEqualTo("header");
        assertThat(key.path("name").asText()).isEqualTo("Idempotency-Key");
        assertThat(key.path("required").asBoolean()).isTrue();
        assertThat(key.path("schema").path("maxLength").asInt()).isEqualTo(IdempotencyKey.MAX_LENGTH);
        assertThat(key.path("schema").path("minLength").asInt()).isEqualTo(1);

        List<String> writes = new ArrayList<>();
        operations((method, path, op) -> {
            boolean write = Set.of("post", "put", "patch", "delete").contains(method);
            List<String> refs = new ArrayList<>();
            List<String> inlineKeys = new ArrayList<>();
            op.path("parameters").forEach(p -> {
                if (p.has("$ref")) {
                    refs.add(p.get("$ref").asText());
                } else if (p.path("name").asText().equalsIgnoreCase("Idempotency-Key")) {
                    inlineKeys.add(p.path("name").asText());
                }
            });
            assertThat(inlineKeys)
                    .as("%s %s declares the key inline", method, path)
                    .isEmpty();
            if (write) {
                writes.add(method + " " + path);
                assertThat(refs).as("%s %s", method, path).containsExactly("#/components/parameters/Idempotency-Key");
            } else {
                assertThat(refs).as("%s %s", method, path).isEmpty();
            }
        });
        assertThat(writes)
                .contains(
                        "post /api/moves",
                        "put /api/items/{id}",
                        "patch /api/lots/{id}",
                        "delete /api/suppliers/{id}",
                        "post /api/holds/{id}/warehouse-moves/{moveId}/confirmation")
                .hasSizeGreaterThan(40);
    }

    @Test
    void every_operation_documents_its_problem_details_with_a_code() {
        JsonNode problem = doc.path("components").path("schemas").path("ProblemDetail");
        assertThat(problem.path("properties").has("code")).isTrue();
        assertThat(problem.path("required").toString()).contains("\"code\"");
        doc.path("components").path("responses").fields().forEachRemaining(e -> {
            assertThat(e.getValue()
                            .at("/content/application~1problem+json/schema/$ref")
                            .asText())
                    .as(e.getKey())
                    .isEqualTo("#/components/schemas/ProblemDetail");
            assertThat(e.getValue().path("description").asText()).as(e.getKey()).isNotBlank();
        });
        operations((method, path, op) -> {
            JsonNode responses = op.path("responses");
            for (String status : List.of("400", "401", "403", "406", "500")) {
                assertThat(responses.path(status).path("$ref").asText())
                        .as("%s %s %s", method, path, status)
                        .startsWith("#/components/responses/");
            }
            if (!method.equals("get")) {
                assertThat(names(responses)).as("%s %s", method, path).contains("404", "409", "422");
            }
            if (op.has("requestBody")) {
                assertThat(names(responses)).as("%s %s", method, path).contains("413", "415");
            }
        });
        assertThat(names(doc.at("/paths/~1api~1items~1{id}/put/responses"))).contains("412", "428");
        assertThat(names(doc.at("/paths/~1api~1items/get/responses"))).doesNotContain("404", "409");
    }

    @Test
    void success_statuses_are_the_ones_the_operations_answer() {
        // creations: 201 with Location (and the record's ETag in the catalog), a replay 200 with Idempotent-Replayed
        JsonNode itemCreated = doc.at("/paths/~1api~1items/post/responses");
        assertThat(names(itemCreated)).contains("201", "200").doesNotContain("202");
        assertThat(names(itemCreated.path("201").path("headers"))).containsExactlyInAnyOrder("Location", "ETag");
        assertThat(itemCreated.at("/200/headers/Idempotent-Replayed/required").asBoolean())
                .isTrue();
        JsonNode moved = doc.at("/paths/~1api~1moves/post/responses");
        assertThat(names(moved.path("201").path("headers"))).containsExactly("Location");
        assertThat(moved.at("/201/content/application~1json/schema/$ref").asText())
                .endsWith("/Posting");
        // hold decisions: carried out 200, waiting 202
        JsonNode decided = doc.at("/paths/~1api~1holds~1{id}~1decision/post/responses");
        assertThat(names(decided)).contains("200", "202").doesNotContain("201");
        // reads and changes: 200, with ETag on a catalog record
        assertThat(names(doc.at("/paths/~1api~1items~1{id}/get/responses/200/headers")))
                .containsExactly("ETag");
        assertThat(names(doc.at("/paths/~1api~1ledger~1audit/post/responses")))
                .contains("200")
                .doesNotContain("201", "202");
        // small answers are records with their own schemas
        assertThat(doc.at(
                                "/paths/~1api~1items~1{id}~1base-units/get/responses/200/content/application~1json/schema/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/BaseUnits");
        assertThat(doc.at("/components/schemas/BaseUnits/properties/baseUnits/type")
                        .asText())
                .isEqualTo("integer");
        // no "*/*": a client knows what it gets
        operations((method, path, op) -> op.path("responses")
                .fields()
                .forEachRemaining(r -> assertThat(names(r.getValue().path("content")))
                        .as("%s %s %s", method, path, r.getKey())
                        .doesNotContain("*/*")));
        // every operation named in the table of non-200 successes exists (no stale or mistyped entry)
        List<String> named = new ArrayList<>(OpenApiConfiguration.SUCCESS.keySet());
        for (String key : named) {
            String[] methodAndPath = key.split(" ");
            assertThat(doc.path("paths").path(methodAndPath[1]).has(methodAndPath[0].toLowerCase()))
                    .as(key)
                    .isTrue();
        }
    }

    interface OperationVisitor {
        void visit(String method, String path, JsonNode operation);
    }

    private void operations(OperationVisitor visitor) {
        doc.path("paths").fields().forEachRemaining(p -> {
            if (p.getKey().startsWith("/api/")) {
                p.getValue().fields().forEachRemaining(m -> visitor.visit(m.getKey(), p.getKey(), m.getValue()));
            }
        });
    }

    private JsonNode itemsOf(String schema, String property) {
        JsonNode items = doc.path("components")
                .path("schemas")
                .path(schema)
                .path("properties")
                .path(property)
                .path("items");
        String ref = items.path("$ref").asText();
        assertThat(ref).as("%s.%s items", schema, property).startsWith("#/components/schemas/");
        return doc.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
    }

    private static List<String> propertiesOf(JsonNode schema) {
        return names(schema.path("properties"));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    private static List<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
    }

    private static Type unwrap(Type type) {
        if (type instanceof ParameterizedType p
                && p.getRawType() instanceof Class<?> raw
                && HttpEntity.class.isAssignableFrom(raw)) {
            return p.getActualTypeArguments()[0];
        }
        return type;
    }

    /** The project's version as the pom says (tests run in the project root). */
    private static String pomVersion() throws Exception {
        var pom = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile());
        var children = pom.getDocumentElement().getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if ("version".equals(children.item(i).getNodeName())) {
                return children.item(i).getTextContent().trim();
            }
        }
        throw new AssertionError("no <version> in pom.xml");
    }
}
