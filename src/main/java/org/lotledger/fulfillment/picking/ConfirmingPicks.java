package org.lotledger.fulfillment.picking;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lotledger.catalog.item.ItemGtin;
import org.lotledger.catalog.item.ItemGtins;
import org.lotledger.catalog.lot.ScannedLots;
import org.lotledger.catalog.partner.LotText;
import org.lotledger.catalog.reason.PostingTypeName;
import org.lotledger.catalog.reason.ReasonCodeCheck;
import org.lotledger.catalog.reason.ReasonCodeNames;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.gs1.Gs1Message;
import org.lotledger.gs1.Gs1Parser;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.LedgerQueries;
import org.lotledger.ledger.LotLocks;
import org.lotledger.ledger.Movement;
import org.lotledger.ledger.Posting;
import org.lotledger.ledger.PostingRequest;
import org.lotledger.ledger.PostingType;
import org.lotledger.ledger.Reservation;
import org.lotledger.ledger.Reservations;
import org.lotledger.ledger.ReservationsVoided;
import org.lotledger.ledger.ScanLookups;
import org.lotledger.ledger.StockStatus;
import org.lotledger.ledger.VoidReason;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Confirms a pick line by what the picker scanned (issue 9, section 6). Every check runs before the first write:
 * the task's warehouse staff, the line open, the location, the lot label (GS1 through {@link Gs1Parser}, the lot
 * resolved among the lots at that location by its supplier's lot-label convention, or the internal label), the
 * reserved lot, the quantity and the staging location. Then, in the caller's transaction: a PICK posting from the
 * storage location to the staging location consuming the reservation, a new pending reservation of the same demand
 * line at the staging location (the shipment posts it), the line DONE and the order line's picked quantity raised (by the task's
 * {@link org.lotledger.fulfillment.DemandSource}: a sales order line, a transfer order line).
 *
 * <p>A short pick posts what was found (nothing when 0) and voids the rest of the reservation with reason SHORT_PICK:
 * when nothing was found through {@link Reservations#voidPending} (which publishes {@link ReservationsVoided}); when
 * some was found the posting's consumption releases the rest, and this service publishes {@link ReservationsVoided}
 * (SHORT_PICK, the pick's posting) for it itself, the reservation carrying the released quantity. The allocation
 * listens to that event: it lowers the line's allocated quantity by the voided quantity and allocates the shortfall
 * again; picking only raises the picked quantity.
 */
@Service
@NamedInterface("picking")
public class ConfirmingPicks {

    private final JdbcTemplate jdbc;
    private final PickTasks tasks;
    private final ScanLookups scans;
    private final ScannedLots scannedLots;
    private final ItemGtins gtins;
    private final LedgerQueries ledgerQueries;
    private final Ledger ledger;
    private final Reservations reservations;
    private final ReasonCodeCheck reasons;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LotLocks lotLocks;

    public ConfirmingPicks(
            JdbcTemplate jdbc,
            PickTasks tasks,
            ScanLookups scans,
            ScannedLots scannedLots,
            ItemGtins gtins,
            LedgerQueries ledgerQueries,
            Ledger ledger,
            Reservations reservations,
            ReasonCodeCheck reasons,
            ApplicationEventPublisher events,
            Clock clock,
            LotLocks lotLocks) {
        this.lotLocks = lotLocks;
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.scans = scans;
        this.scannedLots = scannedLots;
        this.gtins = gtins;
        this.ledgerQueries = ledgerQueries;
        this.ledger = ledger;
        this.reservations = reservations;
        this.reasons = reasons;
        this.events = events;
        this.clock = clock;
    }

    private record LotRow(long id, long itemId, long supplierId, String lotNumber, String label, LocalDate expiresOn) {}

    /** What the checks decided: the lot and quantity found, where it goes, and why less. */
    private record Decision(long found, long stagingId, String shortReason) {}

    /**
     * @param key the caller's scoped idempotency key (the door's), from which the posting's and the staging
     *            reservation's keys derive
     */
    @Transactional
    public PickTaskView.Line confirm(long taskId, long lineId, PickConfirmation c, Actor actor, String key) {
        // the line's lot first, then the task and the line: the order of a hold placed on the lot, which voids the
        // line's reservation and then the line (PickLineReservations) under the lot's lock; the other order deadlocks
        // (ShipmentsRacingRecallHoldsTest). Read unlocked: an override repointing the line meanwhile only adds a lot.
        lotLocks.lockForDecision(jdbc.queryForList(
                "select lot_id from warehouse_move where id = ? and pick_task_id = ? and kind = 'PICK'",
                Long.class,
                lineId,
                taskId));
        PickTasks.Head task = tasks.lockForWork(taskId, actor);
        if (task.state() == PickTaskState.CLAIMED && !actor.userId().equals(task.claimedBy())) {
            throw PickTasks.claimedByAnother(task);
        }
        PickTaskView.Line line = jdbc
                .query(
                        PickTasks.LINES + " where m.id = ? and m.pick_task_id = ? and m.kind = 'PICK' for update of m",
                        PickTasks::line,
                        lineId,
                        taskId)
                .stream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound(
                        "UNKNOWN_PICK_LINE",
                        "Pick task " + taskId + " has no line " + lineId + ".",
                        Map.of("pickTaskId", taskId, "pickLineId", lineId)));
        if (!"OPEN".equals(line.state())) {
            throw DomainException.conflict(
                    "PICK_LINE_NOT_OPEN",
                    "Pick line " + lineId + " is " + line.state() + " already.",
                    Map.of("pickLineId", lineId, "state", line.state()));
        }
        Reservation reserved = reservations.get(line.reservationId());
        if (reserved.state() != Reservation.State.PENDING) {
            throw DomainException.conflict(
                    "RESERVATION_NOT_PENDING",
                    "The reservation of pick line " + lineId + " is " + reserved.state() + ".",
                    Map.of(
                            "reservationId",
                            reserved.id(),
                            "state",
                            reserved.state().name()));
        }
        long fromId = reserved.locationId();
        if (scans.locationByBarcode(c.locationBarcode().strip()) != fromId) {
            throw DomainException.unprocessable(
                    "WRONG_LOCATION",
                    "You scanned another location; this line is picked at " + line.locationCode() + ".",
                    Map.of("pickLineId", lineId, "expectedLocation", line.locationCode()));
        }
        Scanned scanned = scanLot(c.lotLabel().strip(), line, fromId);
        if (scanned.lot().id() != reserved.lotId()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("reservationId", reserved.id());
            details.put("reservedLot", line.lotLabel());
            details.put("scannedLot", scanned.lot().label());
            details.put("override", "POST /api/allocation-overrides");
            throw DomainException.conflict(
                    "OVERRIDE_REQUIRED",
                    "Lot " + scanned.lot().label() + " is not the reserved lot " + line.lotLabel()
                            + "; taking it needs an allocation override (POST /api/allocation-overrides for"
                            + " reservation " + reserved.id() + ").",
                    details);
        }
        Decision d = decide(c, scanned, line, reserved, task.warehouseId());
        return post(task, line, reserved, d, actor, key);
    }

    private Decision decide(
            PickConfirmation c, Scanned scanned, PickTaskView.Line line, Reservation reserved, long warehouseId) {
        BigDecimal q = c.quantity();
        if (q == null && scanned.count() != null) {
            q = BigDecimal.valueOf(scanned.count());
        } else if (q != null && scanned.count() != null && q.compareTo(BigDecimal.valueOf(scanned.count())) != 0) {
            throw invalidQuantity(
                    "The quantity " + q.toPlainString() + " differs from the label's count " + scanned.count() + ".");
        }
        if (q == null) {
            throw invalidQuantity("Count what you took: the label carries no quantity (AI 30 or 37).");
        }
        boolean shortPick = Boolean.TRUE.equals(c.shortPick())
                || (c.reasonCode() != null && !c.reasonCode().isBlank());
        if (q.signum() < 0 || (q.signum() == 0 && !shortPick)) {
            throw invalidQuantity(
                    "A pick takes more than 0 (nothing found is a short pick), not " + q.toPlainString() + ".");
        }
        String uom = c.uom() != null && !c.uom().isBlank() ? c.uom().strip() : scanned.uom();
        long found = q.signum() == 0 ? 0 : scans.toBaseUnits(line.itemId(), q, uom == null ? line.baseUom() : uom);
        if (found > reserved.quantity()) {
            throw DomainException.unprocessable(
                    "OVER_PICK",
                    "Pick line " + line.id() + " takes " + reserved.quantity() + " " + line.baseUom() + ", not " + found
                            + ".",
                    Map.of("pickLineId", line.id(), "reserved", reserved.quantity(), "found", found));
        }
        String reason = null;
        if (found < reserved.quantity()) {
            if (!shortPick) {
                throw DomainException.unprocessable(
                        "SHORT_PICK_REASON_REQUIRED",
                        "Less than reserved (" + found + " of " + reserved.quantity()
                                + "): confirm a short pick with a reason code.",
                        Map.of("pickLineId", line.id(), "reserved", reserved.quantity(), "found", found));
            }
            String given = c.reasonCode() == null || c.reasonCode().isBlank()
                    ? ReasonCodeNames.NOT_FOUND
                    : c.reasonCode().strip().toUpperCase();
            reason = reasons.check(given, PostingTypeName.SHORT_PICK, true);
        }
        long stagingId = staging(c.stagingLocationBarcode().strip(), warehouseId);
        return new Decision(found, stagingId, reason);
    }

    private PickTaskView.Line post(
            PickTasks.Head task, PickTaskView.Line line, Reservation reserved, Decision d, Actor actor, String key) {
        Long postingId = null;
        Long stagedId = null;
        if (d.found() > 0) {
            String note = "pick task " + task.id() + " line " + line.lineNo()
                    + (line.overrideId() == null ? "" : ", allocation override " + line.overrideId());
            Posting p = ledger.post(PostingRequest.of(PostingType.PICK, actor, "pick:" + key)
                    .movement(new Movement(
                            reserved.lotId(),
                            reserved.locationId(),
                            StockStatus.AVAILABLE,
                            d.stagingId(),
                            StockStatus.AVAILABLE,
                            d.found()))
                    .reference(
                            line.overrideId() == null ? "PICK_LINE" : "ALLOCATION_OVERRIDE",
                            String.valueOf(line.overrideId() == null ? line.id() : line.overrideId()))
                    .note(note)
                    .consumes(reserved.id(), d.found())
                    .build());
            postingId = p.id();
            stagedId = reservations
                    .reserve(
                            new Reservations.ReserveRequest(
                                    reserved.demand(),
                                    reserved.lotId(),
                                    d.stagingId(),
                                    d.found(),
                                    "staged by pick line " + line.id() + " (reservation " + reserved.id() + ")"),
                            actor,
                            "pick-staged:" + key)
                    .id();
        }
        jdbc.update("""
                update warehouse_move set state = 'DONE', picked_quantity = ?, to_location_id = ?, posting_id = ?,
                       staged_reservation_id = ?, short_pick_reason = ?, confirmed_by = ?, confirmed_at = now()
                 where id = ?""", d.found(), d.stagingId(), postingId, stagedId, d.shortReason(), actor.userId(), line.id());
        if (d.shortReason() != null) {
            jdbc.update(
                    """
                    insert into pick_exception (pick_task_id, warehouse_move_id, warehouse_id, lot_id, location_id,
                                                expected_quantity, found_quantity, reason_code, reported_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    task.id(),
                    line.id(),
                    task.warehouseId(),
                    reserved.lotId(),
                    reserved.locationId(),
                    reserved.quantity(),
                    d.found(),
                    d.shortReason(),
                    actor.userId());
            long rest = reserved.quantity() - d.found();
            if (d.found() == 0) {
                reservations.voidPending(List.of(reserved.id()), VoidReason.SHORT_PICK, actor);
            } else {
                // the consumption released the rest; the allocation hears of it as of a voided reservation
                Reservation released = new Reservation(
                        reserved.id(),
                        reserved.demand(),
                        reserved.lotId(),
                        reserved.locationId(),
                        rest,
                        Reservation.State.PENDING,
                        reserved.explanation(),
                        reserved.actor(),
                        reserved.createdAt(),
                        null,
                        null,
                        null);
                events.publishEvent(
                        new ReservationsVoided(List.of(released), VoidReason.SHORT_PICK, postingId, actor.userId()));
            }
        }
        if (task.state() == PickTaskState.OPEN) {
            jdbc.update(
                    "update pick_task set state = 'CLAIMED', claimed_by = ?, claimed_at = now() where id = ?",
                    actor.userId(),
                    task.id());
        }
        if (d.found() > 0) {
            // the order's own bookkeeping: a sales order line's or a transfer line's picked quantity
            tasks.source(reserved.demand().type())
                    .picked(Long.parseLong(reserved.demand().reference()), line.demandLineId(), d.found());
        }
        tasks.finishIfNoLineOpen(task.id());
        return jdbc.query(PickTasks.LINES + " where m.id = ?", PickTasks::line, line.id())
                .get(0);
    }

    /** The scanned lot, the count its label carries (AI 30/37) and the unit of its GTIN's packaging level. */
    private record Scanned(LotRow lot, Integer count, String uom) {}

    private Scanned scanLot(String text, PickTaskView.Line line, long locationId) {
        if (text.toUpperCase().startsWith("LL")) {
            LotRow lot = lots("l.internal_label = ?", text.toUpperCase()).stream()
                    .findFirst()
                    .orElseThrow(() -> DomainException.notFound(
                            "UNKNOWN_LOT", "No lot with the label '" + text + "'.", Map.of("lot", text)));
            if (lot.itemId() != line.itemId()) {
                throw wrongItem(line);
            }
            return new Scanned(lot, null, null);
        }
        Gs1Message m = new Gs1Parser(clock).parse(text).orElseThrow();
        Optional<String> gtin = m.gtin().or(m::contentGtin);
        if (gtin.isEmpty() || m.lot().isEmpty()) {
            throw DomainException.unprocessable(
                    "LOT_LABEL_INCOMPLETE",
                    "The lot label names no GTIN (AI 01 or 02) or no lot (AI 10); scan the label with both, or the"
                            + " internal label.",
                    Map.of("pickLineId", line.id()));
        }
        Optional<ItemGtin> item = gtins.findById(gtin.get());
        if (item.isEmpty() || item.get().getItemId() != line.itemId()) {
            throw wrongItem(line);
        }
        String field = m.lot().get();
        List<Long> here = ledgerQueries.lotsAt(locationId, StockStatus.AVAILABLE);
        List<LotRow> matching = here.isEmpty()
                ? List.of()
                : lots("l.id = any(?) and l.item_id = ?", here.toArray(Long[]::new), line.itemId()).stream()
                        .filter(l -> l.lotNumber().equals(scannedLots.lotNumber(l.supplierId(), field, LotText.FIELD)))
                        .toList();
        if (matching.isEmpty()) {
            throw DomainException.notFound(
                    "UNKNOWN_LOT",
                    "No lot " + field + " of this item is at " + line.locationCode() + ".",
                    Map.of("lotNumber", field, "location", line.locationCode()));
        }
        if (matching.size() > 1) {
            throw DomainException.unprocessable(
                    "AMBIGUOUS_LOT",
                    "Lot " + field + " at " + line.locationCode() + " is on record from " + matching.size()
                            + " suppliers; scan the lot's internal label instead.",
                    Map.of(
                            "lotNumber",
                            field,
                            "lots",
                            matching.stream().map(LotRow::label).toList()));
        }
        LotRow lot = matching.get(0);
        if (m.expiry().isPresent() && !m.expiry().get().equals(lot.expiresOn())) {
            throw DomainException.unprocessable(
                    "LOT_LABEL_MISMATCH",
                    "The label's expiry " + m.expiry().get() + " is not lot " + lot.label() + "'s (" + lot.expiresOn()
                            + ").",
                    Map.of(
                            "lot",
                            lot.label(),
                            "scannedExpiry",
                            m.expiry().get().toString(),
                            "expiresOn",
                            String.valueOf(lot.expiresOn())));
        }
        Integer count = m.count().isPresent()
                ? Integer.valueOf(m.count().getAsInt())
                : m.variableCount().isPresent()
                        ? Integer.valueOf(m.variableCount().getAsInt())
                        : null;
        return new Scanned(lot, count, item.get().getUom());
    }

    private List<LotRow> lots(String where, Object... args) {
        return jdbc.query(
                "select l.id, l.item_id, l.supplier_id, l.lot_number, l.internal_label, l.expires_on from lot l where "
                        + where,
                (rs, i) -> new LotRow(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, LocalDate.class)),
                args);
    }

    /** A physical location in a SHIPPING zone of the task's warehouse. */
    private long staging(String barcode, long warehouseId) {
        List<Long> found = jdbc.queryForList("""
                select loc.id from location loc join zone z on z.id = loc.zone_id
                 where loc.barcode = ? and loc.kind = 'PHYSICAL' and loc.active and loc.warehouse_id = ?
                   and z.zone_type = 'SHIPPING'""", Long.class, barcode, warehouseId);
        if (found.isEmpty()) {
            throw DomainException.unprocessable(
                    "WRONG_STAGING_LOCATION",
                    "Put picked stock down at a shipping location of this warehouse, not at '" + barcode + "'.",
                    Map.of("barcode", barcode));
        }
        return found.get(0);
    }

    private static DomainException wrongItem(PickTaskView.Line line) {
        return DomainException.unprocessable(
                "WRONG_ITEM",
                "The label is not of item " + line.sku() + ".",
                Map.of("pickLineId", line.id(), "expectedSku", line.sku()));
    }

    private static DomainException invalidQuantity(String message) {
        return DomainException.unprocessable("INVALID_QUANTITY", message, Map.of());
    }

    /** For the exceptions list. */
    @Transactional(readOnly = true)
    public List<PickException> exceptions(String warehouseCode, Actor actor) {
        return tasks.exceptions(warehouseCode, actor);
    }
}
