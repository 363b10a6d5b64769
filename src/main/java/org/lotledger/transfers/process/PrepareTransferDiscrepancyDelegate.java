package org.lotledger.transfers.process;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lotledger.platform.camunda.DecisionTables;
import org.lotledger.platform.security.Groups;
import org.lotledger.transfers.ResolvingTransferDiscrepancies;
import org.springframework.stereotype.Component;

/**
 * "Prepare discrepancy", the first step of each instance of the multi-instance: what the task shows (local to this
 * discrepancy's scope, so parallel discrepancies never share a variable), and who is offered it: the destination's
 * receiving supervisors plus what {@code transferDiscrepancyRouting} (dmn/transfer-discrepancy-routing.dmn) adds by
 * type and value, warehouse groups (inventory-control) scoped to the destination. The form's answers are declared
 * here too, so Tasklist's submission lands in this scope.
 */
@Component("prepareTransferDiscrepancyDelegate")
public class PrepareTransferDiscrepancyDelegate implements JavaDelegate {

    public static final String ROUTING = "transferDiscrepancyRouting";

    private final ResolvingTransferDiscrepancies resolving;
    private final DecisionTables tables;

    public PrepareTransferDiscrepancyDelegate(ResolvingTransferDiscrepancies resolving, DecisionTables tables) {
        this.resolving = resolving;
        this.tables = tables;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long discrepancyId = InterWarehouseTransferProcess.id(execution.getVariable("discrepancyId"));
        long transferId = InterWarehouseTransferProcess.id(execution.getVariable("transferOrderId"));
        Map<String, Object> context = resolving.context(discrepancyId);
        context.forEach(execution::setVariableLocal);
        Map<String, Object> routed = tables.evaluate(
                ROUTING,
                Map.of(
                        "discrepancyType",
                        context.get("discrepancyType"),
                        "discrepancyValue",
                        context.get("discrepancyValue")));
        Set<String> groups = new LinkedHashSet<>();
        groups.add(resolving.supervisorsOf(transferId));
        Object more = routed.get("additionalGroups");
        if (more != null) {
            for (String g : more.toString().split(",")) {
                String group = g.strip();
                if (group.isEmpty()) {
                    continue;
                }
                groups.add(
                        Groups.AT_WAREHOUSE.contains(group)
                                ? Groups.atWarehouse(
                                        group, context.get("toWarehouse").toString())
                                : group);
            }
        }
        execution.setVariableLocal("resolverGroups", String.join(",", groups));
        execution.setVariableLocal("routingReason", routed.get("reason") == null ? "" : routed.get("reason"));
        for (String answer : new String[] {
            "resolutionOutcome",
            "resolutionDeadline",
            "resolutionNote",
            "followUpGroup",
            "followUpName",
            "followUpConfirmed"
        }) {
            execution.setVariableLocal(answer, null);
        }
    }
}
