package org.lotledger.recall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.common.DomainException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The scope of a trace or recall: the lots it names and their descendants, cycle-safe, on PostgreSQL. */
@IntegrationTest
class LotsInScopeTest {

    @Autowired
    LotsInScope scopes;

    @Autowired
    JdbcTemplate jdbc;

    long lot(long item, long supplier, String number, String batch, LocalDate made, LocalDate received) {
        return jdbc.queryForObject("""
                insert into lot (item_id, supplier_id, lot_number, internal_label, manufacturer_batch_ref,
                                 manufactured_on, first_received_on, unit_cost, currency)
                values (?, ?, ?, 'SC' || nextval('lot_id_seq'), ?, ?, ?, 1, 'EUR') returning id""", Long.class, item, supplier, number, batch, made, received);
    }

    void edge(long parent, long child) {
        jdbc.update(
                "insert into lot_lineage (child_lot_id, parent_lot_id, relation) values (?, ?, 'RELABEL')",
                child,
                parent);
    }

    @Test
    void a_batch_scope_takes_its_lots_and_their_descendants_and_survives_a_cycle() {
        long item = jdbc.queryForObject("select min(id) from item", Long.class);
        long supplier = jdbc.queryForObject("select min(id) from supplier", Long.class);
        String batch = "SCOPE-" + System.nanoTime();
        long a = lot(item, supplier, batch + "-A", batch, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 10));
        long b = lot(item, supplier, batch + "-B", batch.toLowerCase(), null, null);
        long child = lot(item, supplier, batch + "-C", null, null, null);
        long grandchild = lot(item, supplier, batch + "-D", null, null, null);
        long other = lot(item, supplier, batch + "-X", "OTHER-" + batch, LocalDate.of(2026, 3, 2), null);
        edge(a, child);
        edge(child, grandchild);
        edge(grandchild, a); // a cycle a bad import could leave: the walk must still end

        var scope = scopes.resolve(RecallScope.ofBatch(" " + batch + " "));

        assertThat(scope.matched()).containsExactly(a, b);
        assertThat(scope.inScope()).containsOnly(entry(a, 0), entry(b, 0), entry(child, 1), entry(grandchild, 2));
        assertThat(scopes.ancestors(java.util.List.of(child)))
                .containsOnly(entry(child, 0), entry(a, 1), entry(grandchild, 2));

        var byDate = scopes.resolve(
                new RecallScope(null, null, item, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2), null, null));
        assertThat(byDate.matched()).contains(a, other).doesNotContain(b);
        var byReceipt = scopes.resolve(
                new RecallScope(null, null, item, null, null, LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 10)));
        assertThat(byReceipt.matched()).contains(a).doesNotContain(other);
        assertThat(scopes.resolve(RecallScope.ofLot(Long.MAX_VALUE)).isEmpty()).isTrue();
    }

    @Test
    void lots_that_split_and_merge_again_are_each_found_once_at_their_shortest_distance() {
        // eight diamonds in a row, three lots wide: 3^8 = 6,561 paths from the top to the bottom, 33 lots
        long item = jdbc.queryForObject("select min(id) from item", Long.class);
        long supplier = jdbc.queryForObject("select min(id) from supplier", Long.class);
        String batch = "LADDER-" + System.nanoTime();
        long top = lot(item, supplier, batch + "-0", batch, null, null);
        java.util.Map<Long, Integer> expected = new java.util.LinkedHashMap<>();
        expected.put(top, 0);
        long join = top;
        for (int level = 1; level <= 8; level++) {
            long next = lot(item, supplier, batch + "-J" + level, null, null, null);
            for (int branch = 0; branch < 3; branch++) {
                long middle = lot(item, supplier, batch + "-M" + level + "-" + branch, null, null, null);
                edge(join, middle);
                edge(middle, next);
                expected.put(middle, 2 * level - 1);
            }
            expected.put(next, 2 * level);
            join = next;
        }
        edge(join, top); // and back to the top: a cycle through all of it

        assertThat(scopes.resolve(RecallScope.ofBatch(batch)).inScope()).containsExactlyInAnyOrderEntriesOf(expected);
        var ancestors = scopes.ancestors(java.util.List.of(join));
        assertThat(ancestors).hasSize(33).containsEntry(join, 0).containsEntry(top, 16);
        assertThat(ancestors.values().stream().mapToInt(Integer::intValue).max())
                .hasValue(16);
    }

    @Test
    void a_scope_names_exactly_one_form() {
        for (RecallScope bad : new RecallScope[] {
            new RecallScope(null, null, null, null, null, null, null),
            new RecallScope(1L, "B", null, null, null, null, null),
            new RecallScope(0L, null, null, null, null, null, null),
            new RecallScope(null, " ", null, null, null, null, null),
            new RecallScope(null, "A\u0007", null, null, null, null, null),
            new RecallScope(null, "x".repeat(61), null, null, null, null, null),
            new RecallScope(1L, null, null, LocalDate.of(2026, 1, 1), null, null, null),
            new RecallScope(null, null, 5L, null, null, null, null),
            new RecallScope(null, null, 5L, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1), null, null),
            new RecallScope(null, null, 5L, LocalDate.of(2026, 1, 1), null, null, null),
            new RecallScope(null, null, 5L, LocalDate.of(2000, 1, 1), LocalDate.of(2026, 1, 1), null, null),
            new RecallScope(
                    null,
                    null,
                    5L,
                    LocalDate.of(2026, 1, 1),
                    LocalDate.of(2026, 1, 2),
                    LocalDate.of(2026, 1, 1),
                    LocalDate.of(2026, 1, 2)),
        }) {
            assertThatThrownBy(bad::selector)
                    .as(bad.toString())
                    .isInstanceOfSatisfying(
                            DomainException.class, e -> assertThat(e.code()).isEqualTo("SCOPE_INVALID"));
        }
    }
}
