package org.lotledger.purchasing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.lotledger.catalog.VersionedEntity;

/** What a supplier says it shipped against one purchase order; its lines are {@link AsnLine} rows. */
@Entity
@Table(name = "advance_ship_notice")
public class AdvanceShipNotice extends VersionedEntity {

    @Column(name = "asn_number", nullable = false, updatable = false)
    private String asnNumber;

    @Column(name = "purchase_order_id", nullable = false, updatable = false)
    private Long purchaseOrderId;

    @Column(name = "supplier_id", nullable = false, updatable = false)
    private Long supplierId;

    @Column(name = "shipped_on", updatable = false)
    private LocalDate shippedOn;

    @Column(name = "expected_on", updatable = false)
    private LocalDate expectedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AsnStatus status;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    protected AdvanceShipNotice() {}

    public AdvanceShipNotice(
            String asnNumber,
            long purchaseOrderId,
            long supplierId,
            LocalDate shippedOn,
            LocalDate expectedOn,
            String createdBy) {
        this.asnNumber = asnNumber;
        this.purchaseOrderId = purchaseOrderId;
        this.supplierId = supplierId;
        this.shippedOn = shippedOn;
        this.expectedOn = expectedOn;
        this.createdBy = createdBy;
        this.status = AsnStatus.OPEN;
    }

    /** Receiving calls this when the shipment has been booked. */
    public void markReceived() {
        if (status == AsnStatus.OPEN) {
            status = AsnStatus.RECEIVED;
        }
    }

    void cancel() {
        if (status == AsnStatus.OPEN) {
            status = AsnStatus.CANCELLED;
        }
    }

    public String getAsnNumber() {
        return asnNumber;
    }

    public Long getPurchaseOrderId() {
        return purchaseOrderId;
    }

    public Long getSupplierId() {
        return supplierId;
    }

    public LocalDate getShippedOn() {
        return shippedOn;
    }

    public LocalDate getExpectedOn() {
        return expectedOn;
    }

    public AsnStatus getStatus() {
        return status;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
