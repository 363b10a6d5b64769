package org.lotledger.recall;

/**
 * Where a recall stands. OPEN: started, its holds are being placed; HOLDS_PLACED: every lot in scope is held and the
 * notice list can be read, acknowledgements and returns are taken; RECONCILING: quality reconciled it, a quality
 * manager's approval of the closure is awaited (refused: HOLDS_PLACED again); CLOSED: the closure was approved;
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
