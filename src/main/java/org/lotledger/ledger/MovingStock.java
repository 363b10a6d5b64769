package org.lotledger.ledger;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Map;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Owns moves inside a warehouse: bin-to-bin moves and replenishment of pick faces, each confirmed by scanning the
 * lot and both locations. A move keeps the stock's status. Putaway is directed (org.lotledger.putaway).
 */
@Service
public class MovingStock {

    /**
     * What a scanner sends: the lot (id or internal label), two location barcodes, a quantity and its unit, and
     * optionally the client's own reference (posted as reference SCAN: a client cannot claim a service's reference).
     */
    public record ScanMove(
            PostingType purpose,
            String lot,
            String fromBarcode,
            String toBarcode,
            BigDecimal quantity,
            String unit,
            StockStatus status,
            String clientReference) {}

    private static final EnumSet<PostingType> OWNED = EnumSet.of(PostingType.MOVE, PostingType.REPLENISHMENT);

    private final Ledger ledger;
    private final PostingExecutor executor;
    private final ScanLookups scans;
    private final ObjectProvider<HeldStock> heldStock;

    public MovingStock(
            Ledger ledger, PostingExecutor executor, ScanLookups scans, ObjectProvider<HeldStock> heldStock) {
        this.ledger = ledger;
        this.executor = executor;
        this.scans = scans;
        this.heldStock = heldStock;
    }

    public Posting move(ScanMove scan, Actor actor, String idempotencyKey) {
        PostingType purpose = scan.purpose() == null ? PostingType.MOVE : scan.purpose();
        if (!OWNED.contains(purpose)) {
            throw DomainException.unprocessable(
                    "POSTING_TYPE_NOT_OWNED",
                    purpose + " is not a move; moves are " + OWNED + ".",
                    Map.of("postingType", purpose.name()));
        }
        return executor.inTransaction(() -> {
            ScanLookups.ScannedLot lot = scans.lot(scan.lot());
            long from = scans.locationByBarcode(scan.fromBarcode());
            long to = scans.locationByBarcode(scan.toBarcode());
            long quantity = scans.toBaseUnits(lot.itemId(), scan.quantity(), scan.unit());
            StockStatus status = scan.status() == null ? StockStatus.AVAILABLE : scan.status();
            Posting posted = ledger.post(PostingRequest.of(purpose, actor, idempotencyKey)
                    .movement(new Movement(lot.lotId(), from, status, to, status, quantity))
                    .reference("SCAN", scan.clientReference())
                    .build());
            followedByItsHolds(posted, lot.lotId(), from, to, status, quantity, actor);
            return posted;
        });
    }

    /** Held stock that quality moved stays under the holds that answer for it (the gate checks they did). */
    private void followedByItsHolds(
            Posting posted, long lotId, long from, long to, StockStatus status, long quantity, Actor actor) {
        HeldStock holds = heldStock.getIfAvailable();
        if (status == StockStatus.HOLD && !posted.replayed() && holds != null) {
            holds.moved(posted.id(), lotId, from, to, quantity, actor.userId(), posted.idempotencyKey());
        }
    }
}
