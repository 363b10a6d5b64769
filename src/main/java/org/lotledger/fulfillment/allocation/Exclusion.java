package org.lotledger.fulfillment.allocation;

/**
 * A candidate the rules did not allocate from, the rule that excluded it and the backorder reason its stock counts
 * under.
 *
 * @param lineId null when the candidate is excluded for every line (ALLOC-010, -020, -040); the line for a
 *               line's own minimum shelf life (ALLOC-030)
 */
public record Exclusion(Candidate candidate, Long lineId, String ruleId, BackorderReason reason) {}
