package org.lotledger.putaway.process;

import java.util.Map;
import org.lotledger.common.DomainException;
import org.lotledger.platform.camunda.DecisionTables;
import org.lotledger.putaway.PutawayZones;
import org.springframework.stereotype.Component;

/** {@link PutawayZones} answered by the analysts' decision table {@code putawayZone} (dmn/putaway-zone.dmn). */
@Component
public class DmnPutawayZones implements PutawayZones {

    public static final String DECISION = "putawayZone";

    private final DecisionTables tables;

    public DmnPutawayZones(DecisionTables tables) {
        this.tables = tables;
    }

    @Override
    public String zoneFor(String stockStatus, String temperatureClass, String itemFamily) {
        Object zone = tables.evaluate(
                        DECISION,
                        Map.of(
                                "stockStatus",
                                stockStatus,
                                "temperatureClass",
                                temperatureClass,
                                "itemFamily",
                                itemFamily))
                .get("zoneCode");
        if (zone == null) {
            throw DomainException.unprocessable(
                    "NO_PUTAWAY_ZONE",
                    "The putaway table has no zone for " + stockStatus + " " + temperatureClass + " " + itemFamily
                            + " stock.",
                    Map.of());
        }
        return zone.toString();
    }
}
