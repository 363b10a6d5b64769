package org.lotledger.catalog.location;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.lotledger.catalog.ActivatableEntity;
import org.lotledger.catalog.Address;

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

    /** where the warehouse is: the ship-from address of its shipments (null: not given yet) */
    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "line1", column = @Column(name = "address_line1")),
        @AttributeOverride(name = "line2", column = @Column(name = "address_line2")),
        @AttributeOverride(name = "city", column = @Column(name = "address_city")),
        @AttributeOverride(name = "postalCode", column = @Column(name = "address_postal_code")),
        @AttributeOverride(name = "region", column = @Column(name = "address_region")),
        @AttributeOverride(name = "country", column = @Column(name = "address_country", length = 2))
    })
    private Address address;

    /** GS1 Global Location Number of the warehouse, validated by {@link org.lotledger.catalog.Gln} */
    @Column(length = 13)
    private String gln;

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

    public Address getAddress() {
        return address;
    }

    public String getGln() {
        return gln;
    }

    /** Its address and GLN, each already validated and normalised (or null). */
    public void locate(Address address, String gln) {
        this.address = address;
        this.gln = gln;
    }
}
