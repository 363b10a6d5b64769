package org.lotledger.fulfillment.picking;

import java.util.List;
import org.lotledger.fulfillment.AllocationOverridden;
import org.lotledger.ledger.Reservation;
import org.lotledger.ledger.Reservations;
import org.lotledger.ledger.ReservationsVoided;
import org.lotledger.ledger.VoidReason;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps open pick lines in step with their reservations, synchronously in the transaction that changed them (so a
 * refusal rolls both back):
 *
 * <ul>
 *   <li>{@link AllocationOverridden}: the open line of the voided reservation takes the new one (its lot, location
 *       and quantity) and records the override, which its PICK posting then cites;</li>
 *   <li>{@link ReservationsVoided} for any other reason than OVERRIDE (an order line cancelled, a hold, an expiry):
 *       the open lines of those reservations are VOIDED, and a task without an open line is DONE (CANCELLED when
 *       every line was voided). A short pick's own event finds its line DONE already.</li>
 * </ul>
 */
@Component
class PickLineReservations {

    private final JdbcTemplate jdbc;
    private final Reservations reservations;
    private final PickTasks tasks;

    PickLineReservations(JdbcTemplate jdbc, Reservations reservations, PickTasks tasks) {
        this.jdbc = jdbc;
        this.reservations = reservations;
        this.tasks = tasks;
    }

    @EventListener
    void overridden(AllocationOverridden e) {
        Reservation now = reservations.get(e.newReservationId());
        // no open line (no task yet, or picked already): nothing to repoint
        jdbc.update(
                """
                update warehouse_move set reservation_id = ?, lot_id = ?, from_location_id = ?, quantity = ?,
                       override_id = ?
                 where kind = 'PICK' and state = 'OPEN' and reservation_id = ?""", now.id(), now.lotId(), now.locationId(), now.quantity(), e.overrideId(), e.voidedReservationId());
    }

    @EventListener
    void voided(ReservationsVoided e) {
        if (e.reason() == VoidReason.OVERRIDE || e.reservations().isEmpty()) {
            return;
        }
        List<Long> taskIds = jdbc.queryForList("""
                update warehouse_move set state = 'VOIDED'
                 where kind = 'PICK' and state = 'OPEN' and reservation_id = any(?) returning pick_task_id""", Long.class, (Object)
                e.reservations().stream().map(Reservation::id).toArray(Long[]::new));
        taskIds.stream().distinct().forEach(tasks::finishIfNoLineOpen);
    }
}
