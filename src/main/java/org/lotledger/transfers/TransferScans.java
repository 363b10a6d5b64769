package org.lotledger.transfers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.item.ItemGtin;
import org.lotledger.catalog.item.ItemGtins;
import org.lotledger.catalog.lot.LotView;
import org.lotledger.catalog.lot.ScannedLots;
import org.lotledger.catalog.partner.LotText;
import org.lotledger.common.DomainException;
import org.lotledger.gs1.Gs1Message;
import org.lotledger.gs1.Gs1Parser;
import org.lotledger.ledger.LedgerQueries;
import org.lotledger.ledger.StockStatus;
import org.springframework.stereotype.Component;

/**
 * A scanned lot label at a staging location, resolved to its lot: the lot's internal label ({@code LL…}), or a GS1
 * element string read by {@link Gs1Parser} (GTIN by AI 01 or 02, lot by AI 10 matched among the lots of that item at
 * the location, AVAILABLE or HOLD, by each lot's supplier's lot-label convention; an AI 17 must be the lot's expiry),
 * as a pick confirmation reads it.
 */
@Component
class TransferScans {

    private final CatalogQueries catalog;
    private final ItemGtins gtins;
    private final ScannedLots scannedLots;
    private final LedgerQueries ledger;
    private final Clock clock;

    TransferScans(CatalogQueries catalog, ItemGtins gtins, ScannedLots scannedLots, LedgerQueries ledger, Clock clock) {
        this.catalog = catalog;
        this.gtins = gtins;
        this.scannedLots = scannedLots;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * @throws DomainException UNKNOWN_LOT (404), INVALID_GS1_BARCODE, LOT_LABEL_INCOMPLETE, WRONG_ITEM, AMBIGUOUS_LOT,
     *                         LOT_LABEL_MISMATCH (422)
     */
    DispatchChecks.Scan resolve(String text, long locationId, String locationBarcode, Set<Long> items) {
        if (text.toUpperCase().startsWith("LL")) {
            LotView lot = catalog.findLotByInternalLabel(text.toUpperCase())
                    .orElseThrow(() -> DomainException.notFound(
                            "UNKNOWN_LOT", "No lot with the label '" + text + "'.", Map.of("lot", text)));
            return new DispatchChecks.Scan(text, lot.id(), lot.internalLabel());
        }
        Gs1Message m = new Gs1Parser(clock).parse(text).orElseThrow();
        Optional<String> gtin = m.gtin().or(m::contentGtin);
        if (gtin.isEmpty() || m.lot().isEmpty()) {
            throw DomainException.unprocessable(
                    "LOT_LABEL_INCOMPLETE",
                    "The lot label names no GTIN (AI 01 or 02) or no lot (AI 10); scan the label with both, or the"
                            + " internal label.",
                    Map.of("label", text));
        }
        Optional<ItemGtin> item = gtins.findById(gtin.get());
        if (item.isEmpty() || !items.contains(item.get().getItemId())) {
            throw DomainException.unprocessable(
                    "WRONG_ITEM",
                    "The label's GTIN " + gtin.get() + " is of no item of this transfer.",
                    Map.of("gtin", gtin.get()));
        }
        String field = m.lot().get();
        List<Long> here = new ArrayList<>(ledger.lotsAt(locationId, StockStatus.AVAILABLE));
        ledger.lotsAt(locationId, StockStatus.HOLD).stream()
                .filter(id -> !here.contains(id))
                .forEach(here::add);
        List<LotView> matching = here.stream()
                .map(id -> catalog.findLot(id).orElseThrow())
                .filter(l -> l.itemId().equals(item.get().getItemId()))
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
        if (m.expiry().isPresent() && !m.expiry().get().equals(lot.expiresOn())) {
            throw DomainException.unprocessable(
                    "LOT_LABEL_MISMATCH",
                    "The label's expiry " + m.expiry().get() + " is not lot " + lot.internalLabel() + "'s ("
                            + lot.expiresOn() + ").",
                    Map.of(
                            "lot",
                            lot.internalLabel(),
                            "scannedExpiry",
                            m.expiry().get().toString(),
                            "expiresOn",
                            String.valueOf(lot.expiresOn())));
        }
        return new DispatchChecks.Scan(text, lot.id(), lot.internalLabel());
    }
}
