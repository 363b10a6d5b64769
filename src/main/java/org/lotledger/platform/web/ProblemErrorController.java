package org.lotledger.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.lotledger.platform.ProblemDetailsAdvice;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container answers when no handler did: a request the firewall refused ({@code %00} or {@code ;}
 * in a path), an error a filter raised, a status sent with {@code sendError}. The same problem-details shape as
 * every other error, with a code per status; a 500 logs its cause under an error id and shows only the id.
 * Replaces Spring Boot's BasicErrorController (whose body names the exception and its message).
 */
@RestController
@io.swagger.v3.oas.annotations.Hidden
public class ProblemErrorController implements ErrorController {

    @RequestMapping(
            path = "/error",
            produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE
            })
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatusCode status = HttpStatusCode.valueOf(code instanceof Integer i && i >= 400 && i < 600 ? i : 500);
        Throwable cause = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        ProblemDetail pd;
        if (status.is5xxServerError()) {
            pd = ProblemDetailsAdvice.internalError(
                    cause, String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)));
        } else {
            String c = ProblemDetailsAdvice.codeOf(status);
            pd = ProblemDetailsAdvice.problem(status, c, detail(status), Map.of());
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(pd);
    }

    private static String detail(HttpStatusCode status) {
        HttpStatus s = HttpStatus.resolve(status.value());
        return switch (s == null ? HttpStatus.BAD_REQUEST : s) {
            case BAD_REQUEST ->
                "The request was refused: its path, headers or body are malformed "
                        + "(for example an encoded NUL, a ';' or '//' in the path).";
            case UNAUTHORIZED -> "Authentication required.";
            case FORBIDDEN -> "Your role does not allow this action.";
            case NOT_FOUND -> "No such resource.";
            case METHOD_NOT_ALLOWED -> "This method is not allowed here.";
            case PAYLOAD_TOO_LARGE -> "The request body is too large.";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request's headers are too large.";
            default -> "The request was refused (" + s + ").";
        };
    }
}
