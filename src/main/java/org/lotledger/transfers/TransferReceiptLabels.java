package org.lotledger.transfers;

import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.lotledger.catalog.item.ItemGtin;
import org.lotledger.catalog.item.ItemGtins;
import org.lotledger.catalog.lot.LotView;
import org.lotledger.catalog.lot.ScannedLots;
import org.lotledger.common.DomainException;
import org.lotledger.gs1.Gs1Message;
import org.springframework.stereotype.Component;

/**
 * A lot label scanned at the destination, resolved to its lot through the scan-to-lot service ({@link ScannedLots}):
 * the lot's internal label ({@code LL…}), or a GS1 element string (GTIN by AI 01 or 02 of one of the transfer's items,
 * lot by AI 10 among that item's lots by their suppliers' lot-label conventions, an AI 17 must be the lot's expiry).
 * Unlike the dispatch's {@link TransferScans} the lot is looked for among all lots of the item, not at a location: a
 * lot that did not leave with the transfer is still a lot (it is set aside, NOT_IN_TRANSIT, and becomes a WRONG_LOT or
 * OVER discrepancy at the close).
 */
@Component
class TransferReceiptLabels {

    /**
     * @param count the label's AI 30 (variable count) or AI 37 (count of trade items) if it has one
     * @param countUom the unit of that count: the GTIN's packaging level
     */
    record Resolved(LotView lot, OptionalInt count, String countUom) {}

    private final TransferLotLabels labels;
    private final ItemGtins gtins;
    private final ScannedLots scannedLots;

    TransferReceiptLabels(TransferLotLabels labels, ItemGtins gtins, ScannedLots scannedLots) {
        this.labels = labels;
        this.gtins = gtins;
        this.scannedLots = scannedLots;
    }

    /**
     * @throws DomainException UNKNOWN_LOT (404), INVALID_GS1_BARCODE, LOT_LABEL_INCOMPLETE, WRONG_ITEM,
     *                         LOT_SCAN_AMBIGUOUS, LOT_LABEL_MISMATCH (422)
     */
    Resolved resolve(String text, Set<Long> items) {
        if (TransferLotLabels.internal(text)) {
            LotView lot = labels.byInternalLabel(text);
            if (!items.contains(lot.itemId())) {
                throw TransferLotLabels.wrongItem(
                        "Lot " + lot.internalLabel() + " is of no item of this transfer.", Map.of("lot", text));
            }
            return new Resolved(lot, OptionalInt.empty(), null);
        }
        TransferLotLabels.Gs1Label label = labels.gs1(text, items);
        Gs1Message m = label.message();
        ItemGtin item = label.gtin();
        LotView lot = scannedLots
                .find(text)
                .filter(l -> l.itemId().equals(item.getItemId()))
                .orElseThrow(() -> DomainException.notFound(
                        "UNKNOWN_LOT",
                        "No lot " + m.lot().get() + " of this item is on record.",
                        Map.of("lotNumber", m.lot().get())));
        TransferLotLabels.requireExpiry(m, lot);
        OptionalInt count = m.variableCount().isPresent() ? m.variableCount() : m.count();
        // AI 37 counts the trade items (AI 02) in a logistic unit, AI 30 the items of the GTIN's level
        String countUom = m.count().isPresent() && m.contentGtin().isPresent()
                ? gtins.findById(m.contentGtin().get()).map(ItemGtin::getUom).orElse(null)
                : item.getUom();
        return new Resolved(lot, count, countUom);
    }
}
