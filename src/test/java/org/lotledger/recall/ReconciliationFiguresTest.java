package org.lotledger.recall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lotledger.common.DomainException;

/**
 * The reconciliation's figures as the form shows them, and the check at completion that they are still those
 * (RECALL_FIGURES_CHANGED, naming what changed): plain Java, no database.
 */
class ReconciliationFiguresTest {

    final RecallReconciliation reconciliation = new RecallReconciliation(null, null, null, null, null, null, null);

    static RecallReconciliation.CustomerLine line(String customer, long shipped, long returned, long destroyed) {
        return new RecallReconciliation.CustomerLine(
                1,
                customer,
                "Customer " + customer,
                7,
                "LL-7",
                shipped,
                returned,
                destroyed,
                shipped - returned - destroyed,
                destroyed > 0,
                null,
                null);
    }

    static RecallReconciliation.Reconciliation of(
            List<RecallReconciliation.CustomerLine> lines, List<RecallReconciliation.HeldStock> held) {
        return new RecallReconciliation.Reconciliation(
                3, "RC-3", RecallStatus.HOLDS_PLACED, lines, List.of(), held, 0, 0, 0, 0);
    }

    @Test
    void the_figures_are_one_plain_line_per_customer_and_lot_and_per_held_stock() {
        String figures = reconciliation.figures(of(
                List.of(line("C1", 40, 5, 0), line("C2", 20, 0, 20)),
                List.of(new RecallReconciliation.HeldStock(9, 7, "LL-7", 5))));
        assertThat(figures.split("\n"))
                .containsExactly(
                        "C1 · LL-7: shipped 40, returned 5, destroyed there 0, unaccounted 35, not acknowledged",
                        "C2 · LL-7: shipped 20, returned 0, destroyed there 20, unaccounted 0, acknowledged",
                        "still held: 5 of LL-7 (hold 9)");
    }

    @Test
    void the_same_figures_in_another_order_or_none_shown_pass() {
        var rec = of(List.of(line("C1", 40, 5, 0), line("C2", 20, 0, 20)), List.of());
        String reversed = reconciliation.figures(of(List.of(line("C2", 20, 0, 20), line("C1", 40, 5, 0)), List.of()));
        assertThatCode(() -> reconciliation.requireFiguresAsShown(rec, reversed))
                .doesNotThrowAnyException();
        assertThatCode(() -> reconciliation.requireFiguresAsShown(rec, null))
                .as("the API reads them live")
                .doesNotThrowAnyException();
    }

    @Test
    void changed_figures_are_refused_naming_what_they_are_now_and_what_is_no_longer_true() {
        String shown = reconciliation.figures(
                of(List.of(line("C1", 40, 5, 0)), List.of(new RecallReconciliation.HeldStock(9, 7, "LL-7", 5))));
        var now = of(List.of(line("C1", 40, 8, 0)), List.of());
        DomainException e =
                catchThrowableOfType(DomainException.class, () -> reconciliation.requireFiguresAsShown(now, shown));
        assertThat(e.code()).isEqualTo("RECALL_FIGURES_CHANGED");
        assertThat(e.getMessage())
                .contains("changed since this task was opened: now C1 · LL-7: shipped 40, returned 8,")
                .contains("no longer: C1 · LL-7: shipped 40, returned 5,")
                .contains("no longer: still held: 5 of LL-7 (hold 9)")
                .contains("reload it, check them and complete it again");
    }

    @Test
    void a_long_list_of_changes_names_the_first_six_and_counts_the_rest() {
        List<RecallReconciliation.CustomerLine> before = new ArrayList<>();
        List<RecallReconciliation.CustomerLine> after = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            before.add(line("C" + i, 10, 0, 0));
            after.add(line("C" + i, 10, 1, 0));
        }
        DomainException e = catchThrowableOfType(
                DomainException.class,
                () -> reconciliation.requireFiguresAsShown(
                        of(after, List.of()), reconciliation.figures(of(before, List.of()))));
        assertThat(e.getMessage()).contains("; and 4 more.");
        assertThat((List<?>) e.details().get("changed")).hasSize(10);
    }
}
