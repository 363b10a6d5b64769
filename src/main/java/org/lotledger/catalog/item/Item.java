package org.lotledger.catalog.item;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.lotledger.catalog.ActivatableEntity;

@Entity
@Table(name = "item")
public class Item extends ActivatableEntity {

    @Column(nullable = false, updatable = false)
    private String sku;

    @Column(nullable = false)
    private String name;

    @Column(name = "base_uom", nullable = false)
    private String baseUom;

    @Column(name = "lot_controlled", nullable = false)
    private boolean lotControlled;

    @Column(name = "expiry_required", nullable = false)
    private boolean expiryRequired;

    @Column(name = "best_before_as_expiry", nullable = false)
    private boolean bestBeforeAsExpiry;

    @Column(name = "shelf_life_days")
    private Integer shelfLifeDays;

    @Column(name = "min_remaining_shelf_life_days", nullable = false)
    private int minRemainingShelfLifeDays;

    /** the least shelf life a lot must have left to be allocated to an order (the column above is at receipt) */
    @Column(name = "min_remaining_shelf_life_at_shipment_days", nullable = false)
    private int minRemainingShelfLifeAtShipmentDays;

    /** FEFO allocation: expiries this many days apart or closer count as equal when looking for the fewest lots */
    @Column(name = "fefo_window_days", nullable = false)
    private int fefoWindowDays;

    /** ALLOC-080: allocation takes whole cases from storage and the remainder from the pick face */
    @Column(name = "whole_cases_from_storage", nullable = false)
    private boolean wholeCasesFromStorage;

    @Enumerated(EnumType.STRING)
    @Column(name = "allocation_method", nullable = false)
    private AllocationMethod allocationMethod;

    @Enumerated(EnumType.STRING)
    @Column(name = "temperature_class", nullable = false)
    private TemperatureClass temperatureClass;

    @Column(name = "item_family", nullable = false)
    private String itemFamily;

    @Column(name = "risk_class", nullable = false)
    private String riskClass;

    @Column(name = "standard_unit_cost", nullable = false, precision = 19, scale = 4)
    private BigDecimal standardUnitCost;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(nullable = false, length = 3)
    private String currency;

    protected Item() {}

    public Item(String sku) {
        this.sku = sku;
    }

    /** Everything but the SKU, units and GTINs (which are rows of their own). */
    public void describe(ItemDraft d) {
        this.name = d.name().trim();
        this.baseUom = d.baseUom().trim().toUpperCase();
        this.lotControlled = d.lotControlled();
        this.expiryRequired = d.expiryRequired();
        this.bestBeforeAsExpiry = Boolean.TRUE.equals(d.bestBeforeAsExpiry());
        this.shelfLifeDays = d.shelfLifeDays();
        this.minRemainingShelfLifeDays = d.minRemainingShelfLifeDays() == null ? 0 : d.minRemainingShelfLifeDays();
        this.minRemainingShelfLifeAtShipmentDays =
                d.minRemainingShelfLifeAtShipmentDays() == null ? 0 : d.minRemainingShelfLifeAtShipmentDays();
        this.fefoWindowDays = d.fefoWindowDays() == null ? 0 : d.fefoWindowDays();
        this.wholeCasesFromStorage = Boolean.TRUE.equals(d.wholeCasesFromStorage());
        this.allocationMethod = d.allocationMethod();
        this.temperatureClass = d.temperatureClass();
        this.itemFamily = d.itemFamily().trim();
        this.riskClass = d.riskClass().trim();
        this.standardUnitCost = d.standardUnitCost();
        this.currency = d.currency().trim().toUpperCase();
    }

    public String getSku() {
        return sku;
    }

    public String getName() {
        return name;
    }

    public String getBaseUom() {
        return baseUom;
    }

    public boolean isLotControlled() {
        return lotControlled;
    }

    public boolean isExpiryRequired() {
        return expiryRequired;
    }

    public boolean isBestBeforeAsExpiry() {
        return bestBeforeAsExpiry;
    }

    public Integer getShelfLifeDays() {
        return shelfLifeDays;
    }

    public int getMinRemainingShelfLifeDays() {
        return minRemainingShelfLifeDays;
    }

    public int getMinRemainingShelfLifeAtShipmentDays() {
        return minRemainingShelfLifeAtShipmentDays;
    }

    public int getFefoWindowDays() {
        return fefoWindowDays;
    }

    public boolean isWholeCasesFromStorage() {
        return wholeCasesFromStorage;
    }

    public AllocationMethod getAllocationMethod() {
        return allocationMethod;
    }

    public TemperatureClass getTemperatureClass() {
        return temperatureClass;
    }

    public String getItemFamily() {
        return itemFamily;
    }

    public String getRiskClass() {
        return riskClass;
    }

    public BigDecimal getStandardUnitCost() {
        return standardUnitCost;
    }

    public String getCurrency() {
        return currency;
    }
}
