package org.lotledger.quality;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.ScanLookups;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Scrap and return-to-vendor decisions become warehouse moves (table warehouse_move, kinds HOLD_SCRAP and HOLD_RTV): the stock stays
 * HOLD where it is until a warehouse worker has moved it and confirmed by scanning the lot and a location; only then
 * is it posted — SCRAP to the warehouse's scrap location (scan the location it was taken from: the scrap location is
 * virtual and has no barcode), or a MOVE to the reject-staging location (scan that location). The posting is made in
 * the name of the QA approver whose decision it carries out; the worker who scanned is recorded on the move.
 */
@Service
public class HoldWarehouseMoves {

    public record WarehouseMove(
            long id,
            long holdId,
            long decisionRecordId,
            String processInstanceId,
            HoldDecision.Disposition disposition,
            long lotId,
            String lotLabel,
            String lotNumber,
            long fromLocationId,
            String fromLocationCode,
            long toLocationId,
            String toLocationCode,
            long quantity,
            String reasonCode,
            String state,
            Long postingId,
            String confirmedBy,
            Instant confirmedAt) {

        /** The location whose barcode confirms the move. */
        @JsonProperty("locationToScan")
        public String locationToScan() {
            return disposition == HoldDecision.Disposition.SCRAP ? fromLocationCode : toLocationCode;
        }
    }

    private final JdbcTemplate jdbc;
    private final QualityHolds holds;
    private final HoldDestinations destinations;
    private final ScrappingHeldStock scrapping;
    private final StagingReturnToVendor staging;
    private final ScanLookups scans;

    public HoldWarehouseMoves(
            JdbcTemplate jdbc,
            QualityHolds holds,
            HoldDestinations destinations,
            ScrappingHeldStock scrapping,
            StagingReturnToVendor staging,
            ScanLookups scans) {
        this.jdbc = jdbc;
        this.holds = holds;
        this.destinations = destinations;
        this.scrapping = scrapping;
        this.staging = staging;
        this.scans = scans;
    }

    /**
     * One move per scrap or return part of the decision; their destinations are chosen now. A decision carried out
     * again (a process instance moved back by an operator) gets those of its moves still open, not a second set.
     */
    public List<Long> create(HoldDecision decision, String processInstanceId) {
        // under the hold-decision lock, like every hold decision: a relabel of the stock checks these moves under it
        holds.lockHoldDecisions();
        List<WarehouseMove> earlier =
                jdbc.query(SELECT + " and m.decision_record_id = ? order by m.id", this::row, decision.recordId());
        if (!earlier.isEmpty()) {
            return earlier.stream()
                    .filter(m -> "OPEN".equals(m.state()))
                    .map(WarehouseMove::id)
                    .toList();
        }
        List<Long> ids = new ArrayList<>();
        for (HoldDecision.Part p : decision.parts()) {
            if (p.disposition() == HoldDecision.Disposition.RELEASE) {
                continue;
            }
            long to = p.disposition() == HoldDecision.Disposition.SCRAP
                    ? destinations.scrapLocationFor(p.locationId())
                    : destinations.stagingFor(p.lotId(), p.locationId());
            ids.add(jdbc.queryForObject(
                    """
                    insert into warehouse_move (kind, hold_id, decision_record_id, process_instance_id,
                        disposition, lot_id, from_location_id, to_location_id, quantity, reason_code)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""",
                    Long.class,
                    p.disposition() == HoldDecision.Disposition.SCRAP ? "HOLD_SCRAP" : "HOLD_RTV",
                    decision.holdId(),
                    decision.recordId(),
                    processInstanceId,
                    p.disposition().name(),
                    p.lotId(),
                    p.locationId(),
                    to,
                    p.quantity(),
                    p.disposition() == HoldDecision.Disposition.SCRAP ? decision.reasonCode() : null));
        }
        return ids;
    }

    public WarehouseMove get(long moveId) {
        return jdbc.query(SELECT + " and m.id = ?", this::row, moveId).stream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound(
                        "UNKNOWN_WAREHOUSE_MOVE",
                        "Warehouse move " + moveId + " does not exist.",
                        Map.of("moveId", moveId)));
    }

    public List<WarehouseMove> forHold(long holdId) {
        return jdbc.query(SELECT + " and m.hold_id = ? order by m.id", this::row, holdId);
    }

    /**
     * The open scrap and return-to-vendor moves of a lot's HOLD stock at a location: decided, not yet confirmed by
     * scan, so the stock is still HOLD where it was and the move will post it ({@link RelabellingLot} refuses to
     * relabel it away meanwhile). Read under the hold-decision lock.
     */
    List<Long> openAt(long lotId, long locationId) {
        return jdbc.queryForList(
                "select id from warehouse_move where kind in ('HOLD_SCRAP', 'HOLD_RTV') and state = 'OPEN'"
                        + " and lot_id = ? and from_location_id = ? order by id",
                Long.class,
                lotId,
                locationId);
    }

    public boolean anyOpen(long holdId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from warehouse_move where hold_id = ? and kind in ('HOLD_SCRAP', 'HOLD_RTV')"
                        + " and state = 'OPEN')",
                Boolean.class,
                holdId));
    }

    /**
     * Confirms a move by what the worker scanned and posts it, in the caller's transaction (the task completion's).
     *
     * @param approver the QA user whose decision this carries out (the posting's actor)
     * @throws DomainException WAREHOUSE_MOVE_DONE, SCAN_REQUIRED, WRONG_LOT_SCANNED, WRONG_LOCATION_SCANNED and
     *                         whatever the ledger refuses
     */
    public WarehouseMove confirm(long moveId, String lotScan, String locationScan, Actor worker, Actor approver) {
        holds.lockHoldDecisions(); // before any row lock, like every hold decision
        WarehouseMove m = jdbc.query(SELECT + " and m.id = ? for update of m", this::row, moveId).stream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound(
                        "UNKNOWN_WAREHOUSE_MOVE",
                        "Warehouse move " + moveId + " does not exist.",
                        Map.of("moveId", moveId)));
        if (!"OPEN".equals(m.state())) {
            throw DomainException.conflict(
                    "WAREHOUSE_MOVE_DONE",
                    "Warehouse move " + moveId + " was confirmed by " + m.confirmedBy() + " already.",
                    Map.of("moveId", moveId));
        }
        if (lotScan == null || lotScan.isBlank() || locationScan == null || locationScan.isBlank()) {
            throw DomainException.unprocessable(
                    "SCAN_REQUIRED",
                    "Scan the lot label and the location " + m.locationToScan() + " to confirm the move.",
                    Map.of("moveId", moveId));
        }
        long scannedLot = scans.lot(lotScan.trim()).lotId();
        if (scannedLot != m.lotId()) {
            throw DomainException.unprocessable(
                    "WRONG_LOT_SCANNED",
                    "You scanned another lot; this move is for lot " + m.lotLabel() + " (" + m.lotNumber() + ").",
                    Map.of("moveId", moveId, "expectedLot", m.lotLabel()));
        }
        long expected = m.disposition() == HoldDecision.Disposition.SCRAP ? m.fromLocationId() : m.toLocationId();
        long scannedLocation = scans.locationByBarcode(locationScan.trim());
        if (scannedLocation != expected) {
            throw DomainException.unprocessable(
                    "WRONG_LOCATION_SCANNED",
                    "You scanned another location; scan "
                            + m.locationToScan()
                            + (m.disposition() == HoldDecision.Disposition.SCRAP
                                    ? " (where the stock is taken from for scrapping)."
                                    : " (the return-to-vendor staging location)."),
                    Map.of("moveId", moveId, "expectedLocation", m.locationToScan()));
        }
        String key = "warehouse-move:" + moveId;
        String note = "moved by " + worker.userId() + ", confirmed by scan (warehouse move " + moveId + ")";
        HoldLine line = new HoldLine(
                m.lotId(),
                m.fromLocationId(),
                m.quantity(),
                m.disposition() == HoldDecision.Disposition.RETURN_TO_VENDOR ? m.toLocationId() : null);
        if (m.disposition() == HoldDecision.Disposition.SCRAP) {
            scrapping.scrap(m.holdId(), List.of(line), m.reasonCode(), note, approver, key);
        } else {
            staging.returnToVendor(m.holdId(), List.of(line), note, approver, key);
        }
        Long postingId = jdbc.queryForObject("""
                select max(posting_id) from quality_hold_outcome where hold_id = ? and request_key = ?""", Long.class, m.holdId(), key);
        jdbc.update("""
                update warehouse_move set state = 'DONE', posting_id = ?, confirmed_by = ?,
                       confirmed_at = now() where id = ?""", postingId, worker.userId(), moveId);
        return get(moveId);
    }

    private static final String SELECT = """
            select m.id, m.hold_id, m.decision_record_id, m.process_instance_id, m.disposition, m.lot_id,
                   l.internal_label, l.lot_number, m.from_location_id, f.code, m.to_location_id, t.code, m.quantity,
                   m.reason_code, m.state, m.posting_id, m.confirmed_by, m.confirmed_at
              from warehouse_move m join lot l on l.id = m.lot_id
              join location f on f.id = m.from_location_id join location t on t.id = m.to_location_id
             where m.kind in ('HOLD_SCRAP', 'HOLD_RTV')""";

    private WarehouseMove row(ResultSet rs, int i) throws SQLException {
        return new WarehouseMove(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getString(4),
                HoldDecision.Disposition.valueOf(rs.getString(5)),
                rs.getLong(6),
                rs.getString(7),
                rs.getString(8),
                rs.getLong(9),
                rs.getString(10),
                rs.getLong(11),
                rs.getString(12),
                rs.getBigDecimal(13).longValueExact(),
                rs.getString(14),
                rs.getString(15),
                (Long) rs.getObject(16),
                rs.getString(17),
                rs.getTimestamp(18) == null ? null : rs.getTimestamp(18).toInstant());
    }
}
