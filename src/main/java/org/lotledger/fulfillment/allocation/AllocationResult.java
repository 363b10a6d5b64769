package org.lotledger.fulfillment.allocation;

import java.util.Comparator;
import java.util.List;

/**
 * What an allocation run decided. Allocations and backorders are in a canonical order (line, then the order they
 * were taken in for allocations; line, then reason for backorders), so two allocators' results compare with equals.
 *
 * @param firedRules the rules that fired, in firing order (the Drools allocator); empty for the plain-Java one
 */
public record AllocationResult(
        List<Allocation> allocations, List<Exclusion> exclusions, List<Backorder> backorders, List<String> firedRules) {

    static final Comparator<Backorder> BACKORDER_ORDER =
            Comparator.comparingLong(Backorder::lineId).thenComparing(Backorder::reason);

    public AllocationResult {
        allocations = List.copyOf(allocations);
        exclusions = List.copyOf(exclusions);
        backorders = backorders.stream().sorted(BACKORDER_ORDER).toList();
        firedRules = List.copyOf(firedRules);
    }

    public List<Allocation> allocationsOf(long lineId) {
        return allocations.stream().filter(a -> a.lineId() == lineId).toList();
    }

    public List<Backorder> backordersOf(long lineId) {
        return backorders.stream().filter(b -> b.lineId() == lineId).toList();
    }
}
