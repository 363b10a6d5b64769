package org.lotledger.platform.security;

import static org.lotledger.platform.security.Groups.ADMIN;
import static org.lotledger.platform.security.Groups.FINANCE;
import static org.lotledger.platform.security.Groups.INVENTORY_CONTROL;
import static org.lotledger.platform.security.Groups.OPERATIONS;
import static org.lotledger.platform.security.Groups.QUALITY;
import static org.lotledger.platform.security.Groups.QUALITY_MANAGERS;
import static org.lotledger.platform.security.Groups.RECEIVING;
import static org.lotledger.platform.security.Groups.RECEIVING_SUPERVISORS;
import static org.lotledger.platform.security.Groups.WAREHOUSE;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One identity for everything (docs/security.md). Machines use HTTP basic on /api and /engine-rest; people log in
 * once with a form and are then known to the Camunda webapps too (see {@link WebappSingleSignOn}).
 *
 * <p>The /api rules are the endpoint-family table of docs/security.md, written out with explicit
 * {@link PathPatternRequestMatcher}s (a plain-string matcher silently missed Camunda's Jersey servlet), so that
 * 401/403 are decided here, before any controller, and the matrix test can check every cell. An /api path that is
 * in no family is refused: a new family is added to docs/security.md and here, never open by default.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

    /** Every group of Lot Ledger: a catalog or ledger read is open to each of them, not to a group-less user. */
    private static final String[] EVERY_GROUP = Groups.ALL.toArray(String[]::new);

    static final String[] CATALOG = {
        "/api/items/**",
        "/api/warehouses/**",
        "/api/zones/**",
        "/api/locations/**",
        "/api/suppliers/**",
        "/api/customers/**",
        "/api/reason-codes/**"
    };

    static final String[] PURCHASING = {"/api/purchase-orders/**", "/api/advance-ship-notices/**"};

    static final String[] RECEIPTS = {"/api/receipts/**"};

    static final String[] SALES_ORDERS = {"/api/sales-orders", "/api/sales-orders/**"};

    static final String[] ALLOCATION_OVERRIDES = {"/api/allocation-overrides", "/api/allocation-overrides/**"};

    static final String[] TRANSFER_ORDERS = {"/api/transfer-orders", "/api/transfer-orders/**"};

    /** Staff: every group but integration (the ERP reads orders, not the dock's receipts). */
    private static final String[] STAFF =
            Groups.ALL.stream().filter(g -> !g.equals(Groups.INTEGRATION)).toArray(String[]::new);

    private static final HttpMethod[] WRITES = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE};

    @Bean
    @Order(1)
    SecurityFilterChain engineRest(
            HttpSecurity http, CamundaIdentityAuthenticationProvider provider, SecurityProblems problems)
            throws Exception {
        // Camunda's ProcessEngineAuthenticationFilter (WebappSingleSignOn) then runs the call as this user
        http.securityMatcher(path("/engine-rest/**"))
                .authenticationProvider(provider)
                .authorizeHttpRequests(a -> a.anyRequest().hasAnyRole(ADMIN, Groups.INTEGRATION));
        return stateless(http, problems).build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(
            HttpSecurity http, CamundaIdentityAuthenticationProvider provider, SecurityProblems problems)
            throws Exception {
        http.securityMatcher(path("/api/**"))
                .authenticationProvider(provider)
                .authorizeHttpRequests(a -> a
                        // shipment history (before catalog-read, which also matches these paths): staff and the ERP
                        .requestMatchers(paths(HttpMethod.GET, "/api/lots/*/shipments", "/api/customers/*/shipments"))
                        .hasAnyRole(EVERY_GROUP)
                        // catalog-read, ledger-read
                        .requestMatchers(paths(HttpMethod.GET, CATALOG))
                        .hasAnyRole(EVERY_GROUP)
                        .requestMatchers(paths(HttpMethod.GET, "/api/lots/**", "/api/balances/**", "/api/postings/**"))
                        .hasAnyRole(EVERY_GROUP)
                        // ledger-audit
                        .requestMatchers(paths(HttpMethod.GET, "/api/ledger/audit/**"))
                        .hasAnyRole(INVENTORY_CONTROL, FINANCE, OPERATIONS, ADMIN)
                        .requestMatchers(paths(HttpMethod.POST, "/api/ledger/audit/**"))
                        .hasAnyRole(INVENTORY_CONTROL, FINANCE, OPERATIONS, ADMIN)
                        // ledger postings, one family per posting service
                        .requestMatchers(paths(HttpMethod.POST, "/api/moves/**"))
                        .hasAnyRole(WAREHOUSE, QUALITY, QUALITY_MANAGERS)
                        // putaway: directed by the decision table, confirmed by scan (PUTAWAY: receiving, warehouse)
                        .requestMatchers(paths(HttpMethod.GET, "/api/putaway/**"))
                        .hasAnyRole(RECEIVING, WAREHOUSE, QUALITY, QUALITY_MANAGERS)
                        .requestMatchers(paths(HttpMethod.POST, "/api/putaway/**"))
                        .hasAnyRole(RECEIVING, WAREHOUSE)
                        .requestMatchers(paths(HttpMethod.POST, "/api/adjustments/**", "/api/opening-balances/**"))
                        .hasAnyRole(INVENTORY_CONTROL)
                        .requestMatchers(paths(HttpMethod.POST, "/api/postings/*/reversal"))
                        .hasAnyRole(INVENTORY_CONTROL, RECEIVING_SUPERVISORS)
                        // relabel (issue 11 §2, ADR 0015): quality and inventory control, before lot-change (the
                        // service requires inventory control to work at the location's warehouse: 403
                        // NOT_WAREHOUSE_STAFF; quality acts for the company)
                        .requestMatchers(paths(HttpMethod.POST, "/api/lots/*/relabel"))
                        .hasAnyRole(QUALITY, QUALITY_MANAGERS, INVENTORY_CONTROL)
                        // lot-create, then lot-change (attribute changes are audited events of quality's)
                        .requestMatchers(paths(HttpMethod.POST, "/api/lots"))
                        .hasAnyRole(RECEIVING, QUALITY, QUALITY_MANAGERS, ADMIN)
                        .requestMatchers(writes("/api/lots/**"))
                        .hasAnyRole(QUALITY, QUALITY_MANAGERS, ADMIN)
                        // catalog-write
                        .requestMatchers(writes(CATALOG))
                        .hasRole(ADMIN)
                        // purchasing: everybody reads orders and ASNs; the ERP (integration), receiving supervisors
                        // and admin place, cancel and announce (POST only; no PUT/PATCH/DELETE exists)
                        .requestMatchers(paths(HttpMethod.GET, PURCHASING))
                        .hasAnyRole(EVERY_GROUP)
                        .requestMatchers(paths(HttpMethod.POST, PURCHASING))
                        .hasAnyRole(RECEIVING_SUPERVISORS, ADMIN, Groups.INTEGRATION)
                        // holds: everybody reads them; quality places and decides (release, scrap, return to vendor)
                        .requestMatchers(paths(HttpMethod.GET, "/api/holds", "/api/holds/**"))
                        .hasAnyRole(EVERY_GROUP)
                        // the warehouse confirms scrap and return-to-vendor moves by scan
                        .requestMatchers(paths(HttpMethod.POST, "/api/holds/*/warehouse-moves/*/confirmation"))
                        .hasAnyRole(WAREHOUSE, QUALITY, QUALITY_MANAGERS)
                        .requestMatchers(paths(HttpMethod.POST, "/api/holds", "/api/holds/**"))
                        .hasAnyRole(QUALITY, QUALITY_MANAGERS)
                        // receiving: staff read receipts; clerks and supervisors open, receive and close; only
                        // supervisors reverse a receipt line (a mistyped lot) or close a PO line short
                        .requestMatchers(paths(HttpMethod.GET, RECEIPTS))
                        .hasAnyRole(STAFF)
                        .requestMatchers(paths(
                                HttpMethod.POST,
                                "/api/receipts/*/lines/*/reversal",
                                "/api/receipts/*/purchase-order-lines/*/close-short"))
                        .hasAnyRole(RECEIVING_SUPERVISORS)
                        .requestMatchers(paths(HttpMethod.POST, RECEIPTS))
                        .hasAnyRole(RECEIVING, RECEIVING_SUPERVISORS)
                        // sales orders: staff and the ERP read them; the ERP (integration), operations and admin
                        // place, cancel and add lines (POST only; a change is cancel-line plus a new line)
                        // allocation (issue 9 §4): staff and the ERP read it; operations, the ERP and admin
                        // allocate. Before the sales orders' own rules, which would otherwise match first
                        .requestMatchers(paths(HttpMethod.GET, "/api/sales-orders/*/allocation"))
                        .hasAnyRole(EVERY_GROUP)
                        .requestMatchers(paths(HttpMethod.POST, "/api/sales-orders/*/allocation"))
                        .hasAnyRole(OPERATIONS, ADMIN, Groups.INTEGRATION)
                        // shipping: the warehouse opens shipments over staged stock and dispatches them (the
                        // warehouse's own staff only: Actor#worksAt in the service); documents read by everybody
                        .requestMatchers(
                                paths(HttpMethod.POST, "/api/sales-orders/*/shipments", "/api/shipments/*/dispatch"))
                        .hasAnyRole(WAREHOUSE)
                        .requestMatchers(paths(HttpMethod.GET, "/api/shipments", "/api/shipments/**"))
                        .hasAnyRole(EVERY_GROUP)
                        // picking: operations or the order's warehouse staff make a task; the warehouse claims,
                        // releases and confirms (the task's own warehouse only, checked by the service: 403
                        // NOT_WAREHOUSE_STAFF); operations and admin see every task, inventory control the exceptions
                        .requestMatchers(paths(HttpMethod.POST, "/api/sales-orders/*/pick-tasks"))
                        .hasAnyRole(WAREHOUSE, OPERATIONS, ADMIN)
                        .requestMatchers(paths(HttpMethod.GET, "/api/pick-tasks", "/api/pick-tasks/**"))
                        .hasAnyRole(WAREHOUSE, OPERATIONS, ADMIN)
                        .requestMatchers(paths(HttpMethod.POST, "/api/pick-tasks/**"))
                        .hasAnyRole(WAREHOUSE)
                        .requestMatchers(paths(HttpMethod.GET, "/api/pick-exceptions", "/api/pick-exceptions/**"))
                        .hasAnyRole(WAREHOUSE, INVENTORY_CONTROL, OPERATIONS, ADMIN)
                        // transfers (issue 10): the origin's warehouse staff dispatch (the service checks the
                        // origin: 403 NOT_WAREHOUSE_STAFF); they, operations and admin make pick tasks; staff and the
                        // ERP read transfer orders; operations, the ERP and admin order, cancel and allocate
                        .requestMatchers(paths(HttpMethod.POST, "/api/transfer-orders/*/dispatch"))
                        .hasAnyRole(WAREHOUSE)
                        .requestMatchers(paths(HttpMethod.POST, "/api/transfer-orders/*/pick-tasks"))
                        .hasAnyRole(WAREHOUSE, OPERATIONS, ADMIN)
                        // the receipt at the destination: its receiving and warehouse staff scan and close (the
                        // service checks the destination: 403 NOT_WAREHOUSE_STAFF); staff and operations read what
                        // is in transit
                        .requestMatchers(paths(
                                HttpMethod.POST,
                                "/api/transfer-orders/*/receipts",
                                "/api/transfer-orders/*/receipts/close"))
                        .hasAnyRole(Groups.RECEIVING, WAREHOUSE)
                        .requestMatchers(paths(HttpMethod.GET, "/api/in-transit"))
                        .hasAnyRole(
                                Groups.RECEIVING,
                                Groups.RECEIVING_SUPERVISORS,
                                WAREHOUSE,
                                Groups.INVENTORY_CONTROL,
                                OPERATIONS,
                                ADMIN)
                        .requestMatchers(paths(HttpMethod.GET, TRANSFER_ORDERS))
                        .hasAnyRole(EVERY_GROUP)
                        .requestMatchers(paths(HttpMethod.POST, TRANSFER_ORDERS))
                        .hasAnyRole(OPERATIONS, ADMIN, Groups.INTEGRATION)
                        .requestMatchers(paths(HttpMethod.GET, SALES_ORDERS))
                        .hasAnyRole(EVERY_GROUP)
                        .requestMatchers(paths(HttpMethod.POST, SALES_ORDERS))
                        .hasAnyRole(OPERATIONS, ADMIN, Groups.INTEGRATION)
                        // allocation overrides: the warehouse and operations ask (the service checks the order's
                        // warehouse); operations and quality managers decide (the service checks the table's group
                        // and four eyes); those and admin read them
                        .requestMatchers(paths(HttpMethod.GET, ALLOCATION_OVERRIDES))
                        .hasAnyRole(WAREHOUSE, OPERATIONS, QUALITY_MANAGERS, ADMIN)
                        .requestMatchers(paths(HttpMethod.POST, "/api/allocation-overrides/*/decision"))
                        .hasAnyRole(OPERATIONS, QUALITY_MANAGERS)
                        .requestMatchers(paths(HttpMethod.POST, "/api/allocation-overrides"))
                        .hasAnyRole(WAREHOUSE, OPERATIONS)
                        // the recall trace (issue 11 §1): quality, quality managers, operations, admin
                        .requestMatchers(paths(HttpMethod.GET, "/api/trace"))
                        .hasAnyRole(Groups.QUALITY, QUALITY_MANAGERS, OPERATIONS, ADMIN)
                        // recalls (issue 11 §3): quality managers start LIVE recalls and withdraw them; quality may
                        // start a MOCK one too (the service answers 403 RECALL_NOT_ALLOWED for LIVE); the recall, its
                        // notice list: quality, quality managers, operations, admin
                        .requestMatchers(paths(HttpMethod.GET, "/api/recalls", "/api/recalls/**"))
                        .hasAnyRole(QUALITY, QUALITY_MANAGERS, OPERATIONS, ADMIN)
                        // mock recall runs (issue 11 §4; started by POST /api/recalls with mode MOCK): read as recalls
                        .requestMatchers(paths(HttpMethod.GET, "/api/mock-recalls", "/api/mock-recalls/**"))
                        .hasAnyRole(QUALITY, QUALITY_MANAGERS, OPERATIONS, ADMIN)
                        // recall follow-up (issue 11 §3, second half): acknowledgements by quality, quality managers
                        // and the integration; returns by receiving (the service checks the returns location's
                        // warehouse); the reconciliation by quality; the closure's approval by quality managers (the
                        // task listener keeps the four eyes); the reconciliation is read as the recall is
                        .requestMatchers(paths(HttpMethod.POST, "/api/recalls/*/acknowledgements"))
                        .hasAnyRole(QUALITY, QUALITY_MANAGERS, Groups.INTEGRATION)
                        .requestMatchers(paths(HttpMethod.POST, "/api/recalls/*/returns"))
                        .hasAnyRole(RECEIVING)
                        .requestMatchers(paths(HttpMethod.POST, "/api/recalls/*/reconciliation"))
                        .hasAnyRole(QUALITY, QUALITY_MANAGERS)
                        .requestMatchers(paths(HttpMethod.POST, "/api/recalls/*/closure"))
                        .hasAnyRole(QUALITY_MANAGERS)
                        .requestMatchers(paths(HttpMethod.POST, "/api/recalls/*/withdraw"))
                        .hasAnyRole(QUALITY_MANAGERS)
                        .requestMatchers(paths(HttpMethod.POST, "/api/recalls"))
                        .hasAnyRole(QUALITY, QUALITY_MANAGERS)
                        .anyRequest()
                        .denyAll());
        return stateless(http, problems).build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain actuator(
            HttpSecurity http, CamundaIdentityAuthenticationProvider provider, SecurityProblems problems)
            throws Exception {
        // health is anonymous for load balancers; its details only for the roles in management.endpoint.health.roles
        http.securityMatcher(path("/actuator/**"))
                .authenticationProvider(provider)
                .authorizeHttpRequests(a -> a.requestMatchers(path("/actuator/health"), path("/actuator/health/**"))
                        .permitAll()
                        .anyRequest()
                        .hasAnyRole(ADMIN, OPERATIONS));
        return stateless(http, problems).build();
    }

    /** People: the form login that the Camunda webapps share, Swagger UI, the root redirect. */
    @Bean
    @Order(4)
    SecurityFilterChain people(
            HttpSecurity http, CamundaIdentityAuthenticationProvider provider, SecurityProblems problems)
            throws Exception {
        RequestMatcher camundaApi = path("/camunda/api/**");
        // Camunda's own logout call (Tasklist/Cockpit "Log out") must end the Spring session too, or the next
        // request would log the user straight back in through the container-based filter. Spring's CSRF check is
        // off for /camunda/** (below), so this one asks for the webapps' token itself: without it the call goes on
        // to Camunda's CSRF filter, which refuses it and keeps the session (WebappCsrf)
        RequestMatcher logout = new OrRequestMatcher(
                path(HttpMethod.POST, "/logout"),
                new AndRequestMatcher(
                        path(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout"), WebappCsrf::tokenMatches));
        http.authenticationProvider(provider)
                .authorizeHttpRequests(a -> a.requestMatchers(
                                path("/"),
                                path("/login"),
                                path("/error"),
                                path("/favicon.ico"),
                                path("/swagger-ui.html"),
                                path("/swagger-ui/**"),
                                path("/v3/api-docs/**"))
                        .permitAll()
                        // Camunda Admin's first-user setup is open while no camunda-admin authorization exists
                        // (the demo); any logged-in user could make themselves admin through it
                        .requestMatchers(path("/camunda/api/admin/setup/**"))
                        .denyAll()
                        .requestMatchers(path("/camunda/**"))
                        .authenticated()
                        .anyRequest()
                        .authenticated())
                .formLogin(f -> f.permitAll())
                .logout(l -> l.logoutRequestMatcher(logout).logoutSuccessHandler((request, response, auth) -> {
                    if (camundaApi.matches(request)) {
                        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                    } else {
                        response.sendRedirect(request.getContextPath() + "/login?logout");
                    }
                }))
                // the webapps carry their own CSRF protection (cookie XSRF-TOKEN / header X-XSRF-TOKEN), WebappCsrf
                .csrf(c -> c.ignoringRequestMatchers(path("/camunda/**")))
                .exceptionHandling(
                        e -> e.defaultAuthenticationEntryPointFor(problems.unauthorizedWithoutChallenge(), camundaApi)
                                .defaultAuthenticationEntryPointFor(
                                        new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE)
                                .defaultAccessDeniedHandlerFor(problems.forbidden(), camundaApi));
        return http.build();
    }

    private static HttpSecurity stateless(HttpSecurity http, SecurityProblems problems) throws Exception {
        return http.httpBasic(b -> b.authenticationEntryPoint(problems.basicChallenge()))
                .exceptionHandling(e ->
                        e.authenticationEntryPoint(problems.basicChallenge()).accessDeniedHandler(problems.forbidden()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // no cookies, no sessions: nothing for a cross-site request to ride on
                .csrf(c -> c.disable());
    }

    static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    private static RequestMatcher[] paths(HttpMethod method, String... patterns) {
        return Arrays.stream(patterns).map(p -> path(method, p)).toArray(RequestMatcher[]::new);
    }

    private static RequestMatcher[] writes(String... patterns) {
        List<RequestMatcher> all = Arrays.stream(WRITES)
                .flatMap(m -> Arrays.stream(patterns).map(p -> path(m, p)))
                .toList();
        return all.toArray(RequestMatcher[]::new);
    }
}
