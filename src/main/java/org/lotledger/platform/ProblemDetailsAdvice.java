package org.lotledger.platform;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lotledger.common.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where errors of the API's handlers become RFC 7807 problem details (errors before a handler are
 * written by {@link ProblemErrorController}, the security chain and the door's filter in the same shape). Every
 * problem has a stable {@code code} property; {@code type} is {@code urn:lotledger:problem:<code>}. Details name the
 * request's fields, never a Java class, an SQL statement or a column: a 500 says only that something failed, with
 * an {@code errorId} that the log line of the failure carries too.
 *
 * <p>Over 300 lines because it is the one table from every Spring MVC, Jackson, validation and data-access failure to
 * its problem: one small handler each, read as a list; splitting it would make the list harder to check as a whole.
 */
@RestControllerAdvice(basePackages = "org.lotledger")
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private static final java.util.Set<String> RESERVED =
            java.util.Set.of("type", "title", "status", "detail", "instance", "code");

    public static ProblemDetail problem(HttpStatusCode status, String code, String detail, Map<String, ?> properties) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setType(URI.create("urn:lotledger:problem:" + code));
        pd.setTitle(code);
        pd.setProperty("code", code);
        // a fact named like a member of the problem itself would be written twice (invalid JSON for strict readers)
        properties.forEach((k, v) -> pd.setProperty(
                RESERVED.contains(k) ? "subject" + Character.toUpperCase(k.charAt(0)) + k.substring(1) : k, v));
        return pd;
    }

    /** A 500 as the client sees it: no cause, an id to quote; the cause goes to the log under the same id. */
    public static ProblemDetail internalError(Throwable cause, String where) {
        String errorId = UUID.randomUUID().toString();
        log.error("Internal error {} at {}", errorId, where, cause);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "INTERNAL_ERROR",
                "Something failed on our side; nothing was changed. Quote error id " + errorId + " to support.",
                Map.of("errorId", errorId));
    }

    /** The code a status has when no more specific one applies. */
    public static String codeOf(HttpStatusCode status) {
        HttpStatus s = HttpStatus.resolve(status.value());
        return switch (s == null ? HttpStatus.INTERNAL_SERVER_ERROR : s) {
            case BAD_REQUEST -> "MALFORMED_REQUEST";
            case UNAUTHORIZED -> "UNAUTHENTICATED";
            case FORBIDDEN -> "FORBIDDEN";
            case NOT_FOUND -> "NOT_FOUND";
            case METHOD_NOT_ALLOWED -> "METHOD_NOT_ALLOWED";
            case NOT_ACCEPTABLE -> "NOT_ACCEPTABLE";
            case CONFLICT -> "CONFLICT";
            case PRECONDITION_FAILED -> "VERSION_CONFLICT";
            case PAYLOAD_TOO_LARGE -> "PAYLOAD_TOO_LARGE";
            case UNSUPPORTED_MEDIA_TYPE -> "UNSUPPORTED_MEDIA_TYPE";
            case UNPROCESSABLE_ENTITY -> "UNPROCESSABLE";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "HEADERS_TOO_LARGE";
            case SERVICE_UNAVAILABLE -> "UNAVAILABLE";
            default -> s != null && s.is4xxClientError() ? "MALFORMED_REQUEST" : "INTERNAL_ERROR";
        };
    }

    public static HttpStatus statusOf(DomainException.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case PRECONDITION_FAILED -> HttpStatus.PRECONDITION_FAILED;
        };
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e) {
        HttpStatus status = statusOf(e.kind());
        return problemResponse(status, problem(status, e.code(), e.getMessage(), e.details()));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> optimisticLock(OptimisticLockingFailureException e) {
        return problemResponse(
                HttpStatus.PRECONDITION_FAILED,
                problem(
                        HttpStatus.PRECONDITION_FAILED,
                        "VERSION_CONFLICT",
                        "Someone else changed this record; reload it and apply your change again.",
                        Map.of()));
    }

    /** What the door's retries could not get past: the client may send the same request again. */
    @ExceptionHandler(TransientDataAccessException.class)
    ResponseEntity<ProblemDetail> busy(RuntimeException e) {
        log.warn("gave up after retries: {}", e.getClass().getSimpleName());
        return problemResponse(
                HttpStatus.SERVICE_UNAVAILABLE,
                problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "BUSY",
                        "Too many changes to the same records at once; nothing was changed. Send the same request again.",
                        Map.of()));
    }

    /** A unique or foreign key that a concurrent request won: the loser gets a 409, not a 500 naming the constraint. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        log.info(
                "refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
        return problemResponse(
                HttpStatus.CONFLICT,
                problem(
                        HttpStatus.CONFLICT,
                        "CONFLICTING_CHANGE",
                        "The change conflicts with a record written at the same time or with an existing one; nothing was "
                                + "changed. Read the current state and try again.",
                        Map.of()));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> denied(RuntimeException e) {
        return problemResponse(
                HttpStatus.FORBIDDEN,
                problem(HttpStatus.FORBIDDEN, "FORBIDDEN", "Your role does not allow this action.", Map.of()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", String.valueOf(v.getPropertyPath()), "message", v.getMessage()))
                .toList();
        return problemResponse(
                HttpStatus.BAD_REQUEST,
                problem(
                        HttpStatus.BAD_REQUEST,
                        "VALIDATION_FAILED",
                        "The request is not valid: " + summary(errors),
                        Map.of("errors", errors)));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problemResponse(
                HttpStatus.BAD_REQUEST,
                problem(
                        HttpStatus.BAD_REQUEST,
                        "VALIDATION_FAILED",
                        "Parameter '" + e.getName() + "' has an invalid value.",
                        Map.of("parameter", e.getName())));
    }

    /** Anything else is a bug of ours: logged with its cause, answered without it. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, WebRequest request) {
        return problemResponse(HttpStatus.INTERNAL_SERVER_ERROR, internalError(e, request.getDescription(false)));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("errors", errors);
        return objectResponse(
                HttpStatus.BAD_REQUEST,
                problem(
                        HttpStatus.BAD_REQUEST,
                        "VALIDATION_FAILED",
                        "The request is not valid: " + summary(errors),
                        props));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getAllErrors().stream()
                .map(m -> Map.of(
                        "field",
                        m instanceof org.springframework.validation.FieldError f
                                ? f.getField()
                                : String.valueOf(
                                        m.getCodes() == null || m.getCodes().length == 0
                                                ? "request"
                                                : m.getCodes()[m.getCodes().length - 1]),
                        "message",
                        String.valueOf(m.getDefaultMessage())))
                .toList();
        return objectResponse(
                HttpStatus.BAD_REQUEST,
                problem(
                        HttpStatus.BAD_REQUEST,
                        "VALIDATION_FAILED",
                        "The request is not valid: " + summary(errors),
                        Map.of("errors", errors)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable c = e.getCause();
        String code;
        String detail;
        Map<String, Object> props = new LinkedHashMap<>();
        if (c instanceof UnrecognizedPropertyException u) {
            code = "UNKNOWN_PROPERTY";
            detail = "Property '" + path(u) + "' is not part of this request.";
        } else if (c instanceof InvalidFormatException f) {
            code = "INVALID_VALUE";
            detail = "Property '" + path(f) + "' has an invalid value"
                    + (isText(f) ? " (a control character or a malformed text)." : ".");
        } else if (c instanceof MismatchedInputException m
                && m.getPath() != null
                && !m.getPath().isEmpty()) {
            code = "INVALID_VALUE";
            detail = "Property '" + path(m) + "' has a value of the wrong type or is missing.";
        } else if (c instanceof MismatchedInputException m) {
            code = m.getMessage() != null && m.getMessage().contains("Trailing token")
                    ? "MALFORMED_JSON"
                    : "BODY_REQUIRED";
            detail = code.equals("MALFORMED_JSON")
                    ? "The body holds more than one JSON value."
                    : "This operation needs a JSON object as its request body.";
        } else if (c instanceof StreamConstraintsException) {
            code = "MALFORMED_JSON";
            detail = "The JSON body exceeds a size limit (number length, nesting or string length).";
        } else if (c instanceof JsonParseException p) {
            code = p.getMessage() != null && p.getMessage().startsWith("Duplicate field")
                    ? "DUPLICATE_PROPERTY"
                    : "MALFORMED_JSON";
            detail = code.equals("DUPLICATE_PROPERTY")
                    ? "A property appears twice in the body."
                    : "The body is not well-formed JSON (line "
                            + p.getLocation().getLineNr() + ", column "
                            + p.getLocation().getColumnNr() + ").";
        } else if (c instanceof JsonMappingException m) {
            code = "INVALID_VALUE";
            detail = "Property '" + path(m) + "' has an invalid value.";
        } else if (c == null) {
            code = "BODY_REQUIRED";
            detail = "This operation needs a JSON object as its request body.";
        } else {
            code = "MALFORMED_JSON";
            detail = "The body could not be read as JSON.";
        }
        return objectResponse(HttpStatus.BAD_REQUEST, problem(HttpStatus.BAD_REQUEST, code, detail, props));
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(
            ServletRequestBindingException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e instanceof MissingRequestHeaderException m) {
            boolean key = "Idempotency-Key".equalsIgnoreCase(m.getHeaderName());
            return objectResponse(
                    HttpStatus.BAD_REQUEST,
                    problem(
                            HttpStatus.BAD_REQUEST,
                            key ? "IDEMPOTENCY_KEY_REQUIRED" : "MISSING_HEADER",
                            "Header '" + m.getHeaderName() + "' is required.",
                            Map.of("header", m.getHeaderName())));
        }
        if (e instanceof MissingServletRequestParameterException m) {
            return objectResponse(
                    HttpStatus.BAD_REQUEST,
                    problem(
                            HttpStatus.BAD_REQUEST,
                            "MISSING_PARAMETER",
                            "Query parameter '" + m.getParameterName() + "' is required.",
                            Map.of("parameter", m.getParameterName())));
        }
        if (e instanceof MissingPathVariableException m) {
            return objectResponse(
                    HttpStatus.BAD_REQUEST,
                    problem(
                            HttpStatus.BAD_REQUEST,
                            "MALFORMED_REQUEST",
                            "Path variable '" + m.getVariableName() + "' is missing.",
                            Map.of()));
        }
        return objectResponse(
                HttpStatus.BAD_REQUEST,
                problem(
                        HttpStatus.BAD_REQUEST,
                        "MALFORMED_REQUEST",
                        "The request is missing a required part.",
                        Map.of()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(
            HttpMediaTypeNotAcceptableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return objectResponse(
                HttpStatus.NOT_ACCEPTABLE,
                problem(
                        HttpStatus.NOT_ACCEPTABLE,
                        "NOT_ACCEPTABLE",
                        "This operation answers "
                                + e.getSupportedMediaTypes().stream()
                                        .map(MediaType::toString)
                                        .collect(Collectors.joining(", "))
                                + "; the Accept header allows none of them.",
                        Map.of()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return objectResponse(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                problem(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "UNSUPPORTED_MEDIA_TYPE",
                        "Send the request body as Content-Type: application/json.",
                        Map.of()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpHeaders h = new HttpHeaders();
        if (e.getSupportedHttpMethods() != null) {
            h.setAllow(e.getSupportedHttpMethods());
        }
        h.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(
                problem(
                        HttpStatus.METHOD_NOT_ALLOWED,
                        "METHOD_NOT_ALLOWED",
                        "Method " + e.getMethod() + " is not allowed here.",
                        Map.of()),
                h,
                HttpStatus.METHOD_NOT_ALLOWED);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return objectResponse(
                HttpStatus.NOT_FOUND, problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "No such resource.", Map.of()));
    }

    /** Whatever else Spring MVC refuses (its own ProblemDetail) gets a code and loses any internal detail. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (status.is5xxServerError()) {
            return objectResponse(status, internalError(e, request.getDescription(false)));
        }
        if (body instanceof ProblemDetail pd
                && pd.getProperties() != null
                && pd.getProperties().containsKey("code")) {
            return super.handleExceptionInternal(e, pd, problemHeaders(headers), status, request);
        }
        String code = codeOf(status);
        return super.handleExceptionInternal(
                e,
                problem(status, code, "The request was refused (" + code + ").", Map.of()),
                problemHeaders(headers),
                status,
                request);
    }

    private static HttpHeaders problemHeaders(HttpHeaders headers) {
        HttpHeaders h = new HttpHeaders();
        if (headers != null) {
            h.putAll(headers);
        }
        h.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return h;
    }

    /** Problem+json whatever the Accept header said: an error is never turned into a second error. */
    private static ResponseEntity<ProblemDetail> problemResponse(HttpStatusCode status, ProblemDetail pd) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(pd);
    }

    private static ResponseEntity<Object> objectResponse(HttpStatusCode status, ProblemDetail pd) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(pd);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static boolean isText(InvalidFormatException f) {
        return f.getTargetType() == String.class;
    }

    private static String summary(List<Map<String, String>> errors) {
        return errors.stream().map(m -> m.get("field") + " " + m.get("message")).collect(Collectors.joining("; "));
    }
}
