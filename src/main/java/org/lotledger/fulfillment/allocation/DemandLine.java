package org.lotledger.fulfillment.allocation;

/**
 * One sales order line to cover.
 *
 * @param quantity          in the item's base unit, positive
 * @param minShelfLifeDays  effective minimum remaining shelf life at shipment, in days: the largest of the item's,
 *                          the customer's and the line's ({@link #of})
 * @param requestedLotId    the lot the customer asked for, or null for any lot
 */
public record DemandLine(long lineId, long itemId, long quantity, int minShelfLifeDays, Long requestedLotId) {

    public DemandLine {
        if (quantity <= 0) {
            throw new IllegalArgumentException("A demand line needs a positive quantity; line " + lineId);
        }
        if (minShelfLifeDays < 0) {
            throw new IllegalArgumentException("A minimum shelf life is not negative; line " + lineId);
        }
    }

    /** The line with its effective minimum shelf life: the strictest of item, customer and line (null: none). */
    public static DemandLine of(
            long lineId,
            long itemId,
            long quantity,
            int itemMinDays,
            int customerMinDays,
            Integer lineMinDays,
            Long requestedLotId) {
        int effective = Math.max(itemMinDays, Math.max(customerMinDays, lineMinDays == null ? 0 : lineMinDays));
        return new DemandLine(lineId, itemId, quantity, effective, requestedLotId);
    }

    /** Whether the line may take stock of this lot at all (a requested lot narrows it to that lot). */
    public boolean wantsLot(long lotId) {
        return requestedLotId == null || requestedLotId == lotId;
    }
}
