package org.lotledger.receiving;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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
        List<Announced> asn = List.of(
                new Announced(1, 10, "P", null, 400),
                new Announced(2, 10, "Q", E1, 300),
                new Announced(3, 20, "R", null, 500));
        List<Received> dock = List.of(
                new Received(10, "P", null, 400),
                new Received(10, "Q", E2, 250),
                new Received(10, "S", null, 100),
                new Received(30, "T", null, 50));
        assertThat(AsnComparison.compare(asn, dock))
                .containsExactlyInAnyOrder(
                        new Discrepancy(Type.QUANTITY, 10, 2L, "Q", "300", "250"),
                        new Discrepancy(Type.EXPIRY, 10, 2L, "Q", E1.toString(), E2.toString()),
                        new Discrepancy(Type.NOT_ARRIVED, 20, 3L, "R", "500", "0"),
                        new Discrepancy(Type.LOT, 10, null, "S", "P, Q", "S"),
                        new Discrepancy(Type.NOT_ANNOUNCED, 30, null, "T", "0", "50"));
    }

    @Test
    void an_expiry_announced_but_not_on_the_label_is_a_difference() {
        assertThat(AsnComparison.compare(
                        List.of(new Announced(1, 10, "P", E1, 5)), List.of(new Received(10, "P", null, 5))))
                .containsExactly(new Discrepancy(Type.EXPIRY, 10, 1L, "P", E1.toString(), "null"));
    }

    // ---- at receipt time: the inspection decision's asnMismatch
    // ------------------------------------------------------

    static final List<Announced> ASN = List.of(
            new Announced(1, 10, "P", E1, 100),
            new Announced(2, 10, "P", E1, 50),
            new Announced(3, 20, "R", null, 500));

    static Optional<Type> atReceipt(Received received, Received... earlier) {
        List<Received> standing = new java.util.ArrayList<>(List.of(earlier));
        standing.add(received);
        return AsnComparison.mismatchAtReceipt(ASN, standing, received);
    }

    @Test
    void a_lot_received_as_announced_is_no_mismatch_even_when_it_comes_in_several_lines() {
        assertThat(atReceipt(new Received(10, "p", E1, 100))).isEmpty();
        assertThat(atReceipt(new Received(10, "P", E1, 50), new Received(10, "P", E1, 100)))
                .isEmpty();
        // short so far: the rest may still come; the close reports it if it does not
        assertThat(atReceipt(new Received(20, "R", null, 200))).isEmpty();
    }

    @Test
    void a_lot_not_announced_of_another_expiry_or_beyond_the_announced_quantity_is_a_mismatch() {
        assertThat(atReceipt(new Received(30, "T", null, 5))).contains(Type.NOT_ANNOUNCED);
        assertThat(atReceipt(new Received(10, "S", E1, 5))).contains(Type.LOT);
        assertThat(atReceipt(new Received(10, "P", E2, 5))).contains(Type.EXPIRY);
        assertThat(atReceipt(new Received(20, "R", E1, 5))).contains(Type.EXPIRY);
        assertThat(atReceipt(new Received(10, "P", E1, 51), new Received(10, "P", E1, 100)))
                .contains(Type.QUANTITY);
    }
}
