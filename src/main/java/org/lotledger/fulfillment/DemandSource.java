package org.lotledger.fulfillment;

import org.lotledger.common.Actor;

/**
 * A kind of outbound demand whose lines are picked like sales-order lines: sales orders (fulfilment's own) and
 * transfer orders (the {@code transfers} module implements it). Pick tasks are made over the pending reservations of
 * {@code Demand(demandType(), orderId, lineId)}; the pick asks the source to count what was picked. Fulfilment
 * defines the seam and never depends on who implements it: the beans are found by their {@link #demandType()}.
 */
public interface DemandSource {

    /** The reservations' demand type: {@code SALES_ORDER}, {@code TRANSFER_ORDER}. */
    String demandType();

    /**
     * Locks the order's row (one pick-task creation per order at a time) and says what a pick task needs of it; 404
     * for an unknown order, 409 when it takes no picking (cancelled, shipped), with the source's own codes.
     */
    PickableOrder lockForPicking(long orderId, Actor actor);

    /** The line's picked quantity rises by {@code quantity} base units (the order's states following). */
    void picked(long orderId, long lineId, long quantity);

    /**
     * The minimum remaining shelf life, in days, the line's reservations must keep: the midnight expiry job
     * ({@code ExpiringReservations}) voids those whose lot fell below it (SHELF_LIFE), as it voids expired ones
     * (EXPIRY) of every source. {@code null}: no minimum, only expiry. Reads in the caller's transaction.
     */
    default Integer minimumRemainingShelfLifeDays(long orderId, long lineId) {
        return null;
    }

    /**
     * What a pick task names of its order.
     *
     * @param number        the order's number for people ("SO-2026-0420", "TO-EAST-3")
     * @param warehouseCode the warehouse the stock is picked in (the sales order's, the transfer's origin)
     * @param document      how people call the order in a sentence: "Sales order", "Transfer order"
     * @param taskNoun      the word in the task's name: "order" ("Pick order SO-1 · 2 lines"), "transfer"
     * @param idName        the id's name in a problem's details: "salesOrderId", "transferOrderId"
     */
    record PickableOrder(
            long id,
            String number,
            long warehouseId,
            String warehouseCode,
            String document,
            String taskNoun,
            String idName) {}
}
