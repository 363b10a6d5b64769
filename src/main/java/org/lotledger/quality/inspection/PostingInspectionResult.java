package org.lotledger.quality.inspection;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.Movement;
import org.lotledger.ledger.Posting;
import org.lotledger.ledger.PostingRequest;
import org.lotledger.ledger.PostingType;
import org.lotledger.ledger.StockStatus;
import org.lotledger.quality.HoldingArrivals;
import org.lotledger.quality.StockReleased;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Posts an inspection's result from the receiving dock, in the caller's transaction (the engine's, when the
 * process posts): destroyed samples to the warehouse's QA sample location, the accepted quantity QUARANTINE →
 * AVAILABLE (HOLD when an open quality hold covers the lot or the dock: it lands under that hold), the rejected quantity QUARANTINE → REJECTED and then moved to the warehouse's reject area. Each is a
 * posting of its own with an idempotency key derived from {@code keyPrefix}, so a retried job posts nothing twice.
 */
@Service
public class PostingInspectionResult {

    private final Ledger ledger;
    private final HoldingArrivals arrivals;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    public PostingInspectionResult(
            Ledger ledger, HoldingArrivals arrivals, JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.ledger = ledger;
        this.arrivals = arrivals;
        this.jdbc = jdbc;
        this.events = events;
    }

    public void post(
            String keyPrefix,
            String processInstanceId,
            long lotId,
            long dockLocationId,
            InspectionResult result,
            Actor actor) {
        if (result.destroyedSamples() > 0) {
            long sampleBin = virtual(dockLocationId, "QA_SAMPLE");
            ledger.post(PostingRequest.of(PostingType.QA_SAMPLE, actor, keyPrefix + ":samples")
                    .movement(new Movement(
                            lotId,
                            dockLocationId,
                            StockStatus.QUARANTINE,
                            sampleBin,
                            StockStatus.QUARANTINE,
                            result.destroyedSamples()))
                    .processInstance(processInstanceId)
                    .reference("INSPECTION", processInstanceId)
                    .build());
        }
        if (result.accepted() > 0) {
            // a hold placed on the lot (or the dock) while it was in quarantine keeps the accepted stock held
            Optional<Long> hold = arrivals.holdCovering(lotId, dockLocationId);
            Posting accepted = ledger.post(PostingRequest.of(PostingType.STATUS_CHANGE, actor, keyPrefix + ":accept")
                    .movement(new Movement(
                            lotId,
                            dockLocationId,
                            StockStatus.QUARANTINE,
                            dockLocationId,
                            hold.isPresent() ? StockStatus.HOLD : StockStatus.AVAILABLE,
                            result.accepted()))
                    .processInstance(processInstanceId)
                    .reference("INSPECTION", processInstanceId)
                    .note(hold.map(h -> "accepted under open quality hold " + h).orElse(null))
                    .build());
            if (hold.isPresent() && !accepted.replayed()) {
                arrivals.adopt(hold.get(), lotId, dockLocationId, result.accepted(), accepted.id());
            }
            if (hold.isEmpty() && !accepted.replayed()) {
                events.publishEvent(new StockReleased("INSPECTION_ACCEPTED", List.of(lotId)));
            }
        }
        if (result.rejected() > 0) {
            ledger.post(PostingRequest.of(PostingType.STATUS_CHANGE, actor, keyPrefix + ":reject")
                    .movement(new Movement(
                            lotId,
                            dockLocationId,
                            StockStatus.QUARANTINE,
                            dockLocationId,
                            StockStatus.REJECTED,
                            result.rejected()))
                    .processInstance(processInstanceId)
                    .reference("INSPECTION", processInstanceId)
                    .note(result.reason())
                    .build());
            ledger.post(PostingRequest.of(PostingType.MOVE, actor, keyPrefix + ":to-reject-area")
                    .movement(new Movement(
                            lotId,
                            dockLocationId,
                            StockStatus.REJECTED,
                            rejectArea(dockLocationId),
                            StockStatus.REJECTED,
                            result.rejected()))
                    .processInstance(processInstanceId)
                    .reference("INSPECTION", processInstanceId)
                    .build());
        }
    }

    private long virtual(long dock, String kind) {
        List<Long> ids = jdbc.queryForList("""
                select v.id from location d join location v on v.warehouse_id = d.warehouse_id and v.kind = ?
                 where d.id = ?""", Long.class, kind, dock);
        if (ids.isEmpty()) {
            throw DomainException.unprocessable(
                    "UNKNOWN_LOCATION", "The dock's warehouse has no " + kind + " location.", Map.of());
        }
        return ids.get(0);
    }

    /** The first active location of the warehouse's reject / return-to-vendor staging zone. */
    private long rejectArea(long dock) {
        List<Long> ids = jdbc.queryForList("""
                select r.id from location d join location r on r.warehouse_id = d.warehouse_id
                  join zone z on z.id = r.zone_id
                 where d.id = ? and z.zone_type = 'REJECT_STAGING' and r.active and z.active
                 order by r.code limit 1""", Long.class, dock);
        if (ids.isEmpty()) {
            throw DomainException.unprocessable(
                    "NO_REJECT_AREA", "The dock's warehouse has no reject staging location.", Map.of());
        }
        return ids.get(0);
    }
}
