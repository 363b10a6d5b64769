package org.lotledger.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.lotledger.transfers.DiscrepancyType.DAMAGED;
import static org.lotledger.transfers.DiscrepancyType.OVER;
import static org.lotledger.transfers.DiscrepancyType.SHORT;
import static org.lotledger.transfers.DiscrepancyType.TEMPERATURE_EXCURSION;
import static org.lotledger.transfers.DiscrepancyType.WRONG_LOT;

import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The close's discrepancies as a table: shipped lot rows and scans in, (type, line, lot, received lot, expected,
 * actual, quantity) out.
 */
class ReceiptDiscrepanciesTest {

    static final long LINE_1 = 1;
    static final long LINE_2 = 2;
    static final long LOT_A = 10;
    static final long LOT_B = 20;
    static final long LOT_X = 30;

    static ReceiptDiscrepancies.Shipped shipped(long id, long line, long lot, long shipped, long received) {
        return new ReceiptDiscrepancies.Shipped(id, line, lot, shipped, received);
    }

    static ReceiptDiscrepancies.Scan received(long id, long line, long lot, long q, boolean damaged, boolean warm) {
        return new ReceiptDiscrepancies.Scan(id, line, lot, q, "RECEIVED", null, damaged, warm);
    }

    static ReceiptDiscrepancies.Scan setAside(long id, long line, long lot, long q, String reason) {
        return new ReceiptDiscrepancies.Scan(id, line, lot, q, "SET_ASIDE", reason, false, false);
    }

    static List<Tuple> found(List<ReceiptDiscrepancies.Shipped> s, List<ReceiptDiscrepancies.Scan> scans) {
        return ReceiptDiscrepancies.of(s, scans).stream()
                .map(f -> tuple(
                        f.type(), f.lineId(), f.lotId(), f.receivedLotId(), f.expected(), f.actual(), f.quantity()))
                .toList();
    }

    @Test
    void everything_as_shipped_is_no_discrepancy() {
        assertThat(found(
                        List.of(shipped(1, LINE_1, LOT_A, 10, 10)),
                        List.of(received(1, LINE_1, LOT_A, 10, false, false))))
                .isEmpty();
    }

    @Test
    void a_case_short_and_a_case_damaged() {
        assertThat(found(
                        List.of(shipped(1, LINE_1, LOT_A, 20, 20), shipped(2, LINE_1, LOT_B, 20, 10)),
                        List.of(
                                received(1, LINE_1, LOT_A, 10, false, false),
                                received(2, LINE_1, LOT_A, 10, true, false),
                                received(3, LINE_1, LOT_B, 10, false, false))))
                .containsExactlyInAnyOrder(
                        tuple(SHORT, LINE_1, LOT_B, null, 20L, 10L, 10L),
                        tuple(DAMAGED, LINE_1, LOT_A, null, 20L, 20L, 10L));
    }

    @Test
    void a_lot_on_two_lines_is_short_on_the_line_it_is_short_on() {
        assertThat(found(
                        List.of(shipped(1, LINE_1, LOT_B, 5, 5), shipped(2, LINE_2, LOT_B, 10, 6)),
                        List.of(
                                received(1, LINE_1, LOT_B, 5, false, false),
                                received(2, LINE_2, LOT_B, 6, false, false))))
                .containsExactly(tuple(SHORT, LINE_2, LOT_B, null, 10L, 6L, 4L));
    }

    @Test
    void above_shipped_is_over_by_what_was_set_aside() {
        assertThat(found(
                        List.of(shipped(1, LINE_1, LOT_A, 10, 10)),
                        List.of(
                                received(1, LINE_1, LOT_A, 10, false, false),
                                setAside(2, LINE_1, LOT_A, 3, "ABOVE_SHIPPED"))))
                .containsExactly(tuple(OVER, LINE_1, LOT_A, null, 10L, 13L, 3L));
    }

    @Test
    void a_lot_that_did_not_leave_explains_a_short_lot_of_its_line_and_the_rest_is_short_or_over() {
        // 3 of lot A missing, 2 of lot X arrived instead: WRONG_LOT 2, SHORT 1
        assertThat(found(
                        List.of(shipped(1, LINE_1, LOT_A, 10, 7)),
                        List.of(
                                received(1, LINE_1, LOT_A, 7, false, false),
                                setAside(2, LINE_1, LOT_X, 2, "NOT_SHIPPED"))))
                .containsExactlyInAnyOrder(
                        tuple(WRONG_LOT, LINE_1, LOT_A, LOT_X, 10L, 7L, 2L),
                        tuple(SHORT, LINE_1, LOT_A, null, 10L, 7L, 1L));
        // 2 of lot A missing, 5 of lot X arrived: WRONG_LOT 2, OVER 3 of lot X (expected 0)
        assertThat(found(
                        List.of(shipped(1, LINE_1, LOT_A, 10, 8)),
                        List.of(
                                received(1, LINE_1, LOT_A, 8, false, false),
                                setAside(2, LINE_1, LOT_X, 5, "NOT_SHIPPED"))))
                .containsExactlyInAnyOrder(
                        tuple(WRONG_LOT, LINE_1, LOT_A, LOT_X, 10L, 8L, 2L),
                        tuple(OVER, LINE_1, LOT_X, null, 0L, 5L, 3L));
    }

    @Test
    void a_lot_that_did_not_leave_with_nothing_short_is_over() {
        assertThat(found(
                        List.of(shipped(1, LINE_1, LOT_A, 10, 10)),
                        List.of(
                                received(1, LINE_1, LOT_A, 10, false, false),
                                setAside(2, LINE_1, LOT_X, 4, "NOT_SHIPPED"))))
                .containsExactly(tuple(OVER, LINE_1, LOT_X, null, 0L, 4L, 4L));
    }

    @Test
    void an_excursion_counts_once_and_damage_takes_precedence() {
        assertThat(found(
                        List.of(shipped(1, LINE_1, LOT_A, 10, 10)),
                        List.of(
                                received(1, LINE_1, LOT_A, 4, false, false),
                                received(2, LINE_1, LOT_A, 3, false, true),
                                received(3, LINE_1, LOT_A, 3, true, true))))
                .containsExactlyInAnyOrder(
                        tuple(DAMAGED, LINE_1, LOT_A, null, 10L, 10L, 3L),
                        tuple(TEMPERATURE_EXCURSION, LINE_1, LOT_A, null, 10L, 10L, 3L));
    }

    @Test
    void nothing_received_of_a_lot_is_short_by_all_of_it() {
        assertThat(found(List.of(shipped(1, LINE_1, LOT_A, 10, 0), shipped(2, LINE_2, LOT_B, 5, 5)), List.of()))
                .containsExactly(tuple(SHORT, LINE_1, LOT_A, null, 10L, 0L, 10L));
    }
}
