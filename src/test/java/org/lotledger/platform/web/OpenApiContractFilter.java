package org.lotledger.platform.web;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.ByteArrayBody;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.springmvc.OpenApiValidationService;
import com.atlassian.oai.validator.springmvc.ResettableRequestServletWrapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.UrlPathHelper;

/**
 * Checks every exchange under {@code /api/**} against the application's own OpenAPI document (test profile only,
 * registered by {@link OpenApiContractCheck}), so that every API test also tests the document without being
 * rewritten. Uses Atlassian's swagger-request-validator; unlike its interceptor it sits in front of Spring Security
 * and sees every answer, 401/403 and problem details from exception handlers included.
 *
 * <p>What counts as a violation:
 * <ul>
 *   <li>any answer the document does not describe: an undocumented status, a body or header that does not match its
 *       schema (object schemas are read as closed: an undocumented property is a violation), another media type;</li>
 *   <li>a request the document refuses (a missing required field, a wrong type, a value out of range) that the
 *       application accepted (2xx). A request the document refuses and the application refused too is a test of
 *       the application's validation, and fine;</li>
 *   <li>an answer other than 401, 403, 404 or 405 from a path or method the document does not have.</li>
 * </ul>
 * A violation replaces the answer with a 500 problem ({@value #CODE}) that names the operation, the status the
 * application gave, each violated field (JSON pointer) and the original body; the test that made the exchange
 * then fails on it, and the report is logged at ERROR.
 */
public class OpenApiContractFilter extends OncePerRequestFilter {

    public static final String CODE = "OPENAPI_CONTRACT_VIOLATION";

    private static final Logger log = LoggerFactory.getLogger(OpenApiContractFilter.class);

    /** Statuses that a path or method outside the document may answer: security and routing said no. */
    private static final Set<Integer> NO_OPERATION = Set.of(401, 403, 404, 405);

    private final Function<HttpServletRequest, String> document;
    private final ObjectMapper json;
    private final UrlPathHelper paths = new UrlPathHelper();
    private final Queue<String> seen = new ConcurrentLinkedQueue<>();
    private volatile OpenApiValidationService service;

    /** @param document the OpenAPI document (JSON) of the server that got the request */
    public OpenApiContractFilter(Function<HttpServletRequest, String> document, ObjectMapper json) {
        this.document = document;
        this.json = json;
    }

    /** The violations found so far (their reports), oldest first. */
    public List<String> violations() {
        return List.copyOf(seen);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !paths.getPathWithinApplication(request).startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest servletRequest, HttpServletResponse servletResponse, FilterChain chain)
            throws ServletException, IOException {
        ResettableRequestServletWrapper request = new ResettableRequestServletWrapper(servletRequest);
        Recording response = new Recording(servletResponse);
        chain.doFilter(request, response);
        if (request.isAsyncStarted() || response.errorSent) {
            // the container writes this answer after the filters (an error page): nothing here to check
            response.copyBodyToResponse();
            return;
        }
        request.resetInputStream();
        byte[] requestBody = request.getInputStream().readAllBytes();
        List<String> found = check(request, requestBody, response);
        if (found.isEmpty()) {
            response.copyBodyToResponse();
            return;
        }
        String operation = request.getMethod() + " " + paths.getPathWithinApplication(request);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("type", "urn:lotledger:problem:" + CODE);
        report.put("title", CODE);
        report.put("status", 500);
        report.put("code", CODE);
        report.put("detail", "The exchange does not match /v3/api-docs: fix the document (or the code).");
        report.put("operation", operation);
        report.put("answered", response.getStatus());
        report.put("violations", found);
        report.put("requestBody", abbreviate(new String(requestBody, StandardCharsets.UTF_8)));
        report.put("answeredBody", abbreviate(new String(response.getContentAsByteArray(), StandardCharsets.UTF_8)));
        String text = json.writeValueAsString(report);
        seen.add(text);
        log.error("OpenAPI contract violation: {}", text);
        servletResponse.reset();
        servletResponse.setStatus(500);
        servletResponse.setContentType("application/problem+json");
        servletResponse.setCharacterEncoding("UTF-8");
        servletResponse.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    }

    List<String> check(HttpServletRequest servletRequest, byte[] requestBody, ContentCachingResponseWrapper response) {
        OpenApiValidationService validation = service(servletRequest);
        Request request = validation.buildRequest(servletRequest, () -> new ByteArrayBody(requestBody));
        SimpleResponse.Builder answer = new SimpleResponse.Builder(response.getStatus())
                .withBody(response.getContentAsByteArray())
                .withContentType(response.getContentType());
        for (String header : response.getHeaderNames()) {
            answer.withHeader(header, new ArrayList<>(response.getHeaders(header)));
        }
        int status = response.getStatus();
        ValidationReport requestReport = validation.validateRequest(request);
        ValidationReport responseReport = validation.validateResponse(servletRequest, answer.build());

        List<String> found = new ArrayList<>();
        boolean noOperation = errors(requestReport).stream()
                .anyMatch(m -> m.getKey().equals("validation.request.path.missing")
                        || m.getKey().equals("validation.request.operation.notAllowed"));
        if (noOperation) {
            if (!NO_OPERATION.contains(status)) {
                found.add("the document has no operation " + servletRequest.getMethod() + " "
                        + paths.getPathWithinApplication(servletRequest) + ", yet it answered " + status);
            }
            return found;
        }
        if (status >= 200 && status < 300) {
            for (ValidationReport.Message m : errors(requestReport)) {
                if (!tolerated(m, requestBody)) {
                    found.add(describe("request", m));
                }
            }
        }
        for (ValidationReport.Message m : errors(responseReport)) {
            found.add(describe("response " + status, m));
        }
        return found;
    }

    /**
     * Differences between the document and the tests that are not the document's fault, each with its reason.
     * Only one: {@code {}} sent to an operation without a body (ApiClient sends it with every bodiless POST).
     */
    static boolean tolerated(ValidationReport.Message m, byte[] requestBody) {
        return m.getKey().equals("validation.request.body.unexpected")
                && new String(requestBody, StandardCharsets.UTF_8)
                        .replaceAll("\\s", "")
                        .equals("{}");
    }

    private static List<ValidationReport.Message> errors(ValidationReport report) {
        List<ValidationReport.Message> errors = new ArrayList<>();
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() == ValidationReport.Level.ERROR) {
                errors.add(m);
            }
        }
        return errors;
    }

    /** "response 201 [purchaseOrderPlace] /lines/0/quantity: instance type (string) does not match …". */
    private static String describe(String where, ValidationReport.Message m) {
        StringBuilder s = new StringBuilder(where);
        m.getContext().ifPresent(c -> {
            c.getApiOperation()
                    .ifPresent(op -> s.append(" [")
                            .append(op.getOperation().getOperationId())
                            .append(' ')
                            .append(op.getMethod())
                            .append(' ')
                            .append(op.getApiPath().original())
                            .append(']'));
            c.getParameter()
                    .ifPresent(p -> s.append(" parameter ")
                            .append(p.getIn())
                            .append(' ')
                            .append(p.getName()));
            c.getPointers()
                    .ifPresent(p -> s.append(" at ").append(p.getInstance().isEmpty() ? "/" : p.getInstance()));
        });
        s.append(": ").append(m.getKey()).append(": ").append(m.getMessage());
        for (ValidationReport.Message nested : m.getNestedMessages()) {
            s.append(" | ").append(nested.getMessage());
        }
        return s.toString();
    }

    private OpenApiValidationService service(HttpServletRequest request) {
        OpenApiValidationService s = service;
        if (s == null) {
            synchronized (this) {
                s = service;
                if (s == null) {
                    String spec = closed(document.apply(request));
                    LevelResolver levels = LevelResolver.create()
                            // the application ignores a query parameter it does not know: so must the document
                            .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR)
                            .build();
                    s = new OpenApiValidationService(
                            OpenApiInteractionValidator.createForInlineApiSpecification(spec)
                                    .withLevelResolver(levels)
                                    .build(),
                            new UrlPathHelper());
                    service = s;
                }
            }
        }
        return s;
    }

    /**
     * The document with every object schema closed ({@code additionalProperties: false} unless it says otherwise),
     * so that a property the API answers but the document does not name is found.
     */
    String closed(String spec) {
        try {
            JsonNode root = json.readTree(spec);
            root.path("components").path("schemas").forEach(this::close);
            root.path("paths")
                    .forEach(item -> item.forEach(operation -> {
                        operation.path("requestBody").path("content").forEach(media -> close(media.path("schema")));
                        operation
                                .path("responses")
                                .forEach(r -> r.path("content").forEach(media -> close(media.path("schema"))));
                    }));
            return json.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable OpenAPI document", e);
        }
    }

    private void close(JsonNode schema) {
        if (!(schema instanceof ObjectNode node)) {
            return;
        }
        if (node.has("properties") && !node.has("additionalProperties")) {
            node.put("additionalProperties", false);
        }
        node.path("properties").forEach(this::close);
        close(node.path("items"));
        close(node.path("additionalProperties"));
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            node.path(combinator).forEach(this::close);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000) + "…";
    }

    /** Keeps the body until it is checked, and notes a sendError (the container then writes an error page). */
    static final class Recording extends ContentCachingResponseWrapper {
        boolean errorSent;

        Recording(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int sc) throws IOException {
            errorSent = true;
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            errorSent = true;
            super.sendError(sc, msg);
        }
    }
}
