package org.lotledger.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lotledger.ledger.StockStatus.AVAILABLE;
import static org.lotledger.ledger.StockStatus.HOLD;
import static org.lotledger.ledger.StockStatus.QUARANTINE;
import static org.lotledger.ledger.StockStatus.REJECTED;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.LedgerFixtures;
import org.lotledger.ledger.LedgerSelfAudit;
import org.lotledger.ledger.Movement;
import org.lotledger.ledger.Posting;
import org.lotledger.ledger.PostingRequest;
import org.lotledger.ledger.PostingType;
import org.lotledger.ledger.Reservation;
import org.lotledger.ledger.Reservations;
import org.lotledger.ledger.StockStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Relabelling (issue 11 §2, ADR 0015): a child lot takes stock of its parent in place by a RELABEL posting through the
 * adjustment location, each lot conserved, the child at the parent's cost, a lineage edge naming the posting, and
 * relabelled HOLD stock adopted by the parent's holds. Every refusal posts and stores nothing.
 */
@IntegrationTest
class RelabelTest {

    @Autowired
    RelabellingLot relabelling;

    @Autowired
    PlacingHold placing;

    @Autowired
    ReleasingHold releasing;

    @Autowired
    QualityHolds holds;

    @Autowired
    Ledger ledger;

    @Autowired
    Reservations reservations;

    @Autowired
    LedgerSelfAudit audit;

    @Autowired
    JdbcTemplate jdbc;

    LedgerFixtures f;
    Actor quality;
    Actor inventory;

    @BeforeEach
    void warehouse() {
        f = new LedgerFixtures(jdbc);
        quality = new Actor("quinn", Set.of("quality"));
        inventory = new Actor("ines", Set.of("inventory-control", "inventory-control@" + f.tag));
    }

    @Test
    void relabelled_available_stock_moves_through_the_adjustment_location_at_the_parents_cost() {
        long parent = lot("3.1750");
        f.stock(ledger, parent, "A1", AVAILABLE, 20);

        RelabellingLot.Relabelled r =
                relabelling.relabel(parent, relabel("NEW-" + f.tag, "A1", AVAILABLE, 8), quality, f.key());

        long child = r.child().id();
        assertThat(r.posting().type()).isEqualTo(PostingType.RELABEL);
        // the legs, as a table: parent out to ADJUSTMENT, child in from ADJUSTMENT, both at the parent's cost
        assertThat(r.posting().legs().stream()
                        .map(l -> (l.lotId() == parent ? "parent " : "child ") + LedgerFixtures.leg(l, f))
                        .toList())
                .containsExactly(
                        "parent A1 AVAILABLE -8 @3.175 = -25.4",
                        "parent ADJ AVAILABLE 8 @3.175 = 25.4",
                        "child ADJ AVAILABLE -8 @3.175 = -25.4",
                        "child A1 AVAILABLE 8 @3.175 = 25.4");
        // each lot conserved by the posting
        for (long lot : List.of(parent, child)) {
            assertThat(r.posting().legs().stream()
                            .filter(l -> l.lotId() == lot)
                            .map(Posting.Leg::quantity)
                            .reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isZero();
        }
        assertThat(f.balancesOf(parent)).containsExactly("A1 AVAILABLE 12", "ADJ AVAILABLE -12");
        assertThat(f.balancesOf(child)).containsExactly("A1 AVAILABLE 8", "ADJ AVAILABLE -8");
        // the child: same item and supplier, its own lot number, the parent's cost, currency and expiry
        assertThat(r.child().itemId()).isEqualTo(f.itemId);
        assertThat(r.child().supplierId()).isEqualTo(f.supplierId);
        assertThat(r.child().lotNumber()).isEqualTo("NEW-" + f.tag);
        assertThat(r.child().unitCost()).isEqualByComparingTo("3.175");
        assertThat(r.child().currency()).isEqualTo("USD");
        assertThat(r.child().expiresOn()).isEqualTo(expiryOf(parent));
        // the lineage edge, with the posting
        assertThat(jdbc.queryForList(
                        "select parent_lot_id, relation, posting_id from lot_lineage where child_lot_id = ?", child))
                .containsExactly(Map.of(
                        "parent_lot_id",
                        parent,
                        "relation",
                        "RELABEL",
                        "posting_id",
                        r.posting().id()));
        assertThat(r.adoptingHolds()).isEmpty();
        assertClean(parent, child);
    }

    @Test
    void relabelled_hold_stock_is_adopted_by_the_parents_hold_and_released_with_it() {
        long parent = f.newLot();
        f.stock(ledger, parent, "A1", AVAILABLE, 20);
        long holdId = placing.place(
                        new PlacingHold.HoldRequest(HoldScope.LOT, parent, null, HoldReason.INVESTIGATION, null),
                        LedgerFixtures.QUALITY,
                        f.key())
                .hold()
                .id();

        RelabellingLot.Relabelled r =
                relabelling.relabel(parent, relabel("H-" + f.tag, "A1", HOLD, 5), inventory, f.key());
        long child = r.child().id();

        assertThat(r.adoptingHolds()).containsExactly(holdId);
        assertThat(f.balancesOf(child)).containsExactly("A1 HOLD 5", "ADJ HOLD -5");
        assertThat(holds.remaining(holdId).stream()
                        .map(x -> (x.lotId() == parent ? "parent " : "child ") + x.quantity())
                        .toList())
                .containsExactly("parent 15", "child 5");
        assertThat(outcomes(holdId)).containsExactly("RELABELLED " + parent + " 5");
        assertClean(parent, child);

        releasing.release(holdId, null, "cleared", new Actor("maria", Set.of("quality-managers")), f.key());

        assertThat(f.balancesOf(parent)).containsExactly("A1 AVAILABLE 15", "ADJ AVAILABLE -20", "ADJ HOLD 5");
        assertThat(f.balancesOf(child)).containsExactly("A1 AVAILABLE 5", "ADJ HOLD -5");
        assertThat(holds.remaining(holdId)).isEmpty();
        assertClean(parent, child);
    }

    @Test
    void quarantine_stock_is_relabelled_unless_an_open_hold_covers_it() {
        long parent = f.newLot();
        f.stock(ledger, parent, "Q1", QUARANTINE, 9);
        RelabellingLot.Relabelled r =
                relabelling.relabel(parent, relabel("Q-" + f.tag, "Q1", QUARANTINE, 4), quality, f.key());
        assertThat(f.balancesOf(r.child().id())).containsExactly("Q1 QUARANTINE 4", "ADJ QUARANTINE -4");

        placing.place(
                new PlacingHold.HoldRequest(HoldScope.LOT, parent, null, HoldReason.INVESTIGATION, null),
                LedgerFixtures.QUALITY,
                f.key());
        refused(
                () -> relabelling.relabel(parent, relabel("Q2-" + f.tag, "Q1", QUARANTINE, 1), quality, f.key()),
                "QUARANTINE_UNDER_HOLD");
    }

    @Test
    void a_child_may_expire_earlier_than_its_parent_never_later() {
        long parent = f.newLot();
        f.stock(ledger, parent, "A1", AVAILABLE, 10);
        LocalDate parentExpiry = expiryOf(parent);
        RelabellingLot.Relabelled earlier = relabelling.relabel(
                parent, relabel("E-" + f.tag, "A1", AVAILABLE, 2, parentExpiry.minusDays(30)), quality, f.key());
        assertThat(earlier.child().expiresOn()).isEqualTo(parentExpiry.minusDays(30));
        refused(
                () -> relabelling.relabel(
                        parent, relabel("L-" + f.tag, "A1", AVAILABLE, 2, parentExpiry.plusDays(1)), quality, f.key()),
                "RELABEL_EXPIRY_AFTER_PARENT");
    }

    @Test
    void refused_relabels_post_and_store_nothing() {
        long parent = f.newLot();
        f.stock(ledger, parent, "A1", AVAILABLE, 10);
        relabelling.relabel(parent, relabel("TAKEN-" + f.tag, "A1", AVAILABLE, 1), quality, f.key());
        LedgerFixtures other = new LedgerFixtures(jdbc);
        long otherLot = other.newLot();
        other.stock(ledger, otherLot, "A1", AVAILABLE, 10);
        String parentNumber = jdbc.queryForObject("select lot_number from lot where id = ?", String.class, parent);

        refused(
                () -> relabelling.relabel(999_999_999L, relabel("X1-" + f.tag, "A1", AVAILABLE, 1), quality, f.key()),
                "UNKNOWN_LOT");
        refused(
                () -> relabelling.relabel(parent, relabel("X2-" + f.tag, "A2", AVAILABLE, 1), quality, f.key()),
                "INSUFFICIENT_BALANCE");
        refused(
                () -> relabelling.relabel(parent, relabel("X3-" + f.tag, "A1", AVAILABLE, 10), quality, f.key()),
                "INSUFFICIENT_BALANCE");
        refused(
                () -> relabelling.relabel(parent, relabel("  ", "A1", AVAILABLE, 1), quality, f.key()),
                "LOT_NUMBER_REQUIRED");
        refused(
                () -> relabelling.relabel(parent, relabel("TAKEN-" + f.tag, "A1", AVAILABLE, 1), quality, f.key()),
                "LOT_ALREADY_EXISTS");
        refused(
                () -> relabelling.relabel(parent, relabel(parentNumber, "A1", AVAILABLE, 1), quality, f.key()),
                "LOT_ALREADY_EXISTS");
        refused(
                () -> relabelling.relabel(parent, relabel("X4-" + f.tag, "A1", REJECTED, 1), quality, f.key()),
                "RELABEL_STATUS_NOT_ALLOWED");
        refused(
                () -> relabelling.relabel(parent, relabel("X5-" + f.tag, "A1", AVAILABLE, 0), quality, f.key()),
                "INVALID_QUANTITY");
        refused(
                () -> relabelling.relabel(parent, relabel("X6-" + f.tag, "ADJ", AVAILABLE, 1), quality, f.key()),
                "LOCATION_KIND_NOT_ALLOWED");
        // wrong group: the warehouse's own floor staff do not relabel
        refused(
                () -> relabelling.relabel(
                        parent,
                        relabel("X7-" + f.tag, "A1", AVAILABLE, 1),
                        new Actor("walt", Set.of("warehouse", "warehouse@" + f.tag)),
                        f.key()),
                "RELABEL_NOT_ALLOWED");
        // wrong warehouse: inventory control of another warehouse, and inventory control of no warehouse at all
        refused(
                () -> relabelling.relabel(
                        otherLot,
                        new RelabellingLot.Relabel(
                                "X8-" + f.tag, other.location("A1"), AVAILABLE, 1, null, null, null, null, null),
                        inventory,
                        f.key()),
                "NOT_WAREHOUSE_STAFF");
        refused(
                () -> relabelling.relabel(
                        parent, relabel("X9-" + f.tag, "A1", AVAILABLE, 1), LedgerFixtures.INVENTORY, f.key()),
                "NOT_WAREHOUSE_STAFF");
        // quality acts for the company: the other warehouse's stock is quality's to relabel too
        RelabellingLot.Relabelled there = relabelling.relabel(
                otherLot,
                new RelabellingLot.Relabel(
                        "Y1-" + f.tag, other.location("A1"), AVAILABLE, 1, null, null, null, null, null),
                quality,
                f.key());
        assertThat(other.balancesOf(there.child().id())).containsExactly("A1 AVAILABLE 1", "ADJ AVAILABLE -1");
    }

    @Test
    void reserved_stock_is_not_relabelled() {
        long parent = f.newLot();
        f.stock(ledger, parent, "A1", AVAILABLE, 10);
        reservations.reserve(
                new Reservations.ReserveRequest(
                        new Reservation.Demand("SALES_ORDER", "relabel-" + f.tag, "1"),
                        parent,
                        f.location("A1"),
                        8,
                        "test"),
                new Actor("otto", Set.of("operations")),
                f.key());
        refused(
                () -> relabelling.relabel(parent, relabel("R-" + f.tag, "A1", AVAILABLE, 3), quality, f.key()),
                "STOCK_RESERVED");
        // what is not reserved can be
        RelabellingLot.Relabelled r =
                relabelling.relabel(parent, relabel("R2-" + f.tag, "A1", AVAILABLE, 2), quality, f.key());
        assertThat(f.balancesOf(r.child().id())).containsExactly("A1 AVAILABLE 2", "ADJ AVAILABLE -2");
    }

    @Test
    void the_gate_refuses_a_relabel_of_any_other_shape() {
        long parent = f.newLot();
        long child = f.newLot();
        f.stock(ledger, parent, "A1", AVAILABLE, 10);
        long a1 = f.location("A1");
        long a2 = f.location("A2");
        long adj = f.location("ADJ");
        List<List<Movement>> shapes = List.of(
                List.of(new Movement(parent, a1, AVAILABLE, adj, AVAILABLE, 2)),
                List.of(
                        new Movement(parent, a1, AVAILABLE, adj, AVAILABLE, 2),
                        new Movement(child, adj, AVAILABLE, a2, AVAILABLE, 2)),
                List.of(
                        new Movement(parent, a1, AVAILABLE, adj, AVAILABLE, 2),
                        new Movement(child, adj, AVAILABLE, a1, AVAILABLE, 1)),
                List.of(
                        new Movement(parent, a1, AVAILABLE, adj, AVAILABLE, 2),
                        new Movement(parent, adj, AVAILABLE, a1, AVAILABLE, 2)),
                List.of(
                        new Movement(child, adj, AVAILABLE, a1, AVAILABLE, 2),
                        new Movement(parent, a1, AVAILABLE, adj, AVAILABLE, 2)));
        long before = postings();
        for (List<Movement> shape : shapes) {
            assertThatThrownBy(() -> ledger.post(PostingRequest.of(PostingType.RELABEL, quality, f.key())
                            .movements(shape)
                            .build()))
                    .as("%s", shape)
                    .isInstanceOf(DomainException.class)
                    .extracting(e -> ((DomainException) e).code())
                    .isIn("RELABEL_SHAPE_INVALID", "LOCATION_KIND_NOT_ALLOWED");
        }
        assertThat(postings()).isEqualTo(before);
    }

    // ---- helpers

    long lot(String unitCost) {
        long lot = f.newLot();
        jdbc.update("update lot set unit_cost = ? where id = ?", new BigDecimal(unitCost), lot);
        return lot;
    }

    RelabellingLot.Relabel relabel(String lotNumber, String location, StockStatus status, long quantity) {
        return relabel(lotNumber, location, status, quantity, null);
    }

    RelabellingLot.Relabel relabel(
            String lotNumber, String location, StockStatus status, long quantity, LocalDate expiresOn) {
        return new RelabellingLot.Relabel(
                lotNumber, f.location(location), status, quantity, null, null, expiresOn, null, "relabel test");
    }

    LocalDate expiryOf(long lot) {
        return jdbc.queryForObject("select expires_on from lot where id = ?", LocalDate.class, lot);
    }

    List<String> outcomes(long holdId) {
        return jdbc.query(
                "select outcome, lot_id, quantity from quality_hold_outcome where hold_id = ? order by id",
                (rs, i) -> rs.getString(1) + " " + rs.getLong(2) + " "
                        + rs.getBigDecimal(3).stripTrailingZeros().toPlainString(),
                holdId);
    }

    /** A refusal: the code, and nothing posted, no lot, no edge, no hold record added. */
    void refused(Runnable call, String code) {
        long postings = postings();
        long lots = count("lot");
        long edges = count("lot_lineage");
        long outcomes = count("quality_hold_outcome");
        assertThatThrownBy(call::run)
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo(code);
        assertThat(postings()).isEqualTo(postings);
        assertThat(count("lot")).isEqualTo(lots);
        assertThat(count("lot_lineage")).isEqualTo(edges);
        assertThat(count("quality_hold_outcome")).isEqualTo(outcomes);
    }

    long postings() {
        return count("posting");
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    /** The self-audit finds nothing wrong with these lots (other tests' lots are theirs to answer for). */
    void assertClean(long... lots) {
        LedgerSelfAudit.AuditResult result = audit.run("TEST");
        Set<Long> mine = java.util.Arrays.stream(lots).boxed().collect(java.util.stream.Collectors.toSet());
        assertThat(result.discrepancies())
                .filteredOn(d -> mine.contains(d.lotId()))
                .isEmpty();
        assertThat(result.holdDiscrepancies())
                .filteredOn(d -> mine.contains(d.lotId()))
                .isEmpty();
    }
}
