package org.lotledger.fulfillment.allocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Small helpers the rules' right-hand sides call; no decisions here, only bookkeeping. */
public final class RuleIds {

    private RuleIds() {}

    /** {@code "ALLOC-010 Stock in another warehouse…"} → {@code "ALLOC-010"}. */
    public static String of(String ruleName) {
        int space = ruleName.indexOf(' ');
        return space < 0 ? ruleName : ruleName.substring(0, space);
    }

    /**
     * ALLOC-050's bookkeeping: the item's eligible candidates in the method's order as {@link Ranked} facts, the
     * order's size, and the item's lines' turns in line id order.
     */
    public static List<Object> ranking(ItemPolicy policy, List<?> lines, List<?> eligible) {
        List<Object> facts = new ArrayList<>();
        List<Candidate> ordered = eligible.stream()
                .map(Candidate.class::cast)
                .sorted(AllocationOrder.of(policy.method()))
                .toList();
        for (int i = 0; i < ordered.size(); i++) {
            facts.add(new Ranked(policy.itemId(), i + 1, ordered.get(i)));
        }
        facts.add(new ItemOrder(policy.itemId(), ordered.size()));
        List<DemandLine> turns = lines.stream()
                .map(DemandLine.class::cast)
                .sorted(Comparator.comparingLong(DemandLine::lineId))
                .toList();
        for (int i = 0; i < turns.size(); i++) {
            facts.add(new LineTurn(policy.itemId(), i + 1, turns.get(i), policy));
        }
        return facts;
    }
}
