package org.lotledger.receiving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.lotledger.catalog.item.GtinAssignment;
import org.lotledger.catalog.partner.ApprovalStatus;
import org.lotledger.catalog.partner.LotLabelConvention;
import org.lotledger.common.DomainException;
import org.lotledger.purchasing.PurchaseOrderLineStatus;
import org.lotledger.purchasing.PurchaseOrderStatus;
import org.lotledger.receiving.ReceiptLineDecision.Refusal;
import org.lotledger.receiving.ReceiptLinePolicy.Choice;
import org.lotledger.receiving.ReceiptLinePolicy.Scan;

/**
 * Every check of {@link ReceiptLinePolicy} as table rows: each boundary from both sides, with the code it refuses
 * with. Plain Java: facts written down, a fixed clock, no Spring and no database. The baseline case is a valid line:
 * 100 EA of a lot-controlled item on line 11 (100 EA ordered, none received, 10 % tolerance), lot label LOT-12345,
 * expiring 60 days after today, which is 2026-03-11 in Berlin while it is still 2026-03-10 in UTC.
 */
class ReceiptLinePolicyTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T23:30:00Z"), ZoneOffset.UTC);
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 11);
    static final String GTIN_EA = "09506000134352";
    static final String GTIN_CS = "19506000134359";
    static final String GTIN_OTHER_ITEM = "09506000134369";
    static final String SSCC = "106141411234567897";
    static final String ACCEPTED = "ACCEPTED";

    final ReceiptLinePolicy policy = new ReceiptLinePolicy(CLOCK);

    /** One request with its facts; every field starts at the valid baseline and a table row changes some. */
    static final class Case {
        boolean receiptOpen = true;
        // the request
        Long poLineId = 11L;
        Long itemId;
        Long supplierId;
        String gtin;
        String lot = "LOT-12345";
        LocalDate made;
        LocalDate expires = TODAY.plusDays(60);
        LocalDate bestBefore;
        BigDecimal quantity = new BigDecimal("100");
        String uom = "EA";
        String sscc;
        String scan;
        // the order
        PurchaseOrderStatus poStatus = PurchaseOrderStatus.OPEN;
        ApprovalStatus approval = ApprovalStatus.APPROVED;
        boolean supplierActive = true;
        Long scannedItemId;
        List<ReceiptLineFacts.OrderLine> lines =
                new ArrayList<>(List.of(new ReceiptLineFacts.OrderLine(11, 100, PurchaseOrderLineStatus.OPEN)));
        // the line
        boolean lineExists = true;
        long linePurchaseOrder = 7;
        PurchaseOrderLineStatus lineStatus = PurchaseOrderLineStatus.OPEN;
        BigDecimal orderedBase = new BigDecimal("100");
        BigDecimal receivedBase = BigDecimal.ZERO;
        BigDecimal tolerance = BigDecimal.TEN;
        // the item
        boolean lotControlled = true;
        boolean expiryRequired = true;
        boolean bestBeforeAsExpiry;
        int minShelfLifeDays = 30;
        boolean labelConvention = true;
        ZoneId zone = BERLIN;
        // on record
        boolean ssccReceived;
        LocalDate recordedExpiry;
        boolean lotOnRecord;

        ReceiveLine request() {
            return new ReceiveLine(
                    poLineId,
                    itemId,
                    supplierId,
                    gtin,
                    lot,
                    null,
                    made,
                    expires,
                    bestBefore,
                    quantity,
                    uom,
                    sscc,
                    scan);
        }

        ReceiptLineFacts.Order order() {
            return new ReceiptLineFacts.Order(
                    7,
                    "PO-7",
                    3,
                    "EUR",
                    poStatus,
                    new ReceiptLineFacts.Supplier(3, "MEDI", approval, supplierActive),
                    scannedItemId,
                    lines);
        }

        ReceiptLineFacts.Line line() {
            Map<String, Integer> units = new LinkedHashMap<>();
            units.put("EA", 1);
            units.put("CS", 10);
            ReceiptLineFacts.Item item = new ReceiptLineFacts.Item(
                    100,
                    "GLOVE-M",
                    "EA",
                    lotControlled,
                    expiryRequired,
                    bestBeforeAsExpiry,
                    minShelfLifeDays,
                    units,
                    List.of(new GtinAssignment(GTIN_EA, "EA"), new GtinAssignment(GTIN_CS, "CS")));
            ReceiptLineFacts.PurchaseOrderLine line = !lineExists
                    ? null
                    : new ReceiptLineFacts.PurchaseOrderLine(
                            11,
                            linePurchaseOrder,
                            1,
                            100,
                            lineStatus,
                            new BigDecimal("10"),
                            orderedBase,
                            receivedBase,
                            new BigDecimal("50.00"));
            Optional<LotLabelConvention> labels = labelConvention
                    ? Optional.of(LotLabelConvention.of("(?:LOT-)?(?<lot>[0-9]{5})", "LOT-12345"))
                    : Optional.empty();
            return new ReceiptLineFacts.Line(line, lineExists ? item : null, tolerance, labels, zone);
        }

        ReceiptLineFacts.Records records() {
            return new ReceiptLineFacts.Records(
                    ssccReceived,
                    !lotOnRecord
                            ? Optional.empty()
                            : Optional.of(new ReceiptLineFacts.RecordedLot(500, "LL00000500", recordedExpiry)));
        }
    }

    /** The four steps as the service takes them: the first refusal, or the accepted line. */
    ReceiptLineDecision<AcceptedReceiptLine> decide(Case c) {
        ReceiptLineDecision<Scan> scan = policy.readScan(new ReceiptLineFacts.Receipt(42, c.receiptOpen), c.request());
        if (scan.refused()) {
            return new ReceiptLineDecision<>(null, scan.refusal());
        }
        ReceiptLineDecision<Choice> choice = policy.chooseLine(scan.accepted(), c.order());
        if (choice.refused()) {
            return new ReceiptLineDecision<>(null, choice.refusal());
        }
        ReceiptLineDecision<AcceptedReceiptLine> accepted = policy.accept(choice.accepted(), c.line());
        return accepted.refused() ? accepted : policy.againstRecords(accepted.accepted(), c.records());
    }

    String outcome(Consumer<Case> change) {
        Case c = new Case();
        change.accept(c);
        ReceiptLineDecision<AcceptedReceiptLine> d = decide(c);
        return d.refused() ? d.refusal().code() : ACCEPTED;
    }

    static Arguments row(String name, Consumer<Case> change, String outcome) {
        return arguments(name, change, outcome);
    }

    static Stream<Arguments> checks() {
        return Stream.of(
                row("the baseline", c -> {}, ACCEPTED),
                // 0. the receipt, the barcode, a typed GTIN next to a scanned one
                row("receipt closed", c -> c.receiptOpen = false, "RECEIPT_CLOSED"),
                row("scan that is no GS1 element string", c -> c.scan = "(01)0950600013435X", "INVALID_GS1_BARCODE"),
                row("scan with a wrong check digit", c -> c.scan = "(01)09506000134353", "INVALID_GS1_BARCODE"),
                row("blank scan: nothing scanned", c -> c.scan = "  ", ACCEPTED),
                row(
                        "typed GTIN differs from the scanned one",
                        c -> {
                            c.scan = "(01)" + GTIN_EA;
                            c.gtin = GTIN_CS;
                        },
                        "SCAN_MISMATCH"),
                row(
                        "typed GTIN equals the scanned one",
                        c -> {
                            c.scan = "(01)" + GTIN_EA;
                            c.gtin = GTIN_EA;
                        },
                        ACCEPTED),
                // 1. supplier and order
                row("goods from another supplier", c -> c.supplierId = 4L, "SUPPLIER_MISMATCH"),
                row("goods from the order's supplier", c -> c.supplierId = 3L, ACCEPTED),
                row("supplier blocked", c -> c.approval = ApprovalStatus.BLOCKED, "SUPPLIER_BLOCKED"),
                row("supplier on probation", c -> c.approval = ApprovalStatus.PROBATION, ACCEPTED),
                row("supplier deactivated", c -> c.supplierActive = false, "SUPPLIER_INACTIVE"),
                row("order closed", c -> c.poStatus = PurchaseOrderStatus.CLOSED, "PURCHASE_ORDER_NOT_OPEN"),
                row("order cancelled", c -> c.poStatus = PurchaseOrderStatus.CANCELLED, "PURCHASE_ORDER_NOT_OPEN"),
                // 2. which line
                row(
                        "GTIN of no item on the order, no line, no item",
                        c -> {
                            c.poLineId = null;
                            c.gtin = GTIN_OTHER_ITEM;
                        },
                        "ITEM_NOT_ON_PO"),
                row(
                        "GTIN of an item on the order, no line",
                        c -> {
                            c.poLineId = null;
                            c.gtin = GTIN_EA;
                            c.scannedItemId = 100L;
                        },
                        ACCEPTED),
                row("neither line nor item nor GTIN", c -> c.poLineId = null, "ITEM_REQUIRED"),
                row(
                        "item not on the order",
                        c -> {
                            c.poLineId = null;
                            c.itemId = 101L;
                        },
                        "ITEM_NOT_ON_PO"),
                row(
                        "item on the order",
                        c -> {
                            c.poLineId = null;
                            c.itemId = 100L;
                        },
                        ACCEPTED),
                row(
                        "item on two open lines",
                        c -> {
                            c.poLineId = null;
                            c.itemId = 100L;
                            c.lines.add(new ReceiptLineFacts.OrderLine(12, 100, PurchaseOrderLineStatus.OPEN));
                        },
                        "PO_LINE_AMBIGUOUS"),
                row(
                        "item on an open and a complete line",
                        c -> {
                            c.poLineId = null;
                            c.itemId = 100L;
                            c.lines.add(0, new ReceiptLineFacts.OrderLine(10, 100, PurchaseOrderLineStatus.RECEIVED));
                        },
                        ACCEPTED),
                row(
                        "item only on a complete line",
                        c -> {
                            c.poLineId = null;
                            c.itemId = 100L;
                            c.lines.set(0, new ReceiptLineFacts.OrderLine(11, 100, PurchaseOrderLineStatus.RECEIVED));
                            c.lineStatus = PurchaseOrderLineStatus.RECEIVED;
                        },
                        "PO_LINE_NOT_OPEN"),
                row("no such line", c -> c.lineExists = false, "UNKNOWN_PURCHASE_ORDER_LINE"),
                row("line of another order", c -> c.linePurchaseOrder = 8, "PO_LINE_NOT_ON_PURCHASE_ORDER"),
                row("line complete", c -> c.lineStatus = PurchaseOrderLineStatus.RECEIVED, "PO_LINE_NOT_OPEN"),
                row("line closed short", c -> c.lineStatus = PurchaseOrderLineStatus.CLOSED_SHORT, "PO_LINE_NOT_OPEN"),
                row("line cancelled", c -> c.lineStatus = PurchaseOrderLineStatus.CANCELLED, "PO_LINE_NOT_OPEN"),
                // 3. the item on this line
                row("line named with another item", c -> c.itemId = 101L, "ITEM_NOT_ON_PO"),
                row("line named with its item", c -> c.itemId = 100L, ACCEPTED),
                // 4. GTIN and packaging level
                row("GTIN not the item's", c -> c.gtin = GTIN_OTHER_ITEM, "GTIN_MISMATCH"),
                row(
                        "case GTIN with the unit EA",
                        c -> {
                            c.gtin = GTIN_CS;
                            c.quantity = BigDecimal.TEN;
                        },
                        "GTIN_MISMATCH"),
                row(
                        "case GTIN with the unit cs (any case)",
                        c -> {
                            c.gtin = GTIN_CS;
                            c.uom = "cs";
                            c.quantity = BigDecimal.TEN;
                        },
                        ACCEPTED),
                row(
                        "case GTIN without a unit",
                        c -> {
                            c.gtin = GTIN_CS;
                            c.uom = null;
                            c.quantity = BigDecimal.TEN;
                        },
                        ACCEPTED),
                // 5. quantity and whole base units
                row(
                        "scanned count differs from the typed quantity",
                        c -> {
                            c.scan = "(00)" + SSCC + "(02)" + GTIN_EA + "(37)99";
                        },
                        "SCAN_MISMATCH"),
                row(
                        "scanned count equals the typed quantity",
                        c -> {
                            c.scan = "(00)" + SSCC + "(02)" + GTIN_EA + "(37)100";
                            c.quantity = new BigDecimal("100.000");
                        },
                        ACCEPTED),
                row(
                        "scanned count, no typed quantity",
                        c -> {
                            c.scan = "(00)" + SSCC + "(02)" + GTIN_EA + "(37)100";
                            c.quantity = null;
                        },
                        ACCEPTED),
                row("neither count nor quantity", c -> c.quantity = null, "QUANTITY_REQUIRED"),
                row("quantity 0", c -> c.quantity = BigDecimal.ZERO, "INVALID_QUANTITY"),
                row("quantity -1", c -> c.quantity = new BigDecimal("-1"), "INVALID_QUANTITY"),
                row("a unit the item does not have", c -> c.uom = "PAL", "UOM_NOT_CONVERTIBLE"),
                row("half an each", c -> c.quantity = new BigDecimal("99.5"), "UOM_NOT_CONVERTIBLE"),
                row(
                        "a tenth of a case is one each",
                        c -> {
                            c.uom = "CS";
                            c.quantity = new BigDecimal("0.1");
                        },
                        ACCEPTED),
                // 6. over-receipt tolerance: 100 ordered, 10 % → at most 110 in all
                row("110 of 100 at 10 %", c -> c.quantity = new BigDecimal("110"), ACCEPTED),
                row("111 of 100 at 10 %", c -> c.quantity = new BigDecimal("111"), "OVER_RECEIPT_TOLERANCE_EXCEEDED"),
                row(
                        "60 more after 50 received",
                        c -> {
                            c.receivedBase = new BigDecimal("50");
                            c.quantity = new BigDecimal("60");
                        },
                        ACCEPTED),
                row(
                        "61 more after 50 received",
                        c -> {
                            c.receivedBase = new BigDecimal("50");
                            c.quantity = new BigDecimal("61");
                        },
                        "OVER_RECEIPT_TOLERANCE_EXCEEDED"),
                row("100 at 0 %", c -> c.tolerance = BigDecimal.ZERO, ACCEPTED),
                row(
                        "101 at 0 %",
                        c -> {
                            c.tolerance = BigDecimal.ZERO;
                            c.quantity = new BigDecimal("101");
                        },
                        "OVER_RECEIPT_TOLERANCE_EXCEEDED"),
                row(
                        "102 at 2.5 % (102.5 rounded down)",
                        c -> {
                            c.tolerance = new BigDecimal("2.5");
                            c.quantity = new BigDecimal("102");
                        },
                        ACCEPTED),
                row(
                        "103 at 2.5 % (102.5 rounded down)",
                        c -> {
                            c.tolerance = new BigDecimal("2.5");
                            c.quantity = new BigDecimal("103");
                        },
                        "OVER_RECEIPT_TOLERANCE_EXCEEDED"),
                // 7. lot and expiry
                row(
                        "scanned lot differs from the typed one",
                        c -> {
                            c.scan = "(01)" + GTIN_EA + "(10)12345";
                            c.lot = "54321";
                        },
                        "SCAN_MISMATCH"),
                row("typed label outside the supplier's convention", c -> c.lot = "ABC", "LOT_LABEL_NOT_RECOGNISED"),
                row(
                        "scanned lot field outside the convention: taken as it is",
                        c -> {
                            c.scan = "(01)" + GTIN_EA + "(10)ABC";
                            c.lot = null;
                        },
                        ACCEPTED),
                row(
                        "typed label, supplier without a convention",
                        c -> {
                            c.labelConvention = false;
                            c.lot = "ABC";
                        },
                        ACCEPTED),
                row("lot-controlled item without a lot", c -> c.lot = null, "LOT_NUMBER_REQUIRED"),
                row("blank lot", c -> c.lot = "  ", "LOT_NUMBER_REQUIRED"),
                row(
                        "item not lot-controlled, without a lot",
                        c -> {
                            c.lotControlled = false;
                            c.lot = null;
                        },
                        ACCEPTED),
                row(
                        "scanned best-before differs from the typed one",
                        c -> {
                            c.scan = "(01)" + GTIN_EA + "(15)260601";
                            c.bestBefore = LocalDate.of(2026, 6, 2);
                        },
                        "SCAN_MISMATCH"),
                row(
                        "scanned expiry differs from the typed one",
                        c -> {
                            c.scan = "(01)" + GTIN_EA + "(17)260601";
                        },
                        "SCAN_MISMATCH"),
                row(
                        "scanned expiry, none typed",
                        c -> {
                            c.scan = "(01)" + GTIN_EA + "(17)260601";
                            c.expires = null;
                        },
                        ACCEPTED),
                row("no expiry, item needs one", c -> c.expires = null, "EXPIRY_REQUIRED"),
                row(
                        "no expiry, item does not need one",
                        c -> {
                            c.expires = null;
                            c.expiryRequired = false;
                        },
                        ACCEPTED),
                row(
                        "best before counts as expiry",
                        c -> {
                            c.expires = null;
                            c.bestBeforeAsExpiry = true;
                            c.bestBefore = TODAY.plusDays(60);
                        },
                        ACCEPTED),
                row(
                        "best before that does not count as expiry",
                        c -> {
                            c.expires = null;
                            c.bestBefore = TODAY.plusDays(60);
                        },
                        "EXPIRY_REQUIRED"),
                // 8. manufactured before it expires
                row(
                        "scanned production date differs from the typed one",
                        c -> {
                            c.scan = "(01)" + GTIN_EA + "(11)260101";
                            c.made = LocalDate.of(2026, 1, 2);
                        },
                        "SCAN_MISMATCH"),
                row("manufactured on the expiry date", c -> c.made = TODAY.plusDays(60), "INVALID_LOT_DATES"),
                row("manufactured after the expiry date", c -> c.made = TODAY.plusDays(61), "INVALID_LOT_DATES"),
                row("manufactured the day before it expires", c -> c.made = TODAY.plusDays(59), ACCEPTED),
                // 9. not expired on the warehouse's today, 10. shelf life left (30 days)
                row(
                        "expires today",
                        c -> {
                            c.expires = TODAY;
                            c.minShelfLifeDays = 0;
                        },
                        "LOT_EXPIRED"),
                row(
                        "expires tomorrow, no minimum",
                        c -> {
                            c.expires = TODAY.plusDays(1);
                            c.minShelfLifeDays = 0;
                        },
                        ACCEPTED),
                row(
                        "expires on the UTC tomorrow, which is Berlin's today",
                        c -> {
                            c.expires = TODAY;
                            c.minShelfLifeDays = 0;
                            c.zone = ZoneOffset.UTC;
                        },
                        ACCEPTED),
                row("expired yesterday", c -> c.expires = TODAY.minusDays(1), "LOT_EXPIRED"),
                row("29 days left of 30", c -> c.expires = TODAY.plusDays(29), "SHELF_LIFE_TOO_SHORT"),
                row("30 days left of 30", c -> c.expires = TODAY.plusDays(30), ACCEPTED),
                // 11. the SSCC: agrees, valid, received once
                row(
                        "scanned SSCC differs from the typed one",
                        c -> {
                            c.scan = "(00)" + SSCC;
                            c.sscc = "106141411234567880";
                        },
                        "SCAN_MISMATCH"),
                row("SSCC with a wrong check digit", c -> c.sscc = "106141411234567898", "INVALID_SSCC"),
                row("SSCC typed in groups", c -> c.sscc = "1 0614141 123456789 7", ACCEPTED),
                row(
                        "SSCC received before",
                        c -> {
                            c.sscc = SSCC;
                            c.ssccReceived = true;
                        },
                        "SSCC_ALREADY_RECEIVED"),
                row("SSCC not received before", c -> c.sscc = SSCC, ACCEPTED),
                // the lot on record
                row(
                        "lot on record with another expiry",
                        c -> {
                            c.lotOnRecord = true;
                            c.recordedExpiry = TODAY.plusDays(61);
                        },
                        "LOT_EXPIRY_DIFFERS"),
                row(
                        "lot on record with the same expiry",
                        c -> {
                            c.lotOnRecord = true;
                            c.recordedExpiry = TODAY.plusDays(60);
                        },
                        ACCEPTED),
                row("lot on record without an expiry", c -> c.lotOnRecord = true, ACCEPTED));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("checks")
    void each_check_refuses_on_one_side_of_its_boundary_with_its_code(
            String row, Consumer<Case> change, String outcome) {
        assertThat(outcome(change)).isEqualTo(outcome);
    }

    /** A request breaking two rules is refused for the one checked first (issue 3's order). */
    static Stream<Arguments> twoRulesBroken() {
        return Stream.of(
                row(
                        "receipt closed, barcode unreadable",
                        c -> {
                            c.receiptOpen = false;
                            c.scan = "(01)1";
                        },
                        "RECEIPT_CLOSED"),
                row(
                        "GTIN disagrees, supplier mismatch",
                        c -> {
                            c.scan = "(01)" + GTIN_EA;
                            c.gtin = GTIN_CS;
                            c.supplierId = 4L;
                        },
                        "SCAN_MISMATCH"),
                row(
                        "supplier mismatch, supplier blocked",
                        c -> {
                            c.supplierId = 4L;
                            c.approval = ApprovalStatus.BLOCKED;
                        },
                        "SUPPLIER_MISMATCH"),
                row(
                        "supplier blocked and deactivated",
                        c -> {
                            c.approval = ApprovalStatus.BLOCKED;
                            c.supplierActive = false;
                        },
                        "SUPPLIER_BLOCKED"),
                row(
                        "supplier deactivated, order closed",
                        c -> {
                            c.supplierActive = false;
                            c.poStatus = PurchaseOrderStatus.CLOSED;
                        },
                        "SUPPLIER_INACTIVE"),
                row(
                        "order closed, no such line",
                        c -> {
                            c.poStatus = PurchaseOrderStatus.CLOSED;
                            c.lineExists = false;
                        },
                        "PURCHASE_ORDER_NOT_OPEN"),
                row(
                        "line complete, another item",
                        c -> {
                            c.lineStatus = PurchaseOrderLineStatus.RECEIVED;
                            c.itemId = 101L;
                        },
                        "PO_LINE_NOT_OPEN"),
                row(
                        "another item, GTIN not the item's",
                        c -> {
                            c.itemId = 101L;
                            c.gtin = GTIN_OTHER_ITEM;
                        },
                        "ITEM_NOT_ON_PO"),
                row(
                        "GTIN not the item's, no quantity",
                        c -> {
                            c.gtin = GTIN_OTHER_ITEM;
                            c.quantity = null;
                        },
                        "GTIN_MISMATCH"),
                row("half an each, over tolerance", c -> c.quantity = new BigDecimal("200.5"), "UOM_NOT_CONVERTIBLE"),
                row(
                        "over tolerance, no lot",
                        c -> {
                            c.quantity = new BigDecimal("111");
                            c.lot = null;
                        },
                        "OVER_RECEIPT_TOLERANCE_EXCEEDED"),
                row(
                        "label outside the convention, no expiry",
                        c -> {
                            c.lot = "ABC";
                            c.expires = null;
                        },
                        "LOT_LABEL_NOT_RECOGNISED"),
                row(
                        "no lot, no expiry",
                        c -> {
                            c.lot = null;
                            c.expires = null;
                        },
                        "LOT_NUMBER_REQUIRED"),
                row(
                        "no expiry, best before disagrees with the scan",
                        c -> {
                            c.expires = null;
                            c.scan = "(01)" + GTIN_EA + "(15)260601";
                            c.bestBefore = LocalDate.of(2026, 6, 2);
                        },
                        "SCAN_MISMATCH"),
                row(
                        "dates out of order, expired",
                        c -> {
                            c.expires = TODAY.minusDays(1);
                            c.made = TODAY;
                        },
                        "INVALID_LOT_DATES"),
                row(
                        "expired, SSCC invalid",
                        c -> {
                            c.expires = TODAY.minusDays(1);
                            c.sscc = "1";
                        },
                        "LOT_EXPIRED"),
                row(
                        "shelf life too short, SSCC received before",
                        c -> {
                            c.expires = TODAY.plusDays(29);
                            c.sscc = SSCC;
                            c.ssccReceived = true;
                        },
                        "SHELF_LIFE_TOO_SHORT"),
                row(
                        "SSCC received before, lot on record with another expiry",
                        c -> {
                            c.sscc = SSCC;
                            c.ssccReceived = true;
                            c.lotOnRecord = true;
                            c.recordedExpiry = TODAY;
                        },
                        "SSCC_ALREADY_RECEIVED"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("twoRulesBroken")
    void a_line_breaking_two_rules_is_refused_for_the_first_checked(String row, Consumer<Case> change, String outcome) {
        assertThat(outcome(change)).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "{0} of 100 with {1} received at {2} % → at most {3}")
    @CsvSource({"111, 0, 10, 110", "61, 50, 10, 110", "103, 0, 2.5, 102", "1, 100, 0, 100"})
    void the_tolerance_refusal_says_what_is_allowed(int requested, int received, String percent, int maximum) {
        Refusal r = refusal(c -> {
            c.quantity = BigDecimal.valueOf(requested);
            c.receivedBase = BigDecimal.valueOf(received);
            c.tolerance = new BigDecimal(percent);
        });
        assertThat(r.kind()).isEqualTo(DomainException.Kind.UNPROCESSABLE);
        assertThat(r.properties())
                .containsExactly(
                        Map.entry("purchaseOrderLineId", 11L),
                        Map.entry("orderedBaseQuantity", "100"),
                        Map.entry("receivedBaseQuantity", String.valueOf(received)),
                        Map.entry("requestedBaseQuantity", (long) requested),
                        Map.entry("tolerancePercent", percent),
                        Map.entry("maximumBaseQuantity", String.valueOf(maximum)));
    }

    @Test
    void the_refusals_carry_the_problem_properties_and_kind_the_api_answers_with() {
        Refusal shelfLife = refusal(c -> c.expires = TODAY.plusDays(29));
        assertThat(shelfLife.properties())
                .containsOnly(
                        Map.entry("expiresOn", "2026-04-09"),
                        Map.entry("remainingDays", 29L),
                        Map.entry("minimumDays", 30));
        assertThat(shelfLife.message())
                .isEqualTo("The lot has 29 days of shelf life left; item GLOVE-M must arrive " + "with at least 30");

        Refusal expired = refusal(c -> {
            c.expires = TODAY;
            c.minShelfLifeDays = 0;
        });
        assertThat(expired.properties())
                .containsOnly(Map.entry("expiresOn", "2026-03-11"), Map.entry("today", "2026-03-11"));

        Refusal mismatch = refusal(c -> {
            c.scan = "(00)" + SSCC + "(02)" + GTIN_EA + "(37)99";
        });
        assertThat(mismatch.properties())
                .containsOnly(Map.entry("field", "quantity"), Map.entry("scanned", "99"), Map.entry("typed", "100"));

        Refusal poLine = refusal(c -> c.lineStatus = PurchaseOrderLineStatus.CLOSED_SHORT);
        assertThat(poLine.kind()).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(poLine.properties())
                .containsExactly(
                        Map.entry("purchaseOrderLineId", 11L),
                        Map.entry("line", 1),
                        Map.entry("lineStatus", "CLOSED_SHORT"));

        assertThat(refusal(c -> c.receiptOpen = false).kind()).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(refusal(c -> c.poLineId = null).kind()).isEqualTo(DomainException.Kind.BAD_REQUEST);
        assertThat(refusal(c -> c.lineExists = false).kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
        assertThat(refusal(c -> {
                            c.sscc = SSCC;
                            c.ssccReceived = true;
                        })
                        .kind())
                .isEqualTo(DomainException.Kind.CONFLICT);

        DomainException thrown = shelfLife.toException();
        assertThat(thrown.code()).isEqualTo("SHELF_LIFE_TOO_SHORT");
        assertThat(thrown.kind()).isEqualTo(DomainException.Kind.UNPROCESSABLE);
        assertThat(thrown.details()).isEqualTo(shelfLife.properties());
    }

    @Test
    void an_accepted_line_carries_the_values_the_service_writes() {
        AcceptedReceiptLine a = accepted(c -> {
            c.scan = "(00)" + SSCC + "(02)" + GTIN_CS + "(37)3(10)LOT-12345";
            c.lot = null;
            c.quantity = null;
            c.uom = null;
            c.made = TODAY.minusDays(10);
        });
        assertThat(a.purchaseOrderLineId()).isEqualTo(11);
        assertThat(a.itemId()).isEqualTo(100);
        assertThat(a.supplierId()).isEqualTo(3);
        assertThat(a.uom()).isEqualTo("CS");
        assertThat(a.quantity()).isEqualByComparingTo("3");
        assertThat(a.baseQuantity()).isEqualTo(30);
        assertThat(a.lotNumber())
                .as("a scanned lot field that follows the convention is normalised")
                .isEqualTo("12345");
        assertThat(a.expiresOn()).isEqualTo(TODAY.plusDays(60));
        assertThat(a.manufacturedOn()).isEqualTo(TODAY.minusDays(10));
        assertThat(a.receivedOn()).as("the warehouse's local today").isEqualTo(TODAY);
        assertThat(a.sscc()).isEqualTo(SSCC);
        assertThat(a.gtin()).isEqualTo(GTIN_CS);
        assertThat(a.scanned()).startsWith("(00)" + SSCC);
        assertThat(a.unitCost())
                .as("50.00 per case of 10: 5 per each (ADR 0004)")
                .isEqualByComparingTo("5.0000");
        assertThat(a.currency()).isEqualTo("EUR");

        AcceptedReceiptLine typed = accepted(c -> c.uom = "ea");
        assertThat(typed.uom()).isEqualTo("EA");
        assertThat(typed.lotNumber()).isEqualTo("12345");
        assertThat(typed.gtin()).isNull();
        assertThat(typed.scanned()).isNull();
        assertThat(typed.sscc()).isNull();
    }

    Refusal refusal(Consumer<Case> change) {
        Case c = new Case();
        change.accept(c);
        ReceiptLineDecision<AcceptedReceiptLine> d = decide(c);
        assertThat(d.refused()).as("refused").isTrue();
        return d.refusal();
    }

    AcceptedReceiptLine accepted(Consumer<Case> change) {
        Case c = new Case();
        change.accept(c);
        ReceiptLineDecision<AcceptedReceiptLine> d = decide(c);
        assertThat(d.refusal()).as("refusal").isNull();
        return d.accepted();
    }
}
