package org.lotledger.transfers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.lot.LotView;
import org.lotledger.catalog.lot.ScannedLots;
import org.lotledger.catalog.partner.LotText;
import org.lotledger.common.DomainException;
import org.lotledger.gs1.Gs1Message;
import org.lotledger.ledger.LedgerQueries;
import org.lotledger.ledger.StockStatus;
import org.springframework.stereotype.Component;

/**
 * A scanned lot label at a staging location, resolved to its lot: the lot's internal label ({@code LL…}), or a GS1
 * element string read by {@link TransferLotLabels} (GTIN by AI 01 or 02, lot by AI 10 matched among the lots of that item at
 * the location, AVAILABLE or HOLD, by each lot's supplier's lot-label convention; an AI 17 must be the lot's expiry),
 * as a pick confirmation reads it.
 */
@Component
class TransferScans {

    private final TransferLotLabels labels;
    private final CatalogQueries catalog;
    private final ScannedLots scannedLots;
    private final LedgerQueries ledger;

    TransferScans(TransferLotLabels labels, CatalogQueries catalog, ScannedLots scannedLots, LedgerQueries ledger) {
        this.labels = labels;
        this.catalog = catalog;
        this.scannedLots = scannedLots;
        this.ledger = ledger;
    }

    /**
     * @throws DomainException UNKNOWN_LOT (404), INVALID_GS1_BARCODE, LOT_LABEL_INCOMPLETE, WRONG_ITEM, AMBIGUOUS_LOT,
     *                         LOT_LABEL_MISMATCH (422)
     */
    DispatchChecks.Scan resolve(String text, long locationId, String locationBarcode, Set<Long> items) {
        if (TransferLotLabels.internal(text)) {
            LotView lot = labels.byInternalLabel(text);
            return new DispatchChecks.Scan(text, lot.id(), lot.internalLabel());
        }
        TransferLotLabels.Gs1Label label = labels.gs1(text, items);
        Gs1Message m = label.message();
        long itemId = label.gtin().getItemId();
        String field = m.lot().get();
        List<Long> here = new ArrayList<>(ledger.lotsAt(locationId, StockStatus.AVAILABLE));
        ledger.lotsAt(locationId, StockStatus.HOLD).stream()
                .filter(id -> !here.contains(id))
                .forEach(here::add);
        List<LotView> matching = here.stream()
                .map(id -> catalog.findLot(id).orElseThrow())
                .filter(l -> l.itemId().equals(itemId))
                .filter(l -> l.lotNumber().equals(scannedLots.lotNumber(l.supplierId(), field, LotText.FIELD)))
                .toList();
        if (matching.isEmpty()) {
            throw DomainException.notFound(
                    "UNKNOWN_LOT",
                    "No lot " + field + " of this item is at " + locationBarcode + ".",
                    Map.of("lotNumber", field, "location", locationBarcode));
        }
        if (matching.size() > 1) {
            throw DomainException.unprocessable(
                    "AMBIGUOUS_LOT",
                    "Lot " + field + " at " + locationBarcode + " is on record from " + matching.size()
                            + " suppliers; scan the lot's internal label instead.",
                    Map.of(
                            "lotNumber",
                            field,
                            "lots",
                            matching.stream().map(LotView::internalLabel).toList()));
        }
        LotView lot = matching.get(0);
        TransferLotLabels.requireExpiry(m, lot);
        return new DispatchChecks.Scan(text, lot.id(), lot.internalLabel());
    }
}
