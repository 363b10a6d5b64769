package org.lotledger.ledger;

/** Published when a self-audit finds kept balances that disagree with the ledger. */
public record LedgerDiscrepancyFound(long auditRunId, int discrepancyCount, String summary) {}
