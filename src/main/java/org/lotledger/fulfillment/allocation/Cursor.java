package org.lotledger.fulfillment.allocation;

import java.util.List;

/**
 * Rules' working fact: where one line's walk over its item's order stands. Each step inserts the next cursor; the
 * running totals (what is still to cover, how many allocations so far, and in the last pass the stock that explains
 * a shortfall) live here, in inserted facts, never in the input facts.
 *
 * @param rank the 1-based place in the item's order the cursor looks at next
 */
public record Cursor(
        DemandLine line,
        ItemPolicy policy,
        int lineRank,
        Pass pass,
        int rank,
        long rest,
        int takes,
        long shelfShort,
        long reservedOthers) {

    public static Cursor start(LineTurn turn) {
        return new Cursor(
                turn.line(),
                turn.policy(),
                turn.lineRank(),
                Pass.first(turn.policy()),
                1,
                turn.line().quantity(),
                0,
                0,
                0);
    }

    public long itemId() {
        return line.itemId();
    }

    /** Passes over the candidate without counting it. */
    public Cursor skip() {
        return new Cursor(line, policy, lineRank, pass, rank + 1, rest, takes, shelfShort, reservedOthers);
    }

    /** Passes over a short-dated candidate; in the last pass what is left of it explains a shortfall. */
    public Cursor skipShortDated(long left) {
        long counted = pass == Pass.ANY ? Math.max(0, left) : 0;
        return new Cursor(line, policy, lineRank, pass, rank + 1, rest, takes, shelfShort + counted, reservedOthers);
    }

    /** Moves past a candidate the line may take from, having taken {@code take} of it (0: nothing left). */
    public Cursor after(Candidate c, long take) {
        long reserved = pass == Pass.ANY ? c.reservedForOthers() : 0;
        return new Cursor(
                line,
                policy,
                lineRank,
                pass,
                rank + 1,
                rest - take,
                take > 0 ? takes + 1 : takes,
                shelfShort,
                reservedOthers + reserved);
    }

    /** The next pass starts at the top of the order. */
    public Cursor nextPass() {
        Pass next = pass == Pass.CASES ? Pass.LOOSE : Pass.ANY;
        return new Cursor(line, policy, lineRank, next, 1, rest, takes, 0, 0);
    }

    /** An in-order take in the last pass: ALLOC-050, and ALLOC-060 when it splits the line. */
    public List<String> inOrderRules(long take) {
        return takes > 0 || take < rest ? List.of("ALLOC-050", "ALLOC-060") : List.of("ALLOC-050");
    }

    public Allocation allocation(Candidate c, long take, List<String> ruleIds) {
        return new Allocation(line.lineId(), takes + 1, c, take, ruleIds);
    }

    public Taken taken(Candidate c, long take) {
        return new Taken(c, lineRank, pass, take);
    }

    public LineEnd end() {
        return new LineEnd(line, lineRank, rest, shelfShort, reservedOthers);
    }
}
