package org.lotledger.fulfillment.allocation;

import java.util.List;

/**
 * A quantity of one candidate taken for one line, with the ids of the rules that chose it (kept with the
 * reservation as its explanation).
 *
 * @param step 1 for the line's first allocation, 2 for the next, …: the order the line took them in
 */
public record Allocation(long lineId, int step, Candidate candidate, long quantity, List<String> ruleIds) {

    public Allocation {
        ruleIds = List.copyOf(ruleIds);
    }
}
