package org.lotledger.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.lotledger.transfers.DiscrepancyType.DAMAGED;
import static org.lotledger.transfers.DiscrepancyType.OVER;
import static org.lotledger.transfers.DiscrepancyType.SHORT;
import static org.lotledger.transfers.DiscrepancyType.TEMPERATURE_EXCURSION;
import static org.lotledger.transfers.DiscrepancyType.WRONG_LOT;

import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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

    /** One row of the table: what left, what was scanned in, what the close finds (in any order). */
    record Row(
            String name,
            List<ReceiptDiscrepancies.Shipped> shipped,
            List<ReceiptDiscrepancies.Scan> scans,
            List<Tuple> found) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Row row(
            String name,
            List<ReceiptDiscrepancies.Shipped> shipped,
            List<ReceiptDiscrepancies.Scan> scans,
            Tuple... f) {
        return new Row(name, shipped, scans, List.of(f));
    }

    static Stream<Row> table() {
        return Stream.of(
                row(
                        "everything as shipped is no discrepancy",
                        List.of(shipped(1, LINE_1, LOT_A, 10, 10)),
                        List.of(received(1, LINE_1, LOT_A, 10, false, false))),
                row(
                        "a case short and a case damaged",
                        List.of(shipped(1, LINE_1, LOT_A, 20, 20), shipped(2, LINE_1, LOT_B, 20, 10)),
                        List.of(
                                received(1, LINE_1, LOT_A, 10, false, false),
                                received(2, LINE_1, LOT_A, 10, true, false),
                                received(3, LINE_1, LOT_B, 10, false, false)),
                        tuple(SHORT, LINE_1, LOT_B, null, 20L, 10L, 10L),
                        tuple(DAMAGED, LINE_1, LOT_A, null, 20L, 20L, 10L)),
                row(
                        "a lot on two lines is short on the line it is short on",
                        List.of(shipped(1, LINE_1, LOT_B, 5, 5), shipped(2, LINE_2, LOT_B, 10, 6)),
                        List.of(
                                received(1, LINE_1, LOT_B, 5, false, false),
                                received(2, LINE_2, LOT_B, 6, false, false)),
                        tuple(SHORT, LINE_2, LOT_B, null, 10L, 6L, 4L)),
                row(
                        "above shipped is over by what was set aside",
                        List.of(shipped(1, LINE_1, LOT_A, 10, 10)),
                        List.of(
                                received(1, LINE_1, LOT_A, 10, false, false),
                                setAside(2, LINE_1, LOT_A, 3, "ABOVE_SHIPPED")),
                        tuple(OVER, LINE_1, LOT_A, null, 10L, 13L, 3L)),
                row(
                        "3 of lot A missing, 2 of lot X arrived instead: WRONG_LOT 2, SHORT 1",
                        List.of(shipped(1, LINE_1, LOT_A, 10, 7)),
                        List.of(
                                received(1, LINE_1, LOT_A, 7, false, false),
                                setAside(2, LINE_1, LOT_X, 2, "NOT_SHIPPED")),
                        tuple(WRONG_LOT, LINE_1, LOT_A, LOT_X, 10L, 7L, 2L),
                        tuple(SHORT, LINE_1, LOT_A, null, 10L, 7L, 1L)),
                row(
                        "2 of lot A missing, 5 of lot X arrived: WRONG_LOT 2, OVER 3 of lot X (expected 0)",
                        List.of(shipped(1, LINE_1, LOT_A, 10, 8)),
                        List.of(
                                received(1, LINE_1, LOT_A, 8, false, false),
                                setAside(2, LINE_1, LOT_X, 5, "NOT_SHIPPED")),
                        tuple(WRONG_LOT, LINE_1, LOT_A, LOT_X, 10L, 8L, 2L),
                        tuple(OVER, LINE_1, LOT_X, null, 0L, 5L, 3L)),
                row(
                        "a lot that did not leave with nothing short is over",
                        List.of(shipped(1, LINE_1, LOT_A, 10, 10)),
                        List.of(
                                received(1, LINE_1, LOT_A, 10, false, false),
                                setAside(2, LINE_1, LOT_X, 4, "NOT_SHIPPED")),
                        tuple(OVER, LINE_1, LOT_X, null, 0L, 4L, 4L)),
                row(
                        "an excursion counts once and damage takes precedence",
                        List.of(shipped(1, LINE_1, LOT_A, 10, 10)),
                        List.of(
                                received(1, LINE_1, LOT_A, 4, false, false),
                                received(2, LINE_1, LOT_A, 3, false, true),
                                received(3, LINE_1, LOT_A, 3, true, true)),
                        tuple(DAMAGED, LINE_1, LOT_A, null, 10L, 10L, 3L),
                        tuple(TEMPERATURE_EXCURSION, LINE_1, LOT_A, null, 10L, 10L, 3L)),
                row(
                        "nothing received of a lot is short by all of it",
                        List.of(shipped(1, LINE_1, LOT_A, 10, 0), shipped(2, LINE_2, LOT_B, 5, 5)),
                        List.of(),
                        tuple(SHORT, LINE_1, LOT_A, null, 10L, 0L, 10L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void the_close_finds_the_discrepancies_of_the_table(Row row) {
        assertThat(found(row.shipped(), row.scans())).containsExactlyInAnyOrderElementsOf(row.found());
    }
}
