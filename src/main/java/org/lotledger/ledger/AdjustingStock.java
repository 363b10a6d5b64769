package org.lotledger.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Owns the postings against a warehouse's adjustment location: inventory adjustments (found or lost stock, with a
 * reason code) and opening balances loaded at go-live. Threshold-based approval of adjustments comes with the
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
