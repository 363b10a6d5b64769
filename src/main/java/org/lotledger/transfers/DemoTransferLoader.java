package org.lotledger.transfers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.lotledger.catalog.demo.DemoCatalogLoader;
import org.lotledger.catalog.reason.ReasonCodeNames;
import org.lotledger.common.Actor;
import org.lotledger.fulfillment.picking.ConfirmingPicks;
import org.lotledger.fulfillment.picking.PickConfirmation;
import org.lotledger.fulfillment.picking.PickTaskView;
import org.lotledger.fulfillment.picking.PickTasks;
import org.lotledger.ledger.AdjustingStock;
import org.lotledger.ledger.StockStatus;
import org.lotledger.platform.security.Groups;
import org.lotledger.transfers.process.InterWarehouseTransferProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Demo transfers (issue 10, §5) on the demo master data, worked through the real services as the people would:
 * otto orders and allocates, walt (EAST) or cora (CENTRAL) picks by the lots' internal labels and dispatches by scan.
 * {@code DEMO-TO-1} sends flu vaccine EAST → WEST and is in transit; {@code DEMO-TO-2} sends saline CENTRAL → EAST
 * and is overdue (its expected arrival and overdue time set in the past, the process's overdue timer due now, so the
 * job executor raises the alert and operations' chase task). Each sends its own demo lot in full
 * ({@link DemoCatalogLoader#LOT_FLU_IN_TRANSIT}, {@link DemoCatalogLoader#LOT_SALINE_OVERDUE}, opening balances
 * posted here), so the stock the demo sales orders and the tests count on is untouched. Idempotent across restarts:
 * an order is known by the demo key in its reason, the postings by their idempotency keys. Only with
 * {@code lotledger.demo.enabled=true}, never in prod; after the demo sales orders (order 30).
 */
@Component
@ConditionalOnProperty(name = "lotledger.demo.enabled", havingValue = "true")
public class DemoTransferLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoTransferLoader.class);
    private static final Actor LOADER = new Actor("system", Set.of(Groups.INVENTORY_CONTROL));
    private static final Actor OTTO = new Actor("otto", Set.of(Groups.OPERATIONS));

    /** One demo transfer: its key (in the reason), lane, lot, quantity, shelf, who ships it, logger, overdue. */
    record DemoTransfer(
            String key,
            String from,
            String to,
            String sku,
            String supplier,
            String lotNumber,
            String shelf,
            long quantity,
            String shipper,
            String coldChainLogger,
            boolean overdue,
            String why) {

        String reason() {
            return why + " [" + key + "]";
        }

        Actor shipperActor() {
            return new Actor(shipper, Set.of(Groups.WAREHOUSE, Groups.atWarehouse(Groups.WAREHOUSE, from)));
        }
    }

    static final List<DemoTransfer> TRANSFERS = List.of(
            new DemoTransfer(
                    "DEMO-TO-1",
                    DemoCatalogLoader.EAST,
                    DemoCatalogLoader.WEST,
                    DemoCatalogLoader.SKU_FLU_VACCINE,
                    DemoCatalogLoader.SUP_NORDVAX,
                    DemoCatalogLoader.LOT_FLU_IN_TRANSIT,
                    DemoCatalogLoader.EAST_CHILLED_2,
                    40,
                    "walt",
                    "TT-DEMO-0001",
                    false,
                    "flu campaign at West clinics"),
            new DemoTransfer(
                    "DEMO-TO-2",
                    DemoCatalogLoader.CENTRAL,
                    DemoCatalogLoader.EAST,
                    DemoCatalogLoader.SKU_SALINE,
                    DemoCatalogLoader.SUP_BIOSALINE,
                    DemoCatalogLoader.LOT_SALINE_OVERDUE,
                    DemoCatalogLoader.CENTRAL_AMBIENT_1,
                    60,
                    "cora",
                    null,
                    true,
                    "rebalance saline to East"));

    private final OrderingTransfers ordering;
    private final AllocatingTransfers allocating;
    private final PickTasks pickTasks;
    private final ConfirmingPicks confirming;
    private final DispatchingTransfers dispatching;
    private final AdjustingStock adjusting;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public DemoTransferLoader(
            OrderingTransfers ordering,
            AllocatingTransfers allocating,
            PickTasks pickTasks,
            ConfirmingPicks confirming,
            DispatchingTransfers dispatching,
            AdjustingStock adjusting,
            RuntimeService runtime,
            ManagementService management,
            JdbcTemplate jdbc,
            Clock clock) {
        this.ordering = ordering;
        this.allocating = allocating;
        this.pickTasks = pickTasks;
        this.confirming = confirming;
        this.dispatching = dispatching;
        this.adjusting = adjusting;
        this.runtime = runtime;
        this.management = management;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(40)
    public void load() {
        int made = 0;
        for (DemoTransfer t : TRANSFERS) {
            try {
                if (load(t)) {
                    made++;
                }
            } catch (RuntimeException e) {
                log.warn("demo transfer {}: {}; skipped", t.key(), e.getMessage());
            }
        }
        log.info("Demo transfers ready: {} ({} made now)", TRANSFERS.size(), made);
    }

    private boolean load(DemoTransfer t) {
        List<Long> known = jdbc.queryForList("select id from transfer_order where reason = ?", Long.class, t.reason());
        if (!known.isEmpty()) {
            return false;
        }
        List<String> label = jdbc.queryForList("""
                select l.internal_label from lot l join item i on i.id = l.item_id
                  join supplier s on s.id = l.supplier_id
                 where i.sku = ? and s.code = ? and l.lot_number = ?""", String.class, t.sku(), t.supplier(), t.lotNumber());
        if (label.isEmpty()) {
            log.warn("demo transfer {}: no lot {} of {}; skipped", t.key(), t.lotNumber(), t.sku());
            return false;
        }
        String lot = label.get(0);
        String baseUom = jdbc.queryForObject("select base_uom from item where sku = ?", String.class, t.sku());
        adjusting.openingBalance(
                new AdjustingStock.Adjustment(
                        lot,
                        t.shelf(),
                        StockStatus.AVAILABLE,
                        BigDecimal.valueOf(t.quantity()),
                        baseUom,
                        ReasonCodeNames.OPENING,
                        "demo transfer " + t.key(),
                        null),
                LOADER,
                "demo:transfer-stock:" + t.key() + ":" + t.lotNumber() + ":" + t.shelf());

        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("UTC")));
        TransferOrderView order = ordering.place(
                new TransferOrderDraft(
                        t.from(),
                        t.to(),
                        today,
                        t.reason(),
                        "demo data",
                        List.of(new TransferOrderDraft.Line(
                                t.sku(), null, BigDecimal.valueOf(t.quantity()), baseUom, lot))),
                OTTO);
        allocating.allocate(order.id(), OTTO);
        Actor shipper = t.shipperActor();
        String staging = t.from() + "-SHIP-01";
        PickTaskView task = pickTasks.create(AllocatingTransfers.DEMAND_TYPE, order.id(), shipper);
        for (PickTaskView.Line line : task.lines()) {
            confirming.confirm(
                    task.id(),
                    line.id(),
                    new PickConfirmation(
                            line.locationCode(),
                            line.lotLabel(),
                            BigDecimal.valueOf(line.quantity()),
                            line.baseUom(),
                            staging,
                            null,
                            null),
                    shipper,
                    "demo:transfer-pick:" + t.key() + ":" + line.id());
        }
        dispatching.dispatch(
                order.id(),
                new TransferDispatch(staging, List.of(lot), t.coldChainLogger()),
                shipper,
                "demo:transfer-dispatch:" + t.key());
        if (t.overdue()) {
            makeOverdue(order.id());
        }
        return true;
    }

    /**
     * The transfer left two days late on paper: its expected arrival a day ago and its overdue time an hour ago, the
     * process's overdue timer due now (the job executor fires it: alert, chase task for operations).
     */
    private void makeOverdue(long orderId) {
        Instant now = clock.instant();
        Instant overdueAt = now.minus(Duration.ofHours(1));
        jdbc.update(
                "update transfer_order set expected_arrival_at = ?, overdue_at = ?, version = version + 1 where id = ?",
                java.sql.Timestamp.from(now.minus(Duration.ofDays(1))),
                java.sql.Timestamp.from(overdueAt),
                orderId);
        ProcessInstance pi = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(InterWarehouseTransferProcess.businessKey(orderId))
                .singleResult();
        if (pi == null) {
            return;
        }
        runtime.setVariable(pi.getId(), "overdueAt", Date.from(overdueAt));
        for (Job timer : management
                .createJobQuery()
                .processInstanceId(pi.getId())
                .timers()
                .list()) {
            management.setJobDuedate(timer.getId(), Date.from(overdueAt));
        }
    }
}
