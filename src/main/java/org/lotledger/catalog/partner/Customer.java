package org.lotledger.catalog.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.lotledger.catalog.ActivatableEntity;

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

    protected Customer() {}

    public Customer(String code) {
        this.code = code;
    }

    public void describe(String name, CustomerType type, int minRemainingShelfLifeDays) {
        this.name = name;
        this.customerType = type;
        this.minRemainingShelfLifeDays = minRemainingShelfLifeDays;
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
}
