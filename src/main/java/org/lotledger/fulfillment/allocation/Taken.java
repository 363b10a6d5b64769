package org.lotledger.fulfillment.allocation;

/**
 * Rules' working fact: what a line took of a candidate in a pass. What is left of a candidate for a line is its
 * free quantity minus what earlier lines, and this line's earlier passes, took ({@link #before}); those never change
 * while the line walks, so the rule that reads them fires once per step.
 */
public record Taken(Candidate candidate, int lineRank, Pass pass, long quantity) {

    public boolean before(int lineRank, Pass pass) {
        return this.lineRank < lineRank || (this.lineRank == lineRank && this.pass.compareTo(pass) < 0);
    }
}
