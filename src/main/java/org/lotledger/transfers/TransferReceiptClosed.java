package org.lotledger.transfers;

import java.util.List;

/**
 * The destination closed a transfer's receipt: what arrived is posted and its discrepancies are recorded. Published
 * <em>inside</em> the closing transaction (a plain {@code ApplicationEventPublisher} event, listeners run
 * synchronously), so the process {@code InterWarehouseTransfer} correlates its message in the same transaction: a
 * close that rolls back leaves the process waiting, a close that commits always reaches it.
 *
 * @param discrepancyIds the rows of {@code transfer_discrepancy} this close recorded, empty when all was as shipped
 * @param stillInTransit whether some of the transfer is still in its in-transit location after this close
 */
public record TransferReceiptClosed(
        long transferOrderId, String orderNumber, List<Long> discrepancyIds, boolean stillInTransit, String closedBy) {

    public TransferReceiptClosed {
        discrepancyIds = List.copyOf(discrepancyIds);
    }
}
