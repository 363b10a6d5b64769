package org.lotledger.fulfillment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lotledger.catalog.location.WarehouseService;
import org.lotledger.catalog.location.WarehouseView;
import org.lotledger.ledger.LedgerQueries;
import org.lotledger.ledger.Reservations;
import org.lotledger.ledger.VoidReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At each warehouse's midnight: voids the pending reservations at storage and pick-face locations whose lot expired
 * (EXPIRY) or fell below the line's minimum shelf life (SHELF_LIFE), for SALES_ORDER (the line's effective minimum)
 * and for every other {@link DemandSource} (TRANSFER_ORDER: the minimum it names,
 * {@link DemandSource#minimumRemainingShelfLifeDays}); sales orders are allocated again after the void commits
 * ({@link AllocationWiring}), the other sources keep their lines true from {@code ReservationsVoided}. The cron ({@code lotledger.fulfillment.expiry-cron}, every
 * 15 minutes) works on the warehouses whose local date changed since their last run ({@code allocation_expiry_run});
 * once per cluster, under a transaction-scoped advisory lock.
 */
@Component
public class ExpiringReservations {

    /** The advisory lock key: the same expression on every node. */
    static final String LOCK_KEY = "hashtext('lotledger.allocation-expiry')";

    private static final Logger log = LoggerFactory.getLogger(ExpiringReservations.class);

    /** What one run did per warehouse. */
    public record Result(int warehouses, int expired, int shortDated) {}

    private final JdbcTemplate jdbc;
    private final WarehouseService warehouses;
    private final LedgerQueries ledger;
    private final Reservations reservations;
    private final SalesOrders orders;
    private final SalesOrderLines lines;
    private final AllocationFactsReader facts;
    private final TransactionTemplate tx;
    private final java.time.Clock clock;
    private final List<DemandSource> sources;

    ExpiringReservations(
            JdbcTemplate jdbc,
            WarehouseService warehouses,
            LedgerQueries ledger,
            Reservations reservations,
            SalesOrders orders,
            SalesOrderLines lines,
            AllocationFactsReader facts,
            PlatformTransactionManager txManager,
            java.time.Clock clock,
            List<DemandSource> sources) {
        this.sources = List.copyOf(sources);
        this.jdbc = jdbc;
        this.warehouses = warehouses;
        this.ledger = ledger;
        this.reservations = reservations;
        this.orders = orders;
        this.lines = lines;
        this.facts = facts;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    @Scheduled(cron = "${lotledger.fulfillment.expiry-cron:0 */15 * * * *}")
    void scheduled() {
        List<Long> all = jdbc.queryForList("select id from warehouse where active order by id", Long.class);
        Result r = runAt(clock.instant(), all);
        if (r.expired() + r.shortDated() > 0) {
            log.info(
                    "Expiry job: {} warehouses, {} reservations expired, {} short-dated",
                    r.warehouses(),
                    r.expired(),
                    r.shortDated());
        }
    }

    /**
     * One run at {@code now} over these warehouses (tests pass their own warehouse and a fixed instant). A warehouse
     * whose local date is the one of its last run is left alone.
     */
    public Result runAt(Instant now, Collection<Long> warehouseIds) {
        return tx.execute(s -> {
            if (!Boolean.TRUE.equals(
                    jdbc.queryForObject("select pg_try_advisory_xact_lock(" + LOCK_KEY + ")", Boolean.class))) {
                return new Result(0, 0, 0);
            }
            int done = 0;
            int expired = 0;
            int shortDated = 0;
            for (long warehouseId : warehouseIds) {
                WarehouseView w = warehouses.get(warehouseId);
                LocalDate today = now.atZone(ZoneId.of(w.timeZone())).toLocalDate();
                List<LocalDate> last = jdbc.queryForList(
                        "select last_local_date from allocation_expiry_run where warehouse_id = ?",
                        LocalDate.class,
                        warehouseId);
                if (!last.isEmpty() && !today.isAfter(last.get(0))) {
                    continue;
                }
                List<Long> toExpire = new ArrayList<>();
                List<Long> tooShort = new ArrayList<>();
                Map<Long, Integer> minimumOfLine = new HashMap<>();
                for (LedgerQueries.PendingAtZone p : ledger.pendingInWarehouse(
                        AllocatingOrders.DEMAND_TYPE, warehouseId, List.of("STORAGE", "PICK_FACE"))) {
                    sort(p, today, minimumOf(p, minimumOfLine), toExpire, tooShort);
                }
                for (DemandSource source : sources) {
                    if (source.demandType().equals(AllocatingOrders.DEMAND_TYPE)) {
                        continue;
                    }
                    Map<String, Integer> minimumOfDemandLine = new HashMap<>();
                    for (LedgerQueries.PendingAtZone p : ledger.pendingInWarehouse(
                            source.demandType(), warehouseId, List.of("STORAGE", "PICK_FACE"))) {
                        sort(p, today, minimumOf(source, p, minimumOfDemandLine), toExpire, tooShort);
                    }
                }
                if (!toExpire.isEmpty()) {
                    reservations.voidPending(toExpire, VoidReason.EXPIRY, AllocatingOrders.SYSTEM);
                }
                if (!tooShort.isEmpty()) {
                    reservations.voidPending(tooShort, VoidReason.SHELF_LIFE, AllocatingOrders.SYSTEM);
                }
                jdbc.update("""
                        insert into allocation_expiry_run (warehouse_id, last_local_date, ran_at) values (?, ?, ?)
                        on conflict (warehouse_id) do update set last_local_date = excluded.last_local_date,
                                                                 ran_at = excluded.ran_at""", warehouseId, today, java.sql.Timestamp.from(now));
                done++;
                expired += toExpire.size();
                shortDated += tooShort.size();
            }
            return new Result(done, expired, shortDated);
        });
    }

    /** Expired (expiry on or before today) or short-dated (fewer days left than {@code minimum}) or neither. */
    private static void sort(
            LedgerQueries.PendingAtZone p, LocalDate today, Integer minimum, List<Long> toExpire, List<Long> tooShort) {
        if (p.expiry() == null) {
            return;
        }
        if (!p.expiry().isAfter(today)) {
            toExpire.add(p.reservation().id());
        } else if (minimum != null && ChronoUnit.DAYS.between(today, p.expiry()) < minimum) {
            tooShort.add(p.reservation().id());
        }
    }

    /** Another source's minimum for the reservation's line; null when its reference is not an order and line id. */
    private static Integer minimumOf(DemandSource source, LedgerQueries.PendingAtZone p, Map<String, Integer> cache) {
        String ref = p.reservation().demand().reference();
        String line = p.reservation().demand().line();
        if (!isId(ref) || !isId(line)) {
            return null;
        }
        return cache.computeIfAbsent(
                ref + "/" + line, k -> source.minimumRemainingShelfLifeDays(Long.parseLong(ref), Long.parseLong(line)));
    }

    private static boolean isId(String s) {
        return s != null && !s.isEmpty() && s.length() < 19 && s.chars().allMatch(Character::isDigit);
    }

    private Integer minimumOf(LedgerQueries.PendingAtZone p, Map<Long, Integer> cache) {
        String ref = p.reservation().demand().reference();
        String line = p.reservation().demand().line();
        if (!ref.chars().allMatch(Character::isDigit) || !line.chars().allMatch(Character::isDigit)) {
            return null;
        }
        long lineId = Long.parseLong(line);
        if (cache.containsKey(lineId)) {
            return cache.get(lineId);
        }
        Integer min = lines.findById(lineId)
                .flatMap(l -> orders.findById(l.getSalesOrderId()).map(o -> facts.effectiveMinimum(o, l)))
                .orElse(null);
        cache.put(lineId, min);
        return min;
    }
}
