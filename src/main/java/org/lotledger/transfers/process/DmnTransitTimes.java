package org.lotledger.transfers.process;

import java.util.HashMap;
import java.util.Map;
import org.lotledger.common.DomainException;
import org.lotledger.platform.camunda.DecisionTables;
import org.lotledger.transfers.TransitTimes;
import org.springframework.stereotype.Component;

/** {@link TransitTimes} answered by the analysts' decision table {@code transitTime} (dmn/transit-time.dmn). */
@Component
public class DmnTransitTimes implements TransitTimes {

    public static final String DECISION = "transitTime";

    private final DecisionTables tables;

    public DmnTransitTimes(DecisionTables tables) {
        this.tables = tables;
    }

    @Override
    public TransitTime of(String fromWarehouseCode, String toWarehouseCode, String temperatureClass) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("fromWarehouse", fromWarehouseCode);
        inputs.put("toWarehouse", toWarehouseCode);
        inputs.put("temperatureClass", temperatureClass);
        Map<String, Object> out = tables.evaluate(DECISION, inputs);
        if (!(out.get("transitDays") instanceof Number days) || !(out.get("graceHours") instanceof Number grace)) {
            throw DomainException.unprocessable(
                    "NO_TRANSIT_TIME",
                    "The transit-time table has no days and grace hours for " + fromWarehouseCode + " → "
                            + toWarehouseCode + " " + temperatureClass + ".",
                    Map.of());
        }
        return new TransitTime(days.intValue(), grace.intValue(), DECISION);
    }
}
