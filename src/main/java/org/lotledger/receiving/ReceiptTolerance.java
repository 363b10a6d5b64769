package org.lotledger.receiving;

import java.math.BigDecimal;

/**
 * The over-receipt tolerance, in percent of the ordered quantity. The table is a business decision (DMN
 * {@code dmn/over-receipt-tolerance.dmn}), evaluated behind this seam so the receiving service stays free of the
 * process engine.
 */
public interface ReceiptTolerance {

    BigDecimal tolerancePercent(String supplierApprovalStatus, String riskClass, String temperatureClass);
}
