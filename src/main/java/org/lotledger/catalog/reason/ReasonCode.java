package org.lotledger.catalog.reason;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.lotledger.catalog.ActivatableEntity;

@Entity
@Table(name = "reason_code")
public class ReasonCode extends ActivatableEntity {

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false)
    private String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "posting_types", nullable = false)
    private String[] postingTypes;

    @Column(name = "requires_approval", nullable = false)
    private boolean requiresApproval;

    protected ReasonCode() {}

    public ReasonCode(String code) {
        this.code = code;
    }

    public void describe(String description, Set<PostingTypeName> postingTypes, boolean requiresApproval) {
        this.description = description;
        this.postingTypes = postingTypes.stream().sorted().map(Enum::name).toArray(String[]::new);
        this.requiresApproval = requiresApproval;
    }

    public String getCode() {
        return code;
    }

    public String getDescription() {
        return description;
    }

    public Set<PostingTypeName> getPostingTypes() {
        return Arrays.stream(postingTypes)
                .map(PostingTypeName::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(PostingTypeName.class)));
    }

    /** whether this reason may be given for a posting of that type (by its name) */
    public boolean allows(String postingType) {
        return Arrays.asList(postingTypes).contains(postingType);
    }

    public boolean isRequiresApproval() {
        return requiresApproval;
    }
}
