package org.lotledger.receiving.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.partner.SupplierView;
import org.lotledger.purchasing.AdvanceShipNotice;
import org.lotledger.purchasing.AdvanceShipNotices;
import org.lotledger.purchasing.PurchaseOrder;
import org.lotledger.purchasing.PurchaseOrderLine;
import org.lotledger.purchasing.PurchaseOrderLines;
import org.lotledger.purchasing.PurchaseOrderQueries;
import org.lotledger.receiving.LotReceived;
import org.lotledger.receiving.ReceiptClosed;
import org.lotledger.receiving.ReceiptOpened;
import org.lotledger.receiving.ReceiptView;
import org.lotledger.receiving.Receipts;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs bpmn/receiving-receipt.bpmn, one instance per receipt (business key {@code receipt-<id>}), from the receiving
 * service's events, each inside the transaction that published it: started when the receipt is opened (or, for a
 * receipt opened before the process existed, on its first lot or its close); message {@code LotReceived} per
 * received lot, which starts the lot's inspection; message {@code ReceiptClosed} with the stored ASN differences.
 */
@Component
public class RunningReceiptProcess {

    public static final String PROCESS_KEY = "ReceivingReceipt";
    static final String LOT_RECEIVED = "LotReceived";
    static final String RECEIPT_CLOSED = "ReceiptClosed";

    private final RuntimeService runtime;
    private final Receipts receipts;
    private final PurchaseOrderQueries orders;
    private final PurchaseOrderLines orderLines;
    private final AdvanceShipNotices asns;
    private final CatalogQueries catalog;
    private final JdbcTemplate jdbc;

    public RunningReceiptProcess(
            RuntimeService runtime,
            Receipts receipts,
            PurchaseOrderQueries orders,
            PurchaseOrderLines orderLines,
            AdvanceShipNotices asns,
            CatalogQueries catalog,
            JdbcTemplate jdbc) {
        this.runtime = runtime;
        this.receipts = receipts;
        this.orders = orders;
        this.orderLines = orderLines;
        this.asns = asns;
        this.catalog = catalog;
        this.jdbc = jdbc;
    }

    public static String businessKey(long receiptId) {
        return "receipt-" + receiptId;
    }

    @EventListener
    public void on(ReceiptOpened opened) {
        runtime.startProcessInstanceByKey(
                PROCESS_KEY, businessKey(opened.receiptId()), receiptVariables(opened.receiptId()));
    }

    @EventListener
    public void on(LotReceived received) {
        oneAtATime(received.receiptId());
        Map<String, Object> lot = new HashMap<>();
        lot.put("receiptId", received.receiptId());
        lot.put("receiptLineId", received.receiptLineId());
        lot.put("lotId", received.lotId());
        lot.put("dockLocationId", received.locationId());
        lot.put("quantityBaseUnits", received.quantityBaseUnits());
        lot.put("asnMismatch", received.asnMismatch());
        // to the event subprocess's own scope: two lots never overwrite each other's variables
        runtime.createMessageCorrelation(LOT_RECEIVED)
                .processInstanceBusinessKey(instanceOf(received.receiptId()))
                .setVariablesToTriggeredScope(lot)
                .correlateWithResult();
    }

    @EventListener
    public void on(ReceiptClosed closed) {
        oneAtATime(closed.receiptId());
        String businessKey = instanceOf(closed.receiptId());
        ReceiptView receipt = receipts.get(closed.receiptId());
        List<String> lines = new ArrayList<>();
        Set<String> types = new LinkedHashSet<>();
        long missing = 0;
        for (ReceiptView.Discrepancy d : receipt.discrepancies()) {
            lines.add("- " + describe(d));
            types.add(d.type());
            if ("NOT_ARRIVED".equals(d.type()) || ("QUANTITY".equals(d.type()) && less(d.actual(), d.expected()))) {
                missing++;
            }
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("closedBy", receipt.closedBy());
        variables.put("discrepancyCount", (long) receipt.discrepancies().size());
        variables.put("missingCount", missing);
        variables.put("discrepancyTypes", String.join(", ", types));
        variables.put("discrepancySummary", lines.isEmpty() ? "none" : String.join("\n", lines));
        runtime.createMessageCorrelation(RECEIPT_CLOSED)
                .processInstanceBusinessKey(businessKey)
                .setVariables(variables)
                .correlateWithResult();
    }

    /**
     * Lots of one receipt may be received at once on different PO lines (the receipt header is only share-locked);
     * each correlation changes the receipt's process instance, so two at once would fail one clerk's receipt with
     * the engine's optimistic lock. The receipt's transactions take their turn here instead; released at commit.
     */
    private void oneAtATime(long receiptId) {
        jdbc.queryForList("select pg_advisory_xact_lock(hashtext('lotledger.receipt_process:' || ?))", receiptId);
    }

    /** The receipt's instance, started now for a receipt opened before bpmn/receiving-receipt.bpmn was deployed. */
    private String instanceOf(long receiptId) {
        String businessKey = businessKey(receiptId);
        if (runtime.createProcessInstanceQuery()
                        .processDefinitionKey(PROCESS_KEY)
                        .processInstanceBusinessKey(businessKey)
                        .count()
                == 0) {
            runtime.startProcessInstanceByKey(PROCESS_KEY, businessKey, receiptVariables(receiptId));
        }
        return businessKey;
    }

    /** What the "Resolve receipt discrepancy" form shows about the receipt: plain values, no entities. */
    private Map<String, Object> receiptVariables(long receiptId) {
        ReceiptView receipt = receipts.get(receiptId);
        PurchaseOrder po = orders.load(receipt.purchaseOrderId());
        Map<String, Object> v = new HashMap<>();
        v.put("receiptId", receiptId);
        v.put("purchaseOrderId", po.getId());
        v.put("poNumber", po.getPoNumber());
        v.put("supplierId", po.getSupplierId());
        v.put(
                "supplierName",
                catalog.findSupplier(po.getSupplierId()).map(SupplierView::name).orElse("?"));
        v.put("dockBarcode", receipt.dockBarcode());
        v.put(
                "asnNumber",
                receipt.advanceShipNoticeId() == null
                        ? "none"
                        : asns.findById(receipt.advanceShipNoticeId())
                                .map(AdvanceShipNotice::getAsnNumber)
                                .orElse("?"));
        return v;
    }

    private String describe(ReceiptView.Discrepancy d) {
        String where = "PO line "
                + orderLines
                        .findById(d.purchaseOrderLineId())
                        .map(this::lineText)
                        .orElse(String.valueOf(d.purchaseOrderLineId()));
        String lot = "lot " + d.lotNumber();
        return switch (d.type()) {
            case "QUANTITY" ->
                "**Quantity** — " + where + ", " + lot + ": announced " + d.expected() + ", received " + d.actual();
            case "EXPIRY" ->
                "**Expiry** — " + where + ", " + lot + ": announced " + d.expected() + ", label says " + d.actual();
            case "NOT_ARRIVED" ->
                "**Not arrived** — " + where + ", " + lot + ": announced " + d.expected() + ", nothing received";
            case "LOT" -> "**Other lot** — " + where + ": received " + lot + ", the ASN announced " + d.expected();
            case "NOT_ANNOUNCED" ->
                "**Not announced** — " + where + ", " + lot + ": received " + d.actual()
                        + ", the ASN does not mention this line";
            default -> d.type() + " — " + where + ", " + lot + ": expected " + d.expected() + ", actual " + d.actual();
        };
    }

    private String lineText(PurchaseOrderLine line) {
        return line.getLineNumber()
                + catalog.findItem(line.getItemId())
                        .map(item -> " (" + item.sku() + ", quantities in " + item.baseUom() + ")")
                        .orElse("");
    }

    private static boolean less(String actual, String expected) {
        try {
            return Long.parseLong(actual) < Long.parseLong(expected);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
