package org.lotledger.transfers;

import java.util.List;

/**
 * A transfer order's and its lines' states as pure functions of the line quantities (whole base units) and of the
 * dispatch, table-tested in {@code TransferStatesTest}.
 *
 * <p>Order: CLOSED once closed (the transfer process closes it, issue 10 §4); CANCELLED when every line is cancelled;
 * after the dispatch IN_TRANSIT until something is received, PARTIALLY_RECEIVED, then RECEIVED when everything
 * shipped is received; before it PICKING when anything was picked, ALLOCATED when every line not cancelled is
 * allocated, else OPEN.
 */
public final class TransferStates {

    private TransferStates() {}

    /**
     * One line's quantities: {@code 0 ≤ shipped ≤ picked ≤ allocated ≤ ordered − cancelled}, received ≤ shipped.
     */
    public record LineQuantities(
            long ordered, long allocated, long picked, long shipped, long cancelled, long received) {

        public LineQuantities {
            if (ordered <= 0
                    || cancelled < 0
                    || cancelled > ordered
                    || shipped < 0
                    || shipped > picked
                    || picked > allocated
                    || allocated > ordered - cancelled
                    || received < 0
                    || received > shipped) {
                throw new IllegalArgumentException("inconsistent line quantities: ordered " + ordered + ", allocated "
                        + allocated + ", picked " + picked + ", shipped " + shipped + ", cancelled " + cancelled
                        + ", received " + received);
            }
        }

        boolean cancelledWhole() {
            return cancelled == ordered;
        }
    }

    public static TransferStatus ofOrder(List<LineQuantities> lines, boolean dispatched, boolean closed) {
        if (closed) {
            return TransferStatus.CLOSED;
        }
        List<LineQuantities> live =
                lines.stream().filter(l -> !l.cancelledWhole()).toList();
        if (live.isEmpty()) {
            return TransferStatus.CANCELLED;
        }
        if (dispatched) {
            long shipped = live.stream().mapToLong(LineQuantities::shipped).sum();
            long received = live.stream().mapToLong(LineQuantities::received).sum();
            if (received == 0) {
                return TransferStatus.IN_TRANSIT;
            }
            return received >= shipped ? TransferStatus.RECEIVED : TransferStatus.PARTIALLY_RECEIVED;
        }
        if (live.stream().anyMatch(l -> l.picked() > 0)) {
            return TransferStatus.PICKING;
        }
        if (live.stream().allMatch(l -> l.allocated() == l.ordered() - l.cancelled())) {
            return TransferStatus.ALLOCATED;
        }
        return TransferStatus.OPEN;
    }

    /**
     * A line's state: CANCELLED, SHIPPED (anything left with the dispatch), NOT_SHIPPED (dispatched without it),
     * PICKING, ALLOCATED, PARTIALLY_ALLOCATED, OPEN.
     */
    public static String ofLine(LineQuantities l, boolean dispatched) {
        if (l.cancelledWhole()) {
            return "CANCELLED";
        }
        if (dispatched) {
            return l.shipped() > 0 ? "SHIPPED" : "NOT_SHIPPED";
        }
        if (l.picked() > 0) {
            return "PICKING";
        }
        if (l.allocated() == l.ordered() - l.cancelled()) {
            return "ALLOCATED";
        }
        return l.allocated() > 0 ? "PARTIALLY_ALLOCATED" : "OPEN";
    }
}
