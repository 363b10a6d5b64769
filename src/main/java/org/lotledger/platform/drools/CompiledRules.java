package org.lotledger.platform.drools;

import java.util.Set;
import java.util.SortedSet;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieContainer;

/** The compiled rules: a KieBase with every rule and one KieBase per rule set (folder under {@code rules/}). */
public final class CompiledRules {

    /** Name of the KieBase that holds every rule. */
    public static final String ALL = "all";

    private final KieContainer container;
    private final SortedSet<String> ruleSets;

    CompiledRules(KieContainer container, SortedSet<String> ruleSets) {
        this.container = container;
        this.ruleSets = ruleSets;
        // the container builds a KieBase on first use; build them all now, so start-up pays and first callers don't
        container.getKieBase(ALL);
        ruleSets.forEach(container::getKieBase);
    }

    /** Rule set names, e.g. {@code fefo} for {@code rules/fefo/*.drl}. */
    public Set<String> ruleSets() {
        return ruleSets;
    }

    public KieBase all() {
        return container.getKieBase(ALL);
    }

    /** @throws IllegalArgumentException for a rule set with no DRL, so a typo fails loudly instead of firing nothing */
    public KieBase ruleSet(String name) {
        if (!ruleSets.contains(name)) {
            throw new IllegalArgumentException("No rule set '" + name + "' under rules/; known: " + ruleSets);
        }
        return container.getKieBase(name);
    }

    /** Releases the compiled rules; the application context does it at shutdown, tests when they are done. */
    public void dispose() {
        container.dispose();
    }
}
