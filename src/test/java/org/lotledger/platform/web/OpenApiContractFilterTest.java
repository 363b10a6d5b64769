package org.lotledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The contract check's verdicts, on a two-operation document and answers made up for each case (no Spring). */
class OpenApiContractFilterTest {

    static final String SPEC = """
            {"openapi": "3.0.1", "info": {"title": "t", "version": "1"},
             "paths": {"/api/things": {"post": {"operationId": "thingCreate",
               "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ThingDraft"}}}},
               "responses": {
                 "201": {"description": "created", "headers": {"Location": {"required": true, "schema": {"type": "string"}}},
                         "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                 "400": {"description": "bad", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}},
             "components": {"schemas": {
               "ThingDraft": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string", "maxLength": 5}}},
               "Thing": {"type": "object", "properties": {"id": {"type": "integer"}, "name": {"type": "string"}}},
               "Problem": {"type": "object", "required": ["code"], "additionalProperties": true,
                           "properties": {"code": {"type": "string"}}}}}}
            """;

    final ObjectMapper json = new ObjectMapper();
    final OpenApiContractFilter filter = new OpenApiContractFilter(request -> SPEC, json);

    record Answer(int status, String contentType, String body, String location) {}

    MockHttpServletResponse exchange(String method, String path, String requestBody, Answer answer) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.addHeader("Accept", "application/json, application/problem+json");
        if (requestBody != null) {
            request.setContentType("application/json");
            request.setContent(requestBody.getBytes(StandardCharsets.UTF_8));
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain app = (req, res) -> {
            req.getInputStream().readAllBytes();
            var http = (jakarta.servlet.http.HttpServletResponse) res;
            http.setStatus(answer.status());
            if (answer.location() != null) {
                http.setHeader("Location", answer.location());
            }
            if (answer.body() != null) {
                http.setContentType(answer.contentType());
                http.getOutputStream().write(answer.body().getBytes(StandardCharsets.UTF_8));
            }
        };
        filter.doFilter(request, response, app);
        return response;
    }

    JsonNode report(MockHttpServletResponse r) throws Exception {
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(500);
        JsonNode report = json.readTree(r.getContentAsString());
        assertThat(report.path("code").asText()).isEqualTo(OpenApiContractFilter.CODE);
        return report;
    }

    @Test
    void an_exchange_the_document_describes_passes_untouched() throws Exception {
        MockHttpServletResponse r = exchange(
                "POST",
                "/api/things",
                "{\"name\":\"bolt\"}",
                new Answer(201, "application/json", "{\"id\":1,\"name\":\"bolt\"}", "/api/things/1"));
        assertThat(r.getStatus()).isEqualTo(201);
        assertThat(r.getContentAsString()).isEqualTo("{\"id\":1,\"name\":\"bolt\"}");
        assertThat(r.getHeader("Location")).isEqualTo("/api/things/1");
        assertThat(filter.violations()).isEmpty();
    }

    @Test
    void a_property_the_document_does_not_name_is_reported_with_the_operation_and_the_original_answer()
            throws Exception {
        JsonNode report = report(exchange(
                "POST",
                "/api/things",
                "{\"name\":\"bolt\"}",
                new Answer(
                        201, "application/json", "{\"id\":1,\"name\":\"bolt\",\"colour\":\"red\"}", "/api/things/1")));
        assertThat(report.path("operation").asText()).isEqualTo("POST /api/things");
        assertThat(report.path("answered").asInt()).isEqualTo(201);
        assertThat(report.path("violations").toString()).contains("thingCreate", "colour");
        assertThat(report.path("answeredBody").asText()).contains("\"colour\":\"red\"");
        assertThat(filter.violations()).hasSize(1);
    }

    @Test
    void a_wrong_type_names_the_field_by_its_json_pointer() throws Exception {
        JsonNode report = report(exchange(
                "POST",
                "/api/things",
                "{\"name\":\"bolt\"}",
                new Answer(201, "application/json", "{\"id\":\"one\"}", "/api/things/1")));
        assertThat(report.path("violations").get(0).asText()).contains("response 201", "at /id");
    }

    @Test
    void an_undocumented_status_or_a_missing_required_header_is_a_violation() throws Exception {
        assertThat(report(exchange(
                                "POST",
                                "/api/things",
                                "{\"name\":\"bolt\"}",
                                new Answer(200, "application/json", "{\"id\":1}", null)))
                        .path("violations")
                        .toString())
                .contains("validation.response.status.unknown");
        assertThat(report(exchange(
                                "POST",
                                "/api/things",
                                "{\"name\":\"bolt\"}",
                                new Answer(201, "application/json", "{\"id\":1}", null)))
                        .path("violations")
                        .toString())
                .contains("Location");
    }

    @Test
    void a_request_the_document_refuses_may_be_refused_but_not_accepted() throws Exception {
        Answer refused = new Answer(400, "application/problem+json", "{\"code\":\"VALIDATION_FAILED\"}", null);
        assertThat(exchange("POST", "/api/things", "{\"name\":\"far too long\"}", refused)
                        .getStatus())
                .isEqualTo(400);

        JsonNode report = report(exchange(
                "POST",
                "/api/things",
                "{\"name\":\"far too long\"}",
                new Answer(201, "application/json", "{\"id\":1}", "/api/things/1")));
        assertThat(report.path("violations").get(0).asText())
                .startsWith("request")
                .contains("at /name", "maxLength");
    }

    @Test
    void a_problem_without_a_code_is_a_violation_even_for_a_refusal() throws Exception {
        assertThat(report(exchange(
                                "POST",
                                "/api/things",
                                "{}",
                                new Answer(400, "application/problem+json", "{\"title\":\"Bad Request\"}", null)))
                        .path("violations")
                        .toString())
                .contains("code");
    }

    @Test
    void a_path_outside_the_document_may_only_be_refused_by_security_or_routing() throws Exception {
        assertThat(exchange(
                                "GET",
                                "/api/nothing-here",
                                null,
                                new Answer(404, "application/problem+json", "{\"code\":\"NOT_FOUND\"}", null))
                        .getStatus())
                .isEqualTo(404);
        assertThat(report(exchange("GET", "/api/nothing-here", null, new Answer(200, "application/json", "{}", null)))
                        .path("violations")
                        .toString())
                .contains("no operation GET /api/nothing-here");
    }

    @Test
    void only_the_api_is_checked() {
        assertThat(filter.shouldNotFilter(new MockHttpServletRequest("GET", "/engine-rest/task")))
                .isTrue();
        assertThat(filter.shouldNotFilter(new MockHttpServletRequest("GET", "/v3/api-docs")))
                .isTrue();
        assertThat(filter.shouldNotFilter(new MockHttpServletRequest("GET", "/actuator/health")))
                .isTrue();
        assertThat(filter.shouldNotFilter(new MockHttpServletRequest("GET", "/camunda/app/tasklist/")))
                .isTrue();
        assertThat(filter.shouldNotFilter(new MockHttpServletRequest("GET", "/api/items")))
                .isFalse();
    }
}
