package org.lotledger.receiving;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lotledger.receiving.AsnComparison.Announced;
import org.lotledger.receiving.AsnComparison.Discrepancy;
import org.lotledger.receiving.AsnComparison.Received;
import org.lotledger.receiving.AsnComparison.Type;

class ReceivingAsnComparisonTest {

    static final LocalDate E1 = LocalDate.of(2028, 1, 31);
    static final LocalDate E2 = LocalDate.of(2028, 2, 29);

    @Test
    void a_receipt_that_matches_its_asn_has_no_discrepancy_even_split_over_several_lines_and_in_other_case() {
        List<Announced> asn = List.of(new Announced(1, 10, "AB1", E1, 100), new Announced(2, 10, "AB1", E1, 50));
        List<Received> dock = List.of(new Received(10, "ab1", E1, 120), new Received(10, "AB1", E1, 30));
        assertThat(AsnComparison.compare(asn, dock)).isEmpty();
    }

    @Test
    void quantity_expiry_lot_not_arrived_and_not_announced_are_told_apart() {
        List<Announced> asn = List.of(new Announced(1, 10, "P", null, 400), new Announced(2, 10, "Q", E1, 300),
                new Announced(3, 20, "R", null, 500));
        List<Received> dock = List.of(new Received(10, "P", null, 400), new Received(10, "Q", E2, 250),
                new Received(10, "S", null, 100), new Received(30, "T", null, 50));
        assertThat(AsnComparison.compare(asn, dock)).containsExactlyInAnyOrder(
                new Discrepancy(Type.QUANTITY, 10, 2L, "Q", "300", "250"),
                new Discrepancy(Type.EXPIRY, 10, 2L, "Q", E1.toString(), E2.toString()),
                new Discrepancy(Type.NOT_ARRIVED, 20, 3L, "R", "500", "0"),
                new Discrepancy(Type.LOT, 10, null, "S", "P, Q", "S"),
                new Discrepancy(Type.NOT_ANNOUNCED, 30, null, "T", "0", "50"));
    }

    @Test
    void an_expiry_announced_but_not_on_the_label_is_a_difference() {
        assertThat(AsnComparison.compare(List.of(new Announced(1, 10, "P", E1, 5)), List.of(new Received(10, "P", null, 5))))
                .containsExactly(new Discrepancy(Type.EXPIRY, 10, 1L, "P", E1.toString(), "null"));
    }
}
