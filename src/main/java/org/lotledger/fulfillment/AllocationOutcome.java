package org.lotledger.fulfillment;

import java.util.List;
import java.util.Map;

/**
 * What an allocation run reserved and could not cover, per line: the caller raises its lines' allocated quantities
 * and keeps the shortfall as it keeps backorders.
 *
 * @param attempts  how many times the rules decided (a candidate taken meanwhile makes them decide again)
 * @param reserved  base units reserved per line id
 * @param shortfall what could not be covered, per line id: one entry per ALLOC-090 reason (NONE_ON_HAND, EXPIRED,
 *                  SHELF_LIFE_TOO_SHORT, HELD_OR_QUARANTINED, RESERVED_FOR_OTHER_ORDERS, IN_OTHER_WAREHOUSE)
 */
public record AllocationOutcome(int attempts, Map<Long, Long> reserved, Map<Long, List<Short>> shortfall) {

    public record Short(String reason, long quantity) {}

    public long reservedFor(long lineId) {
        return reserved.getOrDefault(lineId, 0L);
    }

    public List<Short> shortOf(long lineId) {
        return shortfall.getOrDefault(lineId, List.of());
    }
}
