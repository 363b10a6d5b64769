package org.lotledger.platform.camunda;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.delegate.DefaultDelegateInterceptor;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;
import org.lotledger.common.DomainException;
import org.lotledger.platform.ProblemDetailsAdvice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A refusal of ours inside the engine reaches Tasklist and /engine-rest as what it is. When a task listener or
 * delegate refuses with a {@link DomainException} (a bad form, the four-eyes rule), Camunda's REST layer answers
 * 500 with the message wrapped twice in engine text. The engine plugin below remembers the refusal for the web request
 * in progress; the filter then answers that request with the refusal's own status (403, 409, 422, ...), code and
 * message, in Camunda's error shape ({@code type}, {@code message}) that Tasklist shows. Any other 500 — a bug — is
 * left as it is.
 *
 * <p>Nor is such a refusal logged as an error. Camunda's command context logs every exception that ends a command
 * at ERROR with its stack trace (ENGINE-16004), except a few of its own it deems the caller's fault
 * ({@code OptimisticLockingException}, {@code BadUserRequestException}, {@code AuthorizationException}: DEBUG,
 * ENGINE-16002; {@code CommandContext#shouldLogFine}). The command contexts made here add our refusals to those: a
 * {@link DomainException}, as thrown or wrapped only by the engine's own exceptions. Anything else still logs at
 * ERROR. (Camunda's {@code enableCmdExceptionLogging} switch would silence technical failures too.)
 */
@Configuration(proxyBeanMethods = false)
public class EngineRefusals {

    private static final Logger log = LoggerFactory.getLogger(EngineRefusals.class);

    static final String ATTRIBUTE = EngineRefusals.class.getName() + ".refusal";

    /** Wraps the engine's delegate interceptor: remembers a DomainException thrown by a listener or delegate. */
    @Bean
    ProcessEnginePlugin rememberDomainRefusals() {
        return new ProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                CommandContextFactory contexts = configuration.getCommandContextFactory();
                if (contexts == null || contexts.getClass() == CommandContextFactory.class) {
                    // the engine hands its configuration only to a factory it creates itself
                    RefusalsLoggedAsAnswers ours = new RefusalsLoggedAsAnswers();
                    ours.setProcessEngineConfiguration(configuration);
                    configuration.setCommandContextFactory(ours);
                } else {
                    log.warn(
                            "Command context factory {} kept: refusals in processes will be logged at ERROR",
                            contexts.getClass().getName());
                }
                DelegateInterceptor inner = configuration.getDelegateInterceptor() != null
                        ? configuration.getDelegateInterceptor()
                        : new DefaultDelegateInterceptor();
                configuration.setDelegateInterceptor(invocation -> {
                    try {
                        inner.handleInvocation(invocation);
                    } catch (DomainException e) {
                        remember(e);
                        throw e;
                    }
                });
            }

            @Override
            public void postInit(ProcessEngineConfigurationImpl configuration) {}

            @Override
            public void postProcessEngineBuild(ProcessEngine engine) {}
        };
    }

    /** Command contexts that log a refusal of ours as Camunda logs its own "bad request" exceptions: DEBUG. */
    static final class RefusalsLoggedAsAnswers extends CommandContextFactory {
        @Override
        public CommandContext createCommandContext() {
            return new CommandContext(processEngineConfiguration) {
                @Override
                protected boolean shouldLogFine(Throwable e) {
                    return super.shouldLogFine(e) || isRefusal(e);
                }
            };
        }
    }

    /** A DomainException, as thrown or inside the engine's own wrappers (listener and delegate invocation). */
    static boolean isRefusal(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t instanceof ProcessEngineException && depth < 10; depth++) {
            t = t.getCause();
        }
        return t instanceof DomainException;
    }

    static void remember(DomainException e) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(ATTRIBUTE, e, RequestAttributes.SCOPE_REQUEST);
        }
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> engineRefusalsFilter(ObjectMapper json) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Answer(json));
        registration.addUrlPatterns("/camunda/api/engine/*", "/engine-rest/*");
        registration.setName("engineRefusals");
        registration.setOrder(0); // after Spring Security and the request context filter
        return registration;
    }

    static final class Answer extends OncePerRequestFilter {

        private final ObjectMapper json;

        Answer(ObjectMapper json) {
            this.json = json;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            // refusals come from commands that change something; reads stream through untouched
            return !"POST".equals(request.getMethod()) && !"PUT".equals(request.getMethod());
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
            try {
                chain.doFilter(request, wrapped);
                if (wrapped.getStatus() == 500 && request.getAttribute(ATTRIBUTE) instanceof DomainException e) {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("type", "Refused");
                    body.put("message", e.getMessage());
                    body.put("code", e.code());
                    if (!e.details().isEmpty()) {
                        body.put("details", e.details());
                    }
                    wrapped.resetBuffer();
                    wrapped.setStatus(ProblemDetailsAdvice.statusOf(e.kind()).value());
                    wrapped.setContentType("application/json");
                    wrapped.setCharacterEncoding(StandardCharsets.UTF_8.name());
                    wrapped.getOutputStream().write(json.writeValueAsBytes(body));
                }
            } finally {
                wrapped.copyBodyToResponse();
            }
        }
    }
}
