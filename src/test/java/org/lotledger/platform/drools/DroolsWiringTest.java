package org.lotledger.platform.drools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.lotledger.IntegrationTest;
import org.lotledger.platform.drools.wiringcheck.Echo;
import org.lotledger.platform.drools.wiringcheck.Ping;
import org.springframework.beans.factory.annotation.Autowired;

/** In the running application the rules under rules/ on the classpath are compiled at start. */
@IntegrationTest
class DroolsWiringTest {

    @Autowired
    KieBase kieBase;

    @Autowired
    RuleSessions ruleSessions;

    @Test
    void the_application_compiles_the_rules_on_its_classpath_at_start() {
        // src/test/resources/rules/wiringcheck/echo.drl is on the test classpath exactly as rules/ is in the app
        assertThat(kieBase.getKiePackages()).extracting(KiePackage::getName).contains("rules.wiringcheck");
        assertThat(ruleSessions.ruleSets()).contains("wiringcheck");

        RuleRun run = ruleSessions.evaluate("wiringcheck", List.of(new Ping("from the app")));

        assertThat(run.firedRules()).containsExactly("WIRE-010 A ping is echoed");
        assertThat(run.resultsOf(Echo.class)).extracting(Echo::text).containsExactly("from the app");
    }
}
