package org.lotledger.fulfillment.override;

/**
 * An override awaits approval by {@code approvalGroup}; published in the requesting transaction, where the approval
 * process is started (process/AllocationOverrideProcess).
 */
public record AllocationOverrideRequested(long overrideId, String approvalGroup) {}
