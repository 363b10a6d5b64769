package org.lotledger.fulfillment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.lotledger.catalog.VersionedEntity;
import org.lotledger.common.DomainException;
import org.lotledger.fulfillment.SalesOrderStates.LineQuantities;

/**
 * One line of a sales order. The ordered quantity is kept as the ERP wrote it (quantity, unit, price per that unit)
 * and in whole base units, which is what allocation reserves and the ledger posts. Allocated, picked and shipped
 * quantities are kept by the later sections of issue 9; until then they stay 0. The status follows the quantities
 * ({@link SalesOrderStates#ofLine}).
 */
@Entity
@Table(name = "sales_order_line")
public class SalesOrderLine extends VersionedEntity {

    @Column(name = "sales_order_id", nullable = false, updatable = false)
    private Long salesOrderId;

    @Column(name = "line_number", nullable = false, updatable = false)
    private int lineNumber;

    @Column(name = "item_id", nullable = false, updatable = false)
    private Long itemId;

    @Column(name = "ordered_quantity", nullable = false, updatable = false, precision = 19, scale = 4)
    private BigDecimal orderedQuantity;

    @Column(name = "ordered_uom", nullable = false, updatable = false)
    private String orderedUom;

    @Column(name = "unit_price", nullable = false, updatable = false, precision = 19, scale = 4)
    private BigDecimal unitPrice;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(nullable = false, length = 3, updatable = false)
    private String currency;

    @Column(name = "min_remaining_shelf_life_days", updatable = false)
    private Integer minRemainingShelfLifeDays;

    @Column(name = "requested_lot_id", updatable = false)
    private Long requestedLotId;

    @Column(name = "ordered_base_quantity", nullable = false, updatable = false, precision = 19, scale = 4)
    private BigDecimal orderedBaseQuantity;

    @Column(name = "allocated_base_quantity", nullable = false, precision = 19, scale = 4)
    private BigDecimal allocatedBaseQuantity;

    @Column(name = "picked_base_quantity", nullable = false, precision = 19, scale = 4)
    private BigDecimal pickedBaseQuantity;

    @Column(name = "shipped_base_quantity", nullable = false, precision = 19, scale = 4)
    private BigDecimal shippedBaseQuantity;

    @Column(name = "cancelled_base_quantity", nullable = false, precision = 19, scale = 4)
    private BigDecimal cancelledBaseQuantity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SalesOrderLineStatus status;

    @Column(name = "cancelled_by")
    private String cancelledBy;

    @Column(name = "cancel_reason")
    private String cancelReason;

    protected SalesOrderLine() {}

    SalesOrderLine(long salesOrderId, int lineNumber, CheckedSalesOrderLine c) {
        this.salesOrderId = salesOrderId;
        this.lineNumber = lineNumber;
        this.itemId = c.itemId();
        this.orderedQuantity = c.quantity();
        this.orderedUom = c.uom();
        this.unitPrice = c.unitPrice();
        this.currency = c.currency();
        this.minRemainingShelfLifeDays = c.minRemainingShelfLifeDays();
        this.requestedLotId = c.requestedLotId();
        this.orderedBaseQuantity = BigDecimal.valueOf(c.baseQuantity());
        this.allocatedBaseQuantity = BigDecimal.ZERO;
        this.pickedBaseQuantity = BigDecimal.ZERO;
        this.shippedBaseQuantity = BigDecimal.ZERO;
        this.cancelledBaseQuantity = BigDecimal.ZERO;
        this.status = SalesOrderStates.ofLine(quantities());
    }

    public LineQuantities quantities() {
        return new LineQuantities(
                orderedBaseQuantity.longValueExact(),
                allocatedBaseQuantity.longValueExact(),
                pickedBaseQuantity.longValueExact(),
                shippedBaseQuantity.longValueExact(),
                cancelledBaseQuantity.longValueExact());
    }

    /**
     * Cancels what is left of the line. Refused when something was shipped (a shipped quantity is never cancelled;
     * a return is the returns issue's) or when the line is cancelled already. What was allocated or picked is given
     * up: the caller publishes {@link SalesOrderLineCancelled} so the pending reservations are voided in the same
     * transaction.
     *
     * @return the base units cancelled now
     */
    long cancel(String actor, String reason) {
        requireCancellable();
        long now = quantities().open();
        this.allocatedBaseQuantity = BigDecimal.ZERO;
        this.pickedBaseQuantity = BigDecimal.ZERO;
        this.cancelledBaseQuantity = orderedBaseQuantity;
        this.cancelledBy = actor;
        this.cancelReason = reason;
        this.status = SalesOrderStates.ofLine(quantities());
        return now;
    }

    /** What allocation still has to cover: wanted, neither cancelled nor allocated yet (picked counts as allocated). */
    public long unallocated() {
        LineQuantities q = quantities();
        return status.isDone() ? 0 : q.ordered() - q.cancelled() - q.allocated();
    }

    /** An allocation run reserved {@code quantity} more base units for the line. */
    void allocated(long quantity) {
        this.allocatedBaseQuantity = allocatedBaseQuantity.add(BigDecimal.valueOf(quantity));
        this.status = SalesOrderStates.ofLine(quantities());
    }

    /**
     * Pending reservations of the line were voided (a hold, an expiry, a short pick, an override): what they held is
     * no longer allocated. Never below what was picked; a cancelled line keeps its zero.
     */
    void released(long quantity) {
        if (status == SalesOrderLineStatus.CANCELLED) {
            return;
        }
        BigDecimal after = allocatedBaseQuantity.subtract(BigDecimal.valueOf(quantity));
        this.allocatedBaseQuantity = after.max(pickedBaseQuantity);
        this.status = SalesOrderStates.ofLine(quantities());
    }

    /**
     * Records {@code quantity} base units shipped (a dispatched shipment). What shipped was picked and allocated
     * before (the staging reservation it posted came from a pick): picked and allocated are raised to at least what
     * has shipped, so the line's quantities stay consistent whichever step recorded its own count.
     */
    void shipped(long quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("shipped quantity must be positive: " + quantity);
        }
        BigDecimal shipped = shippedBaseQuantity.add(BigDecimal.valueOf(quantity));
        this.shippedBaseQuantity = shipped;
        this.pickedBaseQuantity = pickedBaseQuantity.max(shipped);
        this.allocatedBaseQuantity = allocatedBaseQuantity.max(pickedBaseQuantity);
        this.status = SalesOrderStates.ofLine(quantities());
    }

    /** Refuses a line that is cancelled already or has shipped something, before anything is changed. */
    void requireCancellable() {
        if (status == SalesOrderLineStatus.CANCELLED) {
            throw new DomainException(
                    "SALES_ORDER_LINE_NOT_OPEN",
                    DomainException.Kind.CONFLICT,
                    "Line " + lineNumber + " of the sales order is cancelled already",
                    details());
        }
        if (shippedBaseQuantity.signum() != 0) {
            Map<String, Object> details = details();
            details.put("shippedBaseQuantity", shippedBaseQuantity.longValueExact());
            throw new DomainException(
                    "SALES_ORDER_LINE_SHIPPED",
                    DomainException.Kind.CONFLICT,
                    "Line " + lineNumber + " has shipped " + shippedBaseQuantity.toBigInteger()
                            + " base units; a shipped quantity cannot be cancelled",
                    details);
        }
    }

    private Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("salesOrderLineId", getId());
        details.put("line", lineNumber);
        details.put("lineStatus", status.name());
        return details;
    }

    public Long getSalesOrderId() {
        return salesOrderId;
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

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public String getCurrency() {
        return currency;
    }

    public Integer getMinRemainingShelfLifeDays() {
        return minRemainingShelfLifeDays;
    }

    public Long getRequestedLotId() {
        return requestedLotId;
    }

    public BigDecimal getOrderedBaseQuantity() {
        return orderedBaseQuantity;
    }

    public BigDecimal getAllocatedBaseQuantity() {
        return allocatedBaseQuantity;
    }

    public BigDecimal getPickedBaseQuantity() {
        return pickedBaseQuantity;
    }

    public BigDecimal getShippedBaseQuantity() {
        return shippedBaseQuantity;
    }

    public BigDecimal getCancelledBaseQuantity() {
        return cancelledBaseQuantity;
    }

    public SalesOrderLineStatus getStatus() {
        return status;
    }

    public String getCancelledBy() {
        return cancelledBy;
    }

    public String getCancelReason() {
        return cancelReason;
    }
}
