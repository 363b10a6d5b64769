package org.lotledger.fulfillment;

import java.util.List;

/**
 * The states of a sales order and its lines as pure functions of the line quantities (whole base units), so that
 * allocation, picking and shipping only keep quantities and never set a state by hand. Plain Java, table-tested
 * ({@code SalesOrderStatesTest}).
 */
public final class SalesOrderStates {

    private SalesOrderStates() {}

    /**
     * A line's quantities. Allocated includes what was picked since, picked includes what was shipped since:
     * {@code 0 ≤ shipped ≤ picked ≤ allocated ≤ ordered − cancelled}.
     */
    public record LineQuantities(long ordered, long allocated, long picked, long shipped, long cancelled) {

        public LineQuantities {
            if (ordered <= 0
                    || shipped < 0
                    || cancelled < 0
                    || shipped > picked
                    || picked > allocated
                    || allocated + cancelled > ordered) {
                throw new IllegalArgumentException("inconsistent line quantities: ordered " + ordered + ", allocated "
                        + allocated + ", picked " + picked + ", shipped " + shipped + ", cancelled " + cancelled);
            }
        }

        public static LineQuantities ordered(long ordered) {
            return new LineQuantities(ordered, 0, 0, 0, 0);
        }

        /** What is still to deliver: neither cancelled nor shipped. */
        public long open() {
            return ordered - cancelled - shipped;
        }
    }

    /**
     * CANCELLED when all of it was cancelled; SHIPPED when what was not cancelled has shipped; PARTIALLY_SHIPPED when
     * some has; PICKING when some was picked; ALLOCATED when all that is wanted is allocated, PARTIALLY_ALLOCATED when
     * some is; otherwise OPEN.
     */
    public static SalesOrderLineStatus ofLine(LineQuantities q) {
        long wanted = q.ordered() - q.cancelled();
        if (wanted == 0) {
            return SalesOrderLineStatus.CANCELLED;
        }
        if (q.shipped() == wanted) {
            return SalesOrderLineStatus.SHIPPED;
        }
        if (q.shipped() > 0) {
            return SalesOrderLineStatus.PARTIALLY_SHIPPED;
        }
        if (q.picked() > 0) {
            return SalesOrderLineStatus.PICKING;
        }
        if (q.allocated() == wanted) {
            return SalesOrderLineStatus.ALLOCATED;
        }
        return q.allocated() > 0 ? SalesOrderLineStatus.PARTIALLY_ALLOCATED : SalesOrderLineStatus.OPEN;
    }

    /**
     * The order's state from its lines' quantities, cancelled lines left out: CANCELLED when every line is; SHIPPED
     * when every other line has shipped (CLOSED instead once the order was closed, a step of the issues after
     * shipping); PARTIALLY_SHIPPED when something shipped; PICKING when something was picked; ALLOCATED when every
     * line is, PARTIALLY_ALLOCATED when anything is; otherwise OPEN.
     */
    public static SalesOrderStatus ofOrder(List<LineQuantities> lines, boolean closed) {
        List<SalesOrderLineStatus> live = lines.stream()
                .map(SalesOrderStates::ofLine)
                .filter(s -> s != SalesOrderLineStatus.CANCELLED)
                .toList();
        if (live.isEmpty()) {
            return SalesOrderStatus.CANCELLED;
        }
        if (live.stream().allMatch(s -> s == SalesOrderLineStatus.SHIPPED)) {
            return closed ? SalesOrderStatus.CLOSED : SalesOrderStatus.SHIPPED;
        }
        if (live.stream()
                .anyMatch(s -> s == SalesOrderLineStatus.SHIPPED || s == SalesOrderLineStatus.PARTIALLY_SHIPPED)) {
            return SalesOrderStatus.PARTIALLY_SHIPPED;
        }
        if (live.contains(SalesOrderLineStatus.PICKING)) {
            return SalesOrderStatus.PICKING;
        }
        if (live.stream().allMatch(s -> s == SalesOrderLineStatus.ALLOCATED)) {
            return SalesOrderStatus.ALLOCATED;
        }
        return live.stream()
                        .anyMatch(s ->
                                s == SalesOrderLineStatus.ALLOCATED || s == SalesOrderLineStatus.PARTIALLY_ALLOCATED)
                ? SalesOrderStatus.PARTIALLY_ALLOCATED
                : SalesOrderStatus.OPEN;
    }
}
