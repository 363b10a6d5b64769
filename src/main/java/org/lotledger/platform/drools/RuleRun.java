package org.lotledger.platform.drools;

import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * What one evaluation of a rule set produced: the result facts the rules inserted (and the facts given) and the
 * names of the rules that fired, so callers can explain a decision and tests can assert on it.
 */
@NamedInterface("drools")
public record RuleRun(List<Object> facts, List<String> firedRules) {

    public RuleRun {
        facts = List.copyOf(facts);
        firedRules = List.copyOf(firedRules);
    }

    /** The facts of one type left in working memory after firing, e.g. the result facts a rule set emits. */
    public <T> List<T> resultsOf(Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
