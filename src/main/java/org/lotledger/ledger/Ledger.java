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
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
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
 */
@Service
public class Ledger {

    private final JdbcTemplate jdbc;
    private final StockFacts facts;

    public Ledger(JdbcTemplate jdbc, StockFacts facts) {
        this.jdbc = jdbc;
        this.facts = facts;
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
        Map<Long, LotFacts> lots = facts.lots(lotIds);
        Map<Long, LocationFacts> locations = facts.locations(locationIds);
        for (Movement m : request.movements()) {
            checkMovement(request, m, lots, locations);
        }
        List<LegDraft> drafts = legsOf(request.movements(), lots);
        checkConservation(drafts);

        // From here on the posting's lots are locked: nobody else posts on them until we commit.
        Map<Long, Head> heads = lockHeads(lotIds);
        Instant recordedAt = recordedAt(heads.values());
        Map<Bucket, BigDecimal> current = checkBalancesAndCapacity(drafts, locations, lots);
        return write(request, fingerprint, drafts, heads, recordedAt, locations, current);
    }

    // ---- invariants -------------------------------------------------------------------------------------------

    private void checkRoleAndReason(PostingRequest r) {
        PostingType type = r.type();
        if (!r.actor().isInAny(type.groups())) {
            throw new DomainException("POSTING_TYPE_NOT_ALLOWED", DomainException.Kind.FORBIDDEN,
                    "User " + r.actor().userId() + " may not post " + type + " (allowed to: " + new TreeSet<>(type.groups()) + ").",
                    Map.of("postingType", type.name()));
        }
        if (r.reasonCode() == null || r.reasonCode().isBlank()) {
            if (type.reasonRequired()) {
                throw DomainException.unprocessable("REASON_CODE_REQUIRED",
                        "A " + type + " posting needs a reason code.", Map.of("postingType", type.name()));
            }
            return;
        }
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select active, ? = any(posting_types) as allowed from reason_code where code = ?", type.name(),
                r.reasonCode());
        if (rows.isEmpty() || !(Boolean) rows.get(0).get("active") || !(Boolean) rows.get(0).get("allowed")) {
            throw DomainException.unprocessable("INVALID_REASON_CODE", "Reason code '" + r.reasonCode()
                            + "' does not exist, is inactive or is not allowed for " + type + ".",
                    Map.of("reasonCode", r.reasonCode(), "postingType", type.name()));
        }
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

    /** Returns the kept balances of the posting's buckets as they are now, under the lots' locks. */
    private Map<Bucket, BigDecimal> checkBalancesAndCapacity(List<LegDraft> legs, Map<Long, LocationFacts> locations,
                                                             Map<Long, LotFacts> lots) {
        Map<Bucket, Long> delta = new LinkedHashMap<>();
        for (LegDraft l : legs) {
            delta.merge(l.bucket(), l.quantity(), Long::sum);
        }
        Map<Bucket, BigDecimal> current = currentBalances(delta.keySet());
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
        return current;
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
                        elsewhere.put(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros());
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

    private Map<Bucket, BigDecimal> currentBalances(java.util.Set<Bucket> buckets) {
        Long[] lotIds = buckets.stream().map(Bucket::lotId).toArray(Long[]::new);
        Long[] locIds = buckets.stream().map(Bucket::locationId).toArray(Long[]::new);
        String[] statuses = buckets.stream().map(b -> b.status().name()).toArray(String[]::new);
        Map<Bucket, BigDecimal> out = new HashMap<>();
        jdbc.query("""
                select b.lot_id, b.location_id, b.status, b.quantity
                  from stock_balance b
                  join unnest(?::bigint[], ?::bigint[], ?::varchar[]) as k(lot_id, location_id, status)
                    on b.lot_id = k.lot_id and b.location_id = k.location_id and b.status = k.status""", rs -> {
            out.put(new Bucket(rs.getLong(1), rs.getLong(2), StockStatus.valueOf(rs.getString(3))), rs.getBigDecimal(4));
        }, lotIds, locIds, statuses);
        return out;
    }

    // ---- ordering -------------------------------------------------------------------------------------------

    private record Head(long lotId, long lastSeq, Instant lastRecordedAt) {
    }

    /** Locks in lot id order, so two postings sharing lots can never deadlock on them. */
    private Map<Long, Head> lockHeads(java.util.SortedSet<Long> lotIds) {
        Map<Long, Head> heads = new LinkedHashMap<>();
        jdbc.query("select lot_id, last_seq, last_recorded_at from lot_ledger_head where lot_id = any(?) order by lot_id for update",
                rs -> {
                    Timestamp ts = rs.getTimestamp(3);
                    heads.put(rs.getLong(1), new Head(rs.getLong(1), rs.getLong(2),
                            ts == null || ts.getTime() < 0 ? Instant.EPOCH : ts.toInstant()));
                }, (Object) lotIds.toArray(Long[]::new));
        return heads;
    }

    /** After the locks: never earlier than anything already recorded for these lots (clocks can step back). */
    private Instant recordedAt(java.util.Collection<Head> heads) {
        Instant now = jdbc.queryForObject("select clock_timestamp()", Timestamp.class).toInstant();
        for (Head h : heads) {
            if (h.lastRecordedAt().isAfter(now)) {
                now = h.lastRecordedAt();
            }
        }
        return now;
    }

    // ---- writing --------------------------------------------------------------------------------------------

    private Posting write(PostingRequest r, String fingerprint, List<LegDraft> drafts, Map<Long, Head> heads,
                          Instant recordedAt, Map<Long, LocationFacts> locations, Map<Bucket, BigDecimal> current) {
        Timestamp recorded = Timestamp.from(recordedAt);
        Instant occurredAt = r.occurredAt() == null ? recordedAt : r.occurredAt();
        Long postingId = jdbc.queryForObject("""
                insert into posting (posting_type, reference_type, reference_id, reason_code, actor, occurred_at,
                                     recorded_at, process_instance_id, idempotency_key, request_fingerprint,
                                     reverses_posting_id, note)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class,
                r.type().name(), r.referenceType(), r.referenceId(), blankToNull(r.reasonCode()), r.actor().userId(),
                Timestamp.from(occurredAt), recorded, r.processInstanceId(), r.idempotencyKey(), fingerprint,
                r.reversesPostingId(), r.note());

        Map<Long, Long> seq = new HashMap<>();
        heads.forEach((lot, h) -> seq.put(lot, h.lastSeq()));
        Map<Bucket, BigDecimal> running = new HashMap<>(current);
        List<Posting.Leg> legs = new ArrayList<>(drafts.size());
        int legNo = 0;
        for (LegDraft d : drafts) {
            long lotSeq = seq.merge(d.lotId(), 1L, Long::sum);
            BigDecimal qty = BigDecimal.valueOf(d.quantity());
            BigDecimal after = running.getOrDefault(d.bucket(), BigDecimal.ZERO).add(qty);
            running.put(d.bucket(), after);
            BigDecimal value = qty.multiply(d.unitCost());
            legNo++;
            legs.add(new Posting.Leg(legNo, d.lotId(), d.locationId(), d.status(), qty, d.unitCost(), d.currency(),
                    value, lotSeq, after));
        }

        // Existing buckets are updated, new ones inserted: an INSERT .. ON CONFLICT would check the never-negative
        // constraint against the bare delta before finding the conflict. No one else can create these buckets
        // meanwhile: the lots are locked.
        Map<Bucket, Long> lastSeqOfBucket = new HashMap<>();
        for (Posting.Leg l : legs) {
            lastSeqOfBucket.put(new Bucket(l.lotId(), l.locationId(), l.status()), l.lotSeq());
        }
        Map<Bucket, Long> delta = new LinkedHashMap<>();
        for (LegDraft d : drafts) {
            delta.merge(d.bucket(), d.quantity(), Long::sum);
        }
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        delta.forEach((b, q) -> {
            if (current.containsKey(b)) {
                updates.add(new Object[]{BigDecimal.valueOf(q), lastSeqOfBucket.get(b), recorded, b.lotId(),
                        b.locationId(), b.status().name()});
            } else {
                inserts.add(new Object[]{b.lotId(), b.locationId(), b.status().name(), BigDecimal.valueOf(q),
                        locations.get(b.locationId()).kind().mayGoNegative(), lastSeqOfBucket.get(b), recorded});
            }
        });
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("""
                    update stock_balance set quantity = quantity + ?, last_lot_seq = ?, updated_at = ?
                     where lot_id = ? and location_id = ? and status = ?""", updates);
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into stock_balance (lot_id, location_id, status, quantity, may_go_negative, last_lot_seq, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?)""", inserts);
        }

        // legs after their buckets (posting_leg references stock_balance), all in one statement: the database
        // checks a posting's conservation per statement
        jdbc.update("""
                insert into posting_leg (posting_id, leg_no, lot_id, location_id, status, quantity, unit_cost, currency,
                                         extended_value, lot_seq, balance_after, recorded_at)
                select ?, t.leg_no, t.lot_id, t.location_id, t.status, t.quantity, t.unit_cost, t.currency,
                       t.extended_value, t.lot_seq, t.balance_after, ?
                  from unnest(?::smallint[], ?::bigint[], ?::bigint[], ?::varchar[], ?::numeric[], ?::numeric[],
                              ?::char(3)[], ?::numeric[], ?::bigint[], ?::numeric[])
                    as t(leg_no, lot_id, location_id, status, quantity, unit_cost, currency, extended_value, lot_seq,
                         balance_after)""", postingId, recorded,
                column(legs, l -> Integer.toString(l.legNo())), column(legs, l -> Long.toString(l.lotId())),
                column(legs, l -> Long.toString(l.locationId())), column(legs, l -> l.status().name()),
                column(legs, l -> l.quantity().toPlainString()), column(legs, l -> l.unitCost().toPlainString()),
                column(legs, Posting.Leg::currency), column(legs, l -> l.extendedValue().toPlainString()),
                column(legs, l -> Long.toString(l.lotSeq())), column(legs, l -> l.balanceAfter().toPlainString()));

        List<Object[]> headRows = new ArrayList<>();
        seq.forEach((lot, last) -> headRows.add(new Object[]{last, recorded, lot}));
        jdbc.batchUpdate("update lot_ledger_head set last_seq = ?, last_recorded_at = ? where lot_id = ?", headRows);

        return new Posting(postingId, r.type(), r.referenceType(), r.referenceId(), blankToNull(r.reasonCode()),
                r.actor().userId(), occurredAt, recordedAt, r.processInstanceId(), r.idempotencyKey(),
                r.reversesPostingId(), r.note(), List.copyOf(legs), false);
    }

    private static String[] column(List<Posting.Leg> legs, java.util.function.Function<Posting.Leg, String> f) {
        return legs.stream().map(f).toArray(String[]::new);
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
