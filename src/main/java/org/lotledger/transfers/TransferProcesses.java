package org.lotledger.transfers;

/**
 * The port through which a dispatch starts the transfer's process ({@code InterWarehouseTransfer}), called inside
 * the dispatch's transaction: a dispatch that rolls back leaves no instance, and no transfer leaves without one.
 * Implemented by {@code transfers.process.InterWarehouseTransferProcess}.
 */
public interface TransferProcesses {

    void dispatched(TransferDispatched dispatched);
}
