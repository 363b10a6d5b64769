package org.lotledger.purchasing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.lotledger.catalog.VersionedEntity;

/** One lot (or one lot on one logistic unit) the supplier announces against one purchase-order line. */
@Entity
@Table(name = "asn_line")
public class AsnLine extends VersionedEntity {

    @Column(name = "advance_ship_notice_id", nullable = false, updatable = false)
    private Long advanceShipNoticeId;

    @Column(name = "line_number", nullable = false, updatable = false)
    private int lineNumber;

    @Column(name = "purchase_order_line_id", nullable = false, updatable = false)
    private Long purchaseOrderLineId;

    @Column(name = "item_id", nullable = false, updatable = false)
    private Long itemId;

    @Column(name = "lot_number", updatable = false)
    private String lotNumber;

    @Column(name = "manufacturer_batch_ref", updatable = false)
    private String manufacturerBatchRef;

    @Column(name = "manufactured_on", updatable = false)
    private LocalDate manufacturedOn;

    @Column(name = "expires_on", updatable = false)
    private LocalDate expiresOn;

    @Column(name = "best_before_on", updatable = false)
    private LocalDate bestBeforeOn;

    @Column(nullable = false, updatable = false, precision = 19, scale = 4)
    private BigDecimal quantity;

    @Column(nullable = false, updatable = false)
    private String uom;

    @Column(name = "base_quantity", nullable = false, updatable = false, precision = 19, scale = 4)
    private BigDecimal baseQuantity;

    @Column(updatable = false, length = 18)
    @JdbcTypeCode(SqlTypes.CHAR)
    private String sscc;

    protected AsnLine() {}

    public AsnLine(
            long advanceShipNoticeId,
            int lineNumber,
            long purchaseOrderLineId,
            long itemId,
            AnnouncedLot lot,
            BigDecimal quantity,
            String uom,
            long baseQuantity,
            Sscc sscc) {
        this.advanceShipNoticeId = advanceShipNoticeId;
        this.lineNumber = lineNumber;
        this.purchaseOrderLineId = purchaseOrderLineId;
        this.itemId = itemId;
        this.lotNumber = lot.lotNumber();
        this.manufacturerBatchRef = lot.manufacturerBatchRef();
        this.manufacturedOn = lot.manufacturedOn();
        this.expiresOn = lot.expiresOn();
        this.bestBeforeOn = lot.bestBeforeOn();
        this.quantity = quantity;
        this.uom = uom;
        this.baseQuantity = BigDecimal.valueOf(baseQuantity);
        this.sscc = sscc == null ? null : sscc.value();
    }

    public Long getAdvanceShipNoticeId() {
        return advanceShipNoticeId;
    }

    public int getLineNumber() {
        return lineNumber;
    }

    public Long getPurchaseOrderLineId() {
        return purchaseOrderLineId;
    }

    public Long getItemId() {
        return itemId;
    }

    public String getLotNumber() {
        return lotNumber;
    }

    public String getManufacturerBatchRef() {
        return manufacturerBatchRef;
    }

    public LocalDate getManufacturedOn() {
        return manufacturedOn;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public LocalDate getBestBeforeOn() {
        return bestBeforeOn;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public String getUom() {
        return uom;
    }

    public BigDecimal getBaseQuantity() {
        return baseQuantity;
    }

    public String getSscc() {
        return sscc;
    }
}
