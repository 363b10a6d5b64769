package org.lotledger.ledger;

import java.util.List;
import java.util.Map;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Owns the RELABEL posting (ADR 0015): {@code quantity} of a parent lot at a physical location becomes the same
 * quantity of a child lot there, in the same status, through the warehouse's adjustment location: the parent's
 * movement from the shelf to ADJUSTMENT, the child's from ADJUSTMENT back to the shelf. Each lot is conserved within
 * the posting (the adjustment location, which may go negative, keeps +quantity of the parent and -quantity of the
 * child: the virtual counterpart of the change of label), and each leg is valued at its lot's
 * cost, which for a child is the parent's (the catalog creates it so). Joins the caller's transaction: the caller
 * ({@code quality.RelabellingLot}) creates the child lot, records the lineage edge and lets the holds adopt relabelled
 * HOLD stock in it. Reserved AVAILABLE stock is refused by the gate ({@code STOCK_RESERVED}, 409).
 */
@Service
public class RelabellingStock {

    private final Ledger ledger;
    private final JdbcTemplate jdbc;

    public RelabellingStock(Ledger ledger, JdbcTemplate jdbc) {
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Posting relabel(
            long parentLotId,
            long childLotId,
            long locationId,
            StockStatus status,
            long quantity,
            String note,
            Actor actor,
            String idempotencyKey) {
        long adjustment = adjustmentLocationOf(locationId);
        return ledger.post(PostingRequest.of(PostingType.RELABEL, actor, idempotencyKey)
                .movement(new Movement(parentLotId, locationId, status, adjustment, status, quantity))
                .movement(new Movement(childLotId, adjustment, status, locationId, status, quantity))
                .reference("LOT", Long.toString(childLotId))
                .note(note)
                .build());
    }

    /** The adjustment location of a physical location's warehouse. */
    public long adjustmentLocationOf(long physicalLocationId) {
        List<Long> ids = jdbc.queryForList("""
                select a.id from location p join location a on a.warehouse_id = p.warehouse_id and a.kind = 'ADJUSTMENT'
                 where p.id = ? and p.kind = 'PHYSICAL'""", Long.class, physicalLocationId);
        if (ids.isEmpty()) {
            throw DomainException.unprocessable(
                    "LOCATION_KIND_NOT_ALLOWED",
                    "Stock is relabelled at a physical location of a warehouse that has an adjustment location.",
                    Map.of("locationId", physicalLocationId));
        }
        return ids.get(0);
    }
}
