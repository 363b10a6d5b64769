package org.lotledger.receiving;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.lotledger.catalog.item.GtinAssignment;
import org.lotledger.catalog.item.UnitConversion;
import org.lotledger.catalog.partner.ApprovalStatus;
import org.lotledger.catalog.partner.LotLabelConvention;
import org.lotledger.catalog.partner.LotText;
import org.lotledger.common.DomainException;
import org.lotledger.gs1.ScannedOrTyped;
import org.lotledger.purchasing.PurchaseOrderLineStatus;
import org.lotledger.purchasing.PurchaseOrderStatus;
import org.lotledger.purchasing.Sscc;
import org.lotledger.receiving.ReceiptLineFacts.Item;
import org.lotledger.receiving.ReceiptLineFacts.Line;
import org.lotledger.receiving.ReceiptLineFacts.Order;
import org.lotledger.receiving.ReceiptLineFacts.OrderLine;
import org.lotledger.receiving.ReceiptLineFacts.PurchaseOrderLine;
import org.lotledger.receiving.ReceiptLineFacts.RecordedLot;
import org.lotledger.receiving.ReceiptLineFacts.Records;

/**
 * Whether a received lot may go on a receipt, checked in the order issue 3 lists the rules (docs/receiving.md), so a
 * line breaking two rules is refused for the first. Plain Java: it decides on {@link ReceiptLineFacts} and the
 * injected clock and writes nothing; {@link ReceivingGoods} loads the facts between the steps, because which facts
 * there are depends on the step before (the scanned GTIN picks the items to look at; the chosen line is the one
 * locked):
 * <ol>
 *   <li>{@link #readScan}: the receipt takes lines; the barcode reads; a typed GTIN agrees with it;</li>
 *   <li>{@link #chooseLine}: 1. supplier, 2. the purchase-order line (the item on the order);</li>
 *   <li>{@link #accept}: 2. the line takes receipts, 3. item on the line, 4. GTIN and unit, 5. whole base units,
 *       6. over-receipt tolerance, 7. lot and expiry, 8. dates in order, 9. not expired, 10. shelf life, 11. a valid
 *       SSCC;</li>
 *   <li>{@link #againstRecords}: 11. the SSCC not received before; a lot on record has the same expiry.</li>
 * </ol>
 * A refusal carries the code, the HTTP kind, the message and the problem properties of the {@link DomainException}
 * the service throws for it. Somewhat over 300 lines on purpose: the checks stay in one class, in the order they are
 * applied, so the order (which decides the code of a line breaking two rules) is read top to bottom in one place.
 */
final class ReceiptLinePolicy {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Clock clock;

    ReceiptLinePolicy(Clock clock) {
        this.clock = clock;
    }

    /** The request with what its barcode says. */
    record Scan(ReceiveLine request, ScannedOrTyped input, String gtin) {}

    /** The purchase-order line the lot goes on, and the item the request names or scans (null: neither). */
    record Choice(Scan scan, Order order, long purchaseOrderLineId, Long itemId) {}

    // ---- 0. the receipt and the scan ----------------------------------------------------------------------------

    ReceiptLineDecision<Scan> readScan(ReceiptLineFacts.Receipt receipt, ReceiveLine r) {
        return deciding(() -> {
            if (!receipt.open()) {
                throw DomainException.conflict(
                        "RECEIPT_CLOSED", "Receipt " + receipt.id() + " is closed", Map.of("receiptId", receipt.id()));
            }
            ScannedOrTyped in = ScannedOrTyped.read(r.scan(), clock);
            return new Scan(r, in, in.gtin(r.gtin()));
        });
    }

    // ---- 1. supplier and order, 2. which line ---------------------------------------------------------------------

    ReceiptLineDecision<Choice> chooseLine(Scan scan, Order po) {
        return deciding(() -> {
            ReceiveLine r = scan.request();
            if (r.supplierId() != null && !r.supplierId().equals(po.supplierId())) {
                throw DomainException.unprocessable(
                        "SUPPLIER_MISMATCH",
                        "The goods are from supplier " + r.supplierId() + "; purchase order " + po.number()
                                + " is with supplier " + po.supplierId(),
                        Map.of("supplierId", r.supplierId(), "purchaseOrderSupplierId", po.supplierId()));
            }
            requireReceivable(po.supplier());
            if (po.status() != PurchaseOrderStatus.OPEN) {
                // as PurchaseOrder#requireOpen says it
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("purchaseOrderId", po.id());
                details.put("purchaseOrderStatus", po.status().name());
                throw new DomainException(
                        "PURCHASE_ORDER_NOT_OPEN",
                        DomainException.Kind.CONFLICT,
                        "Purchase order " + po.number() + " is " + po.status(),
                        details);
            }
            String gtin = scan.gtin();
            Long itemId = r.itemId() != null ? r.itemId() : po.scannedItemId();
            if (gtin != null && po.scannedItemId() == null && r.purchaseOrderLineId() == null && r.itemId() == null) {
                throw DomainException.unprocessable(
                        "ITEM_NOT_ON_PO",
                        "GTIN " + gtin + " is not the GTIN of an item on " + "purchase order " + po.number(),
                        Map.of("gtin", gtin, "purchaseOrderId", po.id()));
            }
            long poLineId = r.purchaseOrderLineId() != null ? r.purchaseOrderLineId() : lineOfItem(po, itemId);
            return new Choice(scan, po, poLineId, itemId);
        });
    }

    /**
     * A supplier goods are received from: not blocked, not deactivated (opening a receipt asks it too).
     *
     * @throws DomainException SUPPLIER_BLOCKED, SUPPLIER_INACTIVE (422)
     */
    static void requireReceivable(ReceiptLineFacts.Supplier s) {
        if (s.approvalStatus() == ApprovalStatus.BLOCKED) {
            throw DomainException.unprocessable(
                    "SUPPLIER_BLOCKED",
                    "Supplier " + s.code() + " is blocked: nothing is received from it",
                    Map.of("supplierId", s.id(), "supplierCode", s.code()));
        }
        if (!s.active()) {
            throw DomainException.unprocessable(
                    "SUPPLIER_INACTIVE", "Supplier " + s.code() + " is deactivated", Map.of("supplierId", s.id()));
        }
    }

    private static long lineOfItem(Order po, Long itemId) {
        if (itemId == null) {
            throw new DomainException(
                    "ITEM_REQUIRED",
                    DomainException.Kind.BAD_REQUEST,
                    "Name the purchase-order line, the item, or scan a GTIN that is on the order");
        }
        List<OrderLine> lines =
                po.lines().stream().filter(l -> l.itemId() == itemId).toList();
        if (lines.isEmpty()) {
            throw itemNotOnPo(po, itemId);
        }
        List<OrderLine> open = lines.stream()
                .filter(l -> l.status() == PurchaseOrderLineStatus.OPEN)
                .toList();
        if (open.size() > 1) {
            throw DomainException.unprocessable(
                    "PO_LINE_AMBIGUOUS",
                    "The item is on several open lines of purchase order " + po.number() + ": name the line",
                    Map.of("itemId", itemId));
        }
        // no open line: take the first, which the next step then refuses, saying why (PO_LINE_NOT_OPEN)
        return (open.isEmpty() ? lines : open).get(0).id();
    }

    private static DomainException itemNotOnPo(Order po, long itemId) {
        return DomainException.unprocessable(
                "ITEM_NOT_ON_PO",
                "Item " + itemId + " is not on purchase order " + po.number(),
                Map.of("itemId", itemId, "purchaseOrderId", po.id()));
    }

    // ---- 2.-11. the line --------------------------------------------------------------------------------------------

    ReceiptLineDecision<AcceptedReceiptLine> accept(Choice choice, Line facts) {
        return deciding(() -> {
            ReceiveLine r = choice.scan().request();
            ScannedOrTyped in = choice.scan().input();
            Order po = choice.order();
            // 2. the PO line is open
            PurchaseOrderLine line = requireOpenLineOf(po, choice.purchaseOrderLineId(), facts.line());
            // 3. the item is on the PO (on this line)
            if (choice.itemId() != null && choice.itemId() != line.itemId()) {
                throw itemNotOnPo(po, choice.itemId());
            }
            Item item = facts.item();
            // 4. the GTIN is the item's at the packaging level received; 5. the unit converts to whole base units
            String uom = uomReceived(item, choice.scan().gtin(), blankToNull(r.uom()));
            BigDecimal quantity = in.quantity(r.quantity());
            long base = UnitConversion.toBaseUnits(quantity, uom, item.baseUnitsPerUom());
            // 6. within the over-receipt tolerance, counting every earlier receipt on the line (read under the lock)
            requireWithinTolerance(line, item, base, facts.tolerancePercent());
            // 7. lot and expiry when the item requires them (the supplier's lot-label convention normalises the lot)
            String lotText = in.lot(r.lotNumber());
            String lotNumber = lotText == null
                    ? null
                    : LotLabelConvention.lotNumber(
                            facts.lotLabels(), lotText, in.lotScanned() ? LotText.FIELD : LotText.LABEL);
            if (lotNumber == null && item.lotControlled()) {
                throw DomainException.unprocessable(
                        "LOT_NUMBER_REQUIRED",
                        "Item " + item.sku() + " is lot-controlled: a lot number is required",
                        Map.of("sku", item.sku()));
            }
            LocalDate bestBefore = in.bestBefore(r.bestBeforeOn());
            LocalDate expiry = in.expiry(r.expiresOn());
            if (expiry == null && item.bestBeforeAsExpiry()) {
                expiry = bestBefore;
            }
            if (expiry == null && item.expiryRequired()) {
                throw DomainException.unprocessable(
                        "EXPIRY_REQUIRED", "Item " + item.sku() + " needs an expiry date", Map.of("sku", item.sku()));
            }
            // 8. manufactured before it expires
            LocalDate made = in.produced(r.manufacturedOn());
            if (made != null && expiry != null && !made.isBefore(expiry)) {
                throw DomainException.unprocessable(
                        "INVALID_LOT_DATES",
                        "The manufacturing date " + made + " must be before the expiry date " + expiry,
                        Map.of("manufacturedOn", made.toString(), "expiresOn", expiry.toString()));
            }
            // 9. not expired on the warehouse's local today; 10. enough shelf life left
            LocalDate today = LocalDate.now(clock.withZone(facts.warehouseZone()));
            requireShelfLife(item, expiry, today);
            // 11. an SSCC is a valid one (received once: againstRecords)
            String ssccText = in.sscc(r.sscc());
            String sscc = ssccText == null ? null : Sscc.parse(ssccText).value();
            return new AcceptedReceiptLine(
                    line.id(),
                    item.id(),
                    item.sku(),
                    po.supplierId(),
                    quantity,
                    uom.toUpperCase(Locale.ROOT),
                    base,
                    lotNumber,
                    blankToNull(r.manufacturerBatchRef()),
                    made,
                    expiry,
                    bestBefore,
                    today,
                    sscc,
                    choice.scan().gtin(),
                    in.scanned(),
                    unitCost(line),
                    po.currency());
        });
    }

    private static PurchaseOrderLine requireOpenLineOf(Order po, long poLineId, PurchaseOrderLine line) {
        if (line == null) {
            throw DomainException.notFound(
                    "UNKNOWN_PURCHASE_ORDER_LINE",
                    "Purchase order line " + poLineId + " does not exist",
                    Map.of("purchaseOrderLineId", poLineId));
        }
        if (line.purchaseOrderId() != po.id()) {
            throw DomainException.unprocessable(
                    "PO_LINE_NOT_ON_PURCHASE_ORDER",
                    "Line " + poLineId + " is not a line of purchase order " + po.number(),
                    Map.of("purchaseOrderLineId", poLineId));
        }
        if (line.status() != PurchaseOrderLineStatus.OPEN) {
            // as PurchaseOrderLine#requireOpen says it
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("purchaseOrderLineId", line.id());
            details.put("line", line.lineNumber());
            details.put("lineStatus", line.status().name());
            throw new DomainException(
                    "PO_LINE_NOT_OPEN",
                    DomainException.Kind.CONFLICT,
                    "Line " + line.lineNumber() + " of the purchase order is " + line.status(),
                    details);
        }
        return line;
    }

    /** The unit received: the scanned GTIN's packaging level (a typed unit must be it), else the typed, else base. */
    private static String uomReceived(Item item, String gtin, String typedUom) {
        if (gtin == null) {
            return typedUom == null ? item.baseUom() : typedUom;
        }
        GtinAssignment g = item.gtins().stream()
                .filter(a -> a.gtin().equals(gtin))
                .findFirst()
                .orElseThrow(() -> DomainException.unprocessable(
                        "GTIN_MISMATCH",
                        "GTIN " + gtin + " is not a GTIN of item " + item.sku(),
                        Map.of("gtin", gtin, "sku", item.sku())));
        if (typedUom != null && !typedUom.equalsIgnoreCase(g.uom())) {
            throw DomainException.unprocessable(
                    "GTIN_MISMATCH",
                    "GTIN " + gtin + " identifies a " + g.uom() + " of " + item.sku() + ", not a "
                            + typedUom.toUpperCase(Locale.ROOT),
                    Map.of("gtin", gtin, "sku", item.sku(), "gtinUom", g.uom(), "uom", typedUom));
        }
        return g.uom();
    }

    /** At most ordered × (100 + tolerance) / 100 base units, rounded down, may be received on a line in all. */
    private static void requireWithinTolerance(PurchaseOrderLine line, Item item, long base, BigDecimal percent) {
        BigDecimal maximum =
                line.orderedBaseQuantity().multiply(HUNDRED.add(percent)).divide(HUNDRED, 0, RoundingMode.FLOOR);
        BigDecimal after = line.receivedBaseQuantity().add(BigDecimal.valueOf(base));
        if (after.compareTo(maximum) > 0) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("purchaseOrderLineId", line.id());
            d.put("orderedBaseQuantity", plain(line.orderedBaseQuantity()));
            d.put("receivedBaseQuantity", plain(line.receivedBaseQuantity()));
            d.put("requestedBaseQuantity", base);
            d.put("tolerancePercent", plain(percent));
            d.put("maximumBaseQuantity", plain(maximum));
            throw DomainException.unprocessable(
                    "OVER_RECEIPT_TOLERANCE_EXCEEDED",
                    "Receiving " + base + " "
                            + item.baseUom() + " would bring line " + line.lineNumber() + " to " + plain(after) + " of "
                            + plain(line.orderedBaseQuantity()) + " ordered; at most " + plain(maximum) + " ("
                            + plain(percent)
                            + " % tolerance) may be received",
                    d);
        }
    }

    /** Expires after today, and with at least the item's minimum of days left. */
    private static void requireShelfLife(Item item, LocalDate expiry, LocalDate today) {
        if (expiry == null) {
            return;
        }
        if (!expiry.isAfter(today)) {
            throw DomainException.unprocessable(
                    "LOT_EXPIRED",
                    "The lot expires on " + expiry + ", not after today (" + today + " at the warehouse)",
                    Map.of("expiresOn", expiry.toString(), "today", today.toString()));
        }
        long remaining = ChronoUnit.DAYS.between(today, expiry);
        if (remaining < item.minRemainingShelfLifeDays()) {
            throw DomainException.unprocessable(
                    "SHELF_LIFE_TOO_SHORT",
                    "The lot has " + remaining
                            + " days of shelf life left; item " + item.sku() + " must arrive with at least "
                            + item.minRemainingShelfLifeDays(),
                    Map.of(
                            "expiresOn",
                            expiry.toString(),
                            "remainingDays",
                            remaining,
                            "minimumDays",
                            item.minRemainingShelfLifeDays()));
        }
    }

    /** ADR 0004: a lot's unit cost is the purchase-order price of its first receipt, per base unit. */
    private static BigDecimal unitCost(PurchaseOrderLine line) {
        return line.expectedUnitPrice()
                .multiply(line.orderedQuantity())
                .divide(line.orderedBaseQuantity(), 4, RoundingMode.HALF_UP);
    }

    // ---- 11. and the lot: against what is on record -----------------------------------------------------------------

    ReceiptLineDecision<AcceptedReceiptLine> againstRecords(AcceptedReceiptLine a, Records records) {
        return deciding(() -> {
            if (a.sscc() != null && records.ssccReceived()) {
                throw DomainException.conflict(
                        "SSCC_ALREADY_RECEIVED",
                        "SSCC " + a.sscc() + " has already been received",
                        Map.of("sscc", a.sscc()));
            }
            if (records.lot().isPresent()) {
                RecordedLot lot = records.lot().get();
                if (a.expiresOn() != null
                        && lot.expiresOn() != null
                        && !a.expiresOn().equals(lot.expiresOn())) {
                    throw DomainException.unprocessable(
                            "LOT_EXPIRY_DIFFERS",
                            "Lot " + a.lotNumber() + " of " + a.sku()
                                    + " is on record with expiry " + lot.expiresOn() + ", not " + a.expiresOn()
                                    + "; check the label (quality corrects a wrong lot record)",
                            Map.of(
                                    "lot",
                                    lot.internalLabel(),
                                    "recordedExpiresOn",
                                    lot.expiresOn().toString(),
                                    "expiresOn",
                                    a.expiresOn().toString()));
                }
            }
            return a;
        });
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /** The checks throw the DomainException they refuse with (the catalog's and purchasing's rules do too). */
    private static <T> ReceiptLineDecision<T> deciding(Supplier<T> checks) {
        try {
            return new ReceiptLineDecision<>(checks.get(), null);
        } catch (DomainException e) {
            return new ReceiptLineDecision<>(null, ReceiptLineDecision.Refusal.of(e));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String plain(BigDecimal b) {
        return b.stripTrailingZeros().toPlainString();
    }
}
