package org.lotledger.fulfillment.allocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lotledger.ledger.StockStatus;

/**
 * The allocation rules in plain Java, with the semantics of {@code rules/allocation/*.drl}: sort each item's
 * eligible candidates once, walk them per line, keep what earlier lines took in a map. What the benchmark compares
 * the rules with, and what the differential test checks them against.
 */
public final class SortingAllocator implements Allocator {

    @Override
    public AllocationResult allocate(AllocationFacts facts) {
        Run run = new Run(facts);
        for (ItemPolicy policy : facts.policies()) {
            run.item(policy);
        }
        return new AllocationResult(run.allocations, run.exclusions, run.backorders, List.of());
    }

    private static final class Run {

        final AllocationFacts facts;
        final List<Allocation> allocations = new ArrayList<>();
        final List<Exclusion> exclusions = new ArrayList<>();
        final List<Backorder> backorders = new ArrayList<>();
        final Map<Candidate, Long> used = new HashMap<>();
        final Map<Long, List<Candidate>> candidatesByItem;

        Run(AllocationFacts facts) {
            this.facts = facts;
            this.candidatesByItem = facts.candidates().stream().collect(Collectors.groupingBy(Candidate::itemId));
            for (Candidate c : facts.candidates()) {
                Exclusion e = exclusion(c);
                if (e != null) {
                    exclusions.add(e);
                }
            }
        }

        /** ALLOC-010, -020, -040, with their precedence: the first that applies is the candidate's one exclusion. */
        Exclusion exclusion(Candidate c) {
            if (c.warehouseId() != facts.warehouseId()) {
                return new Exclusion(c, null, "ALLOC-010", BackorderReason.IN_OTHER_WAREHOUSE);
            }
            if (c.expiredOn(facts.today())) {
                return new Exclusion(c, null, "ALLOC-020", BackorderReason.EXPIRED);
            }
            if (c.openHoldOrRecall()) {
                return new Exclusion(c, null, "ALLOC-040", BackorderReason.HELD_OR_QUARANTINED);
            }
            if (c.status() != StockStatus.AVAILABLE) {
                return new Exclusion(c, null, "ALLOC-010", BackorderReason.HELD_OR_QUARANTINED);
            }
            if (!c.inStorage() && !c.onPickFace()) {
                return new Exclusion(c, null, "ALLOC-010", BackorderReason.NONE_ON_HAND);
            }
            return null;
        }

        void item(ItemPolicy policy) {
            List<DemandLine> lines = facts.lines().stream()
                    .filter(l -> l.itemId() == policy.itemId())
                    .sorted(Comparator.comparingLong(DemandLine::lineId))
                    .toList();
            if (lines.isEmpty()) {
                return;
            }
            List<Candidate> all = candidatesByItem.getOrDefault(policy.itemId(), List.of());
            List<Candidate> ranked = all.stream()
                    .filter(c -> exclusion(c) == null)
                    .sorted(AllocationOrder.of(policy.method()))
                    .toList();
            for (DemandLine line : lines) {
                line(policy, line, ranked, all);
            }
        }

        long left(Candidate c) {
            return c.free() - used.getOrDefault(c, 0L);
        }

        void line(ItemPolicy policy, DemandLine line, List<Candidate> ranked, List<Candidate> all) {
            long rest = line.quantity();
            int takes = 0;
            long shelfShort = 0;
            long reservedOthers = 0;
            Pass pass = Pass.first(policy);
            while (true) {
                for (int r = 0; r < ranked.size() && rest > 0; r++) {
                    Candidate c = ranked.get(r);
                    if (!line.wantsLot(c.lotId()) || !pass.admits(c)) {
                        continue;
                    }
                    if (c.shortOfShelfLife(facts.today(), line.minShelfLifeDays())) {
                        if (pass.firstLookAt(c, policy)) {
                            exclusions.add(
                                    new Exclusion(c, line.lineId(), "ALLOC-030", BackorderReason.SHELF_LIFE_TOO_SHORT));
                        }
                        if (pass == Pass.ANY) {
                            shelfShort += Math.max(0, left(c));
                        }
                        continue;
                    }
                    if (pass == Pass.ANY) {
                        reservedOthers += c.reservedForOthers();
                    }
                    long left = left(c);
                    if (left <= 0) {
                        continue;
                    }
                    long take;
                    List<String> rules;
                    Candidate from = c;
                    switch (pass) {
                        case CASES -> {
                            take = c.wholeCasesOf(left, rest);
                            rules = List.of("ALLOC-050", "ALLOC-080");
                        }
                        case LOOSE -> {
                            take = Math.min(left, rest);
                            rules = List.of("ALLOC-050", "ALLOC-080");
                        }
                        default -> {
                            if (left >= rest) {
                                take = rest;
                                rules = takes > 0 ? List.of("ALLOC-050", "ALLOC-060") : List.of("ALLOC-050");
                            } else {
                                Candidate covering = policy.fewestLots() ? probe(policy, line, ranked, r, rest) : null;
                                if (covering != null) {
                                    from = covering;
                                    take = rest;
                                    rules = List.of("ALLOC-050", "ALLOC-070");
                                } else {
                                    take = left;
                                    rules = List.of("ALLOC-050", "ALLOC-060");
                                }
                            }
                        }
                    }
                    if (take <= 0) {
                        continue;
                    }
                    takes++;
                    used.merge(from, take, Long::sum);
                    allocations.add(new Allocation(line.lineId(), takes, from, take, rules));
                    rest -= take;
                }
                if (rest == 0 || pass == Pass.ANY) {
                    break;
                }
                pass = pass == Pass.CASES ? Pass.LOOSE : Pass.ANY;
            }
            if (rest > 0) {
                backorder(line, rest, reservedOthers, shelfShort, all);
            }
        }

        /**
         * ALLOC-070: within the FEFO window of the expiry at rank {@code from} (the earliest the line can still take),
         * the first later candidate in ALLOC-050 order that covers the rest alone, or null.
         */
        Candidate probe(ItemPolicy policy, DemandLine line, List<Candidate> ranked, int from, long rest) {
            Candidate first = ranked.get(from);
            if (first.expiry() == null) {
                return null;
            }
            var windowEnd = first.expiry().plusDays(policy.fefoWindowDays());
            for (int p = from + 1; p < ranked.size(); p++) {
                Candidate c = ranked.get(p);
                if (c.expiry() == null || c.expiry().isAfter(windowEnd)) {
                    return null;
                }
                if (line.wantsLot(c.lotId())
                        && !c.shortOfShelfLife(facts.today(), line.minShelfLifeDays())
                        && left(c) >= rest) {
                    return c;
                }
            }
            return null;
        }

        /** ALLOC-090: the shortfall, per reason ({@link Shortfall}). */
        void backorder(DemandLine line, long rest, long reservedOthers, long shelfShort, List<Candidate> all) {
            Function<BackorderReason, Long> stock = reason -> all.stream()
                    .filter(c -> line.wantsLot(c.lotId()))
                    .filter(c -> {
                        Exclusion e = exclusion(c);
                        return e != null && e.reason() == reason && explains(e);
                    })
                    .mapToLong(Candidate::onHand)
                    .sum();
            backorders.addAll(Shortfall.split(
                    line.lineId(),
                    rest,
                    reservedOthers,
                    shelfShort,
                    stock.apply(BackorderReason.HELD_OR_QUARANTINED),
                    stock.apply(BackorderReason.EXPIRED),
                    stock.apply(BackorderReason.IN_OTHER_WAREHOUSE)));
        }

        /** Stock in another warehouse explains a backorder only where it could be allocated there. */
        boolean explains(Exclusion e) {
            Candidate c = e.candidate();
            if (e.reason() != BackorderReason.IN_OTHER_WAREHOUSE) {
                return true;
            }
            return c.status() == StockStatus.AVAILABLE && !c.expiredOn(facts.today()) && !c.openHoldOrRecall();
        }
    }
}
