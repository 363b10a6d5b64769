package org.lotledger.platform.security;

import jakarta.servlet.DispatcherType;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Hands the user Spring Security authenticated on to Camunda. Both filters run right after the Spring Security
 * chain and read {@code request.getUserPrincipal()} (ContainerBasedAuthenticationProvider), so Camunda never
 * checks a password of its own:
 * <ul>
 *   <li>webapps: Camunda's container-based filter puts the user, their groups and authorized apps into the
 *       webapp session, which is the login Tasklist, Cockpit and Admin see;</li>
 *   <li>/engine-rest: Camunda's authentication filter sets the caller as the engine's current identity for the
 *       duration of the call, so Camunda's authorizations apply to what an integration user reads or changes.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class WebappSingleSignOn implements WebMvcConfigurer {

    private static final Map<String, String> CONTAINER_BASED =
            Map.of("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappSingleSignOn(
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("lotledger-webapp-sso");
        registration.setInitParameters(CONTAINER_BASED);
        registration.addUrlPatterns(webappPath + "/app/*", webappPath + "/api/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> camundaEngineRestIdentity(
            @Value("${camunda.bpm.jersey.application-path:${spring.jersey.application-path:engine-rest}}")
                    String restPath) {
        String prefix = "/" + restPath.replaceAll("^/+|/+$", "");
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("lotledger-engine-rest-identity");
        registration.setInitParameters(Map.of(
                "authentication-provider",
                ContainerBasedAuthenticationProvider.class.getName(),
                "rest-url-pattern-prefix",
                prefix));
        registration.addUrlPatterns(prefix + "/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", "/camunda/app/tasklist/");
    }
}
