package org.lotledger.fulfillment.allocation;

import java.util.ArrayList;
import java.util.List;

/**
 * ALLOC-090's arithmetic: a line's shortfall is given to the reasons in this order, each up to the stock that
 * explains it (reserved for other orders, short-dated, held or quarantined, expired, in another warehouse); what
 * none explains is NONE_ON_HAND.
 */
public final class Shortfall {

    private Shortfall() {}

    public static List<Backorder> split(LineEnd end, Number held, Number expired, Number otherWarehouse) {
        return split(
                end.line().lineId(),
                end.rest(),
                end.reservedOthers(),
                end.shelfShort(),
                held.longValue(),
                expired.longValue(),
                otherWarehouse.longValue());
    }

    public static List<Backorder> split(
            long lineId, long rest, long reserved, long shelfShort, long held, long expired, long otherWarehouse) {
        List<Backorder> backorders = new ArrayList<>();
        rest = give(backorders, lineId, rest, reserved, BackorderReason.RESERVED_FOR_OTHER_ORDERS);
        rest = give(backorders, lineId, rest, shelfShort, BackorderReason.SHELF_LIFE_TOO_SHORT);
        rest = give(backorders, lineId, rest, held, BackorderReason.HELD_OR_QUARANTINED);
        rest = give(backorders, lineId, rest, expired, BackorderReason.EXPIRED);
        rest = give(backorders, lineId, rest, otherWarehouse, BackorderReason.IN_OTHER_WAREHOUSE);
        give(backorders, lineId, rest, rest, BackorderReason.NONE_ON_HAND);
        return backorders;
    }

    private static long give(List<Backorder> into, long lineId, long rest, long explained, BackorderReason reason) {
        long q = Math.min(rest, explained);
        if (q > 0) {
            into.add(new Backorder(lineId, q, reason));
        }
        return rest - Math.max(0, q);
    }
}
