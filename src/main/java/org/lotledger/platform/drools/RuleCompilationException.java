package org.lotledger.platform.drools;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown at start when a rule does not compile. The message lists every problem as {@code file:line: message}, so
 * the person reading a failed start-up log sees what to fix without digging through the Drools stack trace.
 */
public class RuleCompilationException extends RuntimeException {

    private final List<RuleProblem> problems;

    public RuleCompilationException(List<RuleProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }

    private static String describe(List<RuleProblem> problems) {
        return problems.size() + " problem(s) in the rules under rules/:"
                + problems.stream()
                        .map(p -> "\n  - " + p.toString().replace("\n", "\n    "))
                        .collect(Collectors.joining());
    }
}
