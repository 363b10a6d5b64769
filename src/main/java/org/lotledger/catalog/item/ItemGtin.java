package org.lotledger.catalog.item;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The GTIN of one packaging level of an item, as 14 digits. */
@Entity
@Table(name = "item_gtin")
public class ItemGtin {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "gtin", length = 14)
    private String gtin;

    @Column(name = "item_id", nullable = false)
    private Long itemId;

    @Column(nullable = false)
    private String uom;

    protected ItemGtin() {}

    public ItemGtin(String gtin, Long itemId, String uom) {
        this.gtin = gtin;
        this.itemId = itemId;
        this.uom = uom;
    }

    public String getGtin() {
        return gtin;
    }

    public Long getItemId() {
        return itemId;
    }

    public String getUom() {
        return uom;
    }
}
