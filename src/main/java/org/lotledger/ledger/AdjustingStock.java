package org.lotledger.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.lotledger.catalog.reason.ReasonCodeNames;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Owns the postings against a warehouse's adjustment location: inventory adjustments (found or lost stock, with a
 * reason code), stock lost in transit between warehouses (ADR 0013) and opening balances loaded at go-live. Threshold-based approval of adjustments comes with the
 * cycle-count process; here every adjustment is posted by inventory control directly.
 */
@Service
public class AdjustingStock {

    /**
     * @param quantityDelta signed: positive adds stock at the location, negative removes it
     */
    public record Adjustment(
            String lot,
            String locationBarcode,
            StockStatus status,
            BigDecimal quantityDelta,
            String unit,
            String reasonCode,
            String note,
            Instant occurredAt) {}

    private final Ledger ledger;
    private final PostingExecutor executor;
    private final ScanLookups scans;
    private final JdbcTemplate jdbc;

    public AdjustingStock(Ledger ledger, PostingExecutor executor, ScanLookups scans, JdbcTemplate jdbc) {
        this.ledger = ledger;
        this.executor = executor;
        this.scans = scans;
        this.jdbc = jdbc;
    }

    public Posting adjust(Adjustment a, Actor actor, String idempotencyKey) {
        return post(PostingType.ADJUSTMENT, a, actor, idempotencyKey);
    }

    /** Stock that exists when Lot Ledger goes live, loaded from the previous system; always an increase. */
    public Posting openingBalance(Adjustment a, Actor actor, String idempotencyKey) {
        if (a.quantityDelta() == null || a.quantityDelta().signum() <= 0) {
            throw DomainException.unprocessable(
                    "INVALID_QUANTITY", "An opening balance is a positive quantity.", Map.of());
        }
        return post(PostingType.OPENING_BALANCE, a, actor, idempotencyKey);
    }

    /**
     * Writes off stock lost in transit (ADR 0013): an ADJUSTMENT of {@code quantity} base units of the lot out of the
     * in-transit location into the destination warehouse's adjustment location, reason
     * {@link ReasonCodeNames#TRANSIT_LOSS}, citing the transfer ({@code TRANSFER_ORDER}, its order number) so that it counts
     * against that transfer in {@link LedgerQueries#inTransit}. The gate refuses more than is in transit there
     * ({@code INSUFFICIENT_BALANCE}) and anyone outside inventory control; that the actor works at the destination,
     * and that the transfer still has this much in transit, are the caller's checks.
     */
    public Posting lostInTransit(
            long lotId,
            long inTransitLocationId,
            StockStatus status,
            long quantity,
            String referenceType,
            String referenceId,
            String note,
            Actor actor,
            String idempotencyKey) {
        return executor.inTransaction(() -> {
            List<Long> ids = jdbc.queryForList(
                    "select a.id from location t join location a on a.warehouse_id = t.destination_warehouse_id"
                            + " and a.kind = 'ADJUSTMENT' where t.id = ? and t.kind = 'IN_TRANSIT'",
                    Long.class,
                    inTransitLocationId);
            if (ids.isEmpty()) {
                throw DomainException.unprocessable(
                        "LOCATION_KIND_NOT_ALLOWED",
                        "Location " + inTransitLocationId
                                + " is not an in-transit location whose destination has an adjustment location.",
                        Map.of("locationId", inTransitLocationId));
            }
            return ledger.post(PostingRequest.of(PostingType.ADJUSTMENT, actor, idempotencyKey)
                    .movement(new Movement(lotId, inTransitLocationId, status, ids.get(0), status, quantity))
                    .reason(ReasonCodeNames.TRANSIT_LOSS)
                    .reference(referenceType, referenceId)
                    .note(note)
                    .build());
        });
    }

    private Posting post(PostingType type, Adjustment a, Actor actor, String idempotencyKey) {
        if (a.quantityDelta() == null || a.quantityDelta().signum() == 0) {
            throw DomainException.unprocessable(
                    "INVALID_QUANTITY", "An adjustment changes the quantity; got " + a.quantityDelta() + ".", Map.of());
        }
        return executor.inTransaction(() -> {
            ScanLookups.ScannedLot lot = scans.lot(a.lot());
            long location = scans.locationByBarcode(a.locationBarcode());
            long quantity = scans.toBaseUnits(lot.itemId(), a.quantityDelta().abs(), a.unit());
            long adjustmentLocation = adjustmentLocationOf(location);
            StockStatus status = a.status() == null ? StockStatus.AVAILABLE : a.status();
            Movement m = a.quantityDelta().signum() > 0
                    ? new Movement(lot.lotId(), adjustmentLocation, status, location, status, quantity)
                    : new Movement(lot.lotId(), location, status, adjustmentLocation, status, quantity);
            return ledger.post(PostingRequest.of(type, actor, idempotencyKey)
                    .movement(m)
                    .reason(a.reasonCode())
                    .note(a.note())
                    .occurredAt(a.occurredAt())
                    .reference(type.name(), null)
                    .build());
        });
    }

    private long adjustmentLocationOf(long physicalLocation) {
        List<Long> ids = jdbc.queryForList("""
                select a.id from location p join location a on a.warehouse_id = p.warehouse_id and a.kind = 'ADJUSTMENT'
                 where p.id = ? and p.kind = 'PHYSICAL'""", Long.class, physicalLocation);
        if (ids.isEmpty()) {
            throw DomainException.unprocessable(
                    "LOCATION_KIND_NOT_ALLOWED",
                    "Adjustments are made at physical locations of a warehouse that has an adjustment location.",
                    Map.of());
        }
        return ids.get(0);
    }
}
