package org.lotledger.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lotledger.ledger.StockStatus.AVAILABLE;
import static org.lotledger.ledger.StockStatus.HOLD;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.evidence.DecisionRecords;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.LedgerFixtures;
import org.lotledger.support.ApiClient;
import org.lotledger.support.HttpReply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * HOLD stock whose hold has a scrap or return-to-vendor decided but not yet moved (an OPEN warehouse move, the stock
 * still HOLD where it was) is not relabelled: 409 {@code HOLD_DISPOSITION_PENDING}, nothing stored or posted, through
 * the service and through {@code POST /api/lots/{id}/relabel}. Once the move is confirmed, the rest of the held stock
 * relabels as before, and HOLD stock of the lot elsewhere is not affected.
 */
@IntegrationTest
class RelabelPendingDispositionTest {

    @Autowired
    RelabellingLot relabelling;

    @Autowired
    PlacingHold placing;

    @Autowired
    HoldWarehouseMoves moves;

    @Autowired
    DecisionRecords decisions;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    LedgerFixtures f;
    Actor quality;
    long parent;
    long holdId;
    long rtv;

    @BeforeEach
    void heldStock() {
        f = new LedgerFixtures(jdbc);
        quality = new Actor("quinn", Set.of("quality"));
        jdbc.update("""
                insert into reason_code (code, description, posting_types) values
                  ('SCRAP_DAMAGED', 'Damaged', '{SCRAP}') on conflict (code) do nothing""");
        // a reject-staging location in the test's warehouse, where return-to-vendor stock is staged
        long zone = jdbc.queryForObject("""
                insert into zone (warehouse_id, code, name, zone_type, allowed_statuses, allowed_temperature_classes)
                values (?, 'RTV', 'RTV', 'REJECT_STAGING', '{HOLD,REJECTED}', '{AMBIENT,CHILLED,FROZEN}') returning id""", Long.class, f.warehouseId);
        rtv = jdbc.queryForObject("""
                insert into location (kind, code, barcode, name, warehouse_id, zone_id)
                values ('PHYSICAL', ?, ?, 'RTV', ?, ?) returning id""", Long.class, f.tag + "-RTV", f.tag + "-RTV", f.warehouseId, zone);
        parent = f.newLot();
        f.stock(ledger, parent, "A1", AVAILABLE, 20);
        f.stock(ledger, parent, "A2", AVAILABLE, 10);
        holdId = placing.place(
                        new PlacingHold.HoldRequest(HoldScope.LOT, parent, null, HoldReason.INVESTIGATION, null),
                        LedgerFixtures.QUALITY,
                        f.key())
                .hold()
                .id();
    }

    @Test
    void held_stock_with_a_scrap_not_yet_moved_is_not_relabelled_until_the_move_is_confirmed() {
        long move = decide(HoldDecision.Disposition.SCRAP, 6);

        refused(() -> relabelling.relabel(parent, relabel("S-" + f.tag, "A1", 3), quality, f.key()));
        HttpReply api = ApiClient.as(port, json, "quinn").post("/api/lots/" + parent + "/relabel", body("SA-" + f.tag));
        assertThat(api.status()).as(api.text()).isEqualTo(409);
        assertThat(api.code()).isEqualTo("HOLD_DISPOSITION_PENDING");
        assertThat(lotCount("SA-" + f.tag)).isZero();

        // the lot's HOLD stock at another location has no move pending: it relabels
        RelabellingLot.Relabelled elsewhere =
                relabelling.relabel(parent, relabel("E-" + f.tag, "A2", 2), quality, f.key());
        assertThat(elsewhere.adoptingHolds()).containsExactly(holdId);

        moves.confirm(move, f.labelOf(parent), f.tag + "-A1", new Actor("walt", Set.of("warehouse")), quality);
        assertThat(f.balancesOf(parent)).contains("A1 HOLD 14");
        RelabellingLot.Relabelled after = relabelling.relabel(parent, relabel("S-" + f.tag, "A1", 3), quality, f.key());
        assertThat(f.balancesOf(after.child().id())).containsExactly("A1 HOLD 3", "ADJ HOLD -3");
    }

    @Test
    void held_stock_staged_for_return_to_vendor_but_not_moved_is_not_relabelled() {
        decide(HoldDecision.Disposition.RETURN_TO_VENDOR, 20);

        refused(() -> relabelling.relabel(parent, relabel("R-" + f.tag, "A1", 1), quality, f.key()));
        assertThat(f.balancesOf(parent)).contains("A1 HOLD 20");
    }

    @Test
    void held_stock_once_staged_for_return_to_vendor_is_returned_not_relabelled() {
        long move = decide(HoldDecision.Disposition.RETURN_TO_VENDOR, 20);
        moves.confirm(move, f.labelOf(parent), f.tag + "-RTV", new Actor("walt", Set.of("warehouse")), quality);
        assertThat(f.balancesOf(parent)).contains("#" + rtv + " HOLD 20");

        long postings = count("posting");
        long lots = count("lot");
        assertThatThrownBy(() -> relabelling.relabel(
                        parent,
                        new RelabellingLot.Relabel("RT-" + f.tag, rtv, HOLD, 5, null, null, null, null, null),
                        quality,
                        f.key()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("STOCK_STAGED_FOR_RETURN");
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                });
        Map<String, Object> atStaging = body("RTA-" + f.tag);
        atStaging.put("locationId", rtv);
        HttpReply api = ApiClient.as(port, json, "quinn").post("/api/lots/" + parent + "/relabel", atStaging);
        assertThat(api.status()).as(api.text()).isEqualTo(409);
        assertThat(api.code()).isEqualTo("STOCK_STAGED_FOR_RETURN");
        assertThat(count("posting")).as("nothing posted").isEqualTo(postings);
        assertThat(count("lot")).as("no child lot").isEqualTo(lots);
        assertThat(f.balancesOf(parent)).contains("#" + rtv + " HOLD 20");
    }

    // ---- helpers

    /** A reviewer's decision on part of the hold's A1 stock, carried out as far as its warehouse move (OPEN). */
    long decide(HoldDecision.Disposition disposition, long quantity) {
        long record = decisions.record(
                null,
                "Task_ReviewHold",
                null,
                QualityHolds.SUBJECT_TYPE,
                String.valueOf(holdId),
                "APPROVE_" + disposition.name(),
                Map.of(),
                "quinn");
        List<Long> ids = moves.create(
                new HoldDecision(
                        record,
                        holdId,
                        HoldDecision.Outcome.valueOf(disposition.name()),
                        List.of(new HoldDecision.Part(parent, f.location("A1"), quantity, disposition)),
                        disposition == HoldDecision.Disposition.SCRAP ? "SCRAP_DAMAGED" : null,
                        null,
                        "quinn"),
                "test-" + f.tag);
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    void refused(Runnable call) {
        long postings = count("posting");
        long lots = count("lot");
        long lineage = count("lot_lineage");
        long outcomes = count("quality_hold_outcome");
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo("HOLD_DISPOSITION_PENDING");
            assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
        });
        assertThat(count("posting")).as("nothing posted").isEqualTo(postings);
        assertThat(count("lot")).as("no child lot").isEqualTo(lots);
        assertThat(count("lot_lineage")).isEqualTo(lineage);
        assertThat(count("quality_hold_outcome")).isEqualTo(outcomes);
    }

    RelabellingLot.Relabel relabel(String lotNumber, String location, long quantity) {
        return new RelabellingLot.Relabel(
                lotNumber, f.location(location), HOLD, quantity, null, null, null, null, null);
    }

    Map<String, Object> body(String lotNumber) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lotNumber", lotNumber);
        m.put("locationId", f.location("A1"));
        m.put("status", "HOLD");
        m.put("quantity", 2);
        return m;
    }

    long lotCount(String lotNumber) {
        return jdbc.queryForObject("select count(*) from lot where lot_number = ?", Long.class, lotNumber);
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
