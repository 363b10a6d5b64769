package org.lotledger.catalog.lot;

import java.sql.Array;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lotledger.catalog.LotSelector;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Lots by selector and the genealogy around them ({@code lot_lineage}), for the recall trace. The walk is
 * cycle-safe (a lot is visited once, at its shortest distance) and stops at a depth limit.
 */
@Component
public class LotGenealogy {

    private final JdbcTemplate jdbc;

    public LotGenealogy(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The ids of the lots the selector names, ascending; empty when none match. */
    public List<Long> lotIdsMatching(LotSelector selector) {
        if (selector instanceof LotSelector.OneLot one) {
            return jdbc.queryForList("select id from lot where id = ?", Long.class, one.lotId());
        }
        if (selector instanceof LotSelector.BatchRef batch) {
            return jdbc.queryForList(
                    "select id from lot where upper(manufacturer_batch_ref) = upper(?) order by id",
                    Long.class,
                    batch.batchRef().trim());
        }
        LotSelector.ItemDates range = (LotSelector.ItemDates) selector;
        String column = range.byReceipt() ? "first_received_on" : "manufactured_on";
        return jdbc.queryForList(
                "select id from lot where item_id = ? and " + column + " >= coalesce(?, '-infinity'::date)" + " and "
                        + column + " <= coalesce(?, 'infinity'::date) order by id",
                Long.class,
                range.itemId(),
                range.from(),
                range.to());
    }

    /**
     * Every lot reachable from the roots by following lineage edges from parent to child (descendants) or from
     * child to parent (ancestors), with its distance; the roots themselves are at distance 0.
     */
    public Map<Long, Integer> walk(Collection<Long> roots, boolean towardsChildren, int maxDepth) {
        if (roots.isEmpty()) {
            return Map.of();
        }
        String from = towardsChildren ? "parent_lot_id" : "child_lot_id";
        String to = towardsChildren ? "child_lot_id" : "parent_lot_id";
        Map<Long, Integer> found = new LinkedHashMap<>();
        jdbc.query(
                con -> {
                    Array ids = con.createArrayOf("bigint", roots.toArray());
                    var ps = con.prepareStatement("""
                            with recursive reach(lot_id, depth, path) as (
                                select r, 0, array[r] from unnest(?::bigint[]) r
                                union all
                                select e.%s, reach.depth + 1, reach.path || e.%s
                                  from reach join lot_lineage e on e.%s = reach.lot_id
                                 where reach.depth < ? and not e.%s = any(reach.path)
                            )
                            select lot_id, min(depth) as depth from reach group by lot_id order by min(depth), lot_id
                            """.formatted(to, to, from, to));
                    ps.setArray(1, ids);
                    ps.setInt(2, maxDepth);
                    return ps;
                },
                rs -> {
                    found.put(rs.getLong("lot_id"), rs.getInt("depth"));
                });
        return found;
    }
}
