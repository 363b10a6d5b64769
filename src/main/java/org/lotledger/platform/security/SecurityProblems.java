package org.lotledger.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.lotledger.platform.ProblemDetailsAdvice;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * 401 and 403 as RFC 7807 problem details, written by the filter chain itself: security answers before any
 * controller (and before Camunda's Jersey servlet), so ProblemDetailsAdvice never sees these.
 */
@Component
public class SecurityProblems {

    private final ObjectMapper json;

    public SecurityProblems(ObjectMapper json) {
        this.json = json;
    }

    /** Anonymous or bad credentials: 401 with a Basic challenge (machines retry with credentials). */
    public AuthenticationEntryPoint basicChallenge() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"lotledger\", charset=\"UTF-8\"");
            write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "UNAUTHENTICATED",
                    "Authentication required: send HTTP basic credentials of a Lot Ledger user.");
        };
    }

    /** For the webapps' XHR calls: 401 without a challenge, so no browser login dialog pops up. */
    public AuthenticationEntryPoint unauthorizedWithoutChallenge() {
        return (request, response, e) -> write(
                response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Authentication required: log in at /login.");
    }

    public AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(
                response,
                HttpStatus.FORBIDDEN,
                "FORBIDDEN",
                "Your role does not allow this action (see docs/security.md).");
    }

    /** A refusal by a filter outside Spring Security's handlers (e.g. the webapps' CSRF check, {@link WebappCsrf}). */
    public void refuse(HttpServletResponse response, HttpStatus status, String code, String detail) throws IOException {
        write(response, status, code, detail);
    }

    private void write(HttpServletResponse response, HttpStatus status, String code, String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ProblemDetailsAdvice.problem(status, code, detail, Map.of()));
    }
}
