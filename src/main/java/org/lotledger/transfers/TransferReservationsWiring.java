package org.lotledger.transfers;

import java.util.Map;
import org.lotledger.ledger.Reservation;
import org.lotledger.ledger.ReservationsVoided;
import org.lotledger.ledger.VoidReason;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the transfer lines' allocated quantities true when their reservations are voided by someone else (a hold's
 * STATUS_CHANGE, a short pick), in the voiding transaction, as fulfilment's {@code AllocationWiring} does for sales
 * orders: allocated goes down by what was voided, never below picked. CANCELLED voids are the cancellation's and
 * the dispatch's own (they set the quantities themselves); OVERRIDE voids are re-reserved by the override (sales
 * orders only today). A transfer is not allocated again by itself: operations asks again.
 */
@Component
class TransferReservationsWiring {

    private final TransferRows rows;
    private final TransferQueries queries;

    TransferReservationsWiring(TransferRows rows, TransferQueries queries) {
        this.rows = rows;
        this.queries = queries;
    }

    @EventListener
    void voided(ReservationsVoided e) {
        if (e.reason() == VoidReason.CANCELLED || e.reason() == VoidReason.OVERRIDE) {
            return;
        }
        Map<Long, java.util.Set<Long>> orders = new java.util.LinkedHashMap<>();
        for (Reservation r : e.reservations()) {
            if (!AllocatingTransfers.DEMAND_TYPE.equals(r.demand().type())
                    || !isNumber(r.demand().reference())
                    || !isNumber(r.demand().line())) {
                continue;
            }
            long order = Long.parseLong(r.demand().reference());
            long line = Long.parseLong(r.demand().line());
            if (rows.orderOfLine(line).filter(o -> o == order).isEmpty()) {
                continue;
            }
            rows.releaseAllocated(line, r.quantity());
            orders.computeIfAbsent(order, k -> new java.util.LinkedHashSet<>()).add(line);
        }
        orders.keySet().forEach(o -> queries.refreshStatus(o, e.actor(), null));
    }

    private static boolean isNumber(String s) {
        return s != null && !s.isEmpty() && s.length() < 19 && s.chars().allMatch(Character::isDigit);
    }
}
