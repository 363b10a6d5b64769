package org.lotledger.recall.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.item.Gtin;
import org.lotledger.common.Actor;
import org.lotledger.fulfillment.AllocatingOrders;
import org.lotledger.fulfillment.SalesOrderDraft;
import org.lotledger.fulfillment.SalesOrderView;
import org.lotledger.fulfillment.SalesOrdering;
import org.lotledger.fulfillment.picking.ConfirmingPicks;
import org.lotledger.fulfillment.picking.PickConfirmation;
import org.lotledger.fulfillment.picking.PickTaskView;
import org.lotledger.fulfillment.picking.PickTasks;
import org.lotledger.fulfillment.shipping.ShipmentView;
import org.lotledger.fulfillment.shipping.Shipping;
import org.lotledger.ledger.StockStatus;
import org.lotledger.platform.camunda.TasksAsActor;
import org.lotledger.platform.security.Groups;
import org.lotledger.purchasing.AnnouncingShipments;
import org.lotledger.purchasing.AsnDraft;
import org.lotledger.purchasing.AsnView;
import org.lotledger.purchasing.PurchaseOrderDraft;
import org.lotledger.purchasing.PurchaseOrderView;
import org.lotledger.purchasing.PurchaseOrdering;
import org.lotledger.quality.RelabellingLot;
import org.lotledger.receiving.ClosingAndReversingReceipts;
import org.lotledger.receiving.OpeningReceipts;
import org.lotledger.receiving.ReceiptView;
import org.lotledger.receiving.ReceiveLine;
import org.lotledger.receiving.ReceivingGoods;
import org.lotledger.transfers.AllocatingTransfers;
import org.lotledger.transfers.DispatchingTransfers;
import org.lotledger.transfers.OrderingTransfers;
import org.lotledger.transfers.TransferDispatch;
import org.lotledger.transfers.TransferOrderDraft;
import org.lotledger.transfers.TransferOrderView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A recall batch as it comes about in the real flows, so that a trace has everything to find: one supplier batch of
 * two lots, a FROZEN one received at EAST and a CHILLED one received at EAST and at WEST, told through the services
 * people and machines use and nothing else. The ERP ({@code erp}) places a purchase order per warehouse and forwards
 * the supplier's ASN (one SSCC per lot); {@code rita} opens a receipt at the dock, receives each pallet by scanning
 * its GS1 label and closes the receipt; the receiving inspection runs as a process: its "Inspect lot" task is
 * completed by {@code quinn} (a quality manager, {@code maria}, where the table asks for one) and the "Put away" task
 * the accepted stock gets by the warehouse's clerk ({@code walt} at EAST, {@code wes} at WEST), scanning the shelf;
 * the ERP's sales orders to four customers (two of EAST, one of WEST; the third gets both lots) are allocated by
 * {@code otto} on the requested lot, picked by scan onto the staging location and shipped; {@code otto} orders part of
 * the FROZEN lot EAST → WEST, {@code walt} picks and dispatches it, and it stays in transit; {@code quinn} relabels
 * part of the FROZEN lot on its shelf into a child lot. Optionally one order is left allocated and unshipped (a
 * reservation a recall has to void).
 *
 * <p>The engine's asynchronous steps (the inspection level, posting the inspection result) are run here when the
 * job executor is off (tests run without it); with it on (the demo), the story waits for the next task to appear. Used by {@link DemoRecallBatchLoader} for the demo batch
 * {@code MFG-2026-0042} and by tests for a fresh batch of their own ({@link Batch}: own document numbers, lots and,
 * when they like, items). Not idempotent by itself: the caller decides whether a batch is told already
 * ({@link #told}).
 */
@Component
public class RecallBatchStory {

    private static final Logger log = LoggerFactory.getLogger(RecallBatchStory.class);
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final Duration WAIT_FOR_ENGINE = Duration.ofSeconds(60);

    static final String ERP = "erp";
    static final Actor RITA = new Actor(
            "rita",
            Set.of(
                    Groups.RECEIVING,
                    Groups.atWarehouse(Groups.RECEIVING, "EAST"),
                    Groups.atWarehouse(Groups.RECEIVING, "WEST")));
    static final Actor QUINN = new Actor("quinn", Set.of(Groups.QUALITY));
    static final Actor MARIA = new Actor("maria", Set.of(Groups.QUALITY, Groups.QUALITY_MANAGERS));
    static final Actor OTTO = new Actor("otto", Set.of(Groups.OPERATIONS));
    static final Actor WALT = new Actor("walt", Set.of(Groups.WAREHOUSE, Groups.atWarehouse(Groups.WAREHOUSE, "EAST")));
    static final Actor WES = new Actor("wes", Set.of(Groups.WAREHOUSE, Groups.atWarehouse(Groups.WAREHOUSE, "WEST")));

    /** One lot of the batch: its item, number, dates and the price on the purchase order. */
    public record Lot(String sku, String lotNumber, LocalDate manufacturedOn, LocalDate expiresOn, BigDecimal price) {}

    /**
     * The customers the batch goes to: {@code first} gets FROZEN from EAST, {@code second} CHILLED from EAST,
     * {@code third} both from EAST, {@code west} CHILLED from WEST.
     */
    public record Customers(String first, String second, String third, String west) {}

    /**
     * The quantities (base units) of the story. FROZEN at EAST: received, shipped to the first and the third customer,
     * sent to WEST and left in transit, relabelled into the child lot on the shelf. CHILLED: received at EAST and
     * shipped to the second and the third customer; received at WEST and shipped to the WEST customer;
     * {@code chilledReservedForSecond} left allocated to the second customer and not shipped (0: none).
     */
    public record Quantities(
            long frozenReceived,
            long frozenToFirst,
            long frozenToThird,
            long frozenInTransit,
            long frozenRelabelled,
            long chilledReceivedEast,
            long chilledToSecond,
            long chilledToThird,
            long chilledReceivedWest,
            long chilledToWest,
            long chilledReservedForSecond) {

        public long frozenLeft() {
            return frozenReceived - frozenToFirst - frozenToThird - frozenInTransit - frozenRelabelled;
        }

        public long chilledLeftEast() {
            return chilledReceivedEast - chilledToSecond - chilledToThird;
        }

        public long chilledLeftWest() {
            return chilledReceivedWest - chilledToWest;
        }
    }

    /**
     * A batch to tell.
     *
     * @param reference     the manufacturer's batch reference on both lots (what {@code GET /api/trace?batchRef=}
     *                      finds)
     * @param documentTag   part of every document number (PO, ASN, sales orders, transfer reason) and idempotency key
     * @param childLotNumber the relabelled child lot's number
     * @param ssccSerial    seven digits that make the SSCCs of this batch's pallets (with the lot index and a check
     *                      digit)
     */
    public record Batch(
            String reference,
            String documentTag,
            String supplierCode,
            Lot frozen,
            Lot chilled,
            String childLotNumber,
            String frozenShelf,
            String eastChilledShelf,
            String westChilledShelf,
            Customers customers,
            Quantities quantities,
            String ssccSerial) {

        public Batch {
            Objects.requireNonNull(reference);
            Objects.requireNonNull(documentTag);
            if (quantities.frozenLeft() < 0
                    || quantities.chilledLeftEast() < quantities.chilledReservedForSecond()
                    || quantities.chilledLeftWest() < 0) {
                throw new IllegalArgumentException("the story ships more than it receives: " + quantities);
            }
            if (!ssccSerial.matches("[0-9]{7}")) {
                throw new IllegalArgumentException("ssccSerial: seven digits");
            }
        }

        String poNumber(String warehouse) {
            return "PO-" + documentTag + "-" + warehouse;
        }
    }

    /** What the story made, for a test to follow the batch. */
    public record Told(
            long frozenLotId,
            String frozenLabel,
            long chilledLotId,
            String chilledLabel,
            long childLotId,
            String childLabel,
            List<Long> purchaseOrderIds,
            List<Long> asnIds,
            List<Long> receiptIds,
            Map<String, List<ShipmentView>> shipmentsByCustomer,
            long transferOrderId,
            String transferOrderNumber,
            Long openSalesOrderId) {}

    private final PurchaseOrdering purchasing;
    private final AnnouncingShipments announcing;
    private final OpeningReceipts opening;
    private final ReceivingGoods receiving;
    private final ClosingAndReversingReceipts closing;
    private final SalesOrdering ordering;
    private final AllocatingOrders allocating;
    private final PickTasks pickTasks;
    private final ConfirmingPicks picking;
    private final Shipping shipping;
    private final OrderingTransfers transferOrders;
    private final AllocatingTransfers transferAllocation;
    private final DispatchingTransfers dispatching;
    private final RelabellingLot relabelling;
    private final TasksAsActor tasksAs;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final ProcessEngine engine;
    private final CatalogQueries catalog;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public RecallBatchStory(
            PurchaseOrdering purchasing,
            AnnouncingShipments announcing,
            OpeningReceipts opening,
            ReceivingGoods receiving,
            ClosingAndReversingReceipts closing,
            SalesOrdering ordering,
            AllocatingOrders allocating,
            PickTasks pickTasks,
            ConfirmingPicks picking,
            Shipping shipping,
            OrderingTransfers transferOrders,
            AllocatingTransfers transferAllocation,
            DispatchingTransfers dispatching,
            RelabellingLot relabelling,
            TasksAsActor tasksAs,
            TaskService tasks,
            RuntimeService runtime,
            ManagementService management,
            ProcessEngine engine,
            CatalogQueries catalog,
            JdbcTemplate jdbc,
            Clock clock) {
        this.purchasing = purchasing;
        this.announcing = announcing;
        this.opening = opening;
        this.receiving = receiving;
        this.closing = closing;
        this.ordering = ordering;
        this.allocating = allocating;
        this.pickTasks = pickTasks;
        this.picking = picking;
        this.shipping = shipping;
        this.transferOrders = transferOrders;
        this.transferAllocation = transferAllocation;
        this.dispatching = dispatching;
        this.relabelling = relabelling;
        this.tasksAs = tasksAs;
        this.tasks = tasks;
        this.runtime = runtime;
        this.management = management;
        this.engine = engine;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether this batch's first purchase order exists already (the story was told, or began to be). */
    public boolean told(Batch b) {
        return jdbc.queryForObject(
                        "select count(*) from purchase_order where po_number = ?", Integer.class, b.poNumber("EAST"))
                > 0;
    }

    /**
     * Whether the story got to its relabel, the last step every batch has: a start stopped midway (the story is many
     * transactions, each a real flow's) leaves it {@link #told} but not complete.
     */
    public boolean complete(Batch b) {
        return jdbc.queryForObject("""
                        select count(*) from lot l join supplier s on s.id = l.supplier_id
                         where s.code = ? and l.lot_number = ?""", Integer.class, b.supplierCode(), b.childLotNumber()) > 0;
    }

    public Told tell(Batch b) {
        Quantities q = b.quantities();
        long supplierId = jdbc.queryForObject("select id from supplier where code = ?", Long.class, b.supplierCode());
        Lot frozen = recorded(b.frozen(), b.supplierCode());
        Lot chilled = recorded(b.chilled(), b.supplierCode());
        List<Long> pos = new ArrayList<>();
        List<Long> asns = new ArrayList<>();
        List<Long> receipts = new ArrayList<>();

        // ---- EAST: the ERP orders both lots, the supplier's ASN announces two pallets, rita scans them in ----------
        Map<Lot, Long> east = new LinkedHashMap<>();
        east.put(frozen, q.frozenReceived());
        east.put(chilled, q.chilledReceivedEast());
        Map<Lot, ReceiptView.Line> inEast = receive(b, supplierId, "EAST", east, 1, pos, asns, receipts);
        long frozenLot = inEast.get(frozen).lotId();
        long chilledLot = inEast.get(chilled).lotId();
        String frozenLabel = inEast.get(frozen).internalLabel();
        String chilledLabel = inEast.get(chilled).internalLabel();
        inspectAndPutAway(frozenLot, q.frozenReceived(), b.frozenShelf(), WALT);
        inspectAndPutAway(chilledLot, q.chilledReceivedEast(), b.eastChilledShelf(), WALT);

        // ---- WEST: a second delivery of the CHILLED lot
        // --------------------------------------------------------------
        if (q.chilledReceivedWest() > 0) {
            receive(b, supplierId, "WEST", Map.of(chilled, q.chilledReceivedWest()), 3, pos, asns, receipts);
            inspectAndPutAway(chilledLot, q.chilledReceivedWest(), b.westChilledShelf(), WES);
        }

        // ---- the ERP's orders, allocated on the lot, picked by scan and shipped -------------------------------------
        Map<String, List<ShipmentView>> shipped = new LinkedHashMap<>();
        Customers c = b.customers();
        ship(b, "1", c.first(), "EAST", WALT, shipped, line(frozen, q.frozenToFirst(), frozenLabel));
        ship(b, "2", c.second(), "EAST", WALT, shipped, line(chilled, q.chilledToSecond(), chilledLabel));
        ship(
                b,
                "3",
                c.third(),
                "EAST",
                WALT,
                shipped,
                line(frozen, q.frozenToThird(), frozenLabel),
                line(chilled, q.chilledToThird(), chilledLabel));
        ship(b, "4", c.west(), "WEST", WES, shipped, line(chilled, q.chilledToWest(), chilledLabel));

        // ---- part of the FROZEN lot leaves EAST for WEST and is on the road
        // -------------------------------------------
        TransferOrderView transfer = sendToWest(b, frozen, frozenLabel, q.frozenInTransit());

        // ---- quinn relabels part of the FROZEN lot on its shelf (a damaged outer label, say) ------------------------
        long shelf =
                catalog.findLocationByBarcode(b.frozenShelf()).orElseThrow().id();
        RelabellingLot.Relabelled child = relabelling.relabel(
                frozenLot,
                new RelabellingLot.Relabel(
                        b.childLotNumber(),
                        shelf,
                        StockStatus.AVAILABLE,
                        q.frozenRelabelled(),
                        b.reference(),
                        frozen.manufacturedOn(),
                        frozen.expiresOn(),
                        null,
                        "outer cartons relabelled after a label printer fault [" + b.documentTag() + "]"),
                QUINN,
                "story:" + b.documentTag() + ":relabel");

        // ---- optionally: an order allocated and not yet picked -----------------------------------------------------
        Long open = null;
        if (q.chilledReservedForSecond() > 0) {
            SalesOrderView order = order(
                    b, "5", c.second(), "EAST", List.of(line(chilled, q.chilledReservedForSecond(), chilledLabel)));
            allocating.allocate(order.id(), OTTO);
            open = order.id();
        }
        log.info(
                "Recall batch {} told: lots {} and {}, child {}, {} shipments, transfer {} in transit",
                b.reference(),
                frozenLabel,
                chilledLabel,
                child.child().internalLabel(),
                shipped.values().stream().mapToInt(List::size).sum(),
                transfer.orderNumber());
        return new Told(
                frozenLot,
                frozenLabel,
                chilledLot,
                chilledLabel,
                child.child().id(),
                child.child().internalLabel(),
                pos,
                asns,
                receipts,
                shipped,
                transfer.id(),
                transfer.orderNumber(),
                open);
    }

    /** The lot's dates as on record when it exists already (a receipt must agree with them), else as given. */
    private Lot recorded(Lot lot, String supplierCode) {
        List<Lot> known = jdbc.query(
                """
                select l.manufactured_on, l.expires_on from lot l join item i on i.id = l.item_id
                  join supplier s on s.id = l.supplier_id
                 where i.sku = ? and s.code = ? and l.lot_number = ?""",
                (rs, n) -> new Lot(
                        lot.sku(),
                        lot.lotNumber(),
                        rs.getObject(1, LocalDate.class) == null
                                ? lot.manufacturedOn()
                                : rs.getObject(1, LocalDate.class),
                        rs.getObject(2, LocalDate.class) == null ? lot.expiresOn() : rs.getObject(2, LocalDate.class),
                        lot.price()),
                lot.sku(),
                supplierCode,
                lot.lotNumber());
        return known.isEmpty() ? lot : known.get(0);
    }

    // ---- receiving -----------------------------------------------------------------------------------------------

    private Map<Lot, ReceiptView.Line> receive(
            Batch b,
            long supplierId,
            String warehouse,
            Map<Lot, Long> lots,
            int firstPallet,
            List<Long> pos,
            List<Long> asns,
            List<Long> receipts) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<PurchaseOrderDraft.Line> poLines = new ArrayList<>();
        List<AsnDraft.Line> asnLines = new ArrayList<>();
        Map<Lot, String> pallets = new LinkedHashMap<>();
        int n = 0;
        for (Map.Entry<Lot, Long> e : lots.entrySet()) {
            Lot lot = e.getKey();
            long itemId = itemId(lot.sku());
            String baseUom = baseUom(lot.sku());
            String sscc = sscc(b.ssccSerial(), firstPallet + n);
            pallets.put(lot, sscc);
            n++;
            poLines.add(new PurchaseOrderDraft.Line(itemId, BigDecimal.valueOf(e.getValue()), baseUom, lot.price()));
            asnLines.add(new AsnDraft.Line(
                    n,
                    itemId,
                    lot.lotNumber(),
                    b.reference(),
                    lot.manufacturedOn(),
                    lot.expiresOn(),
                    null,
                    BigDecimal.valueOf(e.getValue()),
                    baseUom,
                    sscc));
        }
        PurchaseOrderView po = purchasing.place(
                new PurchaseOrderDraft(
                        b.poNumber(warehouse),
                        supplierId,
                        "USD",
                        "batch " + b.reference() + " for " + warehouse,
                        poLines),
                ERP);
        AsnView asn = announcing.announce(
                new AsnDraft(
                        "ASN-" + b.documentTag() + "-" + warehouse,
                        supplierId,
                        po.id(),
                        null,
                        today.minusDays(2),
                        today,
                        asnLines),
                ERP);
        ReceiptView receipt = opening.open(po.id(), warehouse + "-DOCK-01", asn.id(), RITA);
        Map<Lot, ReceiptView.Line> received = new LinkedHashMap<>();
        for (Map.Entry<Lot, Long> e : lots.entrySet()) {
            Lot lot = e.getKey();
            // the pallet label: SSCC, the content's GTIN (each), the count, expiry, production date, lot
            String scan = "(00)" + pallets.get(lot) + "(02)" + gtin(lot.sku()) + "(37)" + e.getValue() + "(17)"
                    + lot.expiresOn().format(YYMMDD) + "(11)"
                    + lot.manufacturedOn().format(YYMMDD) + "(10)"
                    + lot.lotNumber();
            received.put(
                    lot,
                    receiving.receive(
                            receipt.id(),
                            new ReceiveLine(
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    b.reference(),
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    scan),
                            RITA,
                            "story:" + b.documentTag() + ":receive:" + warehouse + ":" + lot.lotNumber()));
        }
        closing.close(receipt.id(), RITA);
        pos.add(po.id());
        asns.add(asn.id());
        receipts.add(receipt.id());
        return received;
    }

    /**
     * The inspection of what was just received, accepted in full, and the putaway onto {@code shelf} by the task the
     * accepted stock gets.
     */
    private void inspectAndPutAway(long lotId, long quantity, String shelf, Actor clerk) {
        Task inspect = awaitTask(lotId, "ReceivingInspection", "Task_InspectLot");
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("labelsLegible", true);
        answers.put("coldChainInRange", true);
        answers.put("certificateOfAnalysisOk", true);
        answers.put("sampleResult", "PASS");
        answers.put("decision", "ACCEPT");
        answers.put("acceptedQuantity", quantity);
        answers.put("rejectedQuantity", 0);
        answers.put("destroyedSamples", 0);
        answers.put("decisionReason", "");
        Actor inspector =
                candidate(inspect, Groups.QUALITY_MANAGERS) && !candidate(inspect, Groups.QUALITY) ? MARIA : QUINN;
        tasksAs.complete(inspector, inspect, answers, false, "the inspection", Map.of());

        Task putAway = awaitTask(lotId, "DirectedPutaway", "Task_PutAwayStock");
        Map<String, Object> scanned = new LinkedHashMap<>();
        scanned.put("scannedLocation", shelf);
        tasksAs.complete(clerk, putAway, scanned, false, "the putaway", Map.of());
    }

    private boolean candidate(Task task, String group) {
        for (IdentityLink l : tasks.getIdentityLinksForTask(task.getId())) {
            if (group.equals(l.getGroupId())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The open user task of a lot's process; runs the process's due asynchronous jobs meanwhile (what the job executor
     * does, which is off in tests; with it on, one of the two runs each job).
     */
    private Task awaitTask(long lotId, String processKey, String taskKey) {
        Supplier<Task> find = () -> tasks
                .createTaskQuery()
                .processDefinitionKey(processKey)
                .processVariableValueEquals("lotId", lotId)
                .taskDefinitionKey(taskKey)
                .active()
                .list()
                .stream()
                .findFirst()
                .orElse(null);
        long deadline = System.nanoTime() + WAIT_FOR_ENGINE.toNanos();
        while (true) {
            Task t = find.get();
            if (t != null) {
                return t;
            }
            if (!runDueJobs(lotId) && System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "no " + taskKey + " of " + processKey + " for lot " + lotId + " after " + WAIT_FOR_ENGINE);
            }
            pause();
        }
    }

    /**
     * Runs the due (non-timer) jobs of the lot's processes when the job executor does not (tests); whether any ran.
     * With the job executor running (the demo), it runs them and this only waits.
     */
    private boolean runDueJobs(long lotId) {
        if (jobExecutorRuns()) {
            return false;
        }
        boolean ran = false;
        for (ProcessInstance pi : runtime.createProcessInstanceQuery()
                .variableValueEquals("lotId", lotId)
                .active()
                .list()) {
            for (Job job : management
                    .createJobQuery()
                    .processInstanceId(pi.getId())
                    .messages()
                    .executable()
                    .list()) {
                try {
                    management.executeJob(job.getId());
                    ran = true;
                } catch (RuntimeException e) {
                    // another caller ran it first (a concurrent story on the same lot); the task query tells
                    log.debug("job {} not run here: {}", job.getId(), e.getMessage());
                }
            }
        }
        return ran;
    }

    private boolean jobExecutorRuns() {
        return engine.getProcessEngineConfiguration() instanceof ProcessEngineConfigurationImpl c
                && c.getJobExecutor() != null
                && c.getJobExecutor().isActive();
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the engine", e);
        }
    }

    // ---- outbound ------------------------------------------------------------------------------------------------

    private record OrderLine(Lot lot, long quantity, String label) {}

    private static OrderLine line(Lot lot, long quantity, String label) {
        return new OrderLine(lot, quantity, label);
    }

    private SalesOrderView order(Batch b, String n, String customer, String warehouse, List<OrderLine> lines) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return ordering.place(
                new SalesOrderDraft(
                        "ERP",
                        "SO-" + b.documentTag() + "-" + n,
                        customer,
                        warehouse,
                        today.plusDays(1),
                        null,
                        lines.stream()
                                .filter(l -> l.quantity() > 0)
                                .map(l -> new SalesOrderDraft.Line(
                                        l.lot().sku(),
                                        null,
                                        BigDecimal.valueOf(l.quantity()),
                                        baseUom(l.lot().sku()),
                                        l.lot().price().multiply(new BigDecimal("1.6")),
                                        "USD",
                                        null,
                                        l.label()))
                                .toList()),
                ERP);
    }

    private void ship(
            Batch b,
            String n,
            String customer,
            String warehouse,
            Actor clerk,
            Map<String, List<ShipmentView>> shipped,
            OrderLine... lines) {
        if (List.of(lines).stream().allMatch(l -> l.quantity() <= 0)) {
            return;
        }
        SalesOrderView order = order(b, n, customer, warehouse, List.of(lines));
        allocating.allocate(order.id(), OTTO);
        String staging = warehouse + "-SHIP-01";
        pick(pickTasks.create(order.id(), clerk), staging, clerk, "story:" + b.documentTag() + ":pick:" + n);
        ShipmentView shipment = shipping.open(order.id(), clerk);
        shipped.computeIfAbsent(customer, k -> new ArrayList<>())
                .add(shipping.dispatch(shipment.id(), staging, clerk, "story:" + b.documentTag() + ":dispatch:" + n));
    }

    private void pick(PickTaskView task, String staging, Actor clerk, String key) {
        for (PickTaskView.Line l : task.lines()) {
            picking.confirm(
                    task.id(),
                    l.id(),
                    new PickConfirmation(
                            l.locationCode(),
                            l.lotLabel(),
                            BigDecimal.valueOf(l.quantity()),
                            l.baseUom(),
                            staging,
                            null,
                            null),
                    clerk,
                    key + ":" + l.id());
        }
    }

    private TransferOrderView sendToWest(Batch b, Lot lot, String label, long quantity) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        TransferOrderView order = transferOrders.place(
                new TransferOrderDraft(
                        "EAST",
                        "WEST",
                        today,
                        "rebalance " + lot.sku() + " to West [" + b.documentTag() + "]",
                        "batch " + b.reference(),
                        List.of(new TransferOrderDraft.Line(
                                lot.sku(), null, BigDecimal.valueOf(quantity), baseUom(lot.sku()), label))),
                OTTO);
        transferAllocation.allocate(order.id(), OTTO);
        pick(
                pickTasks.create(AllocatingTransfers.DEMAND_TYPE, order.id(), WALT),
                "EAST-SHIP-01",
                WALT,
                "story:" + b.documentTag() + ":transfer-pick");
        return dispatching.dispatch(
                order.id(),
                new TransferDispatch("EAST-SHIP-01", List.of(label), "TT-" + b.ssccSerial()),
                WALT,
                "story:" + b.documentTag() + ":transfer-dispatch");
    }

    // ---- master data ---------------------------------------------------------------------------------------------

    private long itemId(String sku) {
        return jdbc.queryForObject("select id from item where sku = ?", Long.class, sku);
    }

    private String baseUom(String sku) {
        return jdbc.queryForObject("select base_uom from item where sku = ?", String.class, sku);
    }

    /** The GTIN of the item's base unit (what the pallet label names as its content). */
    private String gtin(String sku) {
        return jdbc.queryForObject(
                "select g.gtin from item_gtin g join item i on i.id = g.item_id and g.uom = i.base_uom where i.sku = ?",
                String.class,
                sku);
    }

    /** Extension 0, the GS1 documentation company prefix 0614141, serial and pallet, and the check digit. */
    static String sscc(String serial, int pallet) {
        String data = "0" + "0614141" + serial + String.format("%02d", pallet);
        return data + Gtin.checkDigit(data);
    }
}
