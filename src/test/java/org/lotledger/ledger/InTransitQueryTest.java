package org.lotledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotledger.ledger.LedgerFixtures.INVENTORY;
import static org.lotledger.ledger.LedgerFixtures.QUALITY;
import static org.lotledger.ledger.LedgerFixtures.WAREHOUSE;
import static org.lotledger.ledger.StockStatus.AVAILABLE;
import static org.lotledger.ledger.StockStatus.QUARANTINE;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.catalog.reason.ReasonCodeNames;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.LedgerQueries.InTransit;
import org.lotledger.ledger.LedgerQueries.InTransitFilter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link LedgerQueries#inTransit}: what is still in transit per in-transit location, lot and transfer, as the
 * postings of issue 10 leave it (dispatch, receipt, lost in transit, never left, a reversed receipt), always summing
 * to the in-transit location's kept balance. Two warehouses of their own (origin A, destination B) with the in-transit
 * locations of the pair; postings made through {@link Ledger#post} as the transfer services will make them.
 */
@IntegrationTest
class InTransitQueryTest {

    private static final String TRANSFER = "TRANSFER_ORDER";
    private static final Actor SUPERVISOR = new Actor("sam", java.util.Set.of("receiving-supervisors"));

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerQueries queries;

    @Autowired
    ReversingPostings reversing;

    @Autowired
    AdjustingStock adjusting;

    @Autowired
    JdbcTemplate jdbc;

    LedgerFixtures a;
    LedgerFixtures b;
    long aToB;
    long bToA;

    @BeforeEach
    void twoWarehousesAndTheirInTransitLocations() {
        a = new LedgerFixtures(jdbc);
        b = new LedgerFixtures(jdbc);
        aToB = transit(a, b);
        bToA = transit(b, a);
        jdbc.update("""
                insert into reason_code (code, description, posting_types) values
                  (?, 'Lost in transit', '{ADJUSTMENT}'),
                  (?, 'Never left', '{REVERSAL}')
                on conflict (code) do nothing""", ReasonCodeNames.TRANSIT_LOSS, ReasonCodeNames.TRANSFER_NOT_SHIPPED);
    }

    private long transit(LedgerFixtures from, LedgerFixtures to) {
        return jdbc.queryForObject(
                """
                insert into location (kind, code, name, warehouse_id, destination_warehouse_id)
                values ('IN_TRANSIT', ?, 'in transit', ?, ?) returning id""", Long.class, "TRANSIT-" + from.tag + "-" + to.tag, from.warehouseId, to.warehouseId);
    }

    private String order(int n) {
        return a.tag + "-" + n;
    }

    private Posting transferOut(long lot, long qty, String order, Instant at) {
        return ledger.post(PostingRequest.of(PostingType.TRANSFER_OUT, WAREHOUSE, a.key())
                .movement(new Movement(lot, a.location("A1"), AVAILABLE, aToB, AVAILABLE, qty))
                .reference(TRANSFER, order)
                .occurredAt(at)
                .build());
    }

    private Posting transferIn(long lot, long qty, String order, String to, StockStatus status) {
        return ledger.post(PostingRequest.of(PostingType.TRANSFER_IN, WAREHOUSE, b.key())
                .movement(new Movement(lot, aToB, AVAILABLE, b.location(to), status, qty))
                .reference(TRANSFER, order)
                .build());
    }

    private Posting lostInTransit(long lot, long qty, String order) {
        return adjusting.lostInTransit(lot, aToB, AVAILABLE, qty, TRANSFER, order, null, INVENTORY, b.key());
    }

    /** Rows as "location lot reference quantity", the location and lot by their fixture names. */
    private List<String> rows(InTransitFilter filter, Map<Long, String> lotNames) {
        return queries.inTransit(filter).stream()
                .map(r -> (r.locationId() == aToB ? "A>B" : r.locationId() == bToA ? "B>A" : r.locationCode()) + " "
                        + lotNames.getOrDefault(r.lotId(), "#" + r.lotId()) + " " + r.referenceType() + " "
                        + r.referenceId() + " " + r.quantity())
                .toList();
    }

    private long balanceAt(long location) {
        return jdbc.queryForObject(
                "select coalesce(sum(quantity), 0) from stock_balance where location_id = ?", Long.class, location);
    }

    private long balanceAt(long location, long lot) {
        return jdbc.queryForObject(
                "select coalesce(sum(quantity), 0) from stock_balance where location_id = ? and lot_id = ?",
                Long.class,
                location,
                lot);
    }

    private static long sum(List<InTransit> rows, long location, Long lot) {
        return rows.stream()
                .filter(r -> r.locationId() == location && (lot == null || r.lotId() == lot))
                .mapToLong(InTransit::quantity)
                .sum();
    }

    @Test
    void stock_in_transit_is_what_each_transfer_shipped_less_what_was_received_lost_or_never_left() {
        long x = a.newLot();
        long y = a.newLot();
        Map<Long, String> names = Map.of(x, "X", y, "Y");
        a.stock(ledger, x, "A1", AVAILABLE, 100);
        a.stock(ledger, y, "A1", AVAILABLE, 50);
        Instant firstShipped = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        Instant later = firstShipped.plus(1, ChronoUnit.HOURS);

        // dispatch: one TRANSFER_OUT per lot line; order 1 ships X on two lines, and Y; order 2 ships X too
        Posting outX1 = transferOut(x, 40, order(1), firstShipped);
        transferOut(x, 10, order(1), later);
        Posting outY1 = transferOut(y, 20, order(1), later);
        transferOut(x, 30, order(2), later);
        InTransitFilter fromA = new InTransitFilter(a.warehouseId, null, null, null, null);
        assertThat(rows(fromA, names))
                .containsExactly(
                        "A>B X TRANSFER_ORDER " + order(1) + " 50",
                        "A>B X TRANSFER_ORDER " + order(2) + " 30",
                        "A>B Y TRANSFER_ORDER " + order(1) + " 20");

        // receipt at B: 25 AVAILABLE onto a shelf, 5 damaged into quarantine (TRANSFER_IN AVAILABLE -> QUARANTINE)
        transferIn(x, 25, order(1), "A1", AVAILABLE);
        Posting damaged = transferIn(x, 5, order(1), "Q1", QUARANTINE);
        assertThat(b.legsOf(damaged))
                .containsExactly("#" + aToB + " AVAILABLE -5 @2.5 = -12.5", "Q1 QUARANTINE 5 @2.5 = 12.5");
        // SHORT resolved as lost in transit: written off into B's adjustment location
        Posting lost = lostInTransit(x, 3, order(1));
        assertThat(b.legsOf(lost))
                .containsExactly("#" + aToB + " AVAILABLE -3 @2.5 = -7.5", "ADJ AVAILABLE 3 @2.5 = 7.5");
        assertThat(lost.type()).isEqualTo(PostingType.ADJUSTMENT);
        assertThat(lost.reasonCode()).isEqualTo(ReasonCodeNames.TRANSIT_LOSS);
        assertThat(lost.referenceId()).isEqualTo(order(1));
        // SHORT resolved as never left: the whole Y line's TRANSFER_OUT reversed by the origin's inventory control
        reversing.reverse(outY1.id(), ReasonCodeNames.TRANSFER_NOT_SHIPPED, "never left EAST", INVENTORY, a.key());
        assertThat(a.balancesOf(y)).containsExactly("A1 AVAILABLE 50", "ADJ AVAILABLE -50");
        // quality quarantines part of what is on its way: the status changes, the transfers' quantities do not
        ledger.post(PostingRequest.of(PostingType.STATUS_CHANGE, QUALITY, a.key())
                .movement(new Movement(x, aToB, AVAILABLE, aToB, QUARANTINE, 4))
                .reference("TEST", a.tag)
                .build());

        assertThat(rows(fromA, names))
                .containsExactly(
                        "A>B X TRANSFER_ORDER " + order(1) + " 17", "A>B X TRANSFER_ORDER " + order(2) + " 30");
        List<InTransit> all = queries.inTransit(fromA);
        assertThat(sum(all, aToB, null)).isEqualTo(balanceAt(aToB)).isEqualTo(47);
        InTransit x1 = all.get(0);
        assertThat(x1.locationCode()).isEqualTo("TRANSIT-" + a.tag + "-" + b.tag);
        assertThat(x1.fromWarehouseId()).isEqualTo(a.warehouseId);
        assertThat(x1.fromWarehouseCode()).isEqualTo(a.tag);
        assertThat(x1.toWarehouseId()).isEqualTo(b.warehouseId);
        assertThat(x1.toWarehouseCode()).isEqualTo(b.tag);
        assertThat(x1.internalLabel()).isEqualTo(a.labelOf(x));
        assertThat(x1.sku()).isEqualTo("SKU-" + a.tag);
        assertThat(x1.baseUom()).isEqualTo("EA");
        assertThat(x1.currency()).isEqualTo("USD");
        assertThat(x1.unitCost()).isEqualByComparingTo("2.5");
        assertThat(x1.firstShippedAt()).isEqualTo(outX1.occurredAt()).isEqualTo(firstShipped);
        assertThat(all.get(1).firstShippedAt()).isEqualTo(later);

        // a reversed receipt puts the stock back in transit under the transfer it was received for
        reversing.reverse(damaged.id(), "DATA_ENTRY_ERROR", "scanned twice", SUPERVISOR, b.key());
        assertThat(rows(InTransitFilter.ofReference(TRANSFER, order(1)), names))
                .containsExactly("A>B X TRANSFER_ORDER " + order(1) + " 22");
        assertThat(sum(queries.inTransit(fromA), aToB, x))
                .isEqualTo(balanceAt(aToB, x))
                .isEqualTo(52);
    }

    @Test
    void a_write_off_in_transit_takes_no_more_than_is_there_and_only_by_inventory_control() {
        long x = a.newLot();
        a.stock(ledger, x, "A1", AVAILABLE, 10);
        transferOut(x, 4, order(1), null);

        assertThat(refusal(() ->
                        adjusting.lostInTransit(x, aToB, AVAILABLE, 5, TRANSFER, order(1), null, INVENTORY, b.key())))
                .isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(refusal(() ->
                        adjusting.lostInTransit(x, aToB, AVAILABLE, 1, TRANSFER, order(1), null, WAREHOUSE, b.key())))
                .isEqualTo("POSTING_TYPE_NOT_ALLOWED");
        assertThat(refusal(() -> adjusting.lostInTransit(
                        x, a.location("A1"), AVAILABLE, 1, TRANSFER, order(1), null, INVENTORY, b.key())))
                .isEqualTo("LOCATION_KIND_NOT_ALLOWED");
        assertThat(rows(InTransitFilter.ofReference(TRANSFER, order(1)), Map.of(x, "X")))
                .containsExactly("A>B X TRANSFER_ORDER " + order(1) + " 4");
        assertThat(a.balancesOf(x)).containsExactly("A1 AVAILABLE 6", "ADJ AVAILABLE -10", "#" + aToB + " AVAILABLE 4");
    }

    private static String refusal(Runnable r) {
        try {
            r.run();
            return "OK";
        } catch (DomainException e) {
            return e.code();
        }
    }

    @Test
    void stock_in_transit_is_filtered_by_origin_destination_reference_and_lot() {
        long x = a.newLot();
        long z = b.newLot();
        Map<Long, String> names = Map.of(x, "X", z, "Z");
        a.stock(ledger, x, "A1", AVAILABLE, 10);
        b.stock(ledger, z, "A1", AVAILABLE, 10);
        transferOut(x, 4, order(1), null);
        ledger.post(PostingRequest.of(PostingType.TRANSFER_OUT, WAREHOUSE, b.key())
                .movement(new Movement(z, b.location("A1"), AVAILABLE, bToA, AVAILABLE, 6))
                .reference(TRANSFER, order(2))
                .build());

        assertThat(rows(new InTransitFilter(a.warehouseId, null, null, null, null), names))
                .containsExactly("A>B X TRANSFER_ORDER " + order(1) + " 4");
        assertThat(rows(new InTransitFilter(null, a.warehouseId, null, null, null), names))
                .containsExactly("B>A Z TRANSFER_ORDER " + order(2) + " 6");
        assertThat(rows(new InTransitFilter(b.warehouseId, a.warehouseId, null, null, null), names))
                .containsExactly("B>A Z TRANSFER_ORDER " + order(2) + " 6");
        assertThat(rows(new InTransitFilter(a.warehouseId, a.warehouseId, null, null, null), names))
                .isEmpty();
        assertThat(rows(InTransitFilter.ofReference(TRANSFER, order(1)), names))
                .containsExactly("A>B X TRANSFER_ORDER " + order(1) + " 4");
        assertThat(rows(InTransitFilter.ofReference("SALES_ORDER", order(1)), names))
                .isEmpty();
        assertThat(rows(new InTransitFilter(null, null, null, null, z), names))
                .containsExactly("B>A Z TRANSFER_ORDER " + order(2) + " 6");
        assertThat(queries.inTransit(InTransitFilter.all()))
                .extracting(InTransit::lotId)
                .contains(x, z);
    }

    /**
     * Random dispatches, receipts, losses and reversals over three transfers and two lots (seeded): after every
     * posting the rows per transfer are what the test's own book says, and per lot they are the in-transit balance.
     */
    @Test
    void stock_in_transit_always_sums_to_the_in_transit_balance() {
        SplittableRandom random = new SplittableRandom(20261202L);
        long[] lots = {a.newLot(), b.newLot()};
        for (long lot : lots) {
            a.stock(ledger, lot, "A1", AVAILABLE, 1000);
        }
        List<String> orders = List.of(order(1), order(2), order(3));
        Map<String, Long> book = new TreeMap<>(); // "lot order" -> quantity in transit
        List<Posting> reversible = new ArrayList<>();
        Map<Long, String> orderOf = new HashMap<>();
        int posted = 0;
        for (int step = 0; step < 40; step++) {
            long lot = lots[random.nextInt(lots.length)];
            String order = orders.get(random.nextInt(orders.size()));
            long qty = 1 + random.nextInt(12);
            int op = random.nextInt(4);
            if (op == 3 && !reversible.isEmpty()) {
                Posting original = reversible.get(random.nextInt(reversible.size()));
                long q = original.legs().get(1).quantity().longValueExact();
                String of = original.legs().get(0).lotId() + " " + orderOf.get(original.id());
                // "never left" reverses a dispatch only while all of it is still in transit under its transfer
                if (original.type() == PostingType.TRANSFER_OUT && book.getOrDefault(of, 0L) < q) {
                    continue;
                }
                reversible.remove(original);
                Actor by = original.type() == PostingType.TRANSFER_IN ? SUPERVISOR : INVENTORY;
                reversing.reverse(original.id(), "DATA_ENTRY_ERROR", null, by, a.key());
                book.merge(of, original.type() == PostingType.TRANSFER_OUT ? -q : q, Long::sum);
            } else {
                String at = lot + " " + order;
                boolean enough = book.getOrDefault(at, 0L) >= qty;
                Posting p;
                if (op == 1 && enough) {
                    p = transferIn(lot, qty, order, "A1", AVAILABLE);
                    book.merge(at, -qty, Long::sum);
                } else if (op == 2 && enough) {
                    p = lostInTransit(lot, qty, order);
                    book.merge(at, -qty, Long::sum);
                } else {
                    p = transferOut(lot, qty, order, null);
                    book.merge(at, qty, Long::sum);
                }
                orderOf.put(p.id(), order);
                if (p.type() != PostingType.ADJUSTMENT) {
                    reversible.add(p);
                }
            }
            posted++;
            check(book, lots);
        }
        assertThat(posted).isGreaterThan(30);
    }

    private void check(Map<String, Long> book, long[] lots) {
        List<InTransit> rows = queries.inTransit(new InTransitFilter(a.warehouseId, b.warehouseId, null, null, null));
        Map<String, Long> read = new TreeMap<>();
        rows.forEach(r -> read.put(r.lotId() + " " + r.referenceId(), r.quantity()));
        Map<String, Long> expected = new TreeMap<>(book);
        expected.values().removeIf(q -> q == 0);
        assertThat(read).isEqualTo(expected);
        for (long lot : lots) {
            assertThat(sum(rows, aToB, lot)).isEqualTo(balanceAt(aToB, lot));
        }
    }
}
