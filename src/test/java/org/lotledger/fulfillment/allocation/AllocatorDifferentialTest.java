package org.lotledger.fulfillment.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Drools and the plain-Java SortingAllocator decide alike: on seeded random facts (several hundred cases, many lines
 * and candidates, every exclusion, preference and method in play) they give identical allocations, backorders and
 * exclusions. A failure names the seed, so the case replays.
 */
class AllocatorDifferentialTest {

    static final int CASES = 600;

    @Test
    void drools_and_the_sorting_allocator_give_identical_allocations_and_backorders_on_random_facts() {
        DroolsAllocator drools = AllocationRules.drools();
        SortingAllocator java = new SortingAllocator();
        int allocations = 0;
        int backorders = 0;
        int fewestLots = 0;
        int wholeCases = 0;
        for (long seed = 1; seed <= CASES; seed++) {
            AllocationFacts facts = RandomFacts.messy(new SplittableRandom(seed));
            AllocationResult expected = java.allocate(facts);
            AllocationResult actual = drools.allocate(facts);
            assertThat(actual.allocations()).as("allocations, seed %d", seed).isEqualTo(expected.allocations());
            assertThat(actual.backorders()).as("backorders, seed %d", seed).isEqualTo(expected.backorders());
            assertThat(actual.exclusions())
                    .as("exclusions, seed %d", seed)
                    .containsExactlyInAnyOrderElementsOf(expected.exclusions());
            allocations += expected.allocations().size();
            backorders += expected.backorders().size();
            fewestLots += (int) expected.allocations().stream()
                    .filter(a -> a.ruleIds().contains("ALLOC-070"))
                    .count();
            wholeCases += (int) expected.allocations().stream()
                    .filter(a -> a.ruleIds().contains("ALLOC-080"))
                    .count();
        }
        // the generator must exercise what it claims to, or the comparison proves little
        assertThat(allocations).isGreaterThan(CASES);
        assertThat(backorders).isGreaterThan(CASES / 4);
        assertThat(fewestLots).isGreaterThan(10);
        assertThat(wholeCases).isGreaterThan(10);
    }

    @Test
    void both_allocators_agree_on_the_benchmark_orders() {
        for (int items : new int[] {50, 1}) {
            AllocationFacts facts = RandomFacts.order(new SplittableRandom(items), 50, items, 5_000);
            AllocationResult expected = new SortingAllocator().allocate(facts);
            AllocationResult actual = AllocationRules.drools().allocate(facts);
            assertThat(actual.allocations()).as("items=%d", items).isEqualTo(expected.allocations());
            assertThat(actual.backorders()).as("items=%d", items).isEqualTo(expected.backorders());
            assertThat(expected.allocations()).hasSizeGreaterThan(50);
        }
    }
}
