package org.lotledger.putaway;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.item.ItemView;
import org.lotledger.catalog.location.LocationKind;
import org.lotledger.catalog.location.LocationView;
import org.lotledger.catalog.location.ZoneView;
import org.lotledger.catalog.lot.LotView;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.LedgerQueries;
import org.lotledger.ledger.Posting;
import org.lotledger.ledger.StockStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The putaway a process directs after it made stock AVAILABLE where it is (an accepted inspection at the dock, a
 * hold released in a dock, returns or quarantine zone): zones constrain arrivals, not status changes in place, so
 * the stock is AVAILABLE in a zone that would refuse it as an arrival until it is put away. {@link #due} says
 * whether such stock is there and where it goes ({@link DirectingPutaway#suggest}); {@link #confirm} posts the
 * PUTAWAY the worker scanned ({@link DirectingPutaway#confirm}), of what is still there: stock already put away
 * through {@code POST /api/putaway} is not posted twice.
 */
@Service
public class ReleasedStockPutaway {

    /** AVAILABLE stock of a lot sitting in a zone that does not take it, and where it is directed. */
    public record Due(
            long lotId,
            long fromLocationId,
            String lotLabel,
            String lotNumber,
            String sku,
            String baseUom,
            long quantity,
            String fromLocation,
            String fromBarcode,
            String directedZone,
            List<String> suggestedLocations) {

        public String quantityText() {
            return quantity + " " + baseUom;
        }
    }

    /** What the worker answered: the scanned target, the quantity (null: all that is left), an override reason. */
    public record Answer(String scannedLocation, Long quantity, String overrideReasonCode) {}

    /** What the confirmation did: the posting, or none when nothing was left at the source. */
    public record Outcome(Optional<Posting> posting, long quantity, String toLocation) {}

    private final DirectingPutaway directing;
    private final CatalogQueries catalog;
    private final LedgerQueries stock;

    public ReleasedStockPutaway(DirectingPutaway directing, CatalogQueries catalog, LedgerQueries stock) {
        this.directing = directing;
        this.catalog = catalog;
        this.stock = stock;
    }

    /** Whether AVAILABLE stock of the lot sits at the location and the location's zone refuses AVAILABLE arrivals. */
    @Transactional
    public Optional<Due> due(long lotId, long locationId) {
        LocationView from = catalog.findLocation(locationId).orElseThrow();
        if (from.kind() != LocationKind.PHYSICAL || from.zoneId() == null) {
            return Optional.empty();
        }
        ZoneView zone = catalog.findZone(from.zoneId()).orElseThrow();
        boolean takesAvailable =
                zone.allowedStatuses().stream().anyMatch(s -> s.name().equals("AVAILABLE"));
        long quantity = stock.quantity(lotId, locationId, StockStatus.AVAILABLE);
        if (takesAvailable || quantity <= 0) {
            return Optional.empty();
        }
        LotView lot = catalog.findLot(lotId).orElseThrow();
        ItemView item = catalog.findItem(lot.itemId()).orElseThrow();
        DirectingPutaway.Suggestion s = directing.suggest(lot.internalLabel(), from.barcode(), StockStatus.AVAILABLE);
        return Optional.of(new Due(
                lotId,
                locationId,
                lot.internalLabel(),
                lot.lotNumber(),
                item.sku(),
                item.baseUom(),
                quantity,
                from.code(),
                from.barcode(),
                s.directedZone(),
                s.locations()));
    }

    /**
     * Posts the putaway of what is still AVAILABLE at the source, in the caller's transaction (the engine's, when a
     * task completes): nothing when nothing is left (put away already, e.g. through the API); a quantity above what
     * is left is refused, as are a missing scan and whatever {@link DirectingPutaway#confirm} and the ledger refuse.
     */
    public Outcome confirm(long lotId, long fromLocationId, Answer answer, Actor actor, String idempotencyKey) {
        LotView lot = catalog.findLot(lotId).orElseThrow();
        LocationView from = catalog.findLocation(fromLocationId).orElseThrow();
        long left = stock.quantity(lotId, fromLocationId, StockStatus.AVAILABLE);
        if (left <= 0) {
            return new Outcome(Optional.empty(), 0, null);
        }
        String scanned =
                answer.scannedLocation() == null ? "" : answer.scannedLocation().trim();
        if (scanned.isEmpty()) {
            throw DomainException.unprocessable(
                    "SCAN_REQUIRED",
                    "Scan the location you put lot " + lot.internalLabel() + " away to.",
                    Map.of("lot", lot.internalLabel()));
        }
        long quantity = answer.quantity() == null ? left : answer.quantity();
        if (quantity <= 0 || quantity > left) {
            throw DomainException.unprocessable(
                    "PUTAWAY_QUANTITY_INVALID",
                    "Lot " + lot.internalLabel() + " has "
                            + left + " AVAILABLE at " + from.code() + " still to put away; " + quantity
                            + " cannot be put away (leave the quantity empty to put away all of it).",
                    Map.of("lot", lot.internalLabel(), "left", left, "quantity", quantity));
        }
        ItemView item = catalog.findItem(lot.itemId()).orElseThrow();
        String reason = answer.overrideReasonCode() == null
                        || answer.overrideReasonCode().isBlank()
                ? null
                : answer.overrideReasonCode().trim().toUpperCase(Locale.ROOT);
        Posting posting = directing.confirm(
                new DirectingPutaway.Confirmation(
                        lot.internalLabel(),
                        from.barcode(),
                        scanned,
                        BigDecimal.valueOf(quantity),
                        item.baseUom(),
                        StockStatus.AVAILABLE,
                        reason),
                actor,
                idempotencyKey);
        return new Outcome(Optional.of(posting), quantity, scanned);
    }
}
