package org.lotledger.catalog.partner;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.lotledger.catalog.ActivatableEntity;
import org.lotledger.catalog.Address;

@Entity
@Table(name = "customer")
public class Customer extends ActivatableEntity {

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "customer_type", nullable = false)
    private CustomerType customerType;

    @Column(name = "min_remaining_shelf_life_days", nullable = false)
    private int minRemainingShelfLifeDays;

    /** where shipments go (null: not given yet) */
    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "line1", column = @Column(name = "ship_to_line1")),
        @AttributeOverride(name = "line2", column = @Column(name = "ship_to_line2")),
        @AttributeOverride(name = "city", column = @Column(name = "ship_to_city")),
        @AttributeOverride(name = "postalCode", column = @Column(name = "ship_to_postal_code")),
        @AttributeOverride(name = "region", column = @Column(name = "ship_to_region")),
        @AttributeOverride(name = "country", column = @Column(name = "ship_to_country", length = 2))
    })
    private Address shipTo;

    /** GS1 Global Location Number of the ship-to party, validated by {@link org.lotledger.catalog.Gln} */
    @Column(length = 13)
    private String gln;

    /** whom a recall notice goes to (null: not given yet) */
    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "name", column = @Column(name = "recall_contact_name")),
        @AttributeOverride(name = "email", column = @Column(name = "recall_contact_email")),
        @AttributeOverride(name = "phone", column = @Column(name = "recall_contact_phone"))
    })
    private RecallContact recallContact;

    protected Customer() {}

    public Customer(String code) {
        this.code = code;
    }

    public void describe(String name, CustomerType type, int minRemainingShelfLifeDays) {
        this.name = name;
        this.customerType = type;
        this.minRemainingShelfLifeDays = minRemainingShelfLifeDays;
    }

    /** Where it is shipped to, its GLN and its recall contact, each already validated and normalised (or null). */
    public void locate(Address shipTo, String gln, RecallContact recallContact) {
        this.shipTo = shipTo;
        this.gln = gln;
        this.recallContact = recallContact;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public CustomerType getCustomerType() {
        return customerType;
    }

    public int getMinRemainingShelfLifeDays() {
        return minRemainingShelfLifeDays;
    }

    public Address getShipTo() {
        return shipTo;
    }

    public String getGln() {
        return gln;
    }

    public RecallContact getRecallContact() {
        return recallContact;
    }
}
