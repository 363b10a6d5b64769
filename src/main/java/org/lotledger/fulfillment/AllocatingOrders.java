package org.lotledger.fulfillment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.lotledger.common.Actor;
import org.lotledger.fulfillment.allocation.Allocation;
import org.lotledger.fulfillment.allocation.AllocationFacts;
import org.lotledger.fulfillment.allocation.AllocationResult;
import org.lotledger.fulfillment.allocation.Allocator;
import org.lotledger.fulfillment.allocation.Backorder;
import org.lotledger.fulfillment.allocation.BackorderReason;
import org.lotledger.fulfillment.allocation.Candidate;
import org.lotledger.ledger.LedgerQueries;
import org.lotledger.ledger.LotLocks;
import org.lotledger.ledger.Reservation;
import org.lotledger.ledger.Reservations;
import org.lotledger.ledger.StockStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Allocates a sales order (ADR 0012): the order is locked (one allocation per order at a time), the facts are read
 * without locks, the rules decide ({@link Allocator}, the Drools rule set), and the reservations are written under
 * the lots' locks ({@link Reservations#reserveAll}, explanation = the rule ids). When a candidate was taken meanwhile
 * (checked under the locks before writing, so the write is never refused with
 * {@code INSUFFICIENT_UNRESERVED_STOCK}) the lines decide again on fresh facts, at most {@value #MAX_ATTEMPTS} times; then what is left is backordered (RESERVED_FOR_OTHER_ORDERS). Only
 * lines with an unallocated remainder take part; an order with none is a no-op. Per line the backorder is replaced
 * ({@link SalesOrderBackorders}) and the allocated quantity raised, the states following ({@link SalesOrderStates}).
 */
@Service
public class AllocatingOrders {

    public static final String DEMAND_TYPE = "SALES_ORDER";
    static final int MAX_ATTEMPTS = 3;
    static final Actor SYSTEM = new Actor("system:allocation", Set.of("operations"));

    private static final Logger log = LoggerFactory.getLogger(AllocatingOrders.class);

    private final SalesOrders orders;
    private final SalesOrderLines lines;
    private final AllocationFactsReader facts;
    private final Allocator allocator;
    private final Reservations reservations;
    private final SalesOrderBackorders backorders;
    private final LedgerQueries ledger;
    private final LotLocks locks;
    private final TransactionTemplate fresh;

    /** A test seam: runs between reading the facts and writing the reservations (null in the product). */
    private volatile Consumer<AllocationFacts> beforeWrite;

    AllocatingOrders(
            SalesOrders orders,
            SalesOrderLines lines,
            AllocationFactsReader facts,
            Allocator allocator,
            Reservations reservations,
            SalesOrderBackorders backorders,
            LedgerQueries ledger,
            LotLocks locks,
            PlatformTransactionManager txManager) {
        this.orders = orders;
        this.lines = lines;
        this.facts = facts;
        this.allocator = allocator;
        this.reservations = reservations;
        this.backorders = backorders;
        this.ledger = ledger;
        this.locks = locks;
        this.fresh = new TransactionTemplate(txManager);
        this.fresh.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** For tests only: something to do after the facts are read and before the reservations are written. */
    void beforeWrite(Consumer<AllocationFacts> hook) {
        this.beforeWrite = hook;
    }

    public static Reservation.Demand demandOf(long orderId, long lineId) {
        return new Reservation.Demand(DEMAND_TYPE, String.valueOf(orderId), String.valueOf(lineId));
    }

    /** Allocates what is unallocated of the order's lines; 404 unknown, 409 SALES_ORDER_NOT_OPEN. */
    @Transactional
    public AllocationView allocate(long orderId, Actor actor) {
        SalesOrder order = orders.lockById(orderId).orElseThrow(() -> SalesOrderQueries.notFound(orderId));
        order.requireChangeable();
        List<SalesOrderLine> all = lines.findBySalesOrderIdOrderByLineNumberAsc(orderId);
        List<SalesOrderLine> open =
                all.stream().filter(l -> l.unallocated() > 0).toList();
        if (open.isEmpty()) {
            return view(order, all, 0);
        }
        Decided decided = decide(facts.demandOf(order, open), actor, "SO-ALLOC:" + orderId);
        Map<Long, Long> reserved = decided.reserved();
        Map<Long, Map<BackorderReason, Long>> short_ = decided.shortfall();
        for (SalesOrderLine l : open) {
            long q = reserved.getOrDefault(l.getId(), 0L);
            if (q > 0) {
                l.allocated(q);
            }
            Map<BackorderReason, Long> b = short_.getOrDefault(l.getId(), Map.of());
            long missing = l.unallocated();
            long backordered = b.values().stream().mapToLong(Long::longValue).sum();
            if (backordered != missing) {
                // the rules' backorders cover exactly what they did not allocate; anything else is a defect
                throw new IllegalStateException(
                        "Line " + l.getId() + ": " + missing + " unallocated but " + backordered + " backordered");
            }
            backorders.replace(orderId, l.getId(), b);
        }
        order.deriveStatus(all);
        lines.flush();
        orders.saveAndFlush(order);
        return view(order, all, decided.attempts());
    }

    /**
     * Allocates the lines of another kind of demand (a transfer order) with the same rules, facts and writes as a
     * sales order's, in the caller's transaction: the caller has locked its order and applies the outcome to its
     * lines (allocated quantities, shortfall). Reservations carry {@code Demand(demandType, orderId, lineId)}.
     */
    @Transactional
    public AllocationOutcome allocate(DemandToAllocate demand, Actor actor) {
        if (AllocatingOrders.DEMAND_TYPE.equals(demand.demandType())) {
            throw new IllegalArgumentException("sales orders are allocated by allocate(orderId, actor)");
        }
        if (demand.lines().isEmpty()) {
            return new AllocationOutcome(0, Map.of(), Map.of());
        }
        Decided decided = decide(demand, actor, demand.demandType() + "-ALLOC:" + demand.orderId());
        Map<Long, List<AllocationOutcome.Short>> shortfall = new LinkedHashMap<>();
        decided.shortfall()
                .forEach((line, reasons) -> shortfall.put(
                        line,
                        reasons.entrySet().stream()
                                .map(e -> new AllocationOutcome.Short(e.getKey().name(), e.getValue()))
                                .toList()));
        return new AllocationOutcome(decided.attempts(), decided.reserved(), shortfall);
    }

    /** What the rules decided and the writes reserved: per line reserved and backordered by reason. */
    private record Decided(int attempts, Map<Long, Long> reserved, Map<Long, Map<BackorderReason, Long>> shortfall) {}

    /**
     * Facts, rules, and the write under the lots' locks; decides again on fresh facts when a candidate was taken
     * meanwhile, at most {@value #MAX_ATTEMPTS} times, then backorders the rest (RESERVED_FOR_OTHER_ORDERS).
     */
    private Decided decide(DemandToAllocate demand, Actor actor, String keyPrefix) {
        int attempt = 0;
        AllocationResult decided = null;
        while (decided == null && attempt < MAX_ATTEMPTS) {
            attempt++;
            AllocationFacts read = facts.read(demand);
            if (attempt == MAX_ATTEMPTS && attempt > 1) {
                // the last attempt decides under the locks of every candidate lot, taken in ascending order while
                // holding none (the stale attempts gave theirs back): nobody can take a candidate between these facts
                // and the write, so a busy item still ends allocated rather than backordered for its contention
                locks.lockForDecision(read.candidates().stream()
                        .map(Candidate::lotId)
                        .distinct()
                        .toList());
                read = facts.read(demand);
            }
            AllocationResult result = allocator.allocate(read);
            Consumer<AllocationFacts> hook = beforeWrite;
            if (hook != null) {
                hook.accept(read);
            }
            List<Reservations.ReserveRequest> requests = result.allocations().stream()
                    .map(a -> new Reservations.ReserveRequest(
                            new Reservation.Demand(
                                    demand.demandType(), String.valueOf(demand.orderId()), String.valueOf(a.lineId())),
                            a.candidate().lotId(),
                            a.candidate().locationId(),
                            a.quantity(),
                            String.join(",", a.ruleIds())))
                    .toList();
            if (requests.isEmpty()) {
                decided = result;
                break;
            }
            // under the lots' locks (kept to the end of the transaction): still unreserved as the facts said? If a
            // candidate was taken meanwhile, decide again on fresh facts rather than let the write be refused
            List<Long> lots = requests.stream()
                    .map(Reservations.ReserveRequest::lotId)
                    .distinct()
                    .toList();
            // a stale decision gives its locks back before deciding again (LotLocks#lockForDecisionIf): taking the
            // next attempt's lots on top of them would lock out of ascending order and deadlock with other allocators
            if (locks.lockForDecisionIf(lots, () -> stillUnreserved(requests, lots))) {
                reservations.reserveAll(requests, actor, keyPrefix + ":" + UUID.randomUUID());
                decided = result;
            } else {
                log.debug(
                        "Allocation of {} {} attempt {}: a candidate was taken meanwhile",
                        demand.demandType(),
                        demand.orderId(),
                        attempt);
            }
        }
        Map<Long, Long> reserved = new LinkedHashMap<>();
        Map<Long, Map<BackorderReason, Long>> short_ = new LinkedHashMap<>();
        if (decided != null) {
            for (Allocation a : decided.allocations()) {
                reserved.merge(a.lineId(), a.quantity(), Long::sum);
            }
            for (Backorder b : decided.backorders()) {
                short_.computeIfAbsent(b.lineId(), k -> new EnumMap<>(BackorderReason.class))
                        .merge(b.reason(), b.quantity(), Long::sum);
            }
        } else {
            // decided again MAX_ATTEMPTS times and each time another order took a candidate first
            for (DemandToAllocate.Line l : demand.lines()) {
                short_.put(l.lineId(), new EnumMap<>(Map.of(BackorderReason.RESERVED_FOR_OTHER_ORDERS, l.quantity())));
            }
        }
        return new Decided(attempt, reserved, short_);
    }

    private boolean stillUnreserved(List<Reservations.ReserveRequest> requests, List<Long> lots) {
        Map<String, Long> free = new HashMap<>();
        for (LedgerQueries.Stock st : ledger.physicalStock(lots, StockStatus.AVAILABLE, null)) {
            free.put(st.lotId() + ":" + st.locationId(), st.quantity());
        }
        for (Reservations.Pending p : reservations.pendingSums(lots)) {
            free.merge(p.lotId() + ":" + p.locationId(), -p.quantity(), Long::sum);
        }
        for (Reservations.ReserveRequest r : requests) {
            String k = r.lotId() + ":" + r.locationId();
            long left = free.getOrDefault(k, 0L) - r.quantity();
            if (left < 0) {
                return false;
            }
            free.put(k, left);
        }
        return true;
    }

    /** Allocates an order again in a transaction of its own (after a void committed, or stock was released). */
    public void reallocate(long orderId) {
        try {
            fresh.executeWithoutResult(s -> {
                SalesOrder order = orders.findById(orderId).orElse(null);
                if (order != null && order.getStatus().takesChanges()) {
                    allocate(orderId, SYSTEM);
                }
            });
        } catch (RuntimeException e) {
            log.warn("Re-allocating sales order {} failed; it stays backordered: {}", orderId, e.toString());
        }
    }

    /** The backordered orders waiting for these items (all when null), oldest first, allocated again. */
    public int allocateBackordered(List<Long> itemIds, int limit) {
        return allocateBackordered(itemIds, null, limit);
    }

    /**
     * The backordered orders shipping from this warehouse (any when null) waiting for these items, oldest first,
     * allocated again; none waiting costs one read of the backorders.
     */
    public int allocateBackordered(List<Long> itemIds, Long warehouseId, int limit) {
        List<Long> waiting = fresh.execute(s -> backorders.ordersWaitingFor(itemIds, warehouseId, limit));
        waiting.forEach(this::reallocate);
        return waiting.size();
    }

    @Transactional(propagation = Propagation.REQUIRED, readOnly = true)
    public AllocationView get(long orderId) {
        SalesOrder order = orders.findById(orderId).orElseThrow(() -> SalesOrderQueries.notFound(orderId));
        return view(order, lines.findBySalesOrderIdOrderByLineNumberAsc(orderId), 0);
    }

    private AllocationView view(SalesOrder order, List<SalesOrderLine> all, int attempts) {
        List<LedgerQueries.ReservationDetail> details =
                ledger.reservationDetails(DEMAND_TYPE, String.valueOf(order.getId()));
        List<SalesOrderBackorders.Row> waiting = backorders.ofOrder(order.getId());
        List<AllocationView.Line> out = new ArrayList<>();
        for (SalesOrderLine l : all) {
            List<AllocationView.ReservationLine> rs =
                    ReservationLines.ofLine(details, l.getId(), AllocationView.ReservationLine::new);
            List<AllocationView.BackorderLine> bs = waiting.stream()
                    .filter(b -> b.lineId() == l.getId())
                    .map(b -> new AllocationView.BackorderLine(b.reason(), b.quantity()))
                    .toList();
            out.add(new AllocationView.Line(
                    l.getId(),
                    l.getLineNumber(),
                    l.getItemId(),
                    l.getOrderedBaseQuantity().longValueExact(),
                    l.getAllocatedBaseQuantity().longValueExact(),
                    bs.stream()
                            .mapToLong(AllocationView.BackorderLine::quantity)
                            .sum(),
                    l.getStatus(),
                    rs,
                    bs));
        }
        return new AllocationView(order.getId(), order.getStatus(), attempts, out);
    }
}
