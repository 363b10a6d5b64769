package org.lotledger.fulfillment.picking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.fulfillment.SalesOrderView;
import org.lotledger.fulfillment.SalesOrdering;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.Reservations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 16 pickers confirm 1,000 pick lines on 10 hot lots through the API (with 100 racing second confirmations of a
 * line under another key), then replay all 1,000 scans with their keys; asserted against the database: no negative
 * balance, each lot's quantity conserved, each reservation posted once, nothing doubled by the replays. And over 100
 * malformed pick requests (seeded GS1 fuzz, zero and negative quantities, unknown lots, wrong units, bad JSON): each
 * a 4xx problem with a stable code, nothing posted or stored. The counts are printed.
 */
@IntegrationTest
class PickingConcurrencyAndFuzzTest {

    static final int LOTS = 10;
    static final int ORDERS = 20;
    static final int LINES = 50;
    static final int PICKERS = 16;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    Reservations reservations;

    @Autowired
    SalesOrdering ordering;

    @Autowired
    PickTasks tasks;

    record Reply(int status, JsonNode body, HttpHeaders headers) {
        String code() {
            return body.path("code").asText(null);
        }
    }

    Reply send(String path, String body, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        headers.set("Idempotency-Key", key);
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> r = rest.withBasicAuth("walt", "walt-demo")
                .exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
        try {
            JsonNode node = r.getBody() == null || r.getBody().isBlank() ? json.nullNode() : json.readTree(r.getBody());
            return new Reply(r.getStatusCode().value(), node, r.getHeaders());
        } catch (Exception e) {
            throw new IllegalStateException(r.getBody(), e);
        }
    }

    String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    record Pick(String path, String body, String key, long lineId) {}

    @Test
    void sixteen_pickers_on_ten_hot_lots_conserve_stock_post_each_reservation_once_and_replays_double_nothing()
            throws Exception {
        PickingFixtures f = new PickingFixtures(jdbc);
        List<Long> lots = new ArrayList<>();
        for (int i = 0; i < LOTS; i++) {
            long lot = f.lot(f.supplierA, "H" + i + f.tag, LocalDate.now().plusDays(300 + i));
            f.stock(ledger, lot, "S1", ORDERS * LINES * 2 / LOTS);
            lots.add(lot);
        }
        List<Pick> picks = new ArrayList<>();
        for (int o = 0; o < ORDERS; o++) {
            long[] q = new long[LINES];
            java.util.Arrays.fill(q, 2);
            SalesOrderView order = f.order(ordering, q);
            for (int l = 0; l < LINES; l++) {
                long lot = lots.get((o * LINES + l) % LOTS);
                f.reserve(reservations, order.id(), order.lines().get(l).id(), lot, "S1", 2);
            }
            PickTaskView t = tasks.create(order.id(), PickingFixtures.WALT);
            for (PickTaskView.Line line : t.lines()) {
                Map<String, Object> b = new LinkedHashMap<>();
                b.put("locationBarcode", f.barcode("S1"));
                b.put("lotLabel", f.gs1(line.lotId()));
                b.put("quantity", 2);
                b.put("uom", "EA");
                b.put("stagingLocationBarcode", f.shipBarcode);
                picks.add(new Pick(
                        "/api/pick-tasks/" + t.id() + "/lines/" + line.id() + "/confirmation",
                        write(b),
                        UUID.randomUUID().toString(),
                        line.id()));
            }
        }
        assertThat(picks).hasSize(1000);
        List<Pick> work = new ArrayList<>(picks);
        Random seeded = new Random(20261202);
        for (int i = 0; i < 100; i++) {
            Pick p = picks.get(seeded.nextInt(picks.size()));
            work.add(new Pick(p.path(), p.body(), UUID.randomUUID().toString(), p.lineId()));
        }
        Collections.shuffle(work, seeded);
        long postingsBefore = f.postings();

        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        Map<Long, Pick> winners = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Pick> queue = new ConcurrentLinkedQueue<>(work);
        long started = System.nanoTime();
        runAll(() -> {
            Pick p;
            while ((p = queue.poll()) != null) {
                Reply r = send(p.path(), p.body(), p.key());
                outcomes.computeIfAbsent(r.status() + " " + r.code(), k -> new AtomicInteger())
                        .incrementAndGet();
                if (r.status() == 200) {
                    assertThat(winners.put(p.lineId(), p))
                            .as("line %s picked twice", p.lineId())
                            .isNull();
                }
            }
        });
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("pick-concurrency pickers=" + PICKERS + " lots=" + LOTS + " requests=" + work.size()
                + " millis=" + millis + " outcomes=" + new TreeMap<>(Map.copyOf(outcomes)));
        assertThat(winners).hasSize(1000);
        assertThat(outcomes.get("200 null").get()).isEqualTo(1000);
        // a second confirmation finds the line done, or its whole task done when it came after the task's last line
        assertThat(count(outcomes, "409 PICK_LINE_NOT_OPEN") + count(outcomes, "409 PICK_TASK_CLOSED"))
                .isEqualTo(100);
        assertThat(outcomes).hasSize(outcomes.containsKey("409 PICK_TASK_CLOSED") ? 3 : 2);
        Long[] lotIds = lots.toArray(Long[]::new);
        assertConserved(f, lotIds, postingsBefore + 1000);

        // 1,000 replays with the winners' keys: the original answers, nothing doubled
        ConcurrentLinkedQueue<Pick> replays = new ConcurrentLinkedQueue<>(winners.values());
        AtomicInteger replayed = new AtomicInteger();
        runAll(() -> {
            Pick p;
            while ((p = replays.poll()) != null) {
                Reply r = send(p.path(), p.body(), p.key());
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
                replayed.incrementAndGet();
            }
        });
        System.out.println(
                "pick-replays replayed=" + replayed.get() + " doubled=" + (f.postings() - postingsBefore - 1000));
        assertThat(replayed.get()).isEqualTo(1000);
        assertConserved(f, lotIds, postingsBefore + 1000);
    }

    private static int count(Map<String, AtomicInteger> outcomes, String key) {
        return outcomes.containsKey(key) ? outcomes.get(key).get() : 0;
    }

    private void runAll(Runnable worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PICKERS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < PICKERS; i++) {
                futures.add(pool.submit(worker));
            }
            for (Future<?> fu : futures) {
                fu.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertConserved(PickingFixtures f, Long[] lotIds, long postings) {
        assertThat(jdbc.queryForObject(
                        "select count(*) from stock_balance b join location l on l.id = b.location_id"
                                + " where b.lot_id = any(?) and b.quantity < 0 and l.kind = 'PHYSICAL'",
                        Long.class,
                        (Object) lotIds))
                .isZero();
        for (Long lot : lotIds) {
            assertThat(f.balance(lot, f.location("S1"))).isZero();
            assertThat(f.balance(lot, f.ship)).isEqualTo(ORDERS * LINES * 2 / LOTS);
        }
        // each reservation taken at S1 posted once, by one PICK posting; each staged once at the staging location
        assertThat(jdbc.queryForObject("""
                        select count(*) from stock_reservation where lot_id = any(?) and location_id = ?
                           and state = 'POSTED' and posted_quantity = 2""", Long.class, lotIds, f.location("S1")))
                .isEqualTo(1000);
        assertThat(jdbc.queryForObject(
                        "select count(distinct posting_id) from stock_reservation where lot_id = any(?) and location_id = ?",
                        Long.class,
                        lotIds,
                        f.location("S1")))
                .isEqualTo(1000);
        assertThat(jdbc.queryForObject(
                        "select count(*) from stock_reservation where lot_id = any(?) and location_id = ? and state = 'PENDING'",
                        Long.class,
                        lotIds,
                        f.ship))
                .isEqualTo(1000);
        assertThat(f.postings()).isGreaterThanOrEqualTo(postings);
        assertThat(jdbc.queryForObject(
                        "select count(*) from posting p join posting_leg g on g.posting_id = p.id"
                                + " where p.posting_type = 'PICK' and g.lot_id = any(?) and g.location_id = ?",
                        Long.class,
                        lotIds,
                        f.ship))
                .isEqualTo(1000);
    }

    @Test
    void malformed_pick_requests_are_refused_with_a_stable_code_and_post_nothing() {
        PickingFixtures f = new PickingFixtures(jdbc);
        long lot = f.lot(f.supplierA, "F" + f.tag, LocalDate.now().plusDays(300));
        f.stock(ledger, lot, "S1", 20);
        SalesOrderView order = f.order(ordering, 10);
        f.reserve(reservations, order.id(), order.lines().get(0).id(), lot, "S1", 10);
        PickTaskView t = tasks.create(order.id(), PickingFixtures.WALT);
        String path = "/api/pick-tasks/" + t.id() + "/lines/" + t.lines().get(0).id() + "/confirmation";
        String gtin = f.gtinEa;
        String good = f.gs1(lot);
        Map<String, Object> ok = new LinkedHashMap<>();
        ok.put("locationBarcode", f.barcode("S1"));
        ok.put("lotLabel", good);
        ok.put("quantity", 10);
        ok.put("uom", "EA");
        ok.put("stagingLocationBarcode", f.shipBarcode);

        SplittableRandom random = new SplittableRandom(9_0006);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 140; i++) {
            Map<String, Object> b = new LinkedHashMap<>(ok);
            String raw = null;
            switch (i % 10) {
                case 0 -> { // GTIN check digit wrong
                    int d = gtin.charAt(13) - '0';
                    b.put("lotLabel", good.replace(gtin, gtin.substring(0, 13) + ((d + 1 + random.nextInt(9)) % 10)));
                }
                case 1 -> { // a non-digit inside the GTIN
                    int at = random.nextInt(13);
                    b.put(
                            "lotLabel",
                            good.replace(
                                    gtin,
                                    gtin.substring(0, at)
                                            + (char) ('A' + random.nextInt(26))
                                            + gtin.substring(at + 1)));
                }
                case 2 -> // truncated inside the expiry
                    b.put("lotLabel", good.substring(0, good.indexOf("(17)") + 4 + random.nextInt(5)));
                case 3 -> { // random lot number: no such lot at the location
                    StringBuilder s = new StringBuilder("Z");
                    for (int k = 0; k < 1 + random.nextInt(10); k++) {
                        s.append((char) ('A' + random.nextInt(26)));
                    }
                    b.put("lotLabel", "(01)" + gtin + "(10)" + s);
                }
                case 4 -> { // garbage
                    StringBuilder s = new StringBuilder();
                    for (int k = 0; k < 1 + random.nextInt(40); k++) {
                        s.append("0123456789()ABC-/".charAt(random.nextInt(17)));
                    }
                    b.put("lotLabel", "(" + s);
                }
                case 5 -> b.put("quantity", random.nextBoolean() ? 0 : -(1 + random.nextInt(1000)));
                case 6 -> b.put("uom", List.of("KG", "PALLET", "XX", "LITRE").get(random.nextInt(4)));
                case 7 -> b.put("lotLabel", "LL-NO-SUCH-" + random.nextInt(1_000_000));
                case 8 ->
                    raw = switch (random.nextInt(5)) {
                        case 0 -> "{\"locationBarcode\": ";
                        case 1 -> write(ok).replace("}", ", \"colour\": \"red\"}");
                        case 2 -> write(ok).replace("\"quantity\":10", "\"quantity\":\"ten\"");
                        case 3 -> write(ok) + " trailing";
                        default -> "[]";
                    };
                default -> { // an expiry other than the lot's, or a quantity above what is reserved
                    if (random.nextBoolean()) {
                        b.put(
                                "lotLabel",
                                "(01)" + gtin + "(17)" + String.format("%02d", 30 + random.nextInt(60)) + "0101(10)F"
                                        + f.tag);
                    } else {
                        b.put("quantity", 11 + random.nextInt(1000));
                    }
                }
            }
            bodies.add(raw != null ? raw : write(b));
        }
        long postings = f.postings();
        long reserved = jdbc.queryForObject("select count(*) from stock_reservation", Long.class);
        Map<String, Integer> codes = new TreeMap<>();
        for (String body : bodies) {
            Reply r = send(path, body, UUID.randomUUID().toString());
            assertThat(r.status()).as(body + " -> " + r.body()).isBetween(400, 499);
            assertThat(r.code()).as(body + " -> " + r.body()).isNotBlank().matches("[A-Z0-9_]+");
            codes.merge(r.status() + " " + r.code(), 1, Integer::sum);
        }
        System.out.println("pick-fuzz requests=" + bodies.size() + " codes=" + codes);
        assertThat(f.postings()).isEqualTo(postings);
        assertThat(jdbc.queryForObject("select count(*) from stock_reservation", Long.class))
                .isEqualTo(reserved);
        assertThat(jdbc.queryForObject(
                        "select state from warehouse_move where id = ?",
                        String.class,
                        t.lines().get(0).id()))
                .isEqualTo("OPEN");
        assertThat(f.balance(lot, f.location("S1"))).isEqualTo(20);
        assertThat(codes.keySet()).contains("422 INVALID_GS1_BARCODE", "422 INVALID_QUANTITY", "404 UNKNOWN_LOT");
    }
}
