package org.lotledger.catalog.lot;

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

/** One entry of a lot's attribute history (append-only in the database). */
@Entity
@Table(name = "lot_event")
public class LotEvent {

    public static final String CREATED = "CREATED";
    public static final String ATTRIBUTE_CHANGED = "ATTRIBUTE_CHANGED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "lot_id", nullable = false, updatable = false)
    private Long lotId;

    @Column(name = "event_type", nullable = false, updatable = false)
    private String eventType;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    private Map<String, Object> changes;

    @Column(updatable = false)
    private String reason;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    protected LotEvent() {}

    public LotEvent(Long lotId, String eventType, Map<String, Object> changes, String reason, String actor) {
        this.lotId = lotId;
        this.eventType = eventType;
        this.changes = changes;
        this.reason = reason;
        this.actor = actor;
        this.occurredAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public Long getLotId() {
        return lotId;
    }

    public String getEventType() {
        return eventType;
    }

    public Map<String, Object> getChanges() {
        return changes;
    }

    public String getReason() {
        return reason;
    }

    public String getActor() {
        return actor;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }
}
