package org.lotledger.receiving;

import java.math.BigDecimal;
import java.util.Map;
import org.lotledger.common.DomainException;
import org.lotledger.purchasing.PurchaseOrder;
import org.lotledger.purchasing.PurchaseOrderLine;
import org.lotledger.purchasing.PurchaseOrderLineStatus;
import org.lotledger.purchasing.PurchaseOrderLines;
import org.lotledger.purchasing.PurchaseOrderStatus;
import org.lotledger.purchasing.PurchaseOrders;
import org.springframework.stereotype.Component;

/**
 * What receiving does to the purchase order, under the row locks: a line's received quantity goes up with a receipt
 * and down with a reversal, a line is complete once the ordered quantity is in, or closed short; the order closes
 * when no line is open and reopens when a reversal reopened a line. The lines are locked first, the header after
 * (docs/purchasing.md lock order).
 */
@Component
class ReceivedQuantities {

    private final PurchaseOrderLines orderLines;
    private final PurchaseOrders orders;

    ReceivedQuantities(PurchaseOrderLines orderLines, PurchaseOrders orders) {
        this.orderLines = orderLines;
        this.orders = orders;
    }

    /** @throws DomainException UNKNOWN_PURCHASE_ORDER_LINE (404) */
    PurchaseOrderLine lock(long purchaseOrderLineId) {
        return orderLines
                .lockById(purchaseOrderLineId)
                .orElseThrow(() -> DomainException.notFound(
                        "UNKNOWN_PURCHASE_ORDER_LINE",
                        "Purchase order line " + purchaseOrderLineId + " does not exist",
                        Map.of("purchaseOrderLineId", purchaseOrderLineId)));
    }

    /** A receipt of {@code baseUnits} on the (locked) line. */
    void received(PurchaseOrderLine line, long baseUnits) {
        line.addReceived(BigDecimal.valueOf(baseUnits));
        if (line.getReceivedBaseQuantity().compareTo(line.getOrderedBaseQuantity()) >= 0) {
            line.markReceived();
            closeOrderWhenDone(line.getPurchaseOrderId());
        }
    }

    /** A reversed receipt of {@code baseUnits} on the (locked) line. */
    void reversed(PurchaseOrderLine line, long baseUnits) {
        line.addReceived(BigDecimal.valueOf(-baseUnits));
        line.reopenIfShort();
        if (line.getStatus() == PurchaseOrderLineStatus.OPEN) {
            orders.lockById(line.getPurchaseOrderId()).ifPresent(PurchaseOrder::reopen);
        }
    }

    /** The buyer accepts less than ordered on the (locked) line. */
    void closeShort(PurchaseOrderLine line) {
        line.closeShort();
        closeOrderWhenDone(line.getPurchaseOrderId());
    }

    private void closeOrderWhenDone(long purchaseOrderId) {
        boolean anyOpen = orderLines.findByPurchaseOrderIdOrderByLineNumberAsc(purchaseOrderId).stream()
                .anyMatch(l -> l.getStatus() == PurchaseOrderLineStatus.OPEN);
        if (!anyOpen) {
            orders.lockById(purchaseOrderId).ifPresent(po -> {
                if (po.getStatus() == PurchaseOrderStatus.OPEN) {
                    po.close();
                }
            });
        }
    }
}
