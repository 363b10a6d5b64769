package org.lotledger.quality;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lotledger.ledger.HeldStock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The holds' book of HOLD stock, for the ledger's gate and self-audit: what a hold took on (its movements: stock it
 * moved to HOLD, adopted on arrival or inherited from another hold) and what became of it (its outcomes). Stock a
 * hold staged for return to vendor stays HOLD at the reject-staging location until it is returned; the book
 * attributes it there through the RETURN_TO_VENDOR outcome's target location. Reads the caller's transaction.
 */
@Component
public class HeldStockBook implements HeldStock {

    private final JdbcTemplate jdbc;

    public HeldStockBook(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<LotAt, Long> adoptedBy(long postingId) {
        return perLotAt("""
                select m.lot_id, m.location_id, sum(m.quantity) from quality_hold_movement m
                  join quality_hold h on h.id = m.hold_id
                 where m.posting_id = ? and h.state = 'OPEN' group by 1, 2
                union all
                select lot_id, to_location_id, sum(quantity) from quality_hold_outcome
                 where posting_id = ? and outcome = 'RETURN_TO_VENDOR' group by 1, 2""", postingId, postingId);
    }

    @Override
    public void moved(
            long postingId,
            long lotId,
            long fromLocationId,
            long toLocationId,
            long quantity,
            String actor,
            String requestKey) {
        List<Map<String, Object>> answering = jdbc.queryForList("""
                with own as (
                    select hold_id, quantity from quality_hold_movement where lot_id = ? and location_id = ?
                    union all
                    select hold_id, -quantity from quality_hold_outcome where lot_id = ? and location_id = ?)
                select o.hold_id, sum(o.quantity) as q from own o join quality_hold h on h.id = o.hold_id
                 where h.state = 'OPEN' group by o.hold_id having sum(o.quantity) > 0 order by o.hold_id""", lotId, fromLocationId, lotId, fromLocationId);
        long left = quantity;
        for (Map<String, Object> h : answering) {
            if (left == 0) {
                break;
            }
            long holdId = ((Number) h.get("hold_id")).longValue();
            long take = Math.min(left, ((java.math.BigDecimal) h.get("q")).longValueExact());
            // a decision on this hold waits for this move (and the other way round: a deadlock is retried)
            jdbc.queryForList("select id from quality_hold where id = ? for share", Long.class, holdId);
            jdbc.update("""
                    insert into quality_hold_outcome (hold_id, outcome, lot_id, location_id, quantity, to_location_id,
                                                      posting_id, request_key, decided_by)
                    values (?, 'MOVED', ?, ?, ?, ?, ?, ?, ?)""", holdId, lotId, fromLocationId, take, toLocationId, postingId, requestKey, actor);
            jdbc.update("""
                    insert into quality_hold_movement (hold_id, lot_id, location_id, quantity, posting_id)
                    values (?, ?, ?, ?, ?)""", holdId, lotId, toLocationId, take, postingId);
            left -= take;
        }
        // what no hold answered for is left to the ledger's gate, which refuses the move (HOLD_STOCK_OUTSIDE_HOLD)
    }

    /**
     * HOLD stock of a parent lot relabelled in place to a child lot (ADR 0015): the open holds answering for the
     * parent there, oldest first, record RELABELLED for what they give up and a movement of the child's at the same
     * location, both with the RELABEL posting, so that they keep answering for the stock under its new label. In the
     * posting's transaction, under the hold-decision lock and the lots' locks.
     *
     * @return the holds that adopted the child's stock, in order
     */
    List<Long> relabelled(
            long postingId,
            long parentLotId,
            long childLotId,
            long locationId,
            long quantity,
            String actor,
            String requestKey) {
        List<Map<String, Object>> answering =
                jdbc.queryForList(ANSWERING, parentLotId, locationId, parentLotId, locationId);
        List<Long> adopting = new java.util.ArrayList<>();
        long left = quantity;
        for (Map<String, Object> h : answering) {
            if (left == 0) {
                break;
            }
            long holdId = ((Number) h.get("hold_id")).longValue();
            long take = Math.min(left, ((java.math.BigDecimal) h.get("q")).longValueExact());
            jdbc.update("""
                    insert into quality_hold_outcome (hold_id, outcome, lot_id, location_id, quantity, to_location_id,
                                                      posting_id, request_key, decided_by)
                    values (?, 'RELABELLED', ?, ?, ?, ?, ?, ?, ?)""", holdId, parentLotId, locationId, take, locationId, postingId, requestKey, actor);
            jdbc.update("""
                    insert into quality_hold_movement (hold_id, lot_id, location_id, quantity, posting_id)
                    values (?, ?, ?, ?, ?)""", holdId, childLotId, locationId, take, postingId);
            adopting.add(holdId);
            left -= take;
        }
        // what no hold answered for is left to the ledger's gate, which refuses the relabel (HOLD_STOCK_OUTSIDE_HOLD)
        return adopting;
    }

    /** The open holds answering for a lot at a location (what they took on less what became of it), oldest first. */
    private static final String ANSWERING = """
            with own as (
                select hold_id, quantity from quality_hold_movement where lot_id = ? and location_id = ?
                union all
                select hold_id, -quantity from quality_hold_outcome where lot_id = ? and location_id = ?)
            select o.hold_id, sum(o.quantity) as q from own o join quality_hold h on h.id = o.hold_id
             where h.state = 'OPEN' group by o.hold_id having sum(o.quantity) > 0 order by o.hold_id""";

    @Override
    public Map<LotAt, Long> givenUpBy(long postingId) {
        return perLotAt("""
                select lot_id, location_id, sum(quantity) from quality_hold_outcome where posting_id = ?
                 group by 1, 2""", postingId);
    }

    /**
     * Per lot and location, over every hold: what holds took on (movements) minus what became of it (outcomes),
     * plus what they staged for return to vendor at its staging location. For a book that agrees with the ledger
     * this is the HOLD balance there; a hold that ended still answering for stock is {@link #endedHoldsStillHolding}.
     */
    @Override
    public Map<LotAt, Attributed> attributed() {
        Map<LotAt, Attributed> out = new LinkedHashMap<>();
        jdbc.query(BOOK + """
                select lot_id, location_id, sum(quantity), array_agg(distinct hold_id order by hold_id)
                  from book group by lot_id, location_id having sum(quantity) <> 0
                 order by lot_id, location_id""", rs -> {
            Long[] holds = (Long[]) rs.getArray(4).getArray();
            out.put(
                    new LotAt(rs.getLong(1), rs.getLong(2)),
                    new Attributed(rs.getBigDecimal(3).longValueExact(), List.copyOf(Arrays.asList(holds))));
        });
        return out;
    }

    /** Released or closed holds whose book still shows stock at a lot and location (staged returns left aside). */
    @Override
    public List<EndedHold> endedHoldsStillHolding() {
        return jdbc.query(
                """
                with own as (
                    select hold_id, lot_id, location_id, quantity from quality_hold_movement
                    union all
                    select hold_id, lot_id, location_id, -quantity from quality_hold_outcome)
                select o.hold_id, h.state, o.lot_id, o.location_id, sum(o.quantity)
                  from own o join quality_hold h on h.id = o.hold_id
                 where h.state <> 'OPEN'
                 group by o.hold_id, h.state, o.lot_id, o.location_id having sum(o.quantity) <> 0
                 order by 1, 3, 4""",
                (rs, i) -> new EndedHold(
                        rs.getLong(1),
                        rs.getString(2),
                        new LotAt(rs.getLong(3), rs.getLong(4)),
                        rs.getBigDecimal(5).longValueExact()));
    }

    private static final String BOOK = """
            with book as (
                select hold_id, lot_id, location_id, quantity from quality_hold_movement
                union all
                select hold_id, lot_id, location_id, -quantity from quality_hold_outcome
                union all
                select hold_id, lot_id, to_location_id, quantity from quality_hold_outcome
                 where outcome = 'RETURN_TO_VENDOR')
            """;

    private Map<LotAt, Long> perLotAt(String sql, Object... args) {
        Map<LotAt, Long> out = new LinkedHashMap<>();
        jdbc.query(
                sql,
                rs -> {
                    out.merge(
                            new LotAt(rs.getLong(1), rs.getLong(2)),
                            rs.getBigDecimal(3).longValueExact(),
                            Long::sum);
                },
                args);
        return out;
    }
}
