package org.lotledger.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lotledger.fulfillment.SalesOrderStates.LineQuantities;

/** The states as tables of quantities (plain JUnit). */
class SalesOrderStatesTest {

    @ParameterizedTest(name = "ordered {0}, allocated {1}, picked {2}, shipped {3}, cancelled {4} → {5}")
    @CsvSource({
        "10, 0, 0, 0, 0, OPEN",
        "10, 4, 0, 0, 0, PARTIALLY_ALLOCATED",
        "10, 10, 0, 0, 0, ALLOCATED",
        "10, 6, 0, 0, 4, ALLOCATED",
        "10, 10, 1, 0, 0, PICKING",
        "10, 4, 4, 0, 0, PICKING",
        "10, 10, 10, 3, 0, PARTIALLY_SHIPPED",
        "10, 10, 10, 10, 0, SHIPPED",
        "10, 0, 0, 0, 10, CANCELLED",
        "1, 1, 1, 1, 0, SHIPPED",
    })
    void a_line_state_follows_its_quantities(
            long ordered, long allocated, long picked, long shipped, long cancelled, SalesOrderLineStatus expected) {
        assertThat(SalesOrderStates.ofLine(new LineQuantities(ordered, allocated, picked, shipped, cancelled)))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "ordered {0}, allocated {1}, picked {2}, shipped {3}, cancelled {4} is refused")
    @CsvSource({
        "0, 0, 0, 0, 0",
        "-1, 0, 0, 0, 0",
        "10, 0, 0, 1, 0",
        "10, 0, 1, 0, 0",
        "10, 11, 0, 0, 0",
        "10, 5, 0, 0, 6",
        "10, 0, 0, 0, 11",
        "10, 0, 0, 0, -1",
        "10, 5, 5, -1, 0",
    })
    void inconsistent_quantities_are_a_programming_error(
            long ordered, long allocated, long picked, long shipped, long cancelled) {
        assertThatThrownBy(() -> new LineQuantities(ordered, allocated, picked, shipped, cancelled))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Lines as "ordered/allocated/picked/shipped/cancelled" separated by spaces. */
    @ParameterizedTest(name = "{0} (closed {1}) → {2}")
    @CsvSource({
        "'10/0/0/0/0', false, OPEN",
        "'10/0/0/0/0 5/0/0/0/0', false, OPEN",
        "'10/10/0/0/0 5/0/0/0/0', false, PARTIALLY_ALLOCATED",
        "'10/3/0/0/0 5/5/0/0/0', false, PARTIALLY_ALLOCATED",
        "'10/10/0/0/0 5/5/0/0/0', false, ALLOCATED",
        "'10/10/0/0/0 5/0/0/0/5', false, ALLOCATED",
        "'10/10/2/0/0 5/0/0/0/0', false, PICKING",
        "'10/10/10/10/0 5/0/0/0/0', false, PARTIALLY_SHIPPED",
        "'10/10/10/4/0 5/5/5/0/0', false, PARTIALLY_SHIPPED",
        "'10/10/10/10/0 5/5/5/5/0', false, SHIPPED",
        "'10/10/10/10/0 5/0/0/0/5', false, SHIPPED",
        "'10/10/10/10/0 5/5/5/5/0', true, CLOSED",
        "'10/0/0/0/10 5/0/0/0/5', false, CANCELLED",
        "'10/0/0/0/10', true, CANCELLED",
        "'10/0/0/0/10 5/0/0/0/0', false, OPEN",
    })
    void an_order_state_follows_its_lines_cancelled_lines_left_out(
            String lines, boolean closed, SalesOrderStatus expected) {
        List<LineQuantities> quantities = Arrays.stream(lines.split(" "))
                .map(l -> Arrays.stream(l.split("/")).mapToLong(Long::parseLong).toArray())
                .map(q -> new LineQuantities(q[0], q[1], q[2], q[3], q[4]))
                .toList();
        assertThat(SalesOrderStates.ofOrder(quantities, closed)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} takes changes: {1}")
    @CsvSource({
        "OPEN, true",
        "PARTIALLY_ALLOCATED, true",
        "ALLOCATED, true",
        "PICKING, true",
        "PARTIALLY_SHIPPED, true",
        "SHIPPED, false",
        "CLOSED, false",
        "CANCELLED, false",
    })
    void only_an_order_still_in_progress_takes_a_new_line_or_a_cancellation(SalesOrderStatus s, boolean takes) {
        assertThat(s.takesChanges()).isEqualTo(takes);
    }

    @ParameterizedTest(name = "{0} open {5}")
    @CsvSource({
        "10, 0, 0, 0, 0, 10",
        "10, 10, 10, 4, 0, 6",
        "10, 6, 0, 0, 4, 6",
        "10, 0, 0, 0, 10, 0",
    })
    void what_is_open_is_neither_shipped_nor_cancelled(
            long ordered, long allocated, long picked, long shipped, long cancelled, long open) {
        assertThat(new LineQuantities(ordered, allocated, picked, shipped, cancelled).open())
                .isEqualTo(open);
    }
}
