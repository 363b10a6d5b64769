package org.lotledger.catalog.partner;

public enum ApprovalStatus {
    APPROVED,
    PROBATION,
    BLOCKED
}
