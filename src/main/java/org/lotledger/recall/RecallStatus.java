package org.lotledger.recall;

/**
 * Where a recall stands. OPEN: started, its holds are being placed; HOLDS_PLACED: every lot in scope is held and the
 * notice list can be read; RECONCILING and CLOSED belong to the follow-up (acknowledgements, returns, closure);
 * WITHDRAWN: called off, its holds released through their hold process.
 */
public enum RecallStatus {
    OPEN,
    HOLDS_PLACED,
    RECONCILING,
    CLOSED,
    WITHDRAWN;

    /** Whether the recall still binds its holds (they cannot be released). */
    public boolean isOpen() {
        return this != CLOSED && this != WITHDRAWN;
    }
}
