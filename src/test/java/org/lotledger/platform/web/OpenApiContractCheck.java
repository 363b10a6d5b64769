package org.lotledger.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;

/**
 * Switches the OpenAPI contract check on for the test profile: this class lives in the tests, under
 * {@code org.lotledger}, so the application's component scan finds it in the one shared test context (no second
 * context variant) and never in a build of the application.
 */
@Configuration(proxyBeanMethods = false)
@Profile("test")
public class OpenApiContractCheck {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Bean
    OpenApiContractFilter openApiContractFilter(ObjectMapper json) {
        // the document exactly as clients get it, from the server that got the request
        return new OpenApiContractFilter(
                request -> fetch("http://localhost:" + request.getLocalPort() + "/v3/api-docs"), json);
    }

    @Bean
    FilterRegistrationBean<OpenApiContractFilter> openApiContractFilterRegistration(OpenApiContractFilter filter) {
        FilterRegistrationBean<OpenApiContractFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/*");
        // outside everything that answers: Spring Security (-100) and whatever filter guards the API's door
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    private static String fetch(String url) {
        try {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(60))
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
