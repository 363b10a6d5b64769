package org.lotledger.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/** A catalog row that is deactivated, never deleted, once other rows may refer to it. */
@MappedSuperclass
public abstract class ActivatableEntity extends VersionedEntity {

    @Column(nullable = false)
    private boolean active = true;

    public boolean isActive() {
        return active;
    }

    public void deactivate() {
        active = false;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
