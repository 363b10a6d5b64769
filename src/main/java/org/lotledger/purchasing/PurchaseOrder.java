package org.lotledger.purchasing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.lotledger.catalog.VersionedEntity;
import org.lotledger.common.DomainException;

/** The header of a purchase order; its lines are {@link PurchaseOrderLine} rows of their own (each one lockable). */
@Entity
@Table(name = "purchase_order")
public class PurchaseOrder extends VersionedEntity {

    @Column(name = "po_number", nullable = false, updatable = false)
    private String poNumber;

    @Column(name = "supplier_id", nullable = false, updatable = false)
    private Long supplierId;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(nullable = false, length = 3, updatable = false)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PurchaseOrderStatus status;

    @Column
    private String note;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "cancelled_by")
    private String cancelledBy;

    @Column(name = "cancel_reason")
    private String cancelReason;

    protected PurchaseOrder() {}

    public PurchaseOrder(String poNumber, long supplierId, String currency, String note, String createdBy) {
        this.poNumber = poNumber;
        this.supplierId = supplierId;
        this.currency = currency;
        this.note = note;
        this.createdBy = createdBy;
        this.status = PurchaseOrderStatus.OPEN;
    }

    /** Refuses anything but an OPEN order: a closed or cancelled one takes no ASN, receipt or cancellation. */
    public void requireOpen() {
        if (status != PurchaseOrderStatus.OPEN) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("purchaseOrderId", getId());
            details.put("purchaseOrderStatus", status.name());
            throw new DomainException(
                    "PURCHASE_ORDER_NOT_OPEN",
                    DomainException.Kind.CONFLICT,
                    "Purchase order " + poNumber + " is " + status,
                    details);
        }
    }

    /** Only the header; the caller cancels the lines (each refuses when something was received). */
    void cancel(String actor, String reason) {
        requireOpen();
        this.status = PurchaseOrderStatus.CANCELLED;
        this.cancelledBy = actor;
        this.cancelReason = reason;
    }

    /** Receiving calls this once no line is OPEN any more. */
    public void close() {
        requireOpen();
        this.status = PurchaseOrderStatus.CLOSED;
    }

    /** Receiving, when a reversed receipt reopened one of the lines of a CLOSED order. */
    public void reopen() {
        if (status == PurchaseOrderStatus.CLOSED) {
            this.status = PurchaseOrderStatus.OPEN;
        }
    }

    public String getPoNumber() {
        return poNumber;
    }

    public Long getSupplierId() {
        return supplierId;
    }

    public String getCurrency() {
        return currency;
    }

    public PurchaseOrderStatus getStatus() {
        return status;
    }

    public String getNote() {
        return note;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public String getCancelledBy() {
        return cancelledBy;
    }

    public String getCancelReason() {
        return cancelReason;
    }
}
