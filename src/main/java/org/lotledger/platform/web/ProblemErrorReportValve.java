package org.lotledger.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.lotledger.platform.ProblemDetailsAdvice;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;

/**
 * What Tomcat itself answers when a request never reaches the application (a header over
 * {@code server.max-http-request-header-size}, a request line it cannot parse): a problem detail with a code
 * instead of Tomcat's HTML page. Everything that does reach the application is answered by
 * {@link ProblemErrorController} or the handlers' advice.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String code = ProblemDetailsAdvice.codeOf(HttpStatusCode.valueOf(status));
        String detail = status == 400
                ? "The request could not be read: its request line or headers are malformed or too large."
                : "The request was refused (" + code + ").";
        String json = "{\"type\":\"urn:lotledger:problem:" + code + "\",\"title\":\"" + code + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\",\"code\":\"" + code + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer w = response.getReporter();
            if (w != null) {
                w.write(json);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot be written: nothing more to say
        }
    }

    /** Puts this valve where Tomcat's own error report valve (and Spring Boot's replacement) would be. */
    @Component
    static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (var v : host.getPipeline().getValves()) {
                        if (v instanceof ErrorReportValve && !(v instanceof ProblemErrorReportValve)) {
                            host.getPipeline().removeValve(v);
                        }
                    }
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                    host.getPipeline().addValve(new ProblemErrorReportValve());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
