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
        long reservedOthers,
        Spent run,
        Spent lastRun) {

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
                0,
                null,
                null);
    }

    public long itemId() {
        return line.itemId();
    }

    /** Passes over the candidate {@code at} (what is left of it: {@code left}) without counting it. */
    public Cursor skip(Candidate at, long left) {
        return next(rest, takes, shelfShort, reservedOthers, at, left);
    }

    /** Passes over a short-dated candidate; in the last pass what is left of it explains a shortfall. */
    public Cursor skipShortDated(Candidate at, long left) {
        long counted = pass == Pass.ANY ? Math.max(0, left) : 0;
        return next(rest, takes, shelfShort + counted, reservedOthers, at, left);
    }

    /**
     * Moves past the candidate at the cursor, {@code at}, having taken {@code take} (0: nothing left), after which
     * {@code leftAfter} is left of it.
     */
    public Cursor after(Candidate at, long take, long leftAfter) {
        long reserved = pass == Pass.ANY ? at.reservedForOthers() : 0;
        return next(rest - take, take > 0 ? takes + 1 : takes, shelfShort, reservedOthers + reserved, at, leftAfter);
    }

    /** Passes over a run the line before used up, counting what passing over each of its candidates would have. */
    public Cursor jump(Spent spent) {
        long reserved = pass == Pass.ANY ? spent.reservedForOthers() : 0;
        Spent open = pass != Pass.ANY ? null : run == null ? spent.asLine(lineRank) : run.joinedWith(spent);
        return new Cursor(
                line,
                policy,
                lineRank,
                pass,
                spent.to(),
                rest,
                takes,
                shelfShort,
                reservedOthers + reserved,
                open,
                lastRun);
    }

    /** The next pass starts at the top of the order. */
    public Cursor nextPass() {
        Pass next = pass == Pass.CASES ? Pass.LOOSE : Pass.ANY;
        return new Cursor(line, policy, lineRank, next, 1, rest, takes, 0, 0, null, null);
    }

    /**
     * The next step. In the last pass the cursor also keeps the run of used-up ranks it is in ({@link Spent}): a
     * candidate left empty extends it, one with stock left closes it.
     */
    private Cursor next(long rest, int takes, long shelfShort, long reservedOthers, Candidate at, long leftAfter) {
        Spent open = run;
        Spent last = lastRun;
        if (pass == Pass.ANY) {
            if (leftAfter <= 0) {
                open = run == null ? Spent.of(itemId(), lineRank, rank, at) : run.extendedBy(at);
            } else if (run != null) {
                last = run;
                open = null;
            }
        }
        return new Cursor(line, policy, lineRank, pass, rank + 1, rest, takes, shelfShort, reservedOthers, open, last);
    }

    /** The runs of used-up ranks this line leaves the next line of its item (its open one and its last closed one). */
    public java.util.List<Spent> runs() {
        java.util.List<Spent> runs = new java.util.ArrayList<>(2);
        if (lastRun != null) {
            runs.add(lastRun);
        }
        if (run != null) {
            runs.add(run);
        }
        return runs;
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
