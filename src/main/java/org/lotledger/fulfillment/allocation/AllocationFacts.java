package org.lotledger.fulfillment.allocation;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything one allocation run decides on: the lines of one ship-from warehouse, the candidates of their items
 * (in every warehouse and status, so backorders can say why), each item's policy, and today in the warehouse's time
 * zone.
 */
public record AllocationFacts(
        long warehouseId,
        LocalDate today,
        List<DemandLine> lines,
        List<Candidate> candidates,
        List<ItemPolicy> policies) {

    public AllocationFacts {
        Objects.requireNonNull(today, "today");
        lines = List.copyOf(lines);
        candidates = List.copyOf(candidates);
        policies = List.copyOf(policies);
        Set<Long> withPolicy = policies.stream().map(ItemPolicy::itemId).collect(Collectors.toSet());
        if (withPolicy.size() != policies.size()) {
            throw new IllegalArgumentException("One policy per item");
        }
        for (DemandLine line : lines) {
            if (!withPolicy.contains(line.itemId())) {
                throw new IllegalArgumentException("No policy for item " + line.itemId() + " of line " + line.lineId());
            }
        }
        if (lines.stream().map(DemandLine::lineId).distinct().count() != lines.size()) {
            throw new IllegalArgumentException("Line ids are unique within a run");
        }
    }
}
