package org.lotledger.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import org.lotledger.common.DomainException;

/** Id, optimistic version and timestamps shared by every catalog table. */
@MappedSuperclass
public abstract class VersionedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    @Column(nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @PrePersist
    void onCreate() {
        createdAt = Instant.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = Instant.now();
    }

    /** Refuses a change made on a stale read (the If-Match version); null means the caller did not ask. */
    public void requireVersion(Long expected) {
        if (expected != null && expected != version) {
            throw new DomainException(
                    "VERSION_CONFLICT",
                    DomainException.Kind.PRECONDITION_FAILED,
                    "Someone else changed this record; reload it and apply your change again.",
                    Map.of("expectedVersion", expected, "currentVersion", version));
        }
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
