package org.lotledger.fulfillment.override;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lotledger.common.DomainException;

/** {@link OverridePolicy}: what is never overridable (by rule) and the deviation of what is. Plain Java. */
class OverridePolicyTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    /** Reserved: lot 1 at location 10, expiring in 200 days; item minimum 30, customer 100; 10 reserved. */
    static OverridePolicy.Facts facts(
            String warehouse,
            long item,
            long lot,
            long location,
            Integer expiresInDays,
            boolean allocatable,
            boolean held,
            long available,
            long reserved,
            String otherStatus) {
        return new OverridePolicy.Facts(
                TODAY,
                "EAST",
                7,
                30,
                100,
                null,
                1,
                10,
                TODAY.plusDays(200),
                10,
                lot,
                location,
                "LOT-" + lot,
                "LOC-" + location,
                item,
                expiresInDays == null ? null : TODAY.plusDays(expiresInDays),
                warehouse,
                allocatable,
                held,
                available,
                reserved,
                otherStatus);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            # case,                         warehouse, item, lot, location, expires, allocatable, held,  available, reserved, other,      rule
            other warehouse,                WEST,      7,    2,   11,       300,     true,        false, 10,        0,        ,           ALLOC-010
            other item,                     EAST,      8,    2,   11,       300,     true,        false, 10,        0,        ,           OVR-ITEM
            expired today,                  EAST,      7,    2,   11,       0,       true,        false, 10,        0,        ,           ALLOC-020
            under hold or recall,           EAST,      7,    2,   11,       300,     true,        true,  10,        0,        ,           ALLOC-040
            HOLD there,                     EAST,      7,    2,   11,       300,     true,        false, 0,         0,        HOLD,       ALLOC-010
            QUARANTINE there,               EAST,      7,    2,   11,       300,     true,        false, 0,         0,        QUARANTINE, ALLOC-010
            REJECTED there,                 EAST,      7,    2,   11,       300,     true,        false, 0,         0,        REJECTED,   ALLOC-010
            outside storage,                EAST,      7,    2,   11,       300,     false,       false, 10,        0,        ,           ALLOC-010
            below the item minimum,         EAST,      7,    2,   11,       29,      true,        false, 10,        0,        ,           ALLOC-030
            not enough unreserved,          EAST,      7,    2,   11,       300,     true,        false, 15,        6,        ,           OVR-QUANTITY
            """)
    void never_overridable_names_the_rule(
            String name,
            String warehouse,
            long item,
            long lot,
            long location,
            Integer expires,
            boolean allocatable,
            boolean held,
            long available,
            long reserved,
            String other,
            String rule) {
        assertThatThrownBy(() -> OverridePolicy.assess(
                        facts(warehouse, item, lot, location, expires, allocatable, held, available, reserved, other)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(OverridePolicy.NOT_ALLOWED);
                    assertThat(e.details().get("rule")).isEqualTo(rule);
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            # case,                         lot, location, expires, deviation,               short
            later lot,                      2,   11,       300,     LATER_EXPIRY,            0
            no expiry counts as later,      2,   11,       ,        LATER_EXPIRY,            0
            same expiry,                    2,   11,       200,     SAME_EXPIRY_OTHER_LOT,   0
            earlier but within minimums,    2,   11,       150,     EARLIER_EXPIRY,          0
            same lot elsewhere,             1,   11,       200,     SAME_LOT_OTHER_LOCATION, 0
            below the customer minimum,     2,   11,       80,      BELOW_CUSTOMER_MINIMUM,  20
            at the item minimum,            2,   11,       30,      BELOW_CUSTOMER_MINIMUM,  70
            """)
    void the_deviation_of_what_may_be_overridden(
            String name, long lot, long location, Integer expires, Deviation deviation, int daysShort) {
        OverridePolicy.Assessment a =
                OverridePolicy.assess(facts("EAST", 7, lot, location, expires, true, false, 10, 0, null));
        assertThat(a.deviation()).isEqualTo(deviation);
        assertThat(a.daysShort()).isEqualTo(daysShort);
    }
}
