package org.lotledger.fulfillment.allocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.lotledger.platform.drools.RuleRun;
import org.lotledger.platform.drools.RuleSessions;

/** The product's allocator: the rule set {@code rules/allocation} through {@code platform.drools.RuleSessions}. */
public final class DroolsAllocator implements Allocator {

    /** The folder under {@code rules/}. */
    public static final String RULE_SET = "allocation";

    private final RuleSessions sessions;

    public DroolsAllocator(RuleSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public AllocationResult allocate(AllocationFacts facts) {
        List<Object> input = new ArrayList<>(facts.lines().size()
                + facts.candidates().size()
                + facts.policies().size());
        input.addAll(facts.policies());
        input.addAll(facts.lines());
        input.addAll(facts.candidates());
        RuleRun run =
                sessions.evaluate(RULE_SET, input, Map.of("today", facts.today(), "shipFrom", facts.warehouseId()));
        List<Allocation> allocations = run.resultsOf(Allocation.class).stream()
                .sorted(Comparator.comparingLong(Allocation::lineId).thenComparingInt(Allocation::step))
                .toList();
        return new AllocationResult(
                allocations, run.resultsOf(Exclusion.class), run.resultsOf(Backorder.class), run.firedRules());
    }
}
