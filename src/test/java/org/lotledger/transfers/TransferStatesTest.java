package org.lotledger.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lotledger.transfers.TransferStates.LineQuantities;

/** {@link TransferStates} as a table: lines as ordered/allocated/picked/shipped/cancelled/received, then the states. */
class TransferStatesTest {

    @ParameterizedTest(name = "{0} dispatched={1} closed={2} -> {3} / {4}")
    @CsvSource(textBlock = """
            # lines (o/a/p/s/c/r; ...),      dispatched, closed, order,              first line
            10/0/0/0/0/0,                    false,      false,  OPEN,               OPEN
            10/4/0/0/0/0,                    false,      false,  OPEN,               PARTIALLY_ALLOCATED
            10/10/0/0/0/0,                   false,      false,  ALLOCATED,          ALLOCATED
            10/10/0/0/0/0; 5/0/0/0/5/0,      false,      false,  ALLOCATED,          ALLOCATED
            10/10/3/0/0/0; 5/5/0/0/0/0,      false,      false,  PICKING,            PICKING
            10/0/0/0/10/0,                   false,      false,  CANCELLED,          CANCELLED
            10/0/0/0/10/0; 5/0/0/0/5/0,      false,      false,  CANCELLED,          CANCELLED
            10/10/10/10/0/0,                 true,       false,  IN_TRANSIT,         SHIPPED
            10/10/10/10/0/0; 5/0/0/0/0/0,    true,       false,  IN_TRANSIT,         SHIPPED
            10/10/10/10/0/4,                 true,       false,  PARTIALLY_RECEIVED, SHIPPED
            10/10/10/10/0/10,                true,       false,  RECEIVED,           SHIPPED
            10/10/10/10/0/10,                true,       true,   CLOSED,             SHIPPED
            10/8/8/8/0/8; 5/0/0/0/0/0,       true,       false,  RECEIVED,           SHIPPED
            """)
    void the_states_follow_from_the_quantities(
            String lines, boolean dispatched, boolean closed, TransferStatus order, String firstLine) {
        List<LineQuantities> q = parse(lines);
        assertThat(TransferStates.ofOrder(q, dispatched, closed)).isEqualTo(order);
        assertThat(TransferStates.ofLine(q.get(0), dispatched)).isEqualTo(firstLine);
    }

    @ParameterizedTest
    @CsvSource({"10/5/6/0/0/0", "10/10/10/11/0/0", "10/10/0/0/5/0", "10/5/5/5/0/6", "0/0/0/0/0/0", "10/0/0/0/11/0"})
    void inconsistent_quantities_are_a_defect(String line) {
        assertThatThrownBy(() -> parse(line)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "OPEN,true",
        "ALLOCATED,true",
        "PICKING,true",
        "IN_TRANSIT,false",
        "RECEIVED,false",
        "CANCELLED,false",
        "CLOSED,false",
        "PARTIALLY_RECEIVED,false"
    })
    void only_an_order_that_has_not_left_takes_changes(TransferStatus status, boolean open) {
        assertThat(status.beforeDispatch()).isEqualTo(open);
    }

    private static List<LineQuantities> parse(String lines) {
        List<LineQuantities> out = new ArrayList<>();
        for (String l : lines.split(";")) {
            String[] n = l.trim().split("/");
            out.add(new LineQuantities(
                    Long.parseLong(n[0]),
                    Long.parseLong(n[1]),
                    Long.parseLong(n[2]),
                    Long.parseLong(n[3]),
                    Long.parseLong(n[4]),
                    Long.parseLong(n[5])));
        }
        return out;
    }
}
