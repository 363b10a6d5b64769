package org.lotledger.quality;

import java.util.Optional;

/**
 * Asked before a hold's stock is released (and before a release is even recorded as a decision): whether the hold
 * holds stock for a recall that is still open. The recall module implements it; quality only asks, so quality does
 * not depend on the recall module (the recall places its holds through {@link PlacingHold}). A hold under an open
 * recall can still be scrapped or staged for return to vendor; releasing it is 409 {@code HOLD_UNDER_OPEN_RECALL}.
 */
public interface RecallHoldGuard {

    /** The number of the open recall the hold belongs to (e.g. {@code RC-3}), if any. */
    Optional<String> openRecallOf(long holdId);
}
