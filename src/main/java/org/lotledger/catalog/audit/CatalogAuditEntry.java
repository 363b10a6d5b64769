package org.lotledger.catalog.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One append-only audit row: who changed which catalog row, when, from what to what. */
@Entity
@Table(name = "catalog_audit")
public class CatalogAuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "entity_type", nullable = false, updatable = false)
    private String entityType;

    @Column(name = "entity_id", nullable = false, updatable = false)
    private String entityId;

    @Column(nullable = false, updatable = false)
    private String action;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    private Map<String, Object> changes;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    protected CatalogAuditEntry() {}

    public CatalogAuditEntry(
            String entityType, String entityId, String action, Map<String, Object> changes, String actor) {
        this.entityType = entityType;
        this.entityId = entityId;
        this.action = action;
        this.changes = changes;
        this.actor = actor;
        this.changedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getEntityType() {
        return entityType;
    }

    public String getEntityId() {
        return entityId;
    }

    public String getAction() {
        return action;
    }

    public Map<String, Object> getChanges() {
        return changes;
    }

    public String getActor() {
        return actor;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}
