package org.lotledger.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.LedgerFixtures;
import org.lotledger.ledger.Posting;
import org.lotledger.ledger.StockStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Quality holds through the REST API as quality (quinn), quality managers (maria), warehouse (walt) and receiving
 * (rita) use them. Every test builds its own warehouse and lots (LedgerFixtures), except scenario (b), which works on
 * the demo lot spread over two warehouses and leaves it AVAILABLE again.
 */
@IntegrationTest
class QualityHoldApiTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OpenHolds openHolds;

    @Autowired
    HoldApprovals approvals;

    @Autowired
    ReleasingHold releasing;

    LedgerFixtures f;

    @BeforeEach
    void warehouse() {
        f = new LedgerFixtures(jdbc);
    }

    // ---- scenario (b) ----------------------------------------------------------------------------------------

    @Test
    void scenario_b_a_hold_on_a_lot_in_two_warehouses_holds_both_balances_refuses_a_move_and_release_restores_them() {
        long lot = jdbc.queryForObject("""
                select l.id from lot l join item i on i.id = l.item_id join supplier s on s.id = l.supplier_id
                 where i.sku = 'VAC-FLU-CHL' and s.code = 'NORDVAX' and l.lot_number = '23456'""", Long.class);
        String label = jdbc.queryForObject("select internal_label from lot where id = ?", String.class, lot);
        List<String> before = balances(lot, false);
        assertThat(before)
                .as("the demo lot before the hold")
                .contains("EAST-CHL-01-01 AVAILABLE 300", "WEST-CHL-01-01 AVAILABLE 200");
        assertThat(before).allMatch(r -> r.contains(" AVAILABLE "));

        ResponseEntity<Map> placed = post(
                "quinn",
                "/api/holds",
                key(),
                Map.of(
                        "scope",
                        "LOT",
                        "lotId",
                        lot,
                        "reason",
                        "REGULATORY_OR_RECALL",
                        "note",
                        "scenario (b): supplier recall notice"));
        assertThat(placed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long holdId = id(placed);
        try {
            assertThat(placed.getBody().get("state")).isEqualTo("OPEN");
            assertThat(balances(lot, false))
                    .containsExactlyElementsOf(before.stream()
                            .map(r -> r.replace(" AVAILABLE ", " HOLD "))
                            .toList());
            Posting p = ledger.load(((Number) placed.getBody().get("placePostingId")).longValue());
            assertThat(p.type().name()).isEqualTo("STATUS_CHANGE");
            assertThat(legs(p))
                    .containsExactly(
                            "EAST-CHL-01-01 AVAILABLE -300", "EAST-CHL-01-01 HOLD 300",
                            "WEST-CHL-01-01 AVAILABLE -200", "WEST-CHL-01-01 HOLD 200");
            assertThat(movements(placed)).containsExactly("EAST-CHL-01-01 300", "WEST-CHL-01-01 200");

            // the warehouse cannot move it, neither as AVAILABLE stock nor as HOLD stock
            ResponseEntity<Map> move = post(
                    "walt",
                    "/api/moves",
                    key(),
                    Map.of(
                            "lot",
                            label,
                            "fromLocation",
                            "EAST-CHL-01-01",
                            "toLocation",
                            "EAST-CHL-01-02",
                            "quantity",
                            10,
                            "unit",
                            "EA"));
            assertThat(move.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(move.getBody().get("code")).isEqualTo("LOT_NOT_AVAILABLE");
            ResponseEntity<Map> moveHeld = post(
                    "walt",
                    "/api/moves",
                    key(),
                    Map.of(
                            "lot",
                            label,
                            "status",
                            "HOLD",
                            "fromLocation",
                            "EAST-CHL-01-01",
                            "toLocation",
                            "EAST-CHL-01-02",
                            "quantity",
                            10,
                            "unit",
                            "EA"));
            assertThat(moveHeld.getBody().get("code")).isEqualTo("LOT_ON_HOLD");
            assertThat(balances(lot, false))
                    .containsExactlyElementsOf(before.stream()
                            .map(r -> r.replace(" AVAILABLE ", " HOLD "))
                            .toList());

            // four eyes: quinn reviews, the recall hold needs a quality manager's second approval
            ResponseEntity<Map> reviewed = post(
                    "quinn",
                    "/api/holds/" + holdId + "/release",
                    key(),
                    Map.of("note", "supplier withdrew the notice"));
            assertThat(reviewed.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            assertThat(reviewed.getBody().get("awaiting")).isEqualTo("SECOND_APPROVAL");
            assertThat(balances(lot, false))
                    .as("nothing released before the second approval")
                    .containsExactlyElementsOf(before.stream()
                            .map(r -> r.replace(" AVAILABLE ", " HOLD "))
                            .toList());
            ResponseEntity<Map> ownApproval =
                    post("quinn", "/api/holds/" + holdId + "/approval", key(), Map.of("approve", true));
            assertThat(ownApproval.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            ResponseEntity<Map> released = post(
                    "maria",
                    "/api/holds/" + holdId + "/approval",
                    key(),
                    Map.of("approve", true, "note", "notice withdrawn in writing"));
            assertThat(released.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(released.getBody().get("state")).isEqualTo("RELEASED");
            assertThat(released.getBody().get("endedBy")).isEqualTo("maria");
            assertThat(released.getBody().get("remaining")).asList().isEmpty();
        } finally {
            if (jdbc.queryForObject("select state from quality_hold where id = ?", String.class, holdId)
                    .equals("OPEN")) {
                releasing.release(holdId, null, "test cleanup", new Actor("maria", Set.of("quality-managers")), key());
            }
        }
        assertThat(balances(lot, false)).containsExactlyElementsOf(before);
        Map<?, ?> hold = get("walt", "/api/holds/" + holdId).getBody();
        assertThat(((List<Map<String, Object>>) hold.get("decisions"))
                        .stream().map(d -> d.get("decision") + " by " + d.get("decidedBy")))
                .containsExactly(
                        "PLACE by quinn", "APPROVE_RELEASE by quinn", "SECOND_APPROVAL by maria", "RELEASE by maria");
        assertThat(hold.get("approvers")).asList().containsExactly("quinn", "maria");
    }

    @Test
    void a_receiving_clerk_cannot_place_a_hold_and_nothing_is_held() {
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", StockStatus.AVAILABLE, 20);
        ResponseEntity<Map> r =
                post("rita", "/api/holds", key(), Map.of("scope", "LOT", "lotId", lot, "reason", "CUSTOMER_COMPLAINT"));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(r.getBody().get("code")).isEqualTo("FORBIDDEN");
        assertThat(jdbc.queryForObject("select count(*) from quality_hold where lot_id = ?", Long.class, lot))
                .isZero();
        assertThat(f.balancesOf(lot)).contains("A1 AVAILABLE 20");
    }

    // ---- scope -----------------------------------------------------------------------------------------------

    @Test
    void a_hold_on_a_location_holds_every_lot_there_and_nothing_elsewhere() {
        long a = f.newLot();
        long b = f.newLot();
        f.stock(ledger, a, "A1", StockStatus.AVAILABLE, 10);
        f.stock(ledger, b, "A1", StockStatus.AVAILABLE, 7);
        f.stock(ledger, a, "A2", StockStatus.AVAILABLE, 5);

        ResponseEntity<Map> placed = post(
                "quinn",
                "/api/holds",
                key(),
                Map.of(
                        "scope",
                        "LOCATION",
                        "locationId",
                        f.location("A1"),
                        "reason",
                        "TEMPERATURE_EXCURSION",
                        "note",
                        "fridge A1 at 14 °C for 3 h"));
        assertThat(placed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long holdId = id(placed);
        assertThat(physical(a)).containsExactly("A1 HOLD 10", "A2 AVAILABLE 5");
        assertThat(physical(b)).containsExactly("A1 HOLD 7");
        assertThat(openHolds.covers(a, f.location("A1"))).isTrue();
        assertThat(openHolds.covers(a, f.location("A2"))).isFalse();

        releaseWithSecondApproval(holdId);
        assertThat(physical(a)).containsExactly("A1 AVAILABLE 10", "A2 AVAILABLE 5");
        assertThat(physical(b)).containsExactly("A1 AVAILABLE 7");
        assertThat(openHolds.covers(a, f.location("A1"))).isFalse();
    }

    @Test
    void quarantine_stock_in_scope_is_not_moved_but_stays_covered_while_the_hold_is_open() {
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", StockStatus.AVAILABLE, 10);
        f.stock(ledger, lot, "Q1", StockStatus.QUARANTINE, 4);
        long holdId =
                id(post("quinn", "/api/holds", key(), Map.of("scope", "LOT", "lotId", lot, "reason", "INVESTIGATION")));
        assertThat(physical(lot)).containsExactly("A1 HOLD 10", "Q1 QUARANTINE 4");
        assertThat(openHolds.covers(lot, f.location("Q1"))).isTrue();

        post("quinn", "/api/holds/" + holdId + "/release", key(), Map.of());
        assertThat(physical(lot)).containsExactly("A1 AVAILABLE 10", "Q1 QUARANTINE 4");
        assertThat(openHolds.covers(lot, f.location("Q1"))).isFalse();
    }

    @Test
    void a_hold_on_a_lot_in_two_warehouses_moves_each_balance_in_one_posting() {
        LedgerFixtures other = new LedgerFixtures(jdbc);
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", StockStatus.AVAILABLE, 12);
        other.stock(ledger, lot, "A2", StockStatus.AVAILABLE, 8);
        ResponseEntity<Map> placed =
                post("quinn", "/api/holds", key(), Map.of("scope", "LOT", "lotId", lot, "reason", "SUPPLIER_NOTICE"));
        Posting p = ledger.load(((Number) placed.getBody().get("placePostingId")).longValue());
        assertThat(legs(p))
                .containsExactly(
                        f.barcode("A1") + " AVAILABLE -12", f.barcode("A1") + " HOLD 12",
                        other.barcode("A2") + " AVAILABLE -8", other.barcode("A2") + " HOLD 8");
        assertThat(balances(lot, false))
                .containsExactlyInAnyOrder(f.barcode("A1") + " HOLD 12", other.barcode("A2") + " HOLD 8");
    }

    // ---- what a release restores -----------------------------------------------------------------------------

    @Test
    void a_second_hold_on_a_held_lot_keeps_it_held_when_the_first_is_released() {
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", StockStatus.AVAILABLE, 20);
        long first = id(post(
                "quinn", "/api/holds", key(), Map.of("scope", "LOT", "lotId", lot, "reason", "CUSTOMER_COMPLAINT")));
        ResponseEntity<Map> secondPlaced = post(
                "quinn", "/api/holds", key(), Map.of("scope", "LOT", "lotId", lot, "reason", "REGULATORY_OR_RECALL"));
        long second = id(secondPlaced);
        assertThat(secondPlaced.getBody().get("movements"))
                .asList()
                .as("nothing AVAILABLE left to move")
                .isEmpty();

        Map<?, ?> released = releaseWithSecondApproval(first);
        assertThat(released.get("state")).isEqualTo("RELEASED");
        assertThat(physical(lot)).as("the second hold still covers the lot").containsExactly("A1 HOLD 20");
        assertThat(outcomes(released)).containsExactly("HANDED_OVER A1 20 to " + second);
        assertThat(remaining(get("quinn", "/api/holds/" + second).getBody())).containsExactly("A1 20");

        releaseWithSecondApproval(second);
        assertThat(physical(lot)).containsExactly("A1 AVAILABLE 20");
    }

    @Test
    void held_stock_quality_moves_stays_under_its_hold_and_is_released_where_it_is() {
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", StockStatus.AVAILABLE, 40);
        long holdId =
                id(post("quinn", "/api/holds", key(), Map.of("scope", "LOT", "lotId", lot, "reason", "INVESTIGATION")));
        // QA moves part of the held stock elsewhere: the hold follows it
        ResponseEntity<Map> qaMove = post(
                "quinn",
                "/api/moves",
                key(),
                Map.of(
                        "lot",
                        f.labelOf(lot),
                        "status",
                        "HOLD",
                        "fromLocation",
                        f.barcode("A1"),
                        "toLocation",
                        f.barcode("A2"),
                        "quantity",
                        15,
                        "unit",
                        "EA"));
        assertThat(qaMove.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<?, ?> hold = get("quinn", "/api/holds/" + holdId).getBody();
        assertThat(outcomes(hold)).containsExactly("MOVED A1 15");
        assertThat(remaining(hold)).containsExactly("A1 25", "A2 15");

        Map<?, ?> released = post("quinn", "/api/holds/" + holdId + "/release", key(), Map.of())
                .getBody();
        assertThat(physical(lot)).containsExactly("A1 AVAILABLE 25", "A2 AVAILABLE 15");
        assertThat(outcomes(released)).containsExactly("MOVED A1 15", "RELEASED A1 25", "RELEASED A2 15");
    }

    @Test
    void release_restores_only_what_is_still_held_where_the_holds_book_says_and_records_the_rest_as_not_found() {
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", StockStatus.AVAILABLE, 40);
        ResponseEntity<Map> placed =
                post("quinn", "/api/holds", key(), Map.of("scope", "LOT", "lotId", lot, "reason", "INVESTIGATION"));
        long holdId = id(placed);
        // a book that says more than the ledger holds (the gate keeps the application from writing one; data from
        // before it, or a repair, might): the release restores what is there and records the rest as not found
        jdbc.update(
                "insert into quality_hold_movement (hold_id, lot_id, location_id, quantity, posting_id) "
                        + "values (?, ?, ?, 15, ?)",
                holdId,
                lot,
                f.location("A1"),
                ((Number) placed.getBody().get("placePostingId")).longValue());

        Map<?, ?> released = post("quinn", "/api/holds/" + holdId + "/release", key(), Map.of())
                .getBody();
        assertThat(physical(lot)).containsExactly("A1 AVAILABLE 40");
        assertThat(outcomes(released)).containsExactly("NOT_FOUND A1 15", "RELEASED A1 40");
        assertThat(remaining(released))
                .as("the book agrees with the ledger again")
                .isEmpty();
    }

    @Test
    void two_holds_on_the_same_stock_released_at_once_leave_nothing_held() throws Exception {
        // a race: repeated so that the interleaving where each release sees the other hold still open comes up
        for (int round = 0; round < 15; round++) {
            releaseTwoHoldsAtOnce();
        }
    }

    private void releaseTwoHoldsAtOnce() throws Exception {
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", StockStatus.AVAILABLE, 30);
        long onLot =
                id(post("quinn", "/api/holds", key(), Map.of("scope", "LOT", "lotId", lot, "reason", "INVESTIGATION")));
        long onLocation = id(post(
                "quinn",
                "/api/holds",
                key(),
                Map.of("scope", "LOCATION", "locationId", f.location("A1"), "reason", "SUPPLIER_NOTICE")));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            var a = pool.submit(() -> {
                start.await();
                return post("quinn", "/api/holds/" + onLot + "/release", key(), Map.of());
            });
            var b = pool.submit(() -> {
                start.await();
                return post("maria", "/api/holds/" + onLocation + "/release", key(), Map.of());
            });
            start.countDown();
            assertThat(a.get().getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(b.get().getStatusCode()).isEqualTo(HttpStatus.OK);
        } finally {
            pool.shutdown();
        }
        assertThat(physical(lot)).as("whichever released last released it").containsExactly("A1 AVAILABLE 30");
    }

    @Test
    void two_reviewers_deciding_the_same_hold_at_once_release_it_once() throws Exception {
        for (int round = 0; round < 5; round++) {
            long lot = f.newLot();
            f.stock(ledger, lot, "A1", StockStatus.AVAILABLE, 30);
            long holdId = id(post(
                    "quinn", "/api/holds", key(), Map.of("scope", "LOT", "lotId", lot, "reason", "INVESTIGATION")));
            long before = postings();
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var start = new java.util.concurrent.CountDownLatch(1);
                var a = pool.submit(() -> {
                    start.await();
                    return post("quinn", "/api/holds/" + holdId + "/release", key(), Map.of());
                });
                var b = pool.submit(() -> {
                    start.await();
                    return post("maria", "/api/holds/" + holdId + "/release", key(), Map.of());
                });
                start.countDown();
                List<Integer> statuses = new java.util.ArrayList<>(List.of(
                        a.get().getStatusCode().value(), b.get().getStatusCode().value()));
                java.util.Collections.sort(statuses);
                assertThat(statuses)
                        .as("one decides, the other is told the hold is decided")
                        .containsExactly(200, 409);
            } finally {
                pool.shutdown();
            }
            assertThat(postings()).as("one release posting").isEqualTo(before + 1);
            assertThat(physical(lot)).containsExactly("A1 AVAILABLE 30");
        }
    }

    @Test
    void a_location_hold_names_a_physical_location() {
        ResponseEntity<Map> r = post(
                "quinn",
                "/api/holds",
                key(),
                Map.of("scope", "LOCATION", "locationId", f.location("SCRAP"), "reason", "INVESTIGATION"));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(r.getBody().get("code")).isEqualTo("HOLD_LOCATION_NOT_PHYSICAL");
        ResponseEntity<Map> both = post(
                "quinn",
                "/api/holds",
                key(),
                Map.of("scope", "LOT", "lotId", f.newLot(), "locationId", f.location("A1"), "reason", "INVESTIGATION"));
        assertThat(both.getBody().get("code")).isEqualTo("INVALID_HOLD_SCOPE");
    }

    // ---- scrap, return to vendor, split ----------------------------------------------------------------------

    @Test
    void a_hold_is_split_into_scrap_return_to_vendor_and_release_each_its_own_posting() {
        long rej = rejectStaging();
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", StockStatus.AVAILABLE, 100);
        long holdId = id(post(
                "quinn", "/api/holds", key(), Map.of("scope", "LOT", "lotId", lot, "reason", "CUSTOMER_COMPLAINT")));

        ResponseEntity<Map> noReason =
                post("quinn", "/api/holds/" + holdId + "/scrap", key(), Map.of("lines", List.of(line(lot, "A1", 30))));
        assertThat(noReason.getBody().get("code")).isEqualTo("REASON_CODE_REQUIRED");
        // one check, one code for every reason code (the ledger's): unknown, or not one for scrapping
        for (String reason : List.of("NO_SUCH_REASON", "putaway_override")) {
            ResponseEntity<Map> badReason = post(
                    "quinn",
                    "/api/holds/" + holdId + "/scrap",
                    key(),
                    Map.of("reasonCode", reason, "lines", List.of(line(lot, "A1", 30))));
            assertThat(badReason.getStatusCode()).as(reason).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(badReason.getBody().get("code")).as(reason).isEqualTo("INVALID_REASON_CODE");
        }
        ResponseEntity<Map> tooMuch = post(
                "quinn",
                "/api/holds/" + holdId + "/scrap",
                key(),
                Map.of("reasonCode", "DAMAGED", "lines", List.of(line(lot, "A1", 101))));
        assertThat(tooMuch.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(tooMuch.getBody().get("code")).isEqualTo("QUANTITY_EXCEEDS_HOLD");

        // scrap: a warehouse move, posted when walt confirms it by scan
        ResponseEntity<Map> scrapDecided = post(
                "quinn",
                "/api/holds/" + holdId + "/scrap",
                key(),
                Map.of("reasonCode", "DAMAGED", "note", "crushed cartons", "lines", List.of(line(lot, "A1", 30))));
        assertThat(scrapDecided.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(scrapDecided.getBody().get("awaiting")).isEqualTo("WAREHOUSE_MOVES");
        assertThat(physical(lot)).as("nothing posted before the scan").containsExactly("A1 HOLD 100");
        Map<String, Object> scrapMove = onlyOpenMove(scrapDecided);
        assertThat(scrapMove).containsEntry("disposition", "SCRAP").containsEntry("quantity", 30);
        long scrapMoveId = ((Number) scrapMove.get("id")).longValue();
        String confirmScrap = "/api/holds/" + holdId + "/warehouse-moves/" + scrapMoveId + "/confirmation";
        ResponseEntity<Map> wrongLot =
                post("walt", confirmScrap, null, Map.of("lot", f.labelOf(f.newLot()), "location", f.barcode("A1")));
        assertThat(wrongLot.getBody().get("code")).isEqualTo("WRONG_LOT_SCANNED");
        ResponseEntity<Map> wrongPlace =
                post("walt", confirmScrap, null, Map.of("lot", f.labelOf(lot), "location", f.barcode("A2")));
        assertThat(wrongPlace.getBody().get("code")).isEqualTo("WRONG_LOCATION_SCANNED");
        assertThat(post("rita", confirmScrap, null, Map.of("lot", f.labelOf(lot), "location", f.barcode("A1")))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> scrapped =
                post("walt", confirmScrap, null, Map.of("lot", f.labelOf(lot), "location", f.barcode("A1")));
        assertThat(scrapped.getStatusCode()).as("%s", scrapped.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(scrapped.getBody().get("state")).isEqualTo("OPEN");
        assertThat(scrapped.getBody().get("awaiting"))
                .as("the rest comes back for review")
                .isEqualTo("REVIEW");
        Posting scrap = ledger.load(postingOf(scrapped, "SCRAPPED"));
        assertThat(scrap.type().name()).isEqualTo("SCRAP");
        assertThat(scrap.reasonCode()).isEqualTo("DAMAGED");
        assertThat(scrap.actor()).as("in the name of the QA decision").isEqualTo("quinn");
        assertThat(scrap.legs().stream().map(l -> LedgerFixtures.leg(l, f)).toList())
                .containsExactly("A1 HOLD -30 @2.5 = -75", "SCRAP HOLD 30 @2.5 = 75");
        assertThat(post("walt", confirmScrap, null, Map.of("lot", f.labelOf(lot), "location", f.barcode("A1")))
                        .getBody()
                        .get("code"))
                .isEqualTo("WAREHOUSE_MOVE_DONE");

        ResponseEntity<Map> rtvDecided = post(
                "maria",
                "/api/holds/" + holdId + "/return-to-vendor",
                key(),
                Map.of("lines", List.of(line(lot, "A1", 20))));
        assertThat(rtvDecided.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        Map<String, Object> rtvMove = onlyOpenMove(rtvDecided);
        assertThat(rtvMove)
                .containsEntry("disposition", "RETURN_TO_VENDOR")
                .containsEntry("toLocationCode", f.tag + "-R1");
        ResponseEntity<Map> staged = post(
                "walt",
                "/api/holds/" + holdId + "/warehouse-moves/" + rtvMove.get("id") + "/confirmation",
                null,
                Map.of("lot", f.labelOf(lot), "location", f.tag + "-R1"));
        assertThat(staged.getStatusCode()).isEqualTo(HttpStatus.OK);
        Posting rtv = ledger.load(postingOf(staged, "RETURN_TO_VENDOR"));
        assertThat(rtv.type().name()).isEqualTo("MOVE");
        assertThat(rtv.legs().stream().map(l -> LedgerFixtures.leg(l, f)).toList())
                .containsExactly("A1 HOLD -20 @2.5 = -50", "#" + rej + " HOLD 20 @2.5 = 50");
        assertThat(remaining(staged.getBody())).containsExactly("A1 50");

        Map<?, ?> released = releaseWithSecondApproval(holdId);
        assertThat(released.get("state")).isEqualTo("RELEASED");
        assertThat(outcomes(released)).containsExactly("SCRAPPED A1 30", "RETURN_TO_VENDOR A1 20", "RELEASED A1 50");
        assertThat(f.balancesOf(lot))
                .containsExactlyInAnyOrder(
                        "A1 AVAILABLE 50", "#" + rej + " HOLD 20", "ADJ AVAILABLE -100", "SCRAP HOLD 30");
        assertThat(((List<Map<String, Object>>) released.get("decisions"))
                        .stream().map(d -> d.get("decision") + " by " + d.get("decidedBy")))
                .containsExactly(
                        "PLACE by quinn",
                        "APPROVE_SCRAP by quinn",
                        "SCRAP by quinn",
                        "APPROVE_RETURN_TO_VENDOR by maria",
                        "RETURN_TO_VENDOR by maria",
                        "APPROVE_RELEASE by quinn",
                        "SECOND_APPROVAL by maria",
                        "RELEASE by maria");
    }

    @Test
    void one_split_decision_releases_now_and_scraps_and_returns_by_scan() {
        long rej = rejectStaging();
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", StockStatus.AVAILABLE, 60);
        long holdId =
                id(post("quinn", "/api/holds", key(), Map.of("scope", "LOT", "lotId", lot, "reason", "INVESTIGATION")));
        ResponseEntity<Map> notAdding = post(
                "quinn",
                "/api/holds/" + holdId + "/decision",
                key(),
                Map.of(
                        "outcome",
                        "SPLIT",
                        "scrapQuantity",
                        10,
                        "returnQuantity",
                        20,
                        "releaseQuantity",
                        31,
                        "reasonCode",
                        "DAMAGED"));
        assertThat(notAdding.getBody().get("code")).isEqualTo("QUANTITY_EXCEEDS_HOLD");
        ResponseEntity<Map> decided = post(
                "quinn",
                "/api/holds/" + holdId + "/decision",
                key(),
                Map.of(
                        "outcome",
                        "SPLIT",
                        "scrapQuantity",
                        10,
                        "returnQuantity",
                        20,
                        "releaseQuantity",
                        30,
                        "reasonCode",
                        "DAMAGED",
                        "note",
                        "lab: 30 fine, 10 damaged, 20 back to the supplier"));
        assertThat(decided.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(physical(lot)).as("the released part at once").containsExactly("A1 AVAILABLE 30", "A1 HOLD 30");
        List<Map<String, Object>> moves =
                (List<Map<String, Object>>) decided.getBody().get("warehouseMoves");
        assertThat(moves)
                .extracting(m -> m.get("disposition") + " " + m.get("quantity"))
                .containsExactly("SCRAP 10", "RETURN_TO_VENDOR 20");
        assertThat((List<Map<String, Object>>) decided.getBody().get("openTasks"))
                .extracting(t -> t.get("name") + " " + t.get("candidateGroups"))
                .containsExactly(
                        "Move held stock · hold " + holdId + " · " + f.barcode("A1") + " [warehouse]",
                        "Move held stock · hold " + holdId + " · " + f.barcode("A1") + " [warehouse]");
        Map<?, ?> last = null;
        for (Map<String, Object> m : moves) {
            ResponseEntity<Map> r = post(
                    "walt",
                    "/api/holds/" + holdId + "/warehouse-moves/" + m.get("id") + "/confirmation",
                    null,
                    Map.of("lot", f.labelOf(lot), "location", scanFor(m)));
            assertThat(r.getStatusCode().is2xxSuccessful())
                    .as("%s", r.getBody())
                    .isTrue();
            last = r.getBody();
        }
        assertThat(last.get("state")).isEqualTo("CLOSED");
        assertThat(last.get("openTasks")).asList().isEmpty();
        assertThat(outcomes(last)).containsExactly("RELEASED A1 30", "SCRAPPED A1 10", "RETURN_TO_VENDOR A1 20");
        assertThat(f.balancesOf(lot))
                .containsExactlyInAnyOrder(
                        "A1 AVAILABLE 30", "#" + rej + " HOLD 20", "ADJ AVAILABLE -60", "SCRAP HOLD 10");
    }

    @Test
    void scrapping_everything_a_hold_holds_closes_it() {
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", StockStatus.AVAILABLE, 9);
        long holdId = id(post(
                "quinn", "/api/holds", key(), Map.of("scope", "LOT", "lotId", lot, "reason", "TEMPERATURE_EXCURSION")));
        ResponseEntity<Map> decided =
                post("quinn", "/api/holds/" + holdId + "/scrap", key(), Map.of("reasonCode", "TEMP_EXCURSION"));
        Map<String, Object> move = onlyOpenMove(decided);
        Map<?, ?> scrapped = post(
                        "walt",
                        "/api/holds/" + holdId + "/warehouse-moves/" + move.get("id") + "/confirmation",
                        null,
                        Map.of("lot", f.labelOf(lot), "location", f.barcode("A1")))
                .getBody();
        assertThat(scrapped.get("state")).isEqualTo("CLOSED");
        assertThat(physical(lot)).isEmpty();
        ResponseEntity<Map> again = post("quinn", "/api/holds/" + holdId + "/release", key(), Map.of());
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("code")).isEqualTo("HOLD_NOT_OPEN");
    }

    // ---- idempotency -----------------------------------------------------------------------------------------

    @Test
    void placing_twice_with_the_same_key_places_and_posts_once() {
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", StockStatus.AVAILABLE, 20);
        String key = key();
        Map<String, Object> body = Map.of("scope", "LOT", "lotId", lot, "reason", "INVESTIGATION", "note", "n");
        long postings = postings();
        ResponseEntity<Map> first = post("quinn", "/api/holds", key, body);
        ResponseEntity<Map> second = post("quinn", "/api/holds", key, body);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(second.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(id(second)).isEqualTo(id(first));
        assertThat(postings()).isEqualTo(postings + 1);
        assertThat(jdbc.queryForObject("select count(*) from quality_hold where lot_id = ?", Long.class, lot))
                .isOne();

        Map<String, Object> other = new HashMap<>(body);
        other.put("reason", "CUSTOMER_COMPLAINT");
        ResponseEntity<Map> reused = post("quinn", "/api/holds", key, other);
        assertThat(reused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(reused.getBody().get("code")).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        String releaseKey = key();
        post("quinn", "/api/holds/" + id(first) + "/release", releaseKey, Map.of());
        long afterRelease = postings();
        ResponseEntity<Map> replayed = post("quinn", "/api/holds/" + id(first) + "/release", releaseKey, Map.of());
        assertThat(replayed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(replayed.getBody().get("state")).isEqualTo("RELEASED");
        assertThat(postings()).isEqualTo(afterRelease);
        assertThat(physical(lot)).containsExactly("A1 AVAILABLE 20");
    }

    // ---- four eyes -------------------------------------------------------------------------------------------

    @Test
    void the_second_approver_must_be_another_user_and_a_quality_manager() {
        long lot = f.newLot();
        long holdId = id(post(
                "quinn", "/api/holds", key(), Map.of("scope", "LOT", "lotId", lot, "reason", "REGULATORY_OR_RECALL")));
        Actor maria = new Actor("maria", Set.of("quality", "quality-managers"));
        assertThatThrownBy(() -> approvals.requireDifferentSecondApprover(holdId, maria))
                .isInstanceOf(DomainException.class)
                .extracting("code")
                .isEqualTo("FIRST_APPROVAL_MISSING");
        assertThat(approvals.firstApprover(holdId)).isEmpty();

        approvals.record(holdId, "APPROVE_RELEASE", Map.of("reason", "recall withdrawn"), maria);
        assertThat(approvals.firstApprover(holdId)).contains("maria");
        assertThatThrownBy(() -> approvals.requireDifferentSecondApprover(holdId, maria))
                .isInstanceOf(DomainException.class)
                .extracting("code")
                .isEqualTo("SAME_APPROVER");
        assertThatThrownBy(
                        () -> approvals.requireDifferentSecondApprover(holdId, new Actor("quinn", Set.of("quality"))))
                .isInstanceOf(DomainException.class)
                .extracting("code")
                .isEqualTo("SECOND_APPROVER_NOT_QUALITY_MANAGER");
        approvals.requireDifferentSecondApprover(holdId, new Actor("mark", Set.of("quality-managers")));
        approvals.record(holdId, "APPROVE_RELEASE", Map.of(), new Actor("mark", Set.of("quality-managers")));

        assertThat(get("rita", "/api/holds/" + holdId).getBody().get("approvers"))
                .asList()
                .containsExactly("maria", "mark");
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth("walt", "walt-demo");
        List<Map<String, Object>> listed = http.exchange(
                        "/api/holds?lot=" + lot, HttpMethod.GET, new HttpEntity<>(h), List.class)
                .getBody();
        assertThat(listed).extracting(m -> ((Number) m.get("id")).longValue()).containsExactly(holdId);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** quinn reviews "release", and maria gives the second approval where the decision table asks for one. */
    private Map<?, ?> releaseWithSecondApproval(long holdId) {
        ResponseEntity<Map> reviewed = post("quinn", "/api/holds/" + holdId + "/release", key(), Map.of());
        assertThat(reviewed.getStatusCode().is2xxSuccessful())
                .as("%s", reviewed.getBody())
                .isTrue();
        if (!"SECOND_APPROVAL".equals(reviewed.getBody().get("awaiting"))) {
            return reviewed.getBody();
        }
        ResponseEntity<Map> approved =
                post("maria", "/api/holds/" + holdId + "/approval", key(), Map.of("approve", true));
        assertThat(approved.getStatusCode()).as("%s", approved.getBody()).isEqualTo(HttpStatus.OK);
        return approved.getBody();
    }

    private static Map<String, Object> onlyOpenMove(ResponseEntity<Map> r) {
        List<Map<String, Object>> open = ((List<Map<String, Object>>)
                        r.getBody().get("warehouseMoves"))
                .stream().filter(m -> "OPEN".equals(m.get("state"))).toList();
        assertThat(open).as("%s", r.getBody()).hasSize(1);
        return open.get(0);
    }

    /** The barcode a worker scans to confirm a move: the location it names. */
    private String scanFor(Map<String, Object> move) {
        return jdbc.queryForObject(
                "select barcode from location where code = ?", String.class, move.get("locationToScan"));
    }

    private long rejectStaging() {
        long zone = jdbc.queryForObject("""
                insert into zone (warehouse_id, code, name, zone_type, allowed_statuses, allowed_temperature_classes)
                values (?, 'REJ', 'Reject staging', 'REJECT_STAGING', '{REJECTED,HOLD}', '{AMBIENT,CHILLED}') returning id""", Long.class, f.warehouseId);
        return jdbc.queryForObject("""
                insert into location (kind, code, barcode, name, warehouse_id, zone_id)
                values ('PHYSICAL', ?, ?, 'RTV', ?, ?) returning id""", Long.class, f.tag + "-R1", f.tag + "-R1", f.warehouseId, zone);
    }

    private Map<String, Object> line(long lot, String location, long qty) {
        return Map.of("lotId", lot, "locationId", f.location(location), "quantity", qty);
    }

    private ResponseEntity<Map> post(String user, String path, String key, Map<String, ?> body) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, user + "-demo");
        h.setContentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            h.set("Idempotency-Key", key);
        }
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, h), Map.class);
    }

    private ResponseEntity<Map> get(String user, String path) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, user + "-demo");
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(h), Map.class);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static long id(ResponseEntity<Map> r) {
        assertThat(r.getStatusCode().is2xxSuccessful()).as("%s", r.getBody()).isTrue();
        return ((Number) r.getBody().get("id")).longValue();
    }

    private long postings() {
        return jdbc.queryForObject("select count(*) from posting", Long.class);
    }

    /** Balances of a lot as rows "location-code status quantity" (non-zero), by location code and status. */
    private List<String> balances(long lot, boolean includeVirtual) {
        return jdbc.query(
                """
                select loc.code, b.status, b.quantity from stock_balance b join location loc on loc.id = b.location_id
                 where b.lot_id = ? and b.quantity <> 0 and (? or loc.kind = 'PHYSICAL') order by loc.code, b.status""",
                (rs, i) -> rs.getString(1) + " " + rs.getString(2) + " "
                        + rs.getBigDecimal(3).stripTrailingZeros().toPlainString(),
                lot,
                includeVirtual);
    }

    /** Physical balances of a fixture lot, named as the fixture names its locations (A1, Q1). */
    private List<String> physical(long lot) {
        return balances(lot, false).stream()
                .map(r -> r.replace(f.tag + "-", ""))
                .toList();
    }

    private List<String> legs(Posting p) {
        return p.legs().stream()
                .map(l -> jdbc.queryForObject("select code from location where id = ?", String.class, l.locationId())
                        + " " + l.status() + " "
                        + l.quantity().stripTrailingZeros().toPlainString())
                .toList();
    }

    private List<String> movements(ResponseEntity<Map> r) {
        return ((List<Map<String, Object>>) r.getBody().get("movements"))
                .stream()
                        .map(m -> m.get("locationCode") + " " + m.get("quantity"))
                        .toList();
    }

    private List<String> outcomes(Map<?, ?> hold) {
        return ((List<Map<String, Object>>) hold.get("outcomes"))
                .stream()
                        .map(o -> o.get("outcome") + " "
                                + String.valueOf(o.get("locationCode")).replace(f.tag + "-", "") + " "
                                + o.get("quantity") + (o.get("toHoldId") == null ? "" : " to " + o.get("toHoldId")))
                        .toList();
    }

    private List<String> remaining(Map<?, ?> hold) {
        return ((List<Map<String, Object>>) hold.get("remaining"))
                .stream()
                        .map(o -> String.valueOf(o.get("locationCode")).replace(f.tag + "-", "") + " "
                                + o.get("quantity"))
                        .toList();
    }

    private long postingOf(ResponseEntity<Map> r, String outcome) {
        return ((List<Map<String, Object>>) r.getBody().get("outcomes"))
                .stream()
                        .filter(o -> outcome.equals(o.get("outcome")))
                        .map(o -> ((Number) o.get("postingId")).longValue())
                        .reduce((a, b) -> b)
                        .orElseThrow();
    }
}
