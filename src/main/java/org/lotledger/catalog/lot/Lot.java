package org.lotledger.catalog.lot;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.lotledger.catalog.VersionedEntity;

/**
 * A lot: (item, supplier, lot number). Item, supplier and unit cost never change; the other attributes change only
 * through {@link LotService#changeAttributes}, which records a lot event.
 */
@Entity
@Table(name = "lot")
public class Lot extends VersionedEntity {

    @Column(name = "item_id", nullable = false, updatable = false)
    private Long itemId;

    @Column(name = "supplier_id", nullable = false, updatable = false)
    private Long supplierId;

    @Column(name = "lot_number", nullable = false)
    private String lotNumber;

    @Column(name = "internal_label", nullable = false, updatable = false)
    private String internalLabel;

    @Column(name = "manufacturer_batch_ref")
    private String manufacturerBatchRef;

    @Column(name = "manufactured_on")
    private LocalDate manufacturedOn;

    @Column(name = "expires_on")
    private LocalDate expiresOn;

    @Column(name = "best_before_on")
    private LocalDate bestBeforeOn;

    @Column(name = "first_received_on")
    private LocalDate firstReceivedOn;

    @Column(name = "unit_cost", nullable = false, updatable = false, precision = 19, scale = 4)
    private BigDecimal unitCost;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(nullable = false, updatable = false, length = 3)
    private String currency;

    protected Lot() {}

    public Lot(
            Long itemId,
            Long supplierId,
            String lotNumber,
            String internalLabel,
            BigDecimal unitCost,
            String currency) {
        this.itemId = itemId;
        this.supplierId = supplierId;
        this.lotNumber = lotNumber;
        this.internalLabel = internalLabel;
        this.unitCost = unitCost;
        this.currency = currency;
    }

    void setLotNumber(String lotNumber) {
        this.lotNumber = lotNumber;
    }

    void setManufacturerBatchRef(String ref) {
        this.manufacturerBatchRef = ref;
    }

    void setManufacturedOn(LocalDate d) {
        this.manufacturedOn = d;
    }

    void setExpiresOn(LocalDate d) {
        this.expiresOn = d;
    }

    void setBestBeforeOn(LocalDate d) {
        this.bestBeforeOn = d;
    }

    void setFirstReceivedOn(LocalDate d) {
        this.firstReceivedOn = d;
    }

    public Long getItemId() {
        return itemId;
    }

    public Long getSupplierId() {
        return supplierId;
    }

    public String getLotNumber() {
        return lotNumber;
    }

    public String getInternalLabel() {
        return internalLabel;
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

    public LocalDate getFirstReceivedOn() {
        return firstReceivedOn;
    }

    public BigDecimal getUnitCost() {
        return unitCost;
    }

    public String getCurrency() {
        return currency;
    }
}
