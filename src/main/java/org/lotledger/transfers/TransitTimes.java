package org.lotledger.transfers;

/** How long a transfer travels on a lane in a temperature class: the analysts' table {@code transitTime}. */
public interface TransitTimes {

    /**
     * @param days       whole days from dispatch to the expected arrival
     * @param graceHours how late the stock may be before it is chased
     * @param rule       the table's rule that decided, for the record (may be null)
     */
    record TransitTime(int days, int graceHours, String rule) {}

    TransitTime of(String fromWarehouseCode, String toWarehouseCode, String temperatureClass);
}
