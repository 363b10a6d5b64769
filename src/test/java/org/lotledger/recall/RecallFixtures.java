package org.lotledger.recall;

import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.lotledger.common.Actor;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.LedgerFixtures;
import org.lotledger.ledger.Movement;
import org.lotledger.ledger.PostingRequest;
import org.lotledger.ledger.PostingType;
import org.lotledger.ledger.StockStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A recall to follow up: a lot of a test warehouse of its own ({@link LedgerFixtures}) shipped to customers of the
 * test's own, recalled LIVE by maria with its holds placed (the recall's asynchronous jobs run here, its timers not).
 * Returns are received at the demo catalog's returns location {@value #RETURNS_LOCATION}, where rita receives.
 */
public final class RecallFixtures {

    public static final String RETURNS_LOCATION = "EAST-RET-01";
    public static final Actor MARIA = new Actor("maria", Set.of("quality", "quality-managers"));
    public static final Actor RITA = new Actor("rita", Set.of("receiving", "receiving@EAST", "receiving@WEST"));

    public final LedgerFixtures f;
    private final JdbcTemplate jdbc;
    private final Ledger ledger;

    public RecallFixtures(JdbcTemplate jdbc, Ledger ledger) {
        this.f = new LedgerFixtures(jdbc);
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    /** A customer of the test's own with its ledger location. */
    public long customer(String suffix, String type) {
        long id = jdbc.queryForObject(
                "insert into customer (code, name, customer_type) values (?, ?, ?) returning id",
                Long.class,
                f.tag + suffix,
                "Customer " + f.tag + suffix,
                type);
        jdbc.update(
                "insert into location (kind, code, name, customer_id) values ('CUSTOMER', ?, ?, ?)",
                "CUS-" + f.tag + suffix,
                "Customer " + f.tag + suffix,
                id);
        return id;
    }

    /** Ships {@code qty} of the lot from A1 to the customer, as shipment {@code number}; returns the posting id. */
    public long ship(long lotId, long customerId, String number, long qty) {
        long to = jdbc.queryForObject(
                "select id from location where kind = 'CUSTOMER' and customer_id = ?", Long.class, customerId);
        return ledger.post(PostingRequest.of(PostingType.SHIPMENT, LedgerFixtures.WAREHOUSE, f.key())
                        .movement(new Movement(
                                lotId, f.location("A1"), StockStatus.AVAILABLE, to, StockStatus.AVAILABLE, qty))
                        .reference("SHIPMENT", number)
                        .build())
                .id();
    }

    public long customerBalance(long lotId, long customerId) {
        return jdbc.queryForObject("""
                select coalesce(sum(b.quantity), 0) from stock_balance b join location l on l.id = b.location_id
                 where b.lot_id = ? and l.kind = 'CUSTOMER' and l.customer_id = ?""", Long.class, lotId, customerId);
    }

    /** Runs the recall's asynchronous continuations (its holds, one lot each), never its timers. */
    public static void runHoldJobs(ManagementService jobs, String processInstanceId) {
        for (int i = 0; i < 50; i++) {
            var due = jobs.createJobQuery()
                    .processInstanceId(processInstanceId)
                    .messages()
                    .list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(j -> jobs.executeJob(j.getId()));
        }
    }
}
