package org.lotledger.fulfillment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lotledger.common.Actor;
import org.lotledger.fulfillment.allocation.Allocator;
import org.lotledger.fulfillment.allocation.DroolsAllocator;
import org.lotledger.ledger.LedgerQueries;
import org.lotledger.ledger.Reservation;
import org.lotledger.ledger.Reservations;
import org.lotledger.ledger.ReservationsVoided;
import org.lotledger.ledger.StockBecameAvailable;
import org.lotledger.ledger.VoidReason;
import org.lotledger.platform.drools.RuleSessions;
import org.lotledger.quality.StockReleased;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * How allocation follows what happens to orders and stock (docs/fulfillment.md "Allocation"):
 * <ul>
 *   <li>a cancelled line voids its pending reservations (CANCELLED) and drops its backorder, in the cancelling
 *       transaction (a plain listener, so a refused void rolls the cancellation back);
 *   <li>the one place that keeps allocated quantities true: whenever pending SALES_ORDER reservations are voided for
 *       any reason but CANCELLED and OVERRIDE (hold, expiry, shelf life, short pick, whoever voids them), the lines'
 *       allocated quantity goes down by what was voided, in the voiding transaction;
 *   <li>after a void by HOLD, EXPIRY, SHELF_LIFE or SHORT_PICK commits, the affected orders are allocated again in
 *       a transaction of their own (what cannot be covered is backordered with its reason);
 *   <li>after a posting that added AVAILABLE stock to a storage or pick-face zone commits ({@link
 *       StockBecameAvailable}, published by the ledger for any posting type: putaway, transfer in, return, a status
 *       change to AVAILABLE), the backordered orders of that warehouse waiting for those items are allocated again,
 *       oldest backorder first. Nothing is kept in memory: the backorders are read from the database, so whichever
 *       node committed the posting does it;
 *   <li>after quality released stock (hold released, inspection accepted), backordered orders of those items are
 *       allocated again, oldest backorder first: a hold released without a posting (its stock was AVAILABLE, held
 *       only by ALLOC-040's open-hold rule) makes no {@link StockBecameAvailable}.
 * </ul>
 */
@Configuration
class AllocationWiring {

    static final Set<VoidReason> REALLOCATE_AFTER =
            Set.of(VoidReason.HOLD, VoidReason.EXPIRY, VoidReason.SHELF_LIFE, VoidReason.SHORT_PICK);
    static final int BACKORDERS_PER_EVENT = 200;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AllocationWiring.class);

    private final SalesOrders orders;
    private final SalesOrderLines lines;
    private final Reservations reservations;
    private final SalesOrderBackorders backorders;
    private final AllocatingOrders allocating;
    private final LedgerQueries ledger;

    AllocationWiring(
            SalesOrders orders,
            SalesOrderLines lines,
            Reservations reservations,
            SalesOrderBackorders backorders,
            @org.springframework.context.annotation.Lazy AllocatingOrders allocating,
            LedgerQueries ledger) {
        this.orders = orders;
        this.lines = lines;
        this.reservations = reservations;
        this.backorders = backorders;
        this.allocating = allocating;
        this.ledger = ledger;
    }

    @Bean
    static Allocator allocator(RuleSessions sessions) {
        return new DroolsAllocator(sessions);
    }

    @EventListener
    void lineCancelled(SalesOrderLineCancelled e) {
        List<Long> pending = reservations
                .forDemand(
                        AllocatingOrders.DEMAND_TYPE,
                        String.valueOf(e.salesOrderId()),
                        String.valueOf(e.salesOrderLineId()))
                .stream()
                .filter(r -> r.state() == Reservation.State.PENDING)
                .map(Reservation::id)
                .toList();
        if (!pending.isEmpty()) {
            reservations.voidPending(
                    pending, VoidReason.CANCELLED, new Actor(e.actor(), AllocatingOrders.SYSTEM.groups()));
        }
        backorders.clear(e.salesOrderLineId());
    }

    /** The bookkeeping: voided pending quantities leave the lines' allocated quantities, in the voiding transaction. */
    @EventListener
    void voided(ReservationsVoided e) {
        if (e.reason() == VoidReason.CANCELLED) {
            return; // the cancelled line zeroed its allocation itself
        }
        if (e.reason() == VoidReason.OVERRIDE) {
            return; // an override's swap re-reserves exactly what it voided: the allocation stays
        }
        Map<Long, Map<Long, Long>> byOrder = new LinkedHashMap<>();
        for (Reservation r : salesOrderReservations(e)) {
            byOrder.computeIfAbsent(Long.parseLong(r.demand().reference()), k -> new LinkedHashMap<>())
                    .merge(Long.parseLong(r.demand().line()), r.quantity(), Long::sum);
        }
        byOrder.forEach((orderId, perLine) -> {
            SalesOrder order = orders.findById(orderId).orElse(null);
            if (order == null) {
                return;
            }
            List<SalesOrderLine> all = lines.findBySalesOrderIdOrderByLineNumberAsc(orderId);
            for (SalesOrderLine l : all) {
                Long q = perLine.get(l.getId());
                if (q != null) {
                    l.released(q);
                }
            }
            order.deriveStatus(all);
            lines.flush();
            orders.saveAndFlush(order);
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void voidedCommitted(ReservationsVoided e) {
        if (!REALLOCATE_AFTER.contains(e.reason())) {
            return;
        }
        Set<Long> affected = new LinkedHashSet<>();
        for (Reservation r : salesOrderReservations(e)) {
            affected.add(Long.parseLong(r.demand().reference()));
        }
        affected.forEach(allocating::reallocate);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void stockReleased(StockReleased e) {
        List<Long> items = new ArrayList<>(
                new LinkedHashSet<>(ledger.itemsOfLots(e.lotIds()).values()));
        if (!items.isEmpty()) {
            allocating.allocateBackordered(items, BACKORDERS_PER_EVENT);
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void stockBecameAvailable(StockBecameAvailable e) {
        try {
            allocating.allocateBackordered(e.itemIds(), e.warehouseId(), BACKORDERS_PER_EVENT);
        } catch (RuntimeException ex) {
            // the posting has committed: its caller must not see it fail; the lines stay backordered for the next
            log.warn("Allocating backorders after posting {} failed: {}", e.postingId(), ex.toString());
        }
    }

    private static List<Reservation> salesOrderReservations(ReservationsVoided e) {
        return e.reservations().stream()
                .filter(r -> AllocatingOrders.DEMAND_TYPE.equals(r.demand().type()))
                .filter(r ->
                        isNumber(r.demand().reference()) && isNumber(r.demand().line()))
                .toList();
    }

    private static boolean isNumber(String s) {
        return s != null && !s.isEmpty() && s.length() < 19 && s.chars().allMatch(Character::isDigit);
    }
}
