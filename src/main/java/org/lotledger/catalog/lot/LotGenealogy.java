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
    /**
     * For each root, the lots it descends from (itself excluded), with their distance: one recursive statement for
     * all roots (the trace's parents). Cycle-safe, at most {@code maxDepth} edges deep.
     */
    public Map<Long, Map<Long, Integer>> ancestorsOfEach(Collection<Long> roots, int maxDepth) {
        Map<Long, Map<Long, Integer>> found = new LinkedHashMap<>();
        if (roots.isEmpty()) {
            return found;
        }
        jdbc.query(
                con -> {
                    Array ids = con.createArrayOf("bigint", roots.toArray());
                    var ps = con.prepareStatement("""
                            with recursive reach(root, lot_id, depth, path) as (
                                select r, r, 0, array[r] from unnest(?::bigint[]) r
                                union all
                                select reach.root, e.parent_lot_id, reach.depth + 1, reach.path || e.parent_lot_id
                                  from reach join lot_lineage e on e.child_lot_id = reach.lot_id
                                 where reach.depth < ? and not e.parent_lot_id = any(reach.path)
                            )
                            select root, lot_id, min(depth) as depth from reach where depth > 0
                             group by root, lot_id order by root, min(depth), lot_id
                            """);
                    ps.setArray(1, ids);
                    ps.setInt(2, maxDepth);
                    return ps;
                },
                rs -> {
                    found.computeIfAbsent(rs.getLong("root"), k -> new LinkedHashMap<>())
                            .put(rs.getLong("lot_id"), rs.getInt("depth"));
                });
        return found;
    }
}
