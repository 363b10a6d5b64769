package org.lotledger.platform.drools;

import java.util.Collection;
import java.util.Map;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.StatelessKieSession;
import org.springframework.modulith.NamedInterface;

/**
 * Opens sessions on one named rule set. Features call {@link #evaluate}, which keeps every Kie type inside the
 * platform; {@link #stateful} and {@link #stateless} are for the rare caller (and rule tests) that need a session
 * of their own, with listeners such as {@link FiredRules}.
 */
@NamedInterface("drools")
public class RuleSessions {

    private final CompiledRules rules;

    public RuleSessions(CompiledRules rules) {
        this.rules = rules;
    }

    /**
     * Inserts the facts into a fresh session on the rule set, fires every rule and returns what is in working
     * memory afterwards with the names of the rules that fired. The session is disposed before returning.
     *
     * @param globals values bound to the DRL's {@code global} declarations (often empty)
     */
    public RuleRun evaluate(String ruleSet, Collection<?> facts, Map<String, ?> globals) {
        FiredRules fired = new FiredRules();
        KieSession session = stateful(ruleSet, fired);
        try {
            globals.forEach(session::setGlobal);
            facts.forEach(session::insert);
            session.fireAllRules();
            return new RuleRun(
                    session.getObjects().stream().map(Object.class::cast).toList(), fired.names());
        } finally {
            session.dispose();
        }
    }

    public RuleRun evaluate(String ruleSet, Collection<?> facts) {
        return evaluate(ruleSet, facts, Map.of());
    }

    /** A new stateful session on the rule set; the caller disposes it. */
    public KieSession stateful(String ruleSet, AgendaEventListener... listeners) {
        KieSession session = rules.ruleSet(ruleSet).newKieSession();
        for (AgendaEventListener listener : listeners) {
            session.addEventListener(listener);
        }
        return session;
    }

    /** A new stateless session on the rule set. */
    public StatelessKieSession stateless(String ruleSet, AgendaEventListener... listeners) {
        StatelessKieSession session = rules.ruleSet(ruleSet).newStatelessKieSession();
        for (AgendaEventListener listener : listeners) {
            session.addEventListener(listener);
        }
        return session;
    }

    /** Names of the rule sets found under {@code rules/}. */
    public java.util.Set<String> ruleSets() {
        return rules.ruleSets();
    }
}
