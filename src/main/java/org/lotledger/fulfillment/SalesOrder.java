package org.lotledger.fulfillment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lotledger.catalog.VersionedEntity;
import org.lotledger.common.DomainException;

/**
 * The header of a sales order; its lines are {@link SalesOrderLine} rows of their own. The status is never set by
 * hand: {@link #deriveStatus} computes it from the lines ({@link SalesOrderStates}).
 */
@Entity
@Table(name = "sales_order")
public class SalesOrder extends VersionedEntity {

    @Column(nullable = false, updatable = false)
    private String source;

    @Column(name = "order_number", nullable = false, updatable = false)
    private String orderNumber;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private Long customerId;

    @Column(name = "warehouse_id", nullable = false, updatable = false)
    private Long warehouseId;

    @Column(name = "requested_ship_date", nullable = false, updatable = false)
    private LocalDate requestedShipDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SalesOrderStatus status;

    @Column
    private String note;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "cancelled_by")
    private String cancelledBy;

    @Column(name = "cancel_reason")
    private String cancelReason;

    protected SalesOrder() {}

    public SalesOrder(
            String source,
            String orderNumber,
            long customerId,
            long warehouseId,
            LocalDate requestedShipDate,
            String note,
            String createdBy) {
        this.source = source;
        this.orderNumber = orderNumber;
        this.customerId = customerId;
        this.warehouseId = warehouseId;
        this.requestedShipDate = requestedShipDate;
        this.note = note;
        this.createdBy = createdBy;
        this.status = SalesOrderStatus.OPEN;
    }

    /** Refuses an order that is SHIPPED, CLOSED or CANCELLED: it takes no new line and no cancellation. */
    public void requireChangeable() {
        if (!status.takesChanges()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("salesOrderId", getId());
            details.put("salesOrderStatus", status.name());
            throw new DomainException(
                    "SALES_ORDER_NOT_OPEN",
                    DomainException.Kind.CONFLICT,
                    "Sales order " + orderNumber + " is " + status + ": it takes no further change",
                    details);
        }
    }

    /** The status from the lines' quantities; a cancellation of the whole order also records who and why. */
    void deriveStatus(List<SalesOrderLine> lines) {
        this.status = SalesOrderStates.ofOrder(
                lines.stream().map(SalesOrderLine::quantities).toList(), false);
    }

    void cancelled(String actor, String reason) {
        this.cancelledBy = actor;
        this.cancelReason = reason;
    }

    public String getSource() {
        return source;
    }

    public String getOrderNumber() {
        return orderNumber;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public Long getWarehouseId() {
        return warehouseId;
    }

    public LocalDate getRequestedShipDate() {
        return requestedShipDate;
    }

    public SalesOrderStatus getStatus() {
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
