package org.lotledger.receiving;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.item.GtinAssignment;
import org.lotledger.catalog.item.ItemView;
import org.lotledger.catalog.location.LocationKind;
import org.lotledger.catalog.location.LocationView;
import org.lotledger.catalog.location.WarehouseService;
import org.lotledger.catalog.location.ZoneType;
import org.lotledger.catalog.location.ZoneView;
import org.lotledger.catalog.lot.LotDraft;
import org.lotledger.catalog.lot.LotService;
import org.lotledger.catalog.lot.LotView;
import org.lotledger.catalog.lot.ScannedLots;
import org.lotledger.catalog.partner.ApprovalStatus;
import org.lotledger.catalog.partner.LotText;
import org.lotledger.catalog.partner.SupplierView;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.Movement;
import org.lotledger.ledger.Posting;
import org.lotledger.ledger.PostingExecutor;
import org.lotledger.ledger.PostingRequest;
import org.lotledger.ledger.PostingType;
import org.lotledger.ledger.ReversingPostings;
import org.lotledger.ledger.StockStatus;
import org.lotledger.purchasing.AdvanceShipNotice;
import org.lotledger.purchasing.AdvanceShipNotices;
import org.lotledger.purchasing.AsnLine;
import org.lotledger.purchasing.AsnLines;
import org.lotledger.purchasing.PurchaseOrder;
import org.lotledger.purchasing.PurchaseOrderLine;
import org.lotledger.purchasing.PurchaseOrderLineStatus;
import org.lotledger.purchasing.PurchaseOrderLines;
import org.lotledger.purchasing.PurchaseOrderQueries;
import org.lotledger.purchasing.PurchaseOrders;
import org.lotledger.purchasing.Sscc;
import org.lotledger.gs1.Gs1Message;
import org.lotledger.gs1.Gs1Parser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Receiving goods against a purchase order at a warehouse's receiving dock (docs/receiving.md). Each received lot is
 * checked in the order issue 3 lists the rules, before anything is written; then, in one transaction, the lot is found
 * or created, ONE ledger posting RECEIPT moves it from the supplier's virtual location to the dock in QUARANTINE, the
 * purchase-order line's received quantity goes up under the line's row lock, and {@link LotReceived} is published.
 * A refused line writes nothing.
 */
@Service
public class ReceivingGoods {

    static final String DEFAULT_REVERSAL_REASON = "DATA_ENTRY_ERROR";

    private final Receipts receipts;
    private final PurchaseOrderQueries orderQueries;
    private final PurchaseOrders orders;
    private final PurchaseOrderLines orderLines;
    private final AdvanceShipNotices asns;
    private final AsnLines asnLines;
    private final CatalogQueries catalog;
    private final WarehouseService warehouses;
    private final LotService lots;
    private final Ledger ledger;
    private final PostingExecutor executor;
    private final ReversingPostings reversing;
    private final ReceiptTolerance tolerance;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    // the supplier's lot-label convention: typed labels follow it; a GS1 AI 10 value or an ASN's lot is a lot
    // field, taken as it is when it does not follow it (docs/receiving.md)
    private final ScannedLots scannedLots;

    public ReceivingGoods(Receipts receipts, PurchaseOrderQueries orderQueries, PurchaseOrders orders,
                          PurchaseOrderLines orderLines, AdvanceShipNotices asns, AsnLines asnLines,
                          CatalogQueries catalog, WarehouseService warehouses, LotService lots, Ledger ledger,
                          PostingExecutor executor, ReversingPostings reversing, ReceiptTolerance tolerance,
                          ApplicationEventPublisher events, ScannedLots scannedLots) {
        this.scannedLots = scannedLots;
        this.receipts = receipts;
        this.orderQueries = orderQueries;
        this.orders = orders;
        this.orderLines = orderLines;
        this.asns = asns;
        this.asnLines = asnLines;
        this.catalog = catalog;
        this.warehouses = warehouses;
        this.lots = lots;
        this.ledger = ledger;
        this.executor = executor;
        this.reversing = reversing;
        this.tolerance = tolerance;
        this.events = events;
        this.clock = Clock.systemUTC();
    }

    // ---- open ---------------------------------------------------------------------------------------------------

    public ReceiptView open(long purchaseOrderId, String dockBarcode, Long advanceShipNoticeId, Actor actor) {
        long id = executor.inTransaction(() -> {
            PurchaseOrder po = orderQueries.load(purchaseOrderId);
            receivableSupplier(po);
            po.requireOpen();
            LocationView dock = catalog.findLocationByBarcode(dockBarcode).orElseThrow(() -> DomainException.notFound(
                    "UNKNOWN_LOCATION", "No location has the barcode '" + dockBarcode + "'",
                    Map.of("barcode", String.valueOf(dockBarcode))));
            ZoneView zone = dock.zoneId() == null ? null : catalog.findZone(dock.zoneId()).orElse(null);
            if (dock.kind() != LocationKind.PHYSICAL || zone == null || zone.zoneType() != ZoneType.RECEIVING_DOCK
                    || !dock.active()) {
                throw DomainException.unprocessable("NOT_A_RECEIVING_DOCK", "Location " + dock.code()
                        + " is not an active location of a receiving dock zone", Map.of("location", dock.code()));
            }
            if (advanceShipNoticeId != null) {
                AdvanceShipNotice asn = asns.findById(advanceShipNoticeId).orElseThrow(() -> DomainException.notFound(
                        "UNKNOWN_ADVANCE_SHIP_NOTICE", "ASN " + advanceShipNoticeId + " does not exist",
                        Map.of("advanceShipNoticeId", advanceShipNoticeId)));
                if (!asn.getPurchaseOrderId().equals(po.getId())) {
                    throw DomainException.unprocessable("ASN_NOT_OF_PURCHASE_ORDER", "ASN " + asn.getAsnNumber()
                            + " is not for purchase order " + po.getPoNumber(), Map.of("advanceShipNoticeId", advanceShipNoticeId,
                            "purchaseOrderId", purchaseOrderId));
                }
            }
            long receiptId = receipts.insert(dock.warehouseId(), dock.id(), po.getId(), advanceShipNoticeId,
                    actor.userId());
            events.publishEvent(new ReceiptOpened(receiptId));
            return receiptId;
        });
        return receipts.get(id);
    }

    // ---- receive a line -------------------------------------------------------------------------------------------

    public ReceiptView.Line receive(long receiptId, ReceiveLine request, Actor actor, String idempotencyKey) {
        long lineId = executor.inTransaction(() -> receiveInTransaction(receiptId, request, actor, idempotencyKey));
        return receipts.get(receiptId).lines().stream().filter(l -> l.id() == lineId).findFirst().orElseThrow();
    }

    private long receiveInTransaction(long receiptId, ReceiveLine r, Actor actor, String key) {
        Receipts.Header receipt = receipts.lock(receiptId, false);
        if (!receipt.open()) {
            throw DomainException.conflict("RECEIPT_CLOSED", "Receipt " + receiptId + " is closed",
                    Map.of("receiptId", receiptId));
        }
        Input in = Input.of(r, clock);
        PurchaseOrder po = orderQueries.load(receipt.purchaseOrderId());

        // 1. supplier matches the PO and is not blocked (nor deactivated); the PO takes receipts
        if (r.supplierId() != null && !r.supplierId().equals(po.getSupplierId())) {
            throw DomainException.unprocessable("SUPPLIER_MISMATCH", "The goods are from supplier " + r.supplierId()
                    + "; purchase order " + po.getPoNumber() + " is with supplier " + po.getSupplierId(),
                    Map.of("supplierId", r.supplierId(), "purchaseOrderSupplierId", po.getSupplierId()));
        }
        SupplierView supplier = receivableSupplier(po);
        po.requireOpen();

        // 2. the PO line is open (locked from here on: two clerks on one line check the tolerance in turn)
        ItemView scannedItem = in.gtin == null ? null : itemOfGtin(po, in.gtin, r.purchaseOrderLineId());
        Long itemId = r.itemId() != null ? r.itemId() : scannedItem == null ? null : scannedItem.id();
        if (in.gtin != null && scannedItem == null && r.purchaseOrderLineId() == null && r.itemId() == null) {
            throw DomainException.unprocessable("ITEM_NOT_ON_PO", "GTIN " + in.gtin + " is not the GTIN of an item on "
                    + "purchase order " + po.getPoNumber(), Map.of("gtin", in.gtin, "purchaseOrderId", po.getId()));
        }
        long poLineId = r.purchaseOrderLineId() != null ? r.purchaseOrderLineId() : lineOfItem(po, itemId);
        PurchaseOrderLine line = orderLines.lockById(poLineId).orElseThrow(() -> DomainException.notFound(
                "UNKNOWN_PURCHASE_ORDER_LINE", "Purchase order line " + poLineId + " does not exist",
                Map.of("purchaseOrderLineId", poLineId)));
        if (!line.getPurchaseOrderId().equals(po.getId())) {
            throw DomainException.unprocessable("PO_LINE_NOT_ON_PURCHASE_ORDER", "Line " + poLineId
                    + " is not a line of purchase order " + po.getPoNumber(), Map.of("purchaseOrderLineId", poLineId));
        }
        line.requireOpen();

        // 3. the item is on the PO (on this line)
        if (itemId != null && !itemId.equals(line.getItemId())) {
            throw itemNotOnPo(po, itemId);
        }
        ItemView item = catalog.findItem(line.getItemId()).orElseThrow();

        // 4. the GTIN is the item's at the packaging level received
        String uom = blankToNull(r.uom());
        if (in.gtin != null) {
            GtinAssignment g = item.gtins().stream().filter(a -> a.gtin().equals(in.gtin)).findFirst()
                    .orElseThrow(() -> DomainException.unprocessable("GTIN_MISMATCH", "GTIN " + in.gtin
                            + " is not a GTIN of item " + item.sku(), Map.of("gtin", in.gtin, "sku", item.sku())));
            if (uom != null && !uom.equalsIgnoreCase(g.uom())) {
                throw DomainException.unprocessable("GTIN_MISMATCH", "GTIN " + in.gtin + " identifies a " + g.uom()
                        + " of " + item.sku() + ", not a " + uom.toUpperCase(Locale.ROOT),
                        Map.of("gtin", in.gtin, "sku", item.sku(), "gtinUom", g.uom(), "uom", uom));
            }
            uom = g.uom();
        }
        if (uom == null) {
            uom = item.baseUom();
        }

        // 5. the unit converts to whole base units
        BigDecimal quantity = in.quantity(r.quantity());
        long base = catalog.toBaseUnits(item.id(), quantity, uom);

        // 6. within the over-receipt tolerance (DMN), counting every earlier receipt on the line (read under the lock)
        BigDecimal percent = tolerance.tolerancePercent(supplier.approvalStatus().name(), item.riskClass(),
                item.temperatureClass().name());
        BigDecimal maximum = line.getOrderedBaseQuantity().multiply(BigDecimal.valueOf(100).add(percent))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.FLOOR);
        BigDecimal after = line.getReceivedBaseQuantity().add(BigDecimal.valueOf(base));
        if (after.compareTo(maximum) > 0) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("purchaseOrderLineId", poLineId);
            d.put("orderedBaseQuantity", plain(line.getOrderedBaseQuantity()));
            d.put("receivedBaseQuantity", plain(line.getReceivedBaseQuantity()));
            d.put("requestedBaseQuantity", base);
            d.put("tolerancePercent", plain(percent));
            d.put("maximumBaseQuantity", plain(maximum));
            throw DomainException.unprocessable("OVER_RECEIPT_TOLERANCE_EXCEEDED", "Receiving " + base + " " + item.baseUom()
                    + " would bring line " + line.getLineNumber() + " to " + plain(after) + " of "
                    + plain(line.getOrderedBaseQuantity()) + " ordered; at most " + plain(maximum) + " (" + plain(percent)
                    + " % tolerance) may be received", d);
        }

        // 7. lot and expiry when the item requires them (the supplier's lot-label convention normalises the lot)
        String lotNumber = in.lotText(r.lotNumber()) == null ? null : scannedLots.lotNumber(supplier.id(),
                in.lotText(r.lotNumber()), in.lot != null ? LotText.FIELD : LotText.LABEL);
        if (lotNumber == null && item.lotControlled()) {
            throw DomainException.unprocessable("LOT_NUMBER_REQUIRED", "Item " + item.sku()
                    + " is lot-controlled: a lot number is required", Map.of("sku", item.sku()));
        }
        LocalDate bestBefore = in.date(r.bestBeforeOn(), in.bestBefore, "bestBeforeOn");
        LocalDate expiry = in.date(r.expiresOn(), in.expiry, "expiresOn");
        if (expiry == null && item.bestBeforeAsExpiry()) {
            expiry = bestBefore;
        }
        if (expiry == null && item.expiryRequired()) {
            throw DomainException.unprocessable("EXPIRY_REQUIRED", "Item " + item.sku() + " needs an expiry date",
                    Map.of("sku", item.sku()));
        }
        // 8. manufactured before it expires
        LocalDate made = in.date(r.manufacturedOn(), in.produced, "manufacturedOn");
        if (made != null && expiry != null && !made.isBefore(expiry)) {
            throw DomainException.unprocessable("INVALID_LOT_DATES", "The manufacturing date " + made
                    + " must be before the expiry date " + expiry, Map.of("manufacturedOn", made.toString(),
                    "expiresOn", expiry.toString()));
        }
        // 9. not expired on the warehouse's local today; 10. enough shelf life left
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(warehouses.get(receipt.warehouseId()).timeZone())));
        if (expiry != null && !expiry.isAfter(today)) {
            throw DomainException.unprocessable("LOT_EXPIRED", "The lot expires on " + expiry + ", not after today ("
                    + today + " at the warehouse)", Map.of("expiresOn", expiry.toString(), "today", today.toString()));
        }
        if (expiry != null && ChronoUnit.DAYS.between(today, expiry) < item.minRemainingShelfLifeDays()) {
            throw DomainException.unprocessable("SHELF_LIFE_TOO_SHORT", "The lot has " + ChronoUnit.DAYS.between(today, expiry)
                    + " days of shelf life left; item " + item.sku() + " must arrive with at least "
                    + item.minRemainingShelfLifeDays(), Map.of("expiresOn", expiry.toString(), "remainingDays",
                    ChronoUnit.DAYS.between(today, expiry), "minimumDays", item.minRemainingShelfLifeDays()));
        }
        // 11. an SSCC is received once
        String sscc = in.sscc(r.sscc());
        if (sscc != null && receipts.ssccReceived(sscc)) {
            throw DomainException.conflict("SSCC_ALREADY_RECEIVED", "SSCC " + sscc + " has already been received",
                    Map.of("sscc", sscc));
        }

        LotView lot = findOrCreateLot(item, supplier, po, line, lotNumber, blankToNull(r.manufacturerBatchRef()), made,
                expiry, bestBefore, today, actor);
        long supplierLocation = catalog.supplierLocationId(supplier.id());
        Posting posting = ledger.post(PostingRequest.of(PostingType.RECEIPT, actor, key)
                .movement(new Movement(lot.id(), supplierLocation, StockStatus.QUARANTINE, receipt.dockLocationId(),
                        StockStatus.QUARANTINE, base))
                .reference("RECEIPT", Long.toString(receiptId)).build());
        line.addReceived(BigDecimal.valueOf(base));
        if (line.getReceivedBaseQuantity().compareTo(line.getOrderedBaseQuantity()) >= 0) {
            line.markReceived();
            closeOrderWhenDone(po.getId());
        }
        long lineId = receipts.insertLine(receiptId, poLineId, lot.id(), quantity, uom.toUpperCase(Locale.ROOT), base, sscc,
                in.gtin, in.scanned, posting.id(), actor.userId());
        boolean asnMismatch = receipt.advanceShipNoticeId() != null
                && asnMismatch(receipt, po.getSupplierId(), poLineId, lot, base).isPresent();
        events.publishEvent(new LotReceived(receiptId, lineId, lot.id(), receipt.dockLocationId(), base, asnMismatch));
        return lineId;
    }

    private LotView findOrCreateLot(ItemView item, SupplierView supplier, PurchaseOrder po, PurchaseOrderLine line,
                                    String lotNumber, String batchRef, LocalDate made, LocalDate expiry,
                                    LocalDate bestBefore, LocalDate today, Actor actor) {
        if (lotNumber != null) {
            Optional<LotView> existing = lots.list(item.id(), supplier.id(), lotNumber, null).stream()
                    .filter(l -> l.lotNumber().equalsIgnoreCase(lotNumber)).findFirst();
            if (existing.isPresent()) {
                LotView lot = existing.get();
                if (expiry != null && lot.expiresOn() != null && !expiry.equals(lot.expiresOn())) {
                    throw DomainException.unprocessable("LOT_EXPIRY_DIFFERS", "Lot " + lotNumber + " of " + item.sku()
                            + " is on record with expiry " + lot.expiresOn() + ", not " + expiry
                            + "; check the label (quality corrects a wrong lot record)",
                            Map.of("lot", lot.internalLabel(), "recordedExpiresOn", lot.expiresOn().toString(),
                                    "expiresOn", expiry.toString()));
                }
                return lot;
            }
        }
        // ADR 0004: a lot's unit cost is the purchase-order price of its first receipt, per base unit
        BigDecimal unitCost = line.getExpectedUnitPrice().multiply(line.getOrderedQuantity())
                .divide(line.getOrderedBaseQuantity(), 4, RoundingMode.HALF_UP);
        return lots.create(new LotDraft(item.id(), supplier.id(), lotNumber, batchRef, made, expiry, bestBefore, today,
                unitCost, po.getCurrency()), actor.userId());
    }

    // ---- reverse a line (a mistyped lot) -----------------------------------------------------------------------------

    public ReceiptView.Line reverseLine(long receiptId, long lineId, String reasonCode, String note, Actor actor,
                                        String idempotencyKey) {
        executor.inTransaction(() -> {
            Receipts.LineRow row = receipts.lockLine(receiptId, lineId);
            if (row.reversalPostingId() != null) {
                throw DomainException.conflict("RECEIPT_LINE_ALREADY_REVERSED", "Receipt line " + lineId
                        + " was already reversed by posting " + row.reversalPostingId(),
                        Map.of("receiptLineId", lineId, "reversalPostingId", row.reversalPostingId()));
            }
            PurchaseOrderLine line = orderLines.lockById(row.purchaseOrderLineId()).orElseThrow();
            Posting reversal = reversing.reverse(row.postingId(),
                    reasonCode == null || reasonCode.isBlank() ? DEFAULT_REVERSAL_REASON : reasonCode, note, actor,
                    idempotencyKey);
            line.addReceived(BigDecimal.valueOf(-row.baseQuantity()));
            line.reopenIfShort();
            if (line.getStatus() == PurchaseOrderLineStatus.OPEN) {
                orders.lockById(line.getPurchaseOrderId()).ifPresent(PurchaseOrder::reopen);
            }
            receipts.markReversed(lineId, reversal.id(), actor.userId());
            events.publishEvent(new ReceiptLineReversed(receiptId, lineId, row.lotId(), reversal.id()));
            return reversal;
        });
        return receipts.get(receiptId).lines().stream().filter(l -> l.id() == lineId).findFirst().orElseThrow();
    }

    // ---- close a PO line short -------------------------------------------------------------------------------------

    public PurchaseOrderLineStatus closeShort(long receiptId, long purchaseOrderLineId, Actor actor) {
        if (!actor.isIn("receiving-supervisors")) {
            throw new DomainException("CLOSE_SHORT_NOT_ALLOWED", DomainException.Kind.FORBIDDEN,
                    "Only a receiving supervisor closes a purchase-order line short");
        }
        return executor.inTransaction(() -> {
            Receipts.Header receipt = receipts.lock(receiptId, false);
            PurchaseOrderLine line = orderLines.lockById(purchaseOrderLineId).orElseThrow(() -> DomainException.notFound(
                    "UNKNOWN_PURCHASE_ORDER_LINE", "Purchase order line " + purchaseOrderLineId + " does not exist",
                    Map.of("purchaseOrderLineId", purchaseOrderLineId)));
            if (line.getPurchaseOrderId() != receipt.purchaseOrderId()) {
                throw DomainException.unprocessable("PO_LINE_NOT_ON_PURCHASE_ORDER", "Line " + purchaseOrderLineId
                        + " is not a line of the receipt's purchase order", Map.of("purchaseOrderLineId", purchaseOrderLineId));
            }
            line.closeShort();
            closeOrderWhenDone(line.getPurchaseOrderId());
            return line.getStatus();
        });
    }

    // ---- close the receipt -----------------------------------------------------------------------------------------

    public ReceiptView close(long receiptId, Actor actor) {
        executor.inTransaction(() -> {
            Receipts.Header receipt = receipts.lock(receiptId, true);
            if (!receipt.open()) {
                throw DomainException.conflict("RECEIPT_CLOSED", "Receipt " + receiptId + " is already closed",
                        Map.of("receiptId", receiptId));
            }
            if (receipt.advanceShipNoticeId() != null) {
                PurchaseOrder po = orderQueries.load(receipt.purchaseOrderId());
                List<AsnComparison.Announced> announced = asnLines
                        .findByAdvanceShipNoticeIdOrderByLineNumberAsc(receipt.advanceShipNoticeId()).stream()
                        .map(a -> announced(po.getSupplierId(), a)).toList();
                for (AsnComparison.Discrepancy d : AsnComparison.compare(announced, receipts.standingLines(receiptId))) {
                    receipts.insertDiscrepancy(receiptId, d);
                }
                asns.findById(receipt.advanceShipNoticeId()).ifPresent(AdvanceShipNotice::markReceived);
            }
            receipts.close(receiptId, actor.userId());
            events.publishEvent(new ReceiptClosed(receiptId));
            return receiptId;
        });
        return receipts.get(receiptId);
    }

    /** The lot just received against the receipt's ASN (the line is already inserted, so it counts itself). */
    private Optional<AsnComparison.Type> asnMismatch(Receipts.Header receipt, long supplierId, long poLineId, LotView lot,
                                                      long base) {
        List<AsnComparison.Announced> announced = asnLines
                .findByAdvanceShipNoticeIdOrderByLineNumberAsc(receipt.advanceShipNoticeId()).stream()
                .map(a -> announced(supplierId, a)).toList();
        return AsnComparison.mismatchAtReceipt(announced, receipts.standingLines(receipt.id()),
                new AsnComparison.Received(poLineId, lot.lotNumber(), lot.expiresOn(), base));
    }

    private AsnComparison.Announced announced(long supplierId, AsnLine a) {
        String lot = a.getLotNumber() == null ? null : scannedLots.lotNumber(supplierId, a.getLotNumber(), LotText.FIELD);
        return new AsnComparison.Announced(a.getId(), a.getPurchaseOrderLineId(), lot, a.getExpiresOn(),
                a.getBaseQuantity().longValueExact());
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private SupplierView receivableSupplier(PurchaseOrder po) {
        SupplierView s = catalog.findSupplier(po.getSupplierId()).orElseThrow();
        if (s.approvalStatus() == ApprovalStatus.BLOCKED) {
            throw DomainException.unprocessable("SUPPLIER_BLOCKED", "Supplier " + s.code()
                    + " is blocked: nothing is received from it", Map.of("supplierId", s.id(), "supplierCode", s.code()));
        }
        if (!s.active()) {
            throw DomainException.unprocessable("SUPPLIER_INACTIVE", "Supplier " + s.code() + " is deactivated",
                    Map.of("supplierId", s.id()));
        }
        return s;
    }

    /** The item a scanned GTIN names: the given line's item, or the item of one of the order's lines. */
    private ItemView itemOfGtin(PurchaseOrder po, String gtin, Long poLineId) {
        List<Long> candidates = poLineId != null
                ? orderLines.findById(poLineId).map(l -> List.of(l.getItemId())).orElse(List.of())
                : orderLines.findByPurchaseOrderIdOrderByLineNumberAsc(po.getId()).stream()
                .map(PurchaseOrderLine::getItemId).distinct().toList();
        return candidates.stream().map(id -> catalog.findItem(id).orElseThrow())
                .filter(i -> i.gtins().stream().anyMatch(g -> g.gtin().equals(gtin))).findFirst()
                .orElse(null);
    }

    private long lineOfItem(PurchaseOrder po, Long itemId) {
        if (itemId == null) {
            throw new DomainException("ITEM_REQUIRED", DomainException.Kind.BAD_REQUEST,
                    "Name the purchase-order line, the item, or scan a GTIN that is on the order");
        }
        List<PurchaseOrderLine> lines = orderLines.findByPurchaseOrderIdOrderByLineNumberAsc(po.getId()).stream()
                .filter(l -> l.getItemId().equals(itemId)).toList();
        if (lines.isEmpty()) {
            throw itemNotOnPo(po, itemId);
        }
        List<PurchaseOrderLine> open = lines.stream().filter(l -> l.getStatus() == PurchaseOrderLineStatus.OPEN).toList();
        if (open.size() > 1) {
            throw DomainException.unprocessable("PO_LINE_AMBIGUOUS", "The item is on several open lines of purchase order "
                    + po.getPoNumber() + ": name the line", Map.of("itemId", itemId));
        }
        // no open line: take the first, whose requireOpen() then says why it takes nothing
        return (open.isEmpty() ? lines : open).get(0).getId();
    }

    private static DomainException itemNotOnPo(PurchaseOrder po, long itemId) {
        return DomainException.unprocessable("ITEM_NOT_ON_PO", "Item " + itemId + " is not on purchase order "
                + po.getPoNumber(), Map.of("itemId", itemId, "purchaseOrderId", po.getId()));
    }

    /** The lines are locked first, the header after (docs/purchasing.md lock order). */
    private void closeOrderWhenDone(long purchaseOrderId) {
        boolean anyOpen = orderLines.findByPurchaseOrderIdOrderByLineNumberAsc(purchaseOrderId).stream()
                .anyMatch(l -> l.getStatus() == PurchaseOrderLineStatus.OPEN);
        if (!anyOpen) {
            orders.lockById(purchaseOrderId).ifPresent(po -> {
                if (po.getStatus() == org.lotledger.purchasing.PurchaseOrderStatus.OPEN) {
                    po.close();
                }
            });
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String plain(BigDecimal b) {
        return b.stripTrailingZeros().toPlainString();
    }

    /** What a scan says, and the agreement rules between scanned and typed fields. */
    private static final class Input {
        String scanned;
        String gtin;
        String lot;
        LocalDate expiry;
        LocalDate bestBefore;
        LocalDate produced;
        String sscc;
        Integer count;

        static Input of(ReceiveLine r, Clock clock) {
            Input in = new Input();
            if (r.scan() != null && !r.scan().isBlank()) {
                Gs1Message m = new Gs1Parser(clock).parse(r.scan()).orElseThrow();
                in.scanned = r.scan().length() > 500 ? r.scan().substring(0, 500) : r.scan();
                in.gtin = m.gtin().or(m::contentGtin).orElse(null);
                in.lot = m.lot().orElse(null);
                in.expiry = m.expiry().orElse(null);
                in.bestBefore = m.bestBefore().orElse(null);
                in.produced = m.productionDate().orElse(null);
                in.sscc = m.sscc().orElse(null);
                if (m.count().isPresent()) {
                    in.count = m.count().getAsInt();
                } else if (m.variableCount().isPresent()) {
                    in.count = m.variableCount().getAsInt();
                }
            }
            String typedGtin = blankToNull(r.gtin());
            in.gtin = agree("gtin", in.gtin, typedGtin);
            return in;
        }

        BigDecimal quantity(BigDecimal typed) {
            BigDecimal scannedCount = count == null ? null : BigDecimal.valueOf(count);
            if (typed != null && scannedCount != null && typed.compareTo(scannedCount) != 0) {
                throw mismatch("quantity", scannedCount.toPlainString(), typed.toPlainString());
            }
            BigDecimal q = typed != null ? typed : scannedCount;
            if (q == null) {
                throw new DomainException("QUANTITY_REQUIRED", DomainException.Kind.BAD_REQUEST,
                        "A quantity is required when the barcode carries no count (AI 30 or 37)");
            }
            return q;
        }

        String lotText(String typed) {
            return agree("lotNumber", lot, blankToNull(typed));
        }

        LocalDate date(LocalDate typed, LocalDate fromScan, String field) {
            if (typed != null && fromScan != null && !typed.equals(fromScan)) {
                throw mismatch(field, fromScan.toString(), typed.toString());
            }
            return typed != null ? typed : fromScan;
        }

        String sscc(String typed) {
            String s = agree("sscc", sscc, blankToNull(typed));
            return s == null ? null : Sscc.parse(s).value();
        }

        private static String agree(String field, String fromScan, String typed) {
            if (fromScan != null && typed != null && !fromScan.equals(typed)) {
                throw mismatch(field, fromScan, typed);
            }
            return fromScan != null ? fromScan : typed;
        }

        private static DomainException mismatch(String field, String scanned, String typed) {
            return DomainException.unprocessable("SCAN_MISMATCH", "The scanned " + field + " (" + scanned
                    + ") differs from the typed one (" + typed + ")", Map.of("field", field, "scanned", scanned,
                    "typed", typed));
        }
    }

}
