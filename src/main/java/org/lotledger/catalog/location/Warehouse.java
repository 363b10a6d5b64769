package org.lotledger.catalog.location;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.lotledger.catalog.ActivatableEntity;

@Entity
@Table(name = "warehouse")
public class Warehouse extends ActivatableEntity {

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    /** IANA zone id; defines "today" for expiry, shelf life and deadlines in this warehouse */
    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    /** The day this warehouse started on Lot Ledger: no posting here may say it happened earlier (null: not set). */
    @Column(name = "go_live_on")
    private java.time.LocalDate goLiveOn;

    protected Warehouse() {}

    public Warehouse(String code, String name, String timeZone) {
        this.code = code;
        this.name = name;
        this.timeZone = timeZone;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void rename(String name) {
        this.name = name;
    }

    public void moveToTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public java.time.LocalDate getGoLiveOn() {
        return goLiveOn;
    }

    public void goLiveOn(java.time.LocalDate day) {
        this.goLiveOn = day;
    }
}
