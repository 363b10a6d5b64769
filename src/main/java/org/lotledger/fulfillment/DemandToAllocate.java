package org.lotledger.fulfillment;

import java.util.List;

/**
 * What one allocation run covers, whoever the demand is (a sales order, a transfer order): the reservations' demand
 * type and order, the warehouse the stock is taken from, and the lines' unallocated remainders with their effective
 * minimum remaining shelf life at shipment (the caller decides it: a sales order takes the largest of item, customer
 * and line; a transfer the item's minimum at shipment). {@link AllocatingOrders#allocate(DemandToAllocate,
 * org.lotledger.common.Actor)} runs the rules over it.
 */
public record DemandToAllocate(String demandType, long orderId, long warehouseId, List<Line> lines) {

    public DemandToAllocate {
        lines = List.copyOf(lines);
    }

    /**
     * @param quantity         the unallocated remainder, in base units, positive
     * @param minShelfLifeDays the effective minimum remaining shelf life at shipment, in days
     * @param requestedLotId   the lot the line asks for, or null for any lot
     */
    public record Line(long lineId, long itemId, long quantity, int minShelfLifeDays, Long requestedLotId) {}
}
