package org.lotledger.purchasing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lotledger.catalog.VersionedEntity;
import org.lotledger.common.DomainException;

/**
 * One line of a purchase order and the row receiving locks. The ordered quantity is kept twice: as the buyer wrote
 * it (quantity, unit, price per that unit) and in whole base units, which is what the ledger posts and what
 * receiving compares {@code receivedBaseQuantity} with.
 */
@Entity
@Table(name = "purchase_order_line")
public class PurchaseOrderLine extends VersionedEntity {

    @Column(name = "purchase_order_id", nullable = false, updatable = false)
    private Long purchaseOrderId;

    @Column(name = "line_number", nullable = false, updatable = false)
    private int lineNumber;

    @Column(name = "item_id", nullable = false, updatable = false)
    private Long itemId;

    @Column(name = "ordered_quantity", nullable = false, updatable = false, precision = 19, scale = 4)
    private BigDecimal orderedQuantity;

    @Column(name = "ordered_uom", nullable = false, updatable = false)
    private String orderedUom;

    @Column(name = "expected_unit_price", nullable = false, updatable = false, precision = 19, scale = 4)
    private BigDecimal expectedUnitPrice;

    @Column(name = "ordered_base_quantity", nullable = false, updatable = false, precision = 19, scale = 4)
    private BigDecimal orderedBaseQuantity;

    @Column(name = "received_base_quantity", nullable = false, precision = 19, scale = 4)
    private BigDecimal receivedBaseQuantity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PurchaseOrderLineStatus status;

    protected PurchaseOrderLine() {}

    public PurchaseOrderLine(
            long purchaseOrderId,
            int lineNumber,
            long itemId,
            BigDecimal orderedQuantity,
            String orderedUom,
            long orderedBaseQuantity,
            BigDecimal expectedUnitPrice) {
        if (expectedUnitPrice == null || expectedUnitPrice.signum() < 0) {
            throw DomainException.unprocessable(
                    "INVALID_UNIT_PRICE",
                    "The expected unit price of line " + lineNumber + " must be zero or more",
                    Map.of("line", lineNumber, "expectedUnitPrice", String.valueOf(expectedUnitPrice)));
        }
        if (orderedBaseQuantity <= 0) {
            throw DomainException.unprocessable(
                    "INVALID_QUANTITY",
                    "A quantity must be greater than zero",
                    Map.of("line", lineNumber, "baseQuantity", orderedBaseQuantity));
        }
        this.purchaseOrderId = purchaseOrderId;
        this.lineNumber = lineNumber;
        this.itemId = itemId;
        this.orderedQuantity = orderedQuantity;
        this.orderedUom = orderedUom;
        this.orderedBaseQuantity = BigDecimal.valueOf(orderedBaseQuantity);
        this.expectedUnitPrice = expectedUnitPrice;
        this.receivedBaseQuantity = BigDecimal.ZERO;
        this.status = PurchaseOrderLineStatus.OPEN;
    }

    /** What is still to come in base units; zero (never negative) once the order is met or exceeded. */
    public BigDecimal openBaseQuantity() {
        return orderedBaseQuantity.subtract(receivedBaseQuantity).max(BigDecimal.ZERO);
    }

    public void requireOpen() {
        if (status != PurchaseOrderLineStatus.OPEN) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("purchaseOrderLineId", getId());
            details.put("line", lineNumber);
            details.put("lineStatus", status.name());
            throw new DomainException(
                    "PO_LINE_NOT_OPEN",
                    DomainException.Kind.CONFLICT,
                    "Line " + lineNumber + " of the purchase order is " + status,
                    details);
        }
    }

    /**
     * For receiving, under the row lock: adds whole base units received (negative for a reversed receipt).
     * The over-receipt tolerance is receiving's decision (a DMN table), so it is checked there, not here.
     */
    public void addReceived(BigDecimal baseUnits) {
        if (baseUnits.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("received quantities are whole base units, not " + baseUnits);
        }
        if (baseUnits.signum() > 0) {
            requireOpen();
        }
        BigDecimal after = receivedBaseQuantity.add(baseUnits);
        if (after.signum() < 0) {
            throw new IllegalStateException("line " + getId() + " would have received " + after + " base units");
        }
        receivedBaseQuantity = after;
    }

    /** Receiving marks a line complete. */
    public void markReceived() {
        requireOpen();
        status = PurchaseOrderLineStatus.RECEIVED;
    }

    /**
     * Receiving, after reversing a receipt on this line (a mistyped lot): a line that was complete takes receipts
     * again once it is below the ordered quantity, so the corrected lot can be received.
     */
    public void reopenIfShort() {
        if (status == PurchaseOrderLineStatus.RECEIVED && receivedBaseQuantity.compareTo(orderedBaseQuantity) < 0) {
            status = PurchaseOrderLineStatus.OPEN;
        }
    }

    /** The buyer accepts less than ordered: the line takes no further receipts. */
    public void closeShort() {
        requireOpen();
        status = PurchaseOrderLineStatus.CLOSED_SHORT;
    }

    /** Only a line with nothing received can be cancelled (the database says so too). */
    void cancel() {
        requireOpen();
        if (receivedBaseQuantity.signum() != 0) {
            throw new DomainException(
                    "PURCHASE_ORDER_HAS_RECEIPTS",
                    DomainException.Kind.CONFLICT,
                    "Line " + lineNumber + " has already received "
                            + receivedBaseQuantity.stripTrailingZeros().toPlainString()
                            + " base units; close it short instead of cancelling",
                    Map.of("line", lineNumber, "receivedBaseQuantity", receivedBaseQuantity));
        }
        status = PurchaseOrderLineStatus.CANCELLED;
    }

    public Long getPurchaseOrderId() {
        return purchaseOrderId;
    }

    public int getLineNumber() {
        return lineNumber;
    }

    public Long getItemId() {
        return itemId;
    }

    public BigDecimal getOrderedQuantity() {
        return orderedQuantity;
    }

    public String getOrderedUom() {
        return orderedUom;
    }

    public BigDecimal getExpectedUnitPrice() {
        return expectedUnitPrice;
    }

    public BigDecimal getOrderedBaseQuantity() {
        return orderedBaseQuantity;
    }

    public BigDecimal getReceivedBaseQuantity() {
        return receivedBaseQuantity;
    }

    public PurchaseOrderLineStatus getStatus() {
        return status;
    }
}
