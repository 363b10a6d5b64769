package org.lotledger.platform.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * One identity for everything (docs/security.md). Machines use HTTP basic on /api and /engine-rest; people log in
 * once with a form and are then known to the Camunda webapps too.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http, CamundaIdentityAuthenticationProvider provider) throws Exception {
        // an explicit PathPatternRequestMatcher: a plain string matcher does not match Camunda's Jersey servlet
        http.securityMatcher(withDefaults().matcher("/engine-rest/**"))
                .authenticationProvider(provider)
                .authorizeHttpRequests(a -> a.anyRequest().hasAnyRole(Groups.ADMIN, Groups.INTEGRATION))
                .httpBasic(b -> b.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, CamundaIdentityAuthenticationProvider provider) throws Exception {
        http.securityMatcher(withDefaults().matcher("/api/**"))
                .authenticationProvider(provider)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
        return http.build();
    }
}
