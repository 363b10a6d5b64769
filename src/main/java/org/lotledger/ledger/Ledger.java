package org.lotledger.ledger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.lotledger.catalog.reason.PostingTypeName;
import org.lotledger.catalog.reason.ReasonCodeCheck;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.StockFacts.LocationFacts;
import org.lotledger.ledger.StockFacts.LotFacts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one gate every posting passes through. In one transaction (the caller's, when a process posts inside the
 * engine's transaction) it: answers a repeated idempotency key with the original posting; checks every invariant
 * (role, reason code, location kinds, status transitions, warehouses, zones, conservation, no negative balance);
 * locks the heads of the posting's lots in id order, so that per lot the ledger sequence is the commit order;
 * then appends the posting and its legs and updates the kept balances. Nothing is written unless every check
 * passed, and the database backs conservation, append-only and non-negative balances with its own constraints.
 * An opening balance must be the first posting of its lot at its location; and HOLD stock a posting creates or
 * removes must be accounted for by the quality holds before the transaction commits ({@link HeldStockGate}).
 */
@Service
public class Ledger {

    private final JdbcTemplate jdbc;
    private final StockFacts facts;
    private final org.springframework.beans.factory.ObjectProvider<ArrivalHolds> arrivalHolds;
    private final ReasonCodeCheck reasons;
    private final HeldStockGate heldStock;

    public Ledger(JdbcTemplate jdbc, StockFacts facts,
                  org.springframework.beans.factory.ObjectProvider<ArrivalHolds> arrivalHolds, ReasonCodeCheck reasons,
                  HeldStockGate heldStock) {
        this.jdbc = jdbc;
        this.facts = facts;
        this.arrivalHolds = arrivalHolds;
        this.reasons = reasons;
        this.heldStock = heldStock;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public Posting post(PostingRequest request) {
        if (request.idempotencyKey() == null || request.idempotencyKey().isBlank()) {
            throw new DomainException("IDEMPOTENCY_KEY_REQUIRED", DomainException.Kind.BAD_REQUEST,
                    "Every request that posts carries an idempotency key.");
        }
        if (request.idempotencyKey().length() > 200) {
            throw new DomainException("IDEMPOTENCY_KEY_INVALID", DomainException.Kind.BAD_REQUEST,
                    "An idempotency key has at most 200 characters.");
        }
        String fingerprint = fingerprint(request);
        Posting earlier = replayOf(request.idempotencyKey(), fingerprint);
        if (earlier != null) {
            return earlier;
        }
        checkRoleAndReason(request);
        LedgerLimits.checkOccurredAt(request.occurredAt(), clock());
        if (request.movements().isEmpty()) {
            throw DomainException.unprocessable("EMPTY_POSTING", "A posting moves at least one quantity.", Map.of());
        }
        var lotIds = new TreeSet<Long>();
        var locationIds = new TreeSet<Long>();
        for (Movement m : request.movements()) {
            lotIds.add(m.lotId());
            locationIds.add(m.fromLocationId());
            locationIds.add(m.toLocationId());
        }
        // From here on the posting's lots are locked: nobody else posts on them until we commit. The lock comes
        // with the lots' facts (one round trip); a refused posting just releases it when it rolls back.
        Map<Long, Head> heads = new LinkedHashMap<>();
        Map<Long, LotFacts> lots = lockLots(lotIds, heads);
        Map<Long, LocationFacts> locations = facts.locations(locationIds);
        for (Movement m : request.movements()) {
            checkMovement(request, m, lots, locations);
            LedgerLimits.checkSize(m, lots.get(m.lotId()));
        }
        if (request.occurredAt() != null) {
            LedgerLimits.checkGoLive(request.occurredAt(), facts.goLiveDates(locationIds), locations);
        }
        List<LegDraft> drafts = legsOf(request.movements(), lots);
        checkConservation(drafts);

        Map<Bucket, BigDecimal> current = new HashMap<>();
        Instant clock = balancesUnderLock(drafts, current);
        Instant recordedAt = recordedAt(clock, heads.values());
        checkBalancesAndCapacity(drafts, locations, lots, current);
        checkOpeningBalanceIsFirst(request, lots, locations);
        Posting posted = write(request, fingerprint, drafts, heads, recordedAt, locations, current);
        heldStock.expect(posted, HeldStockGate.holdChanges(posted, locations), locations);
        return posted;
    }

    /**
     * An opening balance is for a lot and location that have no posting yet (go-live); afterwards stock there is
     * corrected by an ADJUSTMENT. Read under the lots' locks, so two opening balances for one lot and location cannot
     * both pass.
     */
    private void checkOpeningBalanceIsFirst(PostingRequest r, Map<Long, LotFacts> lots, Map<Long, LocationFacts> locations) {
        if (r.type() != PostingType.OPENING_BALANCE) {
            return;
        }
        List<Movement> ms = r.movements();
        List<Map<String, Object>> posted = jdbc.queryForList("""
                select distinct b.lot_id, b.location_id
                  from unnest(?::bigint[], ?::bigint[]) as k(lot_id, location_id)
                  join stock_balance b on b.lot_id = k.lot_id and b.location_id = k.location_id""",
                ms.stream().map(Movement::lotId).toArray(Long[]::new),
                ms.stream().map(Movement::toLocationId).toArray(Long[]::new));
        if (!posted.isEmpty()) {
            long lot = ((Number) posted.get(0).get("lot_id")).longValue();
            String at = locations.get(((Number) posted.get(0).get("location_id")).longValue()).code();
            throw DomainException.unprocessable("OPENING_BALANCE_NOT_FIRST", "Lot " + lots.get(lot).internalLabel()
                            + " at " + at + " already has postings: an opening balance is the first posting of a lot at"
                            + " a location; correct the stock there with an ADJUSTMENT.",
                    Map.of("lot", lots.get(lot).internalLabel(), "location", at));
        }
    }

    private static Instant clock() {
        return Instant.now();
    }

    // ---- invariants -------------------------------------------------------------------------------------------

    private void checkRoleAndReason(PostingRequest r) {
        PostingType type = r.type();
        if (!r.actor().isInAny(type.groups())) {
            throw new DomainException("POSTING_TYPE_NOT_ALLOWED", DomainException.Kind.FORBIDDEN,
                    "User " + r.actor().userId() + " may not post " + type + " (allowed to: " + new TreeSet<>(type.groups()) + ").",
                    Map.of("postingType", type.name()));
        }
        reasons.check(r.reasonCode(), PostingTypeName.valueOf(type.name()), type.reasonRequired());
    }

    private void checkMovement(PostingRequest r, Movement m, Map<Long, LotFacts> lots,
                               Map<Long, LocationFacts> locations) {
        PostingType type = r.type();
        if (m.quantity() <= 0) {
            throw DomainException.unprocessable("INVALID_QUANTITY", "Quantities are whole, positive numbers of the "
                    + "item's base unit; got " + m.quantity() + ".", Map.of("quantity", m.quantity()));
        }
        LotFacts lot = lots.get(m.lotId());
        if (lot == null) {
            throw DomainException.notFound("UNKNOWN_LOT", "Lot " + m.lotId() + " does not exist.", Map.of("lotId", m.lotId()));
        }
        LocationFacts from = location(locations, m.fromLocationId());
        LocationFacts to = location(locations, m.toLocationId());
        if (type == PostingType.REVERSAL) {
            return; // the inverse of movements that passed these checks when they were posted
        }
        if (!type.fromKinds().contains(from.kind()) || !type.toKinds().contains(to.kind())
                || (type == PostingType.ADJUSTMENT && (from.kind() == LocationKind.ADJUSTMENT) == (to.kind() == LocationKind.ADJUSTMENT))) {
            throw DomainException.unprocessable("LOCATION_KIND_NOT_ALLOWED", type + " moves stock from " + type.fromKinds()
                            + " to " + type.toKinds() + " locations, not from " + from.code() + " (" + from.kind() + ") to "
                            + to.code() + " (" + to.kind() + ").",
                    Map.of("postingType", type.name(), "from", from.code(), "to", to.code()));
        }
        if (type.keepsLocation() != !m.changesLocation()) {
            throw DomainException.unprocessable("INVALID_MOVEMENT", type.keepsLocation()
                    ? "A status change keeps the stock where it is." : "Source and target location are the same: " + from.code() + ".",
                    Map.of("from", from.code(), "to", to.code()));
        }
        if (!type.transitions().contains(new PostingType.StatusChange(m.fromStatus(), m.toStatus()))) {
            throw DomainException.unprocessable("STATUS_TRANSITION_NOT_ALLOWED", type + " may not take stock from "
                            + m.fromStatus() + " to " + m.toStatus() + ".",
                    Map.of("postingType", type.name(), "fromStatus", String.valueOf(m.fromStatus()),
                            "toStatus", String.valueOf(m.toStatus())));
        }
        if (m.fromStatus() == StockStatus.HOLD && m.changesLocation() && type == PostingType.MOVE
                && !r.actor().isInAny(java.util.Set.of("quality", "quality-managers"))) {
            throw DomainException.unprocessable("LOT_ON_HOLD", "Lot " + lot.internalLabel()
                    + " is on hold at " + from.code() + "; only quality moves held stock.", Map.of("lot", lot.internalLabel()));
        }
        if ((type == PostingType.TRANSFER_IN || type == PostingType.RETURN) && m.toStatus() != StockStatus.HOLD) {
            // the lot is locked: a hold placed meanwhile moves this stock to HOLD once we commit
            ArrivalHolds holds = arrivalHolds.getIfAvailable();
            Optional<Long> hold = holds == null ? Optional.empty() : holds.openHoldOver(m.lotId(), m.toLocationId());
            if (hold.isPresent()) {
                throw DomainException.unprocessable("ARRIVAL_UNDER_HOLD", "Lot " + lot.internalLabel() + " arriving at "
                                + to.code() + " falls under open quality hold " + hold.get() + ": it must arrive in HOLD.",
                        Map.of("lot", lot.internalLabel(), "location", to.code(), "holdId", hold.get(),
                                "postingType", type.name()));
            }
        }
        checkWarehouses(from, to);
        if (m.changesLocation() && m.quantity() > 0) {
            if (!to.active()) {
                throw DomainException.unprocessable("LOCATION_INACTIVE", "Location " + to.code() + " is inactive.",
                        Map.of("location", to.code()));
            }
            if (to.kind() == LocationKind.PHYSICAL) {
                if (!to.allowedStatuses().contains(m.toStatus())) {
                    throw DomainException.unprocessable("ZONE_REFUSES_STATUS", "Location " + to.code() + " does not take "
                            + m.toStatus() + " stock (its zone takes " + to.allowedStatuses() + ").",
                            Map.of("location", to.code(), "stockStatus", m.toStatus().name()));
                }
                if (!to.allowedTemperatureClasses().contains(lot.temperatureClass())) {
                    throw DomainException.unprocessable("ZONE_REFUSES_TEMPERATURE_CLASS", "Location " + to.code()
                                    + " does not take " + lot.temperatureClass() + " items (its zone takes "
                                    + new TreeSet<>(to.allowedTemperatureClasses()) + ").",
                            Map.of("location", to.code(), "temperatureClass", lot.temperatureClass()));
                }
            }
        }
    }

    private static LocationFacts location(Map<Long, LocationFacts> locations, long id) {
        LocationFacts l = locations.get(id);
        if (l == null) {
            throw DomainException.notFound("UNKNOWN_LOCATION", "Location " + id + " does not exist.", Map.of("locationId", id));
        }
        return l;
    }

    /** Stock crosses warehouses only through an in-transit location of that pair. */
    private static void checkWarehouses(LocationFacts from, LocationFacts to) {
        Long fromWh = from.kind() == LocationKind.IN_TRANSIT ? from.destinationWarehouseId() : from.warehouseId();
        Long toWh = to.warehouseId();
        boolean bothScoped = from.warehouseId() != null && to.warehouseId() != null;
        if (bothScoped && !Objects.equals(fromWh, toWh)) {
            throw DomainException.unprocessable("WAREHOUSE_MISMATCH", "Stock moves from " + from.code() + " to "
                    + to.code() + " only through the in-transit location of that warehouse pair.",
                    Map.of("from", from.code(), "to", to.code()));
        }
    }

    private record LegDraft(long lotId, long locationId, StockStatus status, long quantity, BigDecimal unitCost,
                            String currency) {
        Bucket bucket() {
            return new Bucket(lotId, locationId, status);
        }
    }

    record Bucket(long lotId, long locationId, StockStatus status) {
    }

    private static List<LegDraft> legsOf(List<Movement> movements, Map<Long, LotFacts> lots) {
        List<LegDraft> legs = new ArrayList<>(movements.size() * 2);
        for (Movement m : movements) {
            LotFacts lot = lots.get(m.lotId());
            legs.add(new LegDraft(m.lotId(), m.fromLocationId(), m.fromStatus(), -m.quantity(), lot.unitCost(), lot.currency()));
            legs.add(new LegDraft(m.lotId(), m.toLocationId(), m.toStatus(), m.quantity(), lot.unitCost(), lot.currency()));
        }
        return legs;
    }

    private static void checkConservation(List<LegDraft> legs) {
        Map<Long, Long> perLot = new HashMap<>();
        for (LegDraft l : legs) {
            perLot.merge(l.lotId(), l.quantity(), Long::sum);
        }
        perLot.forEach((lot, sum) -> {
            if (sum != 0) {
                throw new IllegalStateException("posting does not conserve lot " + lot + ": " + sum);
            }
        });
    }

    private void checkBalancesAndCapacity(List<LegDraft> legs, Map<Long, LocationFacts> locations,
                                          Map<Long, LotFacts> lots, Map<Bucket, BigDecimal> current) {
        Map<Bucket, Long> delta = new LinkedHashMap<>();
        for (LegDraft l : legs) {
            delta.merge(l.bucket(), l.quantity(), Long::sum);
        }
        for (var e : delta.entrySet()) {
            Bucket b = e.getKey();
            LocationFacts loc = locations.get(b.locationId());
            BigDecimal have = current.getOrDefault(b, BigDecimal.ZERO);
            BigDecimal after = have.add(BigDecimal.valueOf(e.getValue()));
            if (after.signum() < 0 && !loc.kind().mayGoNegative()) {
                throw insufficient(b, loc, lots.get(b.lotId()), have, -e.getValue());
            }
        }
        // capacity: what a location holds after the posting, across lots (a soft limit, see docs/architecture.md)
        Map<Long, Long> incoming = new HashMap<>();
        delta.forEach((b, q) -> {
            if (q > 0 && locations.get(b.locationId()).capacity() != null) {
                incoming.merge(b.locationId(), q, Long::sum);
            }
        });
        for (var e : incoming.entrySet()) {
            LocationFacts loc = locations.get(e.getKey());
            BigDecimal held = jdbc.queryForObject(
                    "select coalesce(sum(quantity), 0) from stock_balance where location_id = ?", BigDecimal.class, e.getKey());
            BigDecimal outgoing = BigDecimal.valueOf(delta.entrySet().stream()
                    .filter(d -> d.getKey().locationId() == e.getKey() && d.getValue() < 0).mapToLong(Map.Entry::getValue).sum());
            if (held.add(outgoing).add(BigDecimal.valueOf(e.getValue())).compareTo(loc.capacity()) > 0) {
                throw DomainException.unprocessable("LOCATION_CAPACITY_EXCEEDED", "Location " + loc.code() + " holds "
                        + held.stripTrailingZeros().toPlainString() + " of " + loc.capacity().stripTrailingZeros().toPlainString()
                        + " base units; " + e.getValue() + " more do not fit.", Map.of("location", loc.code()));
            }
        }
    }

    private DomainException insufficient(Bucket b, LocationFacts loc, LotFacts lot, BigDecimal have, long wanted) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("lot", lot.internalLabel());
        details.put("location", loc.code());
        details.put("stockStatus", b.status().name());
        details.put("available", have.stripTrailingZeros().toPlainString());
        details.put("requested", wanted);
        if (have.signum() == 0) {
            Map<String, BigDecimal> elsewhere = new TreeMap<>();
            jdbc.query("select status, quantity from stock_balance where lot_id = ? and location_id = ? and quantity > 0",
                    rs -> {
                        // plain: 300.0000 answers 300, not 3E+2
                        elsewhere.put(rs.getString(1), new BigDecimal(rs.getBigDecimal(2).stripTrailingZeros().toPlainString()));
                    }, b.lotId(), b.locationId());
            if (!elsewhere.isEmpty()) {
                details.put("otherStatuses", elsewhere);
                return DomainException.unprocessable("LOT_NOT_AVAILABLE", "Lot " + lot.internalLabel() + " at " + loc.code()
                        + " has no " + b.status() + " stock; it is " + elsewhere.keySet() + ".", details);
            }
        }
        return DomainException.unprocessable("INSUFFICIENT_BALANCE", "Lot " + lot.internalLabel() + " at " + loc.code()
                + " has " + have.stripTrailingZeros().toPlainString() + " " + b.status() + ", " + wanted + " needed.", details);
    }

    /**
     * The kept balances of the posting's buckets (existing rows only) into {@code current}, and the database
     * clock, read in one round trip after the lots' locks were taken.
     */
    private Instant balancesUnderLock(List<LegDraft> drafts, Map<Bucket, BigDecimal> current) {
        var buckets = new java.util.LinkedHashSet<Bucket>();
        drafts.forEach(d -> buckets.add(d.bucket()));
        Instant[] clock = {Instant.EPOCH};
        jdbc.query("""
                select k.lot_id, k.location_id, k.status, b.quantity, clock_timestamp()
                  from unnest(?::bigint[], ?::bigint[], ?::varchar[]) as k(lot_id, location_id, status)
                  left join stock_balance b
                    on b.lot_id = k.lot_id and b.location_id = k.location_id and b.status = k.status""", rs -> {
            if (rs.getBigDecimal(4) != null) {
                current.put(new Bucket(rs.getLong(1), rs.getLong(2), StockStatus.valueOf(rs.getString(3))),
                        rs.getBigDecimal(4));
            }
            Instant now = rs.getTimestamp(5).toInstant();
            if (now.isAfter(clock[0])) {
                clock[0] = now;
            }
        }, buckets.stream().map(Bucket::lotId).toArray(Long[]::new),
                buckets.stream().map(Bucket::locationId).toArray(Long[]::new),
                buckets.stream().map(b -> b.status().name()).toArray(String[]::new));
        return clock[0];
    }

    // ---- ordering -------------------------------------------------------------------------------------------

    private record Head(long lotId, long lastSeq, Instant lastRecordedAt) {
    }

    /**
     * Locks the heads of the lots, in lot id order so that two postings sharing lots can never deadlock on them,
     * and reads the lots' facts with them.
     */
    private Map<Long, LotFacts> lockLots(java.util.SortedSet<Long> lotIds, Map<Long, Head> heads) {
        Map<Long, LotFacts> lots = new HashMap<>();
        jdbc.query("""
                select h.lot_id, h.last_seq, h.last_recorded_at, l.internal_label, l.item_id, i.temperature_class,
                       i.base_uom, l.unit_cost, l.currency
                  from lot_ledger_head h join lot l on l.id = h.lot_id join item i on i.id = l.item_id
                 where h.lot_id = any(?) order by h.lot_id for update of h""", rs -> {
            long lot = rs.getLong(1);
            Timestamp ts = rs.getTimestamp(3);
            heads.put(lot, new Head(lot, rs.getLong(2), ts == null || ts.getTime() < 0 ? Instant.EPOCH : ts.toInstant()));
            lots.put(lot, new LotFacts(lot, rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7),
                    rs.getBigDecimal(8), rs.getString(9).trim()));
        }, (Object) lotIds.toArray(Long[]::new));
        return lots;
    }

    /** Never earlier than anything already recorded for these lots (clocks can step back). */
    private static Instant recordedAt(Instant clock, java.util.Collection<Head> heads) {
        Instant at = clock;
        for (Head h : heads) {
            if (h.lastRecordedAt().isAfter(at)) {
                at = h.lastRecordedAt();
            }
        }
        return at;
    }

    // ---- writing --------------------------------------------------------------------------------------------

    /**
     * Appends the posting, updates and inserts the balances, appends the legs and advances the lot heads, in one
     * statement (one round trip). Existing buckets are updated and new ones inserted, never upserted: an INSERT ..
     * ON CONFLICT would check the never-negative constraint against the bare delta before finding the conflict.
     * No one else can create these buckets meanwhile: the lots are locked. Legs reference their bucket and the
     * posting; those foreign keys and the conservation trigger are checked at the end of the statement.
     */
    private Posting write(PostingRequest r, String fingerprint, List<LegDraft> drafts, Map<Long, Head> heads,
                          Instant recordedAt, Map<Long, LocationFacts> locations, Map<Bucket, BigDecimal> current) {
        Timestamp recorded = Timestamp.from(recordedAt);
        Instant occurredAt = r.occurredAt() == null ? recordedAt : r.occurredAt();

        Map<Long, Long> seq = new HashMap<>();
        heads.forEach((lot, h) -> seq.put(lot, h.lastSeq()));
        Map<Bucket, BigDecimal> running = new HashMap<>(current);
        Map<Bucket, Long> lastSeqOfBucket = new LinkedHashMap<>();
        Map<Bucket, Long> delta = new LinkedHashMap<>();
        List<Posting.Leg> legs = new ArrayList<>(drafts.size());
        int legNo = 0;
        for (LegDraft d : drafts) {
            long lotSeq = seq.merge(d.lotId(), 1L, Long::sum);
            BigDecimal qty = BigDecimal.valueOf(d.quantity());
            BigDecimal after = running.getOrDefault(d.bucket(), BigDecimal.ZERO).add(qty);
            running.put(d.bucket(), after);
            lastSeqOfBucket.put(d.bucket(), lotSeq);
            delta.merge(d.bucket(), d.quantity(), Long::sum);
            legs.add(new Posting.Leg(++legNo, d.lotId(), d.locationId(), d.status(), qty, d.unitCost(), d.currency(),
                    qty.multiply(d.unitCost()), lotSeq, after));
        }
        List<Bucket> updated = delta.keySet().stream().filter(current::containsKey).toList();
        List<Bucket> inserted = delta.keySet().stream().filter(b -> !current.containsKey(b)).toList();

        Long postingId = jdbc.queryForObject("""
                with p as (
                    insert into posting (posting_type, reference_type, reference_id, reason_code, actor, occurred_at,
                                         recorded_at, process_instance_id, idempotency_key, request_fingerprint,
                                         reverses_posting_id, note)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    returning id),
                upd as (
                    update stock_balance b set quantity = b.quantity + d.q, last_lot_seq = d.seq, updated_at = ?
                      from unnest(?::bigint[], ?::bigint[], ?::varchar[], ?::numeric[], ?::bigint[])
                           as d(lot_id, location_id, status, q, seq)
                     where b.lot_id = d.lot_id and b.location_id = d.location_id and b.status = d.status
                    returning 1),
                ins as (
                    insert into stock_balance (lot_id, location_id, status, quantity, may_go_negative, last_lot_seq,
                                               updated_at)
                    select d.lot_id, d.location_id, d.status, d.q, d.neg, d.seq, ?
                      from unnest(?::bigint[], ?::bigint[], ?::varchar[], ?::numeric[], ?::boolean[], ?::bigint[])
                           as d(lot_id, location_id, status, q, neg, seq)
                    returning 1),
                legs as (
                    insert into posting_leg (posting_id, leg_no, lot_id, location_id, status, quantity, unit_cost,
                                             currency, extended_value, lot_seq, balance_after, recorded_at)
                    select p.id, t.leg_no, t.lot_id, t.location_id, t.status, t.quantity, t.unit_cost, t.currency,
                           t.extended_value, t.lot_seq, t.balance_after, ?
                      from p, unnest(?::smallint[], ?::bigint[], ?::bigint[], ?::varchar[], ?::numeric[], ?::numeric[],
                                     ?::char(3)[], ?::numeric[], ?::bigint[], ?::numeric[])
                           as t(leg_no, lot_id, location_id, status, quantity, unit_cost, currency, extended_value,
                                lot_seq, balance_after)
                    returning 1),
                heads as (
                    update lot_ledger_head h set last_seq = d.seq, last_recorded_at = ?
                      from unnest(?::bigint[], ?::bigint[]) as d(lot_id, seq)
                     where h.lot_id = d.lot_id
                    returning 1)
                select id from p""", Long.class,
                // posting
                r.type().name(), r.referenceType(), r.referenceId(), blankToNull(r.reasonCode()), r.actor().userId(),
                Timestamp.from(occurredAt), recorded, r.processInstanceId(), r.idempotencyKey(), fingerprint,
                r.reversesPostingId(), r.note(),
                // balances updated
                recorded, strings(updated, b -> Long.toString(b.lotId())), strings(updated, b -> Long.toString(b.locationId())),
                strings(updated, b -> b.status().name()), strings(updated, b -> Long.toString(delta.get(b))),
                strings(updated, b -> Long.toString(lastSeqOfBucket.get(b))),
                // balances inserted
                recorded, strings(inserted, b -> Long.toString(b.lotId())), strings(inserted, b -> Long.toString(b.locationId())),
                strings(inserted, b -> b.status().name()), strings(inserted, b -> Long.toString(delta.get(b))),
                strings(inserted, b -> Boolean.toString(locations.get(b.locationId()).kind().mayGoNegative())),
                strings(inserted, b -> Long.toString(lastSeqOfBucket.get(b))),
                // legs
                recorded, strings(legs, l -> Integer.toString(l.legNo())), strings(legs, l -> Long.toString(l.lotId())),
                strings(legs, l -> Long.toString(l.locationId())), strings(legs, l -> l.status().name()),
                strings(legs, l -> l.quantity().toPlainString()), strings(legs, l -> l.unitCost().toPlainString()),
                strings(legs, Posting.Leg::currency), strings(legs, l -> l.extendedValue().toPlainString()),
                strings(legs, l -> Long.toString(l.lotSeq())), strings(legs, l -> l.balanceAfter().toPlainString()),
                // heads
                recorded, strings(List.copyOf(seq.keySet()), lot -> Long.toString(lot)),
                strings(List.copyOf(seq.keySet()), lot -> Long.toString(seq.get(lot))));

        return new Posting(postingId, r.type(), r.referenceType(), r.referenceId(), blankToNull(r.reasonCode()),
                r.actor().userId(), occurredAt, recordedAt, r.processInstanceId(), r.idempotencyKey(),
                r.reversesPostingId(), r.note(), List.copyOf(legs), false);
    }

    private static <T> String[] strings(List<T> rows, java.util.function.Function<T, String> f) {
        return rows.stream().map(f).toArray(String[]::new);
    }

    // ---- idempotency ----------------------------------------------------------------------------------------

    private Posting replayOf(String key, String fingerprint) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select id, request_fingerprint from posting where idempotency_key = ?", key);
        if (rows.isEmpty()) {
            return null;
        }
        long id = ((Number) rows.get(0).get("id")).longValue();
        if (!fingerprint.equals(rows.get(0).get("request_fingerprint"))) {
            throw new DomainException("IDEMPOTENCY_KEY_REUSED", DomainException.Kind.CONFLICT, "Idempotency key '" + key
                    + "' was already used for a different request (posting " + id + ").", Map.of("postingId", id));
        }
        return load(id).asReplay();
    }

    /** The same key means the same request when type, movements, reference, reason and reversal agree. */
    static String fingerprint(PostingRequest r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.type()).append('|').append(r.referenceType()).append('|').append(r.referenceId()).append('|')
                .append(blankToNull(r.reasonCode())).append('|').append(r.reversesPostingId()).append('|');
        for (Movement m : r.movements()) {
            sb.append(m.lotId()).append(',').append(m.fromLocationId()).append(',').append(m.fromStatus()).append(',')
                    .append(m.toLocationId()).append(',').append(m.toStatus()).append(',').append(m.quantity()).append(';');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a posting and its legs as recorded. */
    @Transactional(readOnly = true)
    public Posting load(long postingId) {
        List<Posting.Leg> legs = jdbc.query("""
                select leg_no, lot_id, location_id, status, quantity, unit_cost, currency, extended_value, lot_seq, balance_after
                  from posting_leg where posting_id = ? order by leg_no""", (rs, i) -> new Posting.Leg(rs.getInt(1),
                rs.getLong(2), rs.getLong(3), StockStatus.valueOf(rs.getString(4)), rs.getBigDecimal(5),
                rs.getBigDecimal(6), rs.getString(7).trim(), rs.getBigDecimal(8), rs.getLong(9), rs.getBigDecimal(10)), postingId);
        List<Posting> found = jdbc.query("""
                select id, posting_type, reference_type, reference_id, reason_code, actor, occurred_at, recorded_at,
                       process_instance_id, idempotency_key, reverses_posting_id, note
                  from posting where id = ?""", (rs, i) -> new Posting(rs.getLong(1), PostingType.valueOf(rs.getString(2)),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
                rs.getTimestamp(8).toInstant(), rs.getString(9), rs.getString(10), (Long) rs.getObject(11),
                rs.getString(12), legs, false), postingId);
        if (found.isEmpty()) {
            throw DomainException.notFound("UNKNOWN_POSTING", "Posting " + postingId + " does not exist.",
                    Map.of("postingId", postingId));
        }
        return found.get(0);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
