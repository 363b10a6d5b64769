package org.lotledger.platform.drools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lotledger.platform.drools.wiringcheck.Echo;
import org.lotledger.platform.drools.wiringcheck.Ping;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Plain JUnit: the builder and sessions the Spring configuration uses, without starting the application. */
class RuleBaseBuilderTest {

    private static final ClassLoader LOADER = RuleBaseBuilderTest.class.getClassLoader();

    private CompiledRules compiled;

    @AfterEach
    void dispose() {
        if (compiled != null) {
            compiled.dispose();
        }
    }

    @Test
    void the_drl_files_on_the_classpath_are_found_compiled_and_fired_by_name() {
        List<DrlSource> found = DroolsConfiguration.findDrl(new PathMatchingResourcePatternResolver(LOADER));
        assertThat(found).extracting(DrlSource::path).contains("rules/wiringcheck/echo.drl");

        compiled = RuleBaseBuilder.build(found, LOADER);
        RuleRun run = new RuleSessions(compiled).evaluate("wiringcheck", List.of(new Ping("hello")));

        assertThat(run.firedRules()).containsExactly("WIRE-010 A ping is echoed");
        assertThat(run.resultsOf(Echo.class)).containsExactly(new Echo("hello", "WIRE-010 A ping is echoed"));
    }

    @Test
    void a_session_on_one_rule_set_never_fires_the_rules_of_another() {
        compiled = RuleBaseBuilder.build(
                List.of(
                        new DrlSource("rules/alpha/a.drl", countingRule("alpha", "ALPHA-010 Every ping counts")),
                        new DrlSource("rules/beta/b.drl", countingRule("beta", "BETA-010 Every ping counts too"))),
                LOADER);
        RuleSessions sessions = new RuleSessions(compiled);

        assertThat(sessions.ruleSets()).containsExactly("alpha", "beta");
        assertThat(sessions.evaluate("alpha", List.of(new Ping("x"))).firedRules())
                .containsExactly("ALPHA-010 Every ping counts");
        assertThat(compiled.all().getKiePackages()).extracting(p -> p.getName()).contains("rules.alpha", "rules.beta");
    }

    @Test
    void a_stateless_session_reports_the_fired_rules_to_its_listener() {
        compiled = RuleBaseBuilder.build(
                DroolsConfiguration.findDrl(new PathMatchingResourcePatternResolver(LOADER)), LOADER);
        FiredRules fired = new FiredRules();

        new RuleSessions(compiled).stateless("wiringcheck", fired).execute(new Ping(""));

        assertThat(fired.names()).containsExactly("WIRE-020 An empty ping is not echoed");
    }

    @Test
    void a_global_is_a_plain_parameter_the_caller_binds_for_one_evaluation() {
        String withGlobal = """
                package rules.alpha;

                import org.lotledger.platform.drools.wiringcheck.Ping;
                import org.lotledger.platform.drools.wiringcheck.Echo;

                global java.time.LocalDate today;

                rule "ALPHA-020 A ping is echoed with today's date"
                when
                    Ping( $text : text )
                then
                    insert(new Echo($text + " on " + today, drools.getRule().getName()));
                end
                """;
        compiled = RuleBaseBuilder.build(List.of(new DrlSource("rules/alpha/g.drl", withGlobal)), LOADER);
        RuleSessions sessions = new RuleSessions(compiled);

        RuleRun run = sessions.evaluate(
                "alpha", List.of(new Ping("hi")), java.util.Map.of("today", java.time.LocalDate.of(2026, 12, 2)));

        assertThat(run.resultsOf(Echo.class)).extracting(Echo::text).containsExactly("hi on 2026-12-02");
    }

    @Test
    void an_empty_rules_folder_gives_an_empty_rule_base() {
        compiled = RuleBaseBuilder.build(List.of(), LOADER);

        assertThat(compiled.ruleSets()).isEmpty();
        assertThat(compiled.all().getKiePackages())
                .flatExtracting(p -> p.getRules())
                .isEmpty();
    }

    @Test
    void an_unknown_rule_set_is_refused_rather_than_firing_nothing() {
        compiled = RuleBaseBuilder.build(
                List.of(new DrlSource("rules/alpha/a.drl", countingRule("alpha", "ALPHA-010 Every ping counts"))),
                LOADER);

        assertThatThrownBy(() -> new RuleSessions(compiled).evaluate("alpah", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No rule set 'alpah'")
                .hasMessageContaining("[alpha]");
    }

    @Test
    void a_rule_that_does_not_compile_is_reported_with_file_line_and_message() {
        String broken = """
                package rules.broken;

                import org.lotledger.platform.drools.wiringcheck.Ping;

                rule "BRK-010 Refers to a field that does not exist"
                when
                    Ping( colour == "red" )
                then
                end
                """;
        List<DrlSource> sources = List.of(
                new DrlSource("rules/alpha/a.drl", countingRule("alpha", "ALPHA-010 Every ping counts")),
                new DrlSource("rules/broken/bad.drl", broken));

        assertThatThrownBy(() -> RuleBaseBuilder.build(sources, LOADER))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> {
                    assertThat(e.problems())
                            .isNotEmpty()
                            .doesNotHaveDuplicates()
                            .allSatisfy(p -> {
                                assertThat(p.file()).isEqualTo("rules/broken/bad.drl");
                                assertThat(p.line()).isEqualTo(7);
                            });
                    assertThat(e.problems())
                            .anySatisfy(p -> assertThat(p.message()).contains("colour"));
                    assertThat(e.getMessage())
                            .startsWith(e.problems().size() + " problem(s) in the rules under rules/:")
                            .contains("\n  - rules/broken/bad.drl:7: ");
                });
    }

    @Test
    void a_syntax_error_is_reported_too() {
        String broken = """
                package rules.broken;

                rule "BRK-020 Missing its end"
                when
                then
                    System.identityHashCode(1)
                """;

        assertThatThrownBy(
                        () -> RuleBaseBuilder.build(List.of(new DrlSource("rules/broken/syntax.drl", broken)), LOADER))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> {
                    assertThat(e.problems())
                            .doesNotHaveDuplicates()
                            .anySatisfy(p -> assertThat(p.file()).isEqualTo("rules/broken/syntax.drl"));
                });
    }

    @Test
    void a_drl_whose_package_is_not_its_folder_is_refused() {
        String misplaced = countingRule("alpha", "ALPHA-010 Every ping counts");

        assertThatThrownBy(() -> RuleBaseBuilder.build(List.of(new DrlSource("rules/beta/a.drl", misplaced)), LOADER))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("rules/beta/a.drl: declares package rules.alpha but its folder says rules.beta");
    }

    @Test
    void a_drl_outside_a_feature_folder_is_refused() {
        assertThatThrownBy(() -> new DrlSource("rules/loose.drl", "package rules;"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rules/<feature>/<name>.drl");
    }

    private static String countingRule(String folder, String name) {
        return """
                package rules.%s;

                import org.lotledger.platform.drools.wiringcheck.Ping;
                import org.lotledger.platform.drools.wiringcheck.Echo;

                rule "%s"
                when
                    Ping( $text : text )
                then
                    insert(new Echo($text, drools.getRule().getName()));
                end
                """.formatted(folder, name);
    }
}
