package org.lotledger.fulfillment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lotledger.catalog.item.ItemService;
import org.lotledger.catalog.item.ItemView;
import org.lotledger.catalog.location.WarehouseService;
import org.lotledger.catalog.location.ZoneType;
import org.lotledger.catalog.partner.CustomerService;
import org.lotledger.fulfillment.allocation.AllocationFacts;
import org.lotledger.fulfillment.allocation.Candidate;
import org.lotledger.fulfillment.allocation.DemandLine;
import org.lotledger.fulfillment.allocation.ItemPolicy;
import org.lotledger.ledger.LedgerQueries;
import org.lotledger.ledger.Reservation;
import org.lotledger.ledger.Reservations;
import org.lotledger.ledger.StockStatus;
import org.lotledger.quality.OpenHolds;
import org.springframework.stereotype.Component;

/**
 * Reads what an allocation run decides on, without locks (ADR 0012): the lines' remainders with their effective
 * minimum shelf life (a sales order: item at shipment, customer, line; another demand says its own), the items' candidates in every warehouse and status with
 * what pending reservations hold of them, the open holds on their lots, the items' policies, and today in the
 * ship-from warehouse's time zone from the injected clock.
 */
@Component
class AllocationFactsReader {

    private final LedgerQueries ledger;
    private final OpenHolds openHolds;
    private final ItemService items;
    private final CustomerService customers;
    private final WarehouseService warehouses;
    private final Clock clock;
    private final Reservations reservations;

    AllocationFactsReader(
            LedgerQueries ledger,
            OpenHolds openHolds,
            ItemService items,
            CustomerService customers,
            WarehouseService warehouses,
            Clock clock,
            Reservations reservations) {
        this.reservations = reservations;
        this.ledger = ledger;
        this.openHolds = openHolds;
        this.items = items;
        this.customers = customers;
        this.warehouses = warehouses;
        this.clock = clock;
    }

    /** Today in the warehouse's time zone. */
    LocalDate today(long warehouseId) {
        return LocalDate.now(
                clock.withZone(ZoneId.of(warehouses.get(warehouseId).timeZone())));
    }

    /** The effective minimum remaining shelf life of a line in days: the largest of item, customer and line. */
    int effectiveMinimum(SalesOrder order, SalesOrderLine line) {
        return DemandLine.of(
                        line.getId(),
                        line.getItemId(),
                        1,
                        items.get(line.getItemId()).minRemainingShelfLifeAtShipmentDays(),
                        customers.get(order.getCustomerId()).minRemainingShelfLifeDays(),
                        line.getMinRemainingShelfLifeDays(),
                        null)
                .minShelfLifeDays();
    }

    /** A sales order's open lines as a demand: the effective minimum is the largest of item, customer and line. */
    DemandToAllocate demandOf(SalesOrder order, List<SalesOrderLine> lines) {
        int customerMin = customers.get(order.getCustomerId()).minRemainingShelfLifeDays();
        Map<Long, ItemView> byItem = new LinkedHashMap<>();
        List<DemandToAllocate.Line> demand = new ArrayList<>();
        for (SalesOrderLine l : lines) {
            ItemView item = byItem.computeIfAbsent(l.getItemId(), items::get);
            DemandLine d = DemandLine.of(
                    l.getId(),
                    l.getItemId(),
                    l.unallocated(),
                    item.minRemainingShelfLifeAtShipmentDays(),
                    customerMin,
                    l.getMinRemainingShelfLifeDays(),
                    l.getRequestedLotId());
            demand.add(new DemandToAllocate.Line(
                    d.lineId(), d.itemId(), d.quantity(), d.minShelfLifeDays(), d.requestedLotId()));
        }
        return new DemandToAllocate(AllocatingOrders.DEMAND_TYPE, order.getId(), order.getWarehouseId(), demand);
    }

    AllocationFacts read(DemandToAllocate d) {
        Map<Long, ItemView> byItem = new LinkedHashMap<>();
        for (DemandToAllocate.Line l : d.lines()) {
            byItem.computeIfAbsent(l.itemId(), items::get);
        }
        List<DemandLine> demand = new ArrayList<>();
        for (DemandToAllocate.Line l : d.lines()) {
            demand.add(new DemandLine(l.lineId(), l.itemId(), l.quantity(), l.minShelfLifeDays(), l.requestedLotId()));
        }
        List<ItemPolicy> policies = new ArrayList<>();
        Map<Long, Long> caseSizes = new LinkedHashMap<>();
        for (ItemView item : byItem.values()) {
            // the item's "whole cases from storage" flag turns ALLOC-080 on; a case is the item's largest unit
            policies.add(new ItemPolicy(
                    item.id(), item.allocationMethod(), item.wholeCasesFromStorage(), item.fefoWindowDays()));
            long caseSize = item.units().stream()
                    .mapToLong(ItemView.Unit::baseUnits)
                    .max()
                    .orElse(1);
            caseSizes.put(item.id(), Math.max(1, caseSize));
        }
        List<LedgerQueries.AllocationStock> stock = ledger.allocationStock(byItem.keySet());
        Set<Long> held = openHolds.lotsUnderHold(stock.stream()
                .map(LedgerQueries.AllocationStock::lotId)
                .distinct()
                .toList());
        // what this order holds already is neither a candidate for its remainder nor "reserved for other orders"
        Map<String, Long> own = new java.util.HashMap<>();
        for (Reservation r : reservations.forDemand(d.demandType(), String.valueOf(d.orderId()), null)) {
            if (r.state() == Reservation.State.PENDING) {
                own.merge(r.lotId() + ":" + r.locationId(), r.quantity(), Long::sum);
            }
        }
        List<Candidate> candidates = stock.stream()
                .map(s -> {
                    long mine = s.status() == StockStatus.AVAILABLE
                            ? Math.min(s.reserved(), own.getOrDefault(s.lotId() + ":" + s.locationId(), 0L))
                            : 0;
                    return new LedgerQueries.AllocationStock(
                            s.lotId(),
                            s.locationId(),
                            s.itemId(),
                            s.warehouseId(),
                            s.zoneType(),
                            s.status(),
                            s.quantity() - mine,
                            s.reserved() - mine,
                            s.expiry(),
                            s.firstReceivedAt());
                })
                .filter(s -> s.quantity() > 0)
                .map(s -> new Candidate(
                        s.lotId(),
                        s.locationId(),
                        s.itemId(),
                        s.warehouseId(),
                        ZoneType.valueOf(s.zoneType()),
                        s.status(),
                        s.quantity(),
                        s.reserved(),
                        s.expiry(),
                        s.firstReceivedAt(),
                        caseSizes.get(s.itemId()),
                        held.contains(s.lotId())))
                .toList();
        return new AllocationFacts(d.warehouseId(), today(d.warehouseId()), demand, candidates, policies);
    }
}
