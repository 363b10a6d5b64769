package org.lotledger.putaway.process;

import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.lotledger.common.DomainException;
import org.lotledger.putaway.PutawayZones;
import org.springframework.stereotype.Component;

/** {@link PutawayZones} answered by the analysts' decision table {@code putawayZone} (dmn/putaway-zone.dmn). */
@Component
public class DmnPutawayZones implements PutawayZones {

    public static final String DECISION = "putawayZone";

    private final DecisionService decisions;

    public DmnPutawayZones(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public String zoneFor(String stockStatus, String temperatureClass, String itemFamily) {
        DmnDecisionRuleResult result = decisions.evaluateDecisionTableByKey(DECISION, Map.of(
                "stockStatus", stockStatus, "temperatureClass", temperatureClass, "itemFamily", itemFamily))
                .getSingleResult();
        Object zone = result == null ? null : result.getEntry("zoneCode");
        if (zone == null) {
            throw DomainException.unprocessable("NO_PUTAWAY_ZONE", "The putaway table has no zone for " + stockStatus
                    + " " + temperatureClass + " " + itemFamily + " stock.", Map.of());
        }
        return zone.toString();
    }
}
