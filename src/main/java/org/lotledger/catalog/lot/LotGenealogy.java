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
 * cycle-safe (no lot twice on one path) and stops at a depth limit; each lot is answered at its shortest distance.
 * It walks paths, not lots: lots that split and merge again (MERGE edges, which no flow writes yet) are reached once
 * per path, exponential in chained diamonds. Keeping each lot once per distance ({@code union}) bounds that but made
 * the typical trace on 10 M legs 4 ms slower at p50 (docs/performance.md, 2026-12-03), so it waits for MERGE.
 */
@Component
public class LotGenealogy {

    private final JdbcTemplate jdbc;

    public LotGenealogy(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The ids of the lots the selector names, ascending; empty when none match. */
    public List<Long> lotIdsMatching(LotSelector selector) {
        Matching m = matching(selector);
        return jdbc.queryForList(m.sql() + " order by id", Long.class, m.args());
    }

    /**
     * The lots the selector names (distance 0) and every lot descended from them, with its distance, nearest first
     * (then by id): {@link #lotIdsMatching} and {@link #walk} towards the children in one statement.
     */
    public Map<Long, Integer> matchingWithDescendants(LotSelector selector, int maxDepth) {
        Matching m = matching(selector);
        Object[] args = java.util.Arrays.copyOf(m.args(), m.args().length + 1);
        args[m.args().length] = maxDepth;
        Map<Long, Integer> found = new LinkedHashMap<>();
        jdbc.query(
                """
                with recursive reach(lot_id, depth, path) as (
                    select m.id, 0, array[m.id] from (%s) m
                    union all
                    select e.child_lot_id, reach.depth + 1, reach.path || e.child_lot_id
                      from reach join lot_lineage e on e.parent_lot_id = reach.lot_id
                     where reach.depth < ? and not e.child_lot_id = any(reach.path)
                )
                select lot_id, min(depth) as depth from reach group by lot_id order by min(depth), lot_id
                """.formatted(m.sql()),
                rs -> {
                    found.put(rs.getLong(1), rs.getInt(2));
                },
                args);
        return found;
    }

    /** A selector as a statement listing the ids of its lots, and its arguments. */
    private record Matching(String sql, Object[] args) {}

    private static Matching matching(LotSelector selector) {
        if (selector instanceof LotSelector.OneLot one) {
            return new Matching("select id from lot where id = ?", new Object[] {one.lotId()});
        }
        if (selector instanceof LotSelector.BatchRef batch) {
            return new Matching(
                    "select id from lot where upper(manufacturer_batch_ref) = upper(?)",
                    new Object[] {batch.batchRef().trim()});
        }
        LotSelector.ItemDates range = (LotSelector.ItemDates) selector;
        String column = range.byReceipt() ? "first_received_on" : "manufactured_on";
        return new Matching(
                "select id from lot where item_id = ? and " + column + " >= coalesce(?::date, '-infinity'::date)"
                        + " and " + column + " <= coalesce(?::date, 'infinity'::date)",
                new Object[] {range.itemId(), range.from(), range.to()});
    }

    /**
     * The lots as the recall trace shows them, by id (lots that do not exist are left out): each with its item, its
     * supplier and the lots it descends from, nearest first. One statement for all lots, whatever their number:
     * the genealogy walk towards the parents (cycle-safe, at most {@code maxDepth} edges) and the descriptions.
     */
    public Map<Long, TracedLot> traced(Collection<Long> lotIds, int maxDepth) {
        Map<Long, TracedLot> lots = new LinkedHashMap<>();
        if (lotIds.isEmpty()) {
            return lots;
        }
        Map<Long, List<TracedLot.Ancestor>> ancestors = new java.util.HashMap<>();
        jdbc.query(
                con -> {
                    var ps = con.prepareStatement("""
                            with recursive reach(root, lot_id, depth, path) as (
                                select r, r, 0, array[r] from unnest(?::bigint[]) r
                                union all
                                select reach.root, e.parent_lot_id, reach.depth + 1, reach.path || e.parent_lot_id
                                  from reach join lot_lineage e on e.child_lot_id = reach.lot_id
                                 where reach.depth < ? and not e.parent_lot_id = any(reach.path)
                            ),
                            nearest as (select root, lot_id, min(depth) as depth from reach group by root, lot_id)
                            select n.root, n.depth, l.id, l.lot_number, l.internal_label, l.manufacturer_batch_ref,
                                   l.manufactured_on, l.expires_on, i.id, i.sku, i.name, i.base_uom, s.id, s.code,
                                   s.name
                              from nearest n
                              join lot l on l.id = n.lot_id
                              join item i on i.id = l.item_id
                              left join supplier s on s.id = l.supplier_id
                             order by n.root, n.depth, l.id
                            """);
                    ps.setArray(1, con.createArrayOf("bigint", lotIds.toArray()));
                    ps.setInt(2, maxDepth);
                    return ps;
                },
                rs -> {
                    long root = rs.getLong(1);
                    int depth = rs.getInt(2);
                    if (depth > 0) {
                        ancestors
                                .computeIfAbsent(root, k -> new java.util.ArrayList<>())
                                .add(new TracedLot.Ancestor(rs.getLong(3), rs.getString(4), rs.getString(5), depth));
                        return;
                    }
                    lots.put(
                            root,
                            new TracedLot(
                                    rs.getLong(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    rs.getObject(7, java.time.LocalDate.class),
                                    rs.getObject(8, java.time.LocalDate.class),
                                    rs.getLong(9),
                                    rs.getString(10),
                                    rs.getString(11),
                                    rs.getString(12),
                                    (Long) rs.getObject(13),
                                    rs.getString(14),
                                    rs.getString(15),
                                    List.of()));
                });
        lots.replaceAll((id, l) -> ancestors.containsKey(id)
                ? new TracedLot(
                        l.id(),
                        l.lotNumber(),
                        l.internalLabel(),
                        l.manufacturerBatchRef(),
                        l.manufacturedOn(),
                        l.expiresOn(),
                        l.itemId(),
                        l.itemSku(),
                        l.itemName(),
                        l.baseUom(),
                        l.supplierId(),
                        l.supplierCode(),
                        l.supplierName(),
                        List.copyOf(ancestors.get(id)))
                : l);
        return lots;
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
