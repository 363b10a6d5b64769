package org.lotledger.catalog.item;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** One unit of measure of an item, as an exact whole number of base units (the base unit itself is 1). */
@Entity
@Table(name = "item_uom")
@IdClass(ItemUom.Key.class)
public class ItemUom {

    public record Key(Long itemId, String uom) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "item_id")
    private Long itemId;

    @Id
    @Column(name = "uom")
    private String uom;

    @Column(name = "base_units_per_uom", nullable = false)
    private int baseUnitsPerUom;

    protected ItemUom() {}

    public ItemUom(Long itemId, String uom, int baseUnitsPerUom) {
        this.itemId = itemId;
        this.uom = uom;
        this.baseUnitsPerUom = baseUnitsPerUom;
    }

    public Long getItemId() {
        return itemId;
    }

    public String getUom() {
        return uom;
    }

    public int getBaseUnitsPerUom() {
        return baseUnitsPerUom;
    }

    public void setBaseUnitsPerUom(int baseUnitsPerUom) {
        this.baseUnitsPerUom = baseUnitsPerUom;
    }
}
