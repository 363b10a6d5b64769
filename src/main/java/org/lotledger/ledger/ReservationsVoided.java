package org.lotledger.ledger;

import java.util.List;

/**
 * Pending reservations were voided, by {@link Reservations#voidPending} or by a posting that moved their stock away
 * (a quality hold's STATUS_CHANGE): the demands they served decide again (re-allocate or backorder). Published in the
 * voiding transaction; listeners that allocate again should run after it commits.
 *
 * @param reservations the voided reservations as they were while pending (demand, lot, location, quantity)
 * @param postingId    the posting that voided them, or null when voided on their own
 */
public record ReservationsVoided(List<Reservation> reservations, VoidReason reason, Long postingId, String actor) {

    public ReservationsVoided {
        reservations = List.copyOf(reservations);
    }
}
