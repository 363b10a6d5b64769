package org.lotledger.transfers;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.item.ItemGtin;
import org.lotledger.catalog.item.ItemGtins;
import org.lotledger.catalog.lot.LotView;
import org.lotledger.common.DomainException;
import org.lotledger.gs1.Gs1Message;
import org.lotledger.gs1.Gs1Parser;
import org.springframework.stereotype.Component;

/**
 * What a transfer's dispatch ({@link TransferScans}) and receipt ({@link TransferReceiptLabels}) read alike in a lot
 * label: the lot's internal label ({@code LL…}), or a GS1 element string naming a GTIN (AI 01 or 02) of one of the
 * transfer's items and a lot (AI 10), whose AI 17, if any, must be the lot's expiry. Where the lot is looked for once
 * the item is known (at a staging location, or among all the item's lots) is each caller's own.
 */
@Component
class TransferLotLabels {

    /** A GS1 label of one of the transfer's items: the parsed message and the GTIN's item. */
    record Gs1Label(Gs1Message message, ItemGtin gtin) {}

    private final CatalogQueries catalog;
    private final ItemGtins gtins;
    private final Clock clock;

    TransferLotLabels(CatalogQueries catalog, ItemGtins gtins, Clock clock) {
        this.catalog = catalog;
        this.gtins = gtins;
        this.clock = clock;
    }

    static boolean internal(String text) {
        return text.toUpperCase().startsWith("LL");
    }

    /** @throws DomainException UNKNOWN_LOT (404) */
    LotView byInternalLabel(String text) {
        return catalog.findLotByInternalLabel(text.toUpperCase())
                .orElseThrow(() -> DomainException.notFound(
                        "UNKNOWN_LOT", "No lot with the label '" + text + "'.", Map.of("lot", text)));
    }

    /** @throws DomainException INVALID_GS1_BARCODE, LOT_LABEL_INCOMPLETE, WRONG_ITEM (422) */
    Gs1Label gs1(String text, Set<Long> items) {
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
            throw wrongItem(
                    "The label's GTIN " + gtin.get() + " is of no item of this transfer.", Map.of("gtin", gtin.get()));
        }
        return new Gs1Label(m, item.get());
    }

    /** @throws DomainException LOT_LABEL_MISMATCH (422) when the label's expiry (AI 17) is not the lot's */
    static void requireExpiry(Gs1Message m, LotView lot) {
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
    }

    static DomainException wrongItem(String message, Map<String, Object> details) {
        return DomainException.unprocessable("WRONG_ITEM", message, details);
    }
}
