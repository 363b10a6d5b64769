package org.lotledger.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.LedgerFixtures;
import org.lotledger.ledger.Movement;
import org.lotledger.ledger.Posting;
import org.lotledger.ledger.PostingExecutor;
import org.lotledger.ledger.PostingRequest;
import org.lotledger.ledger.PostingType;
import org.lotledger.ledger.StockStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stock of a held lot that arrives from outside the warehouse — a transfer in from another warehouse, a customer
 * return — lands in HOLD: the ledger's gate refuses any other arrival status while an open hold covers the lot or
 * the receiving location; and stock arriving in HOLD must be adopted by that hold in the same transaction, or the
 * commit is refused (stock in HOLD exists only under a hold). (An accepted inspection is covered by
 * ReceivingInspectionIntegrationTest.) The transfer and return services do not exist yet; this is the rule they will
 * meet, posted here as they will post: the posting and {@link HoldingArrivals#adopt} in one transaction.
 */
@IntegrationTest
class HeldArrivalsTest {

    static final Actor RECEIVER = new Actor("rita", Set.of("receiving"));

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    PlacingHold placing;

    @Autowired
    ReleasingHold releasing;

    @Autowired
    HoldingArrivals arrivals;

    @Autowired
    PostingExecutor executor;

    LedgerFixtures f;
    long transit;
    long customer;

    @BeforeEach
    void warehouse() {
        f = new LedgerFixtures(jdbc);
        transit = jdbc.queryForObject("""
                insert into location (kind, code, name, warehouse_id, destination_warehouse_id)
                values ('IN_TRANSIT', ?, 'in transit', ?, ?) returning id""", Long.class, f.tag + "-TR", f.warehouseId, f.warehouseId);
        long customerId = jdbc.queryForObject("""
                insert into customer (code, name, customer_type) values (?, 'Clinic', 'CLINIC') returning id""", Long.class, f.tag);
        customer = jdbc.queryForObject("""
                insert into location (kind, code, name, customer_id) values ('CUSTOMER', ?, 'Clinic', ?) returning id""", Long.class, "CUS-" + f.tag, customerId);
    }

    @Test
    void a_transfer_in_of_a_held_lot_must_arrive_in_hold() {
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", StockStatus.AVAILABLE, 30);
        ledger.post(PostingRequest.of(PostingType.TRANSFER_OUT, LedgerFixtures.WAREHOUSE, f.key())
                .movement(
                        new Movement(lot, f.location("A1"), StockStatus.AVAILABLE, transit, StockStatus.AVAILABLE, 12))
                .build());
        long holdId = place(lot);

        assertThatThrownBy(() -> ledger.post(transferIn(lot, StockStatus.AVAILABLE)))
                .isInstanceOf(DomainException.class)
                .extracting("code")
                .isEqualTo("ARRIVAL_UNDER_HOLD");
        assertThatThrownBy(() -> ledger.post(transferIn(lot, StockStatus.HOLD)))
                .as("in HOLD, but no hold adopts it")
                .isInstanceOf(DomainException.class)
                .extracting("code")
                .isEqualTo("HOLD_STOCK_OUTSIDE_HOLD");
        assertThat(f.balancesOf(lot)).contains("A1 HOLD 18", "#" + transit + " AVAILABLE 12");

        arriveUnder(holdId, transferIn(lot, StockStatus.HOLD), f.location("A2"), 12);
        assertThat(f.balancesOf(lot)).contains("A1 HOLD 18", "A2 HOLD 12").doesNotContain("A2 AVAILABLE 12");
        releasing.release(holdId, null, "cleared", new Actor("maria", Set.of("quality", "quality-managers")), f.key());
        assertThat(f.balancesOf(lot))
                .as("the hold answers for the arrival too")
                .contains("A1 AVAILABLE 18", "A2 AVAILABLE 12");
    }

    @Test
    void a_customer_return_of_a_held_lot_must_arrive_in_hold_and_arrives_as_usual_once_released() {
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", StockStatus.AVAILABLE, 20);
        ledger.post(PostingRequest.of(PostingType.SHIPMENT, LedgerFixtures.WAREHOUSE, f.key())
                .movement(
                        new Movement(lot, f.location("A1"), StockStatus.AVAILABLE, customer, StockStatus.AVAILABLE, 7))
                .build());
        long holdId = place(lot);

        assertThatThrownBy(() -> ledger.post(customerReturn(lot, StockStatus.QUARANTINE)))
                .isInstanceOf(DomainException.class)
                .extracting("code")
                .isEqualTo("ARRIVAL_UNDER_HOLD");
        arriveUnder(holdId, customerReturn(lot, StockStatus.HOLD), f.location("Q1"), 2);
        assertThat(f.balancesOf(lot)).contains("Q1 HOLD 2");

        releasing.release(holdId, null, "cleared", new Actor("maria", Set.of("quality", "quality-managers")), f.key());
        assertThat(f.balancesOf(lot))
                .as("the hold restored what it moved and what it adopted")
                .contains("A1 AVAILABLE 13", "Q1 AVAILABLE 2");
        ledger.post(customerReturn(lot, StockStatus.QUARANTINE));
        assertThat(f.balancesOf(lot)).contains("Q1 AVAILABLE 2", "Q1 QUARANTINE 2");
        assertThatThrownBy(() -> ledger.post(customerReturn(lot, StockStatus.HOLD)))
                .as("no hold any more to adopt it")
                .isInstanceOf(DomainException.class)
                .extracting("code")
                .isEqualTo("HOLD_STOCK_OUTSIDE_HOLD");
    }

    /** As a transfer or return service will post an arrival under a hold: the posting and the adoption together. */
    private void arriveUnder(long holdId, PostingRequest arrival, long location, long quantity) {
        executor.inTransaction(() -> {
            Posting p = ledger.post(arrival);
            arrivals.adopt(holdId, arrival.movements().get(0).lotId(), location, quantity, p.id());
            return p;
        });
    }

    private long place(long lot) {
        return placing.place(
                        new PlacingHold.HoldRequest(HoldScope.LOT, lot, null, HoldReason.INVESTIGATION, null),
                        LedgerFixtures.QUALITY,
                        f.key())
                .hold()
                .id();
    }

    private PostingRequest transferIn(long lot, StockStatus arrival) {
        return PostingRequest.of(PostingType.TRANSFER_IN, LedgerFixtures.WAREHOUSE, f.key())
                .movement(new Movement(lot, transit, StockStatus.AVAILABLE, f.location("A2"), arrival, 12))
                .build();
    }

    private PostingRequest customerReturn(long lot, StockStatus arrival) {
        return PostingRequest.of(PostingType.RETURN, RECEIVER, f.key())
                .movement(new Movement(lot, customer, StockStatus.AVAILABLE, f.location("Q1"), arrival, 2))
                .build();
    }
}
