package org.lotledger.quality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.location.LocationKind;
import org.lotledger.catalog.location.LocationView;
import org.lotledger.catalog.location.WarehouseService;
import org.lotledger.catalog.location.ZoneType;
import org.lotledger.catalog.lot.ChildLotDraft;
import org.lotledger.catalog.lot.LotService;
import org.lotledger.catalog.lot.LotView;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.LedgerQueries;
import org.lotledger.ledger.Posting;
import org.lotledger.ledger.PostingExecutor;
import org.lotledger.ledger.RelabellingStock;
import org.lotledger.ledger.StockStatus;
import org.lotledger.platform.security.Groups;
import org.springframework.stereotype.Service;

/**
 * Relabels stock (issue 11 §2, ADR 0015): a new child lot of the same item and supplier takes {@code quantity} of its
 * parent at one location, in the same status, by a RELABEL posting through the warehouse's adjustment location. In one
 * transaction: the hold-decision lock (before any lot lock, like every hold decision, so that a hold placed on the
 * parent meanwhile comes entirely before or entirely after), the parent's ledger lock, the checks, the child lot
 * (catalog), the posting (ledger), for HOLD stock the parent's open holds recording RELABELLED and adopting the child's
 * stock (HOLD stock exists only under a hold), and the {@code lot_lineage} edge naming the posting. A refused relabel
 * stores and posts nothing.
 *
 * <p>AVAILABLE, QUARANTINE and HOLD stock can be relabelled; reserved AVAILABLE stock cannot (the gate's
 * {@code STOCK_RESERVED}, 409: void or move the reservation first); QUARANTINE stock an open hold covers cannot
 * ({@code QUARANTINE_UNDER_HOLD}, 409: the child would escape the hold that keeps it from being released); HOLD stock
 * with an open scrap or return-to-vendor move at that location cannot ({@code HOLD_DISPOSITION_PENDING}, 409: the
 * move, confirmed later, would find the stock gone to the child; confirm the move first); stock at a REJECT_STAGING
 * location, staged for return to vendor, cannot ({@code STOCK_STAGED_FOR_RETURN}, 409: it goes back to the supplier as
 * the lot it was received as).
 */
@Service
public class RelabellingLot {

    /** Who relabels: quality (anywhere) and inventory control (where it works, {@link #requireStaffOf}). */
    static final Set<String> RELABELLERS = Set.of(Groups.QUALITY, Groups.QUALITY_MANAGERS, Groups.INVENTORY_CONTROL);

    static final Set<StockStatus> RELABELLED_STATUSES =
            Set.of(StockStatus.AVAILABLE, StockStatus.QUARANTINE, StockStatus.HOLD);

    public record Relabel(
            String lotNumber,
            long locationId,
            StockStatus status,
            long quantity,
            String manufacturerBatchRef,
            LocalDate manufacturedOn,
            LocalDate expiresOn,
            LocalDate bestBeforeOn,
            String note) {}

    /** The answer: the child lot, the posting, and the holds that adopted relabelled HOLD stock. */
    public record Relabelled(
            long parentLotId,
            LotView child,
            long locationId,
            StockStatus status,
            long quantity,
            Posting posting,
            List<Long> adoptingHolds) {}

    private final CatalogQueries catalog;
    private final WarehouseService warehouses;
    private final LotService lots;
    private final RelabellingStock relabelling;
    private final PostingExecutor executor;
    private final QualityHolds holds;
    private final OpenHolds openHolds;
    private final HeldStockBook book;
    private final LedgerQueries stock;
    private final HoldWarehouseMoves moves;

    public RelabellingLot(
            CatalogQueries catalog,
            WarehouseService warehouses,
            LotService lots,
            RelabellingStock relabelling,
            PostingExecutor executor,
            QualityHolds holds,
            OpenHolds openHolds,
            HeldStockBook book,
            LedgerQueries stock,
            HoldWarehouseMoves moves) {
        this.moves = moves;
        this.catalog = catalog;
        this.warehouses = warehouses;
        this.lots = lots;
        this.relabelling = relabelling;
        this.executor = executor;
        this.holds = holds;
        this.openHolds = openHolds;
        this.book = book;
        this.stock = stock;
    }

    /**
     * @param key the caller's scoped idempotency key (the door's); the posting's key derives from it
     * @throws DomainException UNKNOWN_LOT, UNKNOWN_LOCATION (404); RELABEL_NOT_ALLOWED, NOT_WAREHOUSE_STAFF (403);
     *                         LOT_ALREADY_EXISTS, QUARANTINE_UNDER_HOLD, HOLD_DISPOSITION_PENDING, STOCK_STAGED_FOR_RETURN,
     *                         STOCK_RESERVED (409);
     *                         RELABEL_STATUS_NOT_ALLOWED, INVALID_QUANTITY, LOCATION_KIND_NOT_ALLOWED,
     *                         INSUFFICIENT_BALANCE and the catalog's lot rules ({@link LotService#createChild}) (422)
     */
    public Relabelled relabel(long parentLotId, Relabel r, Actor actor, String key) {
        Objects.requireNonNull(key, "key");
        if (!actor.isInAny(RELABELLERS)) {
            throw new DomainException(
                    "RELABEL_NOT_ALLOWED",
                    DomainException.Kind.FORBIDDEN,
                    actor.userId() + " may not relabel stock (quality and inventory control may).",
                    Map.of("allowed", new ArrayList<>(new java.util.TreeSet<>(RELABELLERS))));
        }
        if (r.status() == null || !RELABELLED_STATUSES.contains(r.status())) {
            throw DomainException.unprocessable(
                    "RELABEL_STATUS_NOT_ALLOWED",
                    "AVAILABLE, QUARANTINE and HOLD stock can be relabelled, not " + r.status() + ".",
                    Map.of("status", String.valueOf(r.status())));
        }
        if (r.quantity() <= 0) {
            throw DomainException.unprocessable(
                    "INVALID_QUANTITY",
                    "A relabel takes a whole, positive number of base units; got " + r.quantity() + ".",
                    Map.of("quantity", r.quantity()));
        }
        LotView parent = catalog.findLot(parentLotId)
                .orElseThrow(() -> DomainException.notFound(
                        "UNKNOWN_LOT", "Lot " + parentLotId + " does not exist.", Map.of("lotId", parentLotId)));
        LocationView location = catalog.findLocation(r.locationId())
                .orElseThrow(() -> DomainException.notFound(
                        "UNKNOWN_LOCATION",
                        "Location " + r.locationId() + " does not exist.",
                        Map.of("locationId", r.locationId())));
        if (location.kind() != LocationKind.PHYSICAL) {
            throw DomainException.unprocessable(
                    "LOCATION_KIND_NOT_ALLOWED",
                    "Stock is relabelled where it is, at a physical location; " + location.code() + " is "
                            + location.kind() + ".",
                    Map.of("location", location.code()));
        }
        requireStaffOf(actor, warehouses.get(location.warehouseId()).code());
        if (location.zoneId() != null
                && catalog.findZone(location.zoneId())
                        .map(z -> z.zoneType() == ZoneType.REJECT_STAGING)
                        .orElse(false)) {
            // staged stock is the supplier's return: a child lot would leave the staging record (quality_hold_outcome)
            // naming stock that is no longer there, and the return to vendor would find nothing to send
            throw DomainException.conflict(
                    "STOCK_STAGED_FOR_RETURN",
                    "Stock at " + location.code() + " is staged for return to vendor; it is returned, not relabelled.",
                    Map.of("location", location.code()));
        }
        return executor.inTransaction(() -> {
            // the order of every hold decision: the hold-decision lock, then the lots (HoldingArrivals, PlacingHold)
            holds.lockHoldDecisions();
            holds.lockLots(List.of(parentLotId));
            long onHand = stock.quantity(parentLotId, location.id(), r.status());
            if (onHand < r.quantity()) {
                throw DomainException.unprocessable(
                        "INSUFFICIENT_BALANCE",
                        "Lot " + parent.internalLabel() + " has " + onHand + " " + r.status() + " at " + location.code()
                                + "; " + r.quantity() + " cannot be relabelled.",
                        Map.of(
                                "lot",
                                parent.internalLabel(),
                                "location",
                                location.code(),
                                "status",
                                r.status().name(),
                                "onHand",
                                onHand,
                                "requested",
                                r.quantity()));
            }
            if (r.status() == StockStatus.QUARANTINE && openHolds.covers(parentLotId, location.id())) {
                throw DomainException.conflict(
                        "QUARANTINE_UNDER_HOLD",
                        "Lot " + parent.internalLabel() + " at " + location.code()
                                + " is under an open quality hold: its QUARANTINE stock is not relabelled until the"
                                + " hold ends.",
                        Map.of("lot", parent.internalLabel(), "holds", openHolds.covering(parentLotId, location.id())));
            }
            if (r.status() == StockStatus.HOLD) {
                List<Long> pending = moves.openAt(parentLotId, location.id());
                if (!pending.isEmpty()) {
                    throw DomainException.conflict(
                            "HOLD_DISPOSITION_PENDING",
                            "Lot " + parent.internalLabel() + " at " + location.code()
                                    + " has HOLD stock decided for scrap or return to vendor and not yet moved"
                                    + " (warehouse moves " + pending + "): it is not relabelled until they are"
                                    + " confirmed.",
                            Map.of(
                                    "lot",
                                    parent.internalLabel(),
                                    "location",
                                    location.code(),
                                    "warehouseMoves",
                                    pending));
                }
            }
            LotView child = lots.createChild(
                    parentLotId,
                    new ChildLotDraft(
                            r.lotNumber(),
                            r.manufacturerBatchRef(),
                            r.manufacturedOn(),
                            r.expiresOn(),
                            r.bestBeforeOn()),
                    actor.userId());
            Posting p = relabelling.relabel(
                    parentLotId,
                    child.id(),
                    location.id(),
                    r.status(),
                    r.quantity(),
                    r.note(),
                    actor,
                    "relabel:" + key);
            List<Long> adopting = r.status() == StockStatus.HOLD
                    ? book.relabelled(p.id(), parentLotId, child.id(), location.id(), r.quantity(), actor.userId(), key)
                    : List.of();
            lots.recordRelabel(child.id(), parentLotId, p.id());
            return new Relabelled(
                    parentLotId, child, location.id(), r.status(), r.quantity(), p, List.copyOf(adopting));
        });
    }

    /**
     * Quality acts for the company (it has no groups per warehouse, docs/security.md) and relabels anywhere, as it
     * places holds anywhere; inventory control relabels only where it works ({@code inventory-control@EAST}).
     */
    static void requireStaffOf(Actor actor, String warehouseCode) {
        boolean allowed = actor.isInAny(PlacingHold.QUALITY) || actor.worksAt(warehouseCode, Groups.INVENTORY_CONTROL);
        if (!allowed) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("warehouse", warehouseCode);
            throw new DomainException(
                    "NOT_WAREHOUSE_STAFF",
                    DomainException.Kind.FORBIDDEN,
                    actor.userId() + " is not inventory control of " + warehouseCode
                            + ", so may not relabel stock there.",
                    details);
        }
    }
}
