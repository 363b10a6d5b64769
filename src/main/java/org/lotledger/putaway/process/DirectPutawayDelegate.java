package org.lotledger.putaway.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lotledger.putaway.ReleasedStockPutaway;
import org.springframework.stereotype.Component;

/**
 * Task_DirectPutaway of bpmn/receiving-inspection.bpmn and bpmn/quality-hold-release.bpmn. The task before it names
 * the stock it made AVAILABLE in place ({@code releasedStock}: {@code <lotId>@<locationId>}, comma separated); for
 * each that sits in a zone refusing AVAILABLE stock this starts bpmn/directed-putaway.bpmn, whose "Put away" task
 * carries the directed zone and suggested locations. One open putaway per lot and location (business key
 * {@code putaway-lot-<lotId>-at-<locationId>}): a second release of the same stock there joins the open task,
 * which puts away whatever is there when it is completed. Sets {@code putawaysDirected}, the instances started.
 */
@Component("directPutawayDelegate")
public class DirectPutawayDelegate implements JavaDelegate {

    public static final String PROCESS_KEY = "DirectedPutaway";

    private final ReleasedStockPutaway putaway;
    private final RuntimeService runtime;

    public DirectPutawayDelegate(ReleasedStockPutaway putaway, RuntimeService runtime) {
        this.putaway = putaway;
        this.runtime = runtime;
    }

    public static String businessKey(long lotId, long locationId) {
        return "putaway-lot-" + lotId + "-at-" + locationId;
    }

    /** {@code releasedStock} for one lot at one location. */
    public static String released(long lotId, long locationId) {
        return lotId + "@" + locationId;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object released = execution.getVariable("releasedStock");
        List<String> started = new ArrayList<>();
        if (released != null) {
            for (String part : released.toString().split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                String[] lotAt = part.trim().split("@");
                long lotId = Long.parseLong(lotAt[0]);
                long locationId = Long.parseLong(lotAt[1]);
                String key = businessKey(lotId, locationId);
                if (runtime.createProcessInstanceQuery()
                                .processDefinitionKey(PROCESS_KEY)
                                .processInstanceBusinessKey(key)
                                .count()
                        > 0) {
                    continue;
                }
                putaway.due(lotId, locationId).ifPresent(due -> {
                    Map<String, Object> v = new HashMap<>();
                    v.put("lotId", due.lotId());
                    v.put("fromLocationId", due.fromLocationId());
                    v.put("lotLabel", due.lotLabel());
                    v.put("lotNumber", due.lotNumber());
                    v.put("sku", due.sku());
                    v.put("baseUom", due.baseUom());
                    v.put("quantityText", due.quantityText());
                    v.put("fromLocation", due.fromLocation());
                    v.put("directedZone", due.directedZone());
                    v.put(
                            "suggestedLocations",
                            due.suggestedLocations().isEmpty()
                                    ? "none with room: ask the shift lead"
                                    : String.join(", ", due.suggestedLocations()));
                    v.put(
                            "directedBy",
                            execution.getProcessDefinitionId().split(":")[0] + " " + execution.getProcessBusinessKey());
                    v.put("scannedLocation", null);
                    v.put("putawayQuantity", null);
                    v.put("overrideReasonCode", null);
                    started.add(runtime.startProcessInstanceByKey(PROCESS_KEY, key, v)
                            .getId());
                });
            }
        }
        execution.setVariable("putawaysDirected", String.join(",", started));
    }
}
