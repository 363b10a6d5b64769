package org.lotledger.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.lotledger.common.DomainException;
import org.lotledger.purchasing.AnnouncedLot.LotRules;

/** The framework-free rules of purchasing: SSCCs, announced lots, the life of a purchase-order line. */
class PurchasingRulesTest {

    // the SSCC of GS1's General Specifications examples: (00) 1 0614141 123456789 7
    static final String GS1_EXAMPLE_SSCC = "106141411234567897";

    @Test
    void the_gs1_example_sscc_is_valid_also_when_printed_in_groups() {
        assertThat(Sscc.parse(GS1_EXAMPLE_SSCC).value()).isEqualTo(GS1_EXAMPLE_SSCC);
        assertThat(Sscc.parse("1 0614141 123456789 7").value()).isEqualTo(GS1_EXAMPLE_SSCC);
    }

    @Test
    void an_sscc_with_a_bad_check_digit_is_refused_naming_the_right_one() {
        assertThatThrownBy(() -> Sscc.parse("106141411234567890")).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo("INVALID_SSCC");
            assertThat(e.getMessage()).contains("should be 7");
        });
    }

    @Test
    void an_sscc_of_other_than_eighteen_digits_is_refused() {
        for (String bad : new String[] {"10614141123456789", "1061414112345678970", "10614141123456789X", "", null}) {
            assertThatThrownBy(() -> Sscc.parse(bad))
                    .as(String.valueOf(bad))
                    .isInstanceOfSatisfying(
                            DomainException.class, e -> assertThat(e.code()).isEqualTo("INVALID_SSCC"));
        }
    }

    static final LotRules VACCINE = new LotRules("VAC", true, true, false);
    static final LotRules GLOVES = new LotRules("GLV", true, false, false);
    static final LotRules BEST_BEFORE_ITEM = new LotRules("BB", true, true, true);
    static final LocalDate MADE = LocalDate.of(2026, 1, 10);
    static final LocalDate EXPIRES = LocalDate.of(2027, 1, 10);

    @Test
    void a_lot_controlled_item_needs_a_lot_number() {
        assertThatThrownBy(() -> AnnouncedLot.check(2, VACCINE, "  ", null, MADE, EXPIRES, null))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("LOT_NUMBER_REQUIRED");
                    assertThat(e.details()).containsEntry("line", 2);
                });
    }

    @Test
    void an_expiry_is_needed_only_where_the_item_requires_one_and_best_before_stands_in_where_the_item_says_so() {
        assertThatThrownBy(() -> AnnouncedLot.check(1, VACCINE, "L1", null, MADE, null, EXPIRES))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("EXPIRY_REQUIRED"));
        assertThat(AnnouncedLot.check(1, GLOVES, "L1", null, MADE, null, null).expiresOn())
                .isNull();
        assertThat(AnnouncedLot.check(1, BEST_BEFORE_ITEM, "L1", null, MADE, null, EXPIRES)
                        .expiresOn())
                .isEqualTo(EXPIRES);
    }

    @Test
    void the_manufacturing_date_must_be_before_the_expiry() {
        assertThatThrownBy(() -> AnnouncedLot.check(1, VACCINE, "L1", null, EXPIRES, EXPIRES, null))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("INVALID_LOT_DATES"));
        AnnouncedLot ok = AnnouncedLot.check(1, VACCINE, " L1 ", " ", MADE, EXPIRES, null);
        assertThat(ok.lotNumber()).isEqualTo("L1");
        assertThat(ok.manufacturerBatchRef()).isNull();
    }

    static PurchaseOrderLine line(long orderedBase) {
        return new PurchaseOrderLine(
                1, 1, 7, BigDecimal.valueOf(orderedBase), "EA", orderedBase, new BigDecimal("1.50"));
    }

    @Test
    void a_line_tracks_what_was_received_and_what_is_still_open() {
        PurchaseOrderLine l = line(50);
        l.addReceived(BigDecimal.valueOf(20));
        l.addReceived(BigDecimal.valueOf(20));
        assertThat(l.getReceivedBaseQuantity()).isEqualByComparingTo("40");
        assertThat(l.openBaseQuantity()).isEqualByComparingTo("10");
        l.addReceived(BigDecimal.valueOf(15));
        assertThat(l.openBaseQuantity())
                .as("over-received: nothing open, never negative")
                .isEqualByComparingTo("0");
        l.addReceived(BigDecimal.valueOf(-15));
        assertThat(l.getReceivedBaseQuantity())
                .as("a reversed receipt gives back")
                .isEqualByComparingTo("40");
    }

    @Test
    void a_line_closed_short_takes_no_further_receipts() {
        PurchaseOrderLine l = line(50);
        l.addReceived(BigDecimal.valueOf(30));
        l.closeShort();
        assertThat(l.getStatus()).isEqualTo(PurchaseOrderLineStatus.CLOSED_SHORT);
        assertThatThrownBy(() -> l.addReceived(BigDecimal.ONE))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("PO_LINE_NOT_OPEN"));
    }

    @Test
    void a_line_with_a_receipt_cannot_be_cancelled_but_an_untouched_one_can() {
        PurchaseOrderLine received = line(50);
        received.addReceived(BigDecimal.TEN);
        assertThatThrownBy(received::cancel)
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("PURCHASE_ORDER_HAS_RECEIPTS"));
        PurchaseOrderLine untouched = line(50);
        untouched.cancel();
        assertThat(untouched.getStatus()).isEqualTo(PurchaseOrderLineStatus.CANCELLED);
    }

    @Test
    void received_quantities_are_whole_base_units() {
        assertThatThrownBy(() -> line(50).addReceived(new BigDecimal("0.5")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_negative_expected_price_is_refused() {
        assertThatThrownBy(() -> new PurchaseOrderLine(1, 1, 7, BigDecimal.ONE, "EA", 1, new BigDecimal("-0.01")))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("INVALID_UNIT_PRICE"));
    }
}
