package org.lotledger.quality;

import org.lotledger.common.Actor;

/**
 * Asks a hold's process to release the hold, as a reviewer does: it completes the hold's "Review hold" task with the
 * decision "release everything", as the given actor, so the hold's own rules (its second approval among them) apply
 * as they do in Tasklist. A withdrawn recall releases its holds this way.
 */
public interface HoldReleaseRequests {

    /** Where the hold's process stood when asked. */
    enum Requested {
        /** The release was recorded as the review decision; the process carries it out (after its approval). */
        REVIEWED,
        /** The hold had ended already; nothing to do. */
        NOT_OPEN,
        /** The hold's process is past review (a decision awaits approval or warehouse moves): left to it. */
        NOT_AWAITING_REVIEW
    }

    /** Joins the caller's transaction. */
    Requested requestRelease(long holdId, String note, Actor actor, String idempotencyKey);
}
