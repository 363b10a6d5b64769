package org.lotledger.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lotledger.common.DomainException;
import org.lotledger.transfers.DispatchChecks.Facts;
import org.lotledger.transfers.DispatchChecks.Scan;
import org.lotledger.transfers.DispatchChecks.Staged;

/**
 * {@link DispatchChecks} as a table. The transfer has staged lots 1 (two lines) and 2 at location 10 (SHIP-A); the
 * columns change one fact each: what else is staged where, what a hold blocks, what was scanned where, what is held
 * or another order's at the location.
 */
class DispatchChecksTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            # case,                         staged,          held, location, scans, held here, others', expected
            every staged lot scanned,       1@10 1@10 2@10,  ,     10,       1 2,   ,          ,        3
            a lot scanned twice,            1@10 2@10,       ,     10,       1 2 1, ,          ,        2
            nothing staged,                 ,                ,     10,       1,     ,          ,        NOTHING_STAGED
            a staged lot on hold,           1@10,            LL-2, 10,       1,     ,          ,        LOT_ON_HOLD
            only held stock,                ,                LL-2, 10,       2,     ,          ,        LOT_ON_HOLD
            another location scanned,       1@10 2@10,       ,     11,       1 2,   ,          ,        WRONG_LOCATION
            an unknown location scanned,    1@10,            ,     -1,       1,     ,          ,        WRONG_LOCATION
            staged at two locations,        1@10 2@11,       ,     10,       1 2,   ,          ,        STAGED_ELSEWHERE
            a held lot scanned,             1@10,            ,     10,       1 3,   3,         ,        LOT_ON_HOLD
            another order's lot scanned,    1@10,            ,     10,       1 4,   ,          4,       STOCK_OF_ANOTHER_ORDER
            a lot that is not staged,       1@10,            ,     10,       1 5,   ,          ,        LOT_NOT_STAGED
            a staged lot not scanned,       1@10 2@10,       ,     10,       1,     ,          ,        LOT_NOT_SCANNED
            nothing scanned,                1@10,            ,     10,       ,      ,          ,        LOT_NOT_SCANNED
            """)
    void a_dispatch_ships_what_was_staged_and_scanned_or_says_why_not(
            String name,
            String staged,
            String held,
            long location,
            String scans,
            String heldHere,
            String others,
            String expected) {
        List<Staged> s = new ArrayList<>();
        long id = 100;
        for (String st : words(staged)) {
            String[] p = st.split("@");
            long lot = Long.parseLong(p[0]);
            s.add(new Staged(id++, 7, lot, "LL-" + lot, Long.parseLong(p[1]), 5));
        }
        Facts f = new Facts(
                s,
                words(held),
                location,
                location == -1 ? "NOPE" : "SHIP-" + location,
                Map.of(10L, "SHIP-A", 11L, "SHIP-B"),
                words(scans).stream()
                        .map(l -> new Scan("LL-" + l, Long.parseLong(l), "LL-" + l))
                        .toList(),
                ids(heldHere),
                ids(others));
        if (expected.chars().allMatch(Character::isDigit)) {
            assertThat(DispatchChecks.toShip(f)).hasSize(Integer.parseInt(expected));
        } else {
            assertThatThrownBy(() -> DispatchChecks.toShip(f))
                    .isInstanceOf(DomainException.class)
                    .hasFieldOrPropertyWithValue("code", expected);
        }
    }

    private static List<String> words(String s) {
        return s == null || s.isBlank() ? List.of() : List.of(s.trim().split(" +"));
    }

    private static Set<Long> ids(String s) {
        return Set.copyOf(words(s).stream().map(Long::parseLong).toList());
    }
}
