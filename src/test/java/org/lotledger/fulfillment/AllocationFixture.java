package org.lotledger.fulfillment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.LedgerFixtures;
import org.lotledger.ledger.StockStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/** A warehouse of its own (LedgerFixtures), a customer with a minimum shelf life, lots with chosen expiries. */
final class AllocationFixture {

    final LedgerFixtures f;
    final String customerCode;
    private final JdbcTemplate jdbc;
    private final Ledger ledger;

    AllocationFixture(JdbcTemplate jdbc, Ledger ledger, int customerMinDays) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.f = new LedgerFixtures(jdbc, "AMBIENT");
        this.customerCode = "CUS-" + f.tag;
        jdbc.update(
                "insert into customer (code, name, customer_type, min_remaining_shelf_life_days) values (?, ?, 'HOSPITAL', ?)",
                customerCode,
                "Customer " + f.tag,
                customerMinDays);
    }

    /** A new lot expiring {@code days} from today (negative: expired), with {@code qty} AVAILABLE at a location. */
    long lot(int days, String location, long qty) {
        long lot = f.newLot();
        f.expiresIn(lot, days);
        if (qty > 0) {
            f.stock(ledger, lot, location, StockStatus.AVAILABLE, qty);
        }
        return lot;
    }

    void expiry(long lot, int days) {
        f.expiresIn(lot, days);
    }

    SalesOrderDraft order(long... quantities) {
        List<SalesOrderDraft.Line> lines = new ArrayList<>();
        for (long q : quantities) {
            lines.add(new SalesOrderDraft.Line(
                    "SKU-" + f.tag, null, BigDecimal.valueOf(q), "EA", new BigDecimal("1.00"), "USD", null, null));
        }
        return new SalesOrderDraft(
                "ERP",
                "SO-AL-" + UUID.randomUUID().toString().substring(0, 12),
                customerCode,
                f.tag,
                LocalDate.now().plusDays(2),
                null,
                lines);
    }

    /** Pending reserved per (lot, location) of this warehouse never above AVAILABLE there. */
    long overReserved() {
        return jdbc.queryForObject("""
                select count(*) from (
                  select r.lot_id, r.location_id, sum(r.quantity) as reserved,
                         coalesce((select quantity from stock_balance b where b.lot_id = r.lot_id
                                    and b.location_id = r.location_id and b.status = 'AVAILABLE'), 0) as available
                    from stock_reservation r join location loc on loc.id = r.location_id
                   where r.state = 'PENDING' and loc.warehouse_id = ?
                   group by r.lot_id, r.location_id) x where reserved > available""", Long.class, f.warehouseId);
    }
}
