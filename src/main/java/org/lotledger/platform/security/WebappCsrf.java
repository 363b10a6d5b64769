package org.lotledger.platform.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.security.filter.CsrfPreventionFilter;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * Camunda's CSRF protection for the webapps, minus the logout. Camunda's {@link CsrfPreventionFilter} answers a
 * state-changing call whose {@code X-XSRF-TOKEN} header is missing or wrong with 403 <em>and invalidates the
 * session</em> (7.24, {@code doTokenValidation}); our Spring login lives in that same session, so any page on another
 * site could log a user out by making their browser send such a call. The check itself is right and stays Camunda's:
 * this registers Camunda's filter under Camunda's own name ({@code CsrfPreventionFilter}, on {@code /api/*} and
 * {@code /app/*} of the webapps, with the {@code camunda.bpm.webapp.csrf.*} settings), so the starter's initializer
 * finds it registered and adds none of its own; only the refusal differs: 403 problem details with code
 * {@code CSRF_TOKEN_INVALID}, Camunda's {@code X-XSRF-TOKEN: Required} header when the token is missing, and the
 * session left alone. Spring Security carries out the webapps' logout call (SecurityConfiguration) before this
 * filter runs, so it asks {@link #tokenMatches} first.
 */
@Configuration(proxyBeanMethods = false)
public class WebappCsrf {

    /** Camunda's name for the filter: the webapp initializer skips a filter of that name that already exists. */
    static final String FILTER_NAME = "CsrfPreventionFilter";

    @Bean
    FilterRegistrationBean<CsrfPreventionFilter> camundaCsrfWithoutLogout(
            CamundaBpmProperties camunda, SecurityProblems problems) {
        String webappPath = camunda.getWebapp().getApplicationPath();
        var registration = new FilterRegistrationBean<CsrfPreventionFilter>(new SessionKeeping(problems));
        registration.setName(FILTER_NAME);
        registration.setInitParameters(camunda.getWebapp().getCsrf().getInitParams());
        registration.addUrlPatterns(webappPath + "/api/*", webappPath + "/app/*");
        // with Camunda's own webapp filters (registered "match after"), ahead of them, as its initializer would
        // have put it right after its authentication and path-security filters
        registration.setMatchAfter(true);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    /**
     * The request carries the webapps' CSRF token ({@code X-XSRF-TOKEN}) and it is the one Camunda issued to this
     * session. Compared in constant time.
     */
    public static boolean tokenMatches(HttpServletRequest request) {
        String header = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
        HttpSession session = request.getSession(false);
        Object issued = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        if (header == null || header.isBlank() || !(issued instanceof String token) || token.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    /** Camunda's filter (origin check, token issue and check, its settings) with a refusal that keeps the session. */
    static final class SessionKeeping extends CsrfPreventionFilter {

        private final SecurityProblems problems;

        SessionKeeping(SecurityProblems problems) {
            this.problems = problems;
        }

        @Override
        protected boolean doTokenValidation(HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            if (tokenMatches(request)) {
                return true;
            }
            String header = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
            if (header == null || header.isBlank()) {
                response.setHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME, CsrfConstants.CSRF_TOKEN_HEADER_REQUIRED);
            }
            problems.refuse(
                    response,
                    HttpStatus.valueOf(getDenyStatus()),
                    "CSRF_TOKEN_INVALID",
                    "This call needs the webapps' CSRF token: the X-XSRF-TOKEN header with the value of the XSRF-TOKEN "
                            + "cookie. You are still logged in; reload the page if it has been open for long.");
            return false;
        }
    }
}
