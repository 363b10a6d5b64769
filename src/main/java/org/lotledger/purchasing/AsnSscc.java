package org.lotledger.purchasing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An SSCC and the one ASN it was announced on; its primary key makes it unique across ASNs. */
@Entity
@Table(name = "asn_sscc")
public class AsnSscc {

    @Id
    @Column(length = 18)
    @JdbcTypeCode(SqlTypes.CHAR)
    private String sscc;

    @Column(name = "advance_ship_notice_id", nullable = false, updatable = false)
    private Long advanceShipNoticeId;

    protected AsnSscc() {}

    public AsnSscc(Sscc sscc, long advanceShipNoticeId) {
        this.sscc = sscc.value();
        this.advanceShipNoticeId = advanceShipNoticeId;
    }

    public String getSscc() {
        return sscc;
    }

    public Long getAdvanceShipNoticeId() {
        return advanceShipNoticeId;
    }
}
