package org.lotledger.catalog.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.Optional;
import org.lotledger.catalog.ActivatableEntity;

@Entity
@Table(name = "supplier")
public class Supplier extends ActivatableEntity {

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "approval_status", nullable = false)
    private ApprovalStatus approvalStatus;

    @Column(name = "lot_label_pattern")
    private String lotLabelPattern;

    @Column(name = "lot_label_example")
    private String lotLabelExample;

    protected Supplier() {}

    public Supplier(String code) {
        this.code = code;
    }

    public void describe(String name, ApprovalStatus status, LotLabelConvention convention) {
        this.name = name;
        this.approvalStatus = status;
        this.lotLabelPattern = convention == null ? null : convention.pattern();
        this.lotLabelExample = convention == null ? null : convention.example();
    }

    public Optional<LotLabelConvention> lotLabelConvention() {
        return lotLabelPattern == null
                ? Optional.empty()
                : Optional.of(LotLabelConvention.of(lotLabelPattern, lotLabelExample));
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public ApprovalStatus getApprovalStatus() {
        return approvalStatus;
    }

    public String getLotLabelPattern() {
        return lotLabelPattern;
    }

    public String getLotLabelExample() {
        return lotLabelExample;
    }
}
