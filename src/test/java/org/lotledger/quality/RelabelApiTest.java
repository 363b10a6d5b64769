package org.lotledger.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.LedgerFixtures;
import org.lotledger.ledger.StockStatus;
import org.lotledger.platform.security.WarehouseStaffGroups;
import org.lotledger.support.ApiClient;
import org.lotledger.support.HttpReply;
import org.lotledger.support.WarehouseStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code POST /api/lots/{id}/relabel} over HTTP: a relabel by quality, replayed through the door; inventory control
 * of another warehouse, admin and the floor refused (403), inventory control of the lot's warehouse allowed; and malformed requests, each with one defect on a request that would
 * otherwise succeed, all 4xx with a code, nothing posted or stored.
 */
@IntegrationTest
class RelabelApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    IdentityService identity;

    @Autowired
    WarehouseStaffGroups groups;

    LedgerFixtures f;
    long parent;
    ApiClient quality;

    @BeforeEach
    void stock() {
        f = new LedgerFixtures(jdbc);
        parent = f.newLot();
        f.stock(ledger, parent, "A1", StockStatus.AVAILABLE, 20);
        quality = ApiClient.as(port, json, "quinn");
    }

    @Test
    void a_relabel_is_created_once_and_replayed_with_the_same_key() {
        String key = UUID.randomUUID().toString();
        HttpReply first = quality.send("POST", path(parent), valid(), key);
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        long child = first.body().path("child").path("id").asLong();
        assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("/api/lots/" + child);
        assertThat(first.body().path("posting").path("type").asText()).isEqualTo("RELABEL");
        long postings = count("posting");

        HttpReply again = quality.send("POST", path(parent), valid(), key);
        // the door answers a replay 200 with the first answer's body (ADR 0009)
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(again.body().path("child").path("id").asLong()).isEqualTo(child);
        assertThat(count("posting")).isEqualTo(postings);

        HttpReply lineage = quality.get("/api/lots/" + child + "/lineage");
        assertThat(lineage.status()).as(lineage.text()).isEqualTo(200);
        assertThat(lineage.text()).contains("\"relation\":\"RELABEL\"");
    }

    @Test
    void inventory_control_relabels_only_where_it_works() {
        HttpReply east = ApiClient.as(port, json, "ines").post(path(parent), valid());
        assertThat(east.status()).as(east.text()).isEqualTo(403);
        assertThat(east.code()).isEqualTo("NOT_WAREHOUSE_STAFF");
        HttpReply admin = ApiClient.as(port, json, "admin").post(path(parent), valid());
        assertThat(admin.status()).as(admin.text()).isEqualTo(403);
        HttpReply floor = ApiClient.as(port, json, "walt").post(path(parent), valid());
        assertThat(floor.status()).as(floor.text()).isEqualTo(403);
        assertThat(count("lot_lineage where parent_lot_id = " + parent)).isZero();

        String here = WarehouseStaff.at(identity, groups, "rlivy", "inventory-control", f.tag);
        HttpReply ok = ApiClient.as(port, json, here).post(path(parent), valid());
        assertThat(ok.status()).as(ok.text()).isEqualTo(201);
    }

    @Test
    void malformed_relabel_requests_are_all_refused_and_post_nothing() {
        String parentNumber = jdbc.queryForObject("select lot_number from lot where id = ?", String.class, parent);
        String validText = text(valid());
        List<Object[]> cases = new ArrayList<>();
        // {description, path, body (a Map is sent as JSON, a String as it is)}
        cases.add(bad("no lot number", without("lotNumber")));
        cases.add(bad("empty lot number", with("lotNumber", "")));
        cases.add(bad("lot number with a leading space", with("lotNumber", " L1")));
        cases.add(bad("lot number of 61 characters", with("lotNumber", "L".repeat(61))));
        cases.add(bad("lot number with a control character", with("lotNumber", "L\u00011")));
        cases.add(bad("lot number with a letter outside the label set", with("lotNumber", "LÄ1")));
        cases.add(bad("lot number as a number", with("lotNumber", 123)));
        cases.add(bad("the parent's own lot number", with("lotNumber", parentNumber)));
        cases.add(bad("no location", without("locationId")));
        cases.add(bad("negative location", with("locationId", -1)));
        cases.add(bad("location as text", with("locationId", "A1")));
        cases.add(bad("fractional location", with("locationId", 1.5)));
        cases.add(bad("unknown location", with("locationId", 999_999_999L)));
        cases.add(bad("location without stock", with("locationId", f.location("A2"))));
        cases.add(bad("the adjustment location", with("locationId", f.location("ADJ"))));
        cases.add(bad("no status", without("status")));
        cases.add(bad("unknown status", with("status", "BROKEN")));
        cases.add(bad("REJECTED status", with("status", "REJECTED")));
        cases.add(bad("status in lower case", with("status", "available")));
        cases.add(bad("HOLD status without HOLD stock", with("status", "HOLD")));
        cases.add(bad("no quantity", without("quantity")));
        cases.add(bad("zero quantity", with("quantity", 0)));
        cases.add(bad("negative quantity", with("quantity", -3)));
        cases.add(bad("fractional quantity", with("quantity", 1.5)));
        cases.add(bad("quantity above the ledger's ceiling", with("quantity", 10_000_000_000_000L)));
        cases.add(bad("quantity as text", with("quantity", "ten")));
        cases.add(bad("more than on hand", with("quantity", 21)));
        cases.add(bad("impossible expiry date", with("expiresOn", "2026-13-01")));
        cases.add(bad("expiry as a word", with("expiresOn", "tomorrow")));
        cases.add(bad("expiry after the parent's", with("expiresOn", "2999-01-01")));
        cases.add(bad("manufactured after expiry", with("manufacturedOn", "2026-06-02", "expiresOn", "2026-06-01")));
        cases.add(bad("batch reference of 61 characters", with("manufacturerBatchRef", "B".repeat(61))));
        cases.add(bad("note of 401 characters", with("note", "n".repeat(401))));
        cases.add(bad("unknown field", with("colour", "red")));
        cases.add(new Object[] {"not JSON", path(parent), "{\"lotNumber\": "});
        cases.add(new Object[] {"an array", path(parent), "[" + validText + "]"});
        cases.add(new Object[] {"null", path(parent), "null"});
        cases.add(new Object[] {"trailing garbage", path(parent), validText + " x"});
        cases.add(new Object[] {
            "the lot number twice", path(parent), validText.replaceFirst("\\{", "{\"lotNumber\":\"DUP-1\",")
        });
        cases.add(new Object[] {"unknown parent lot", path(999_999_999L), valid()});
        cases.add(new Object[] {"parent lot as text", "/api/lots/abc/relabel", valid()});
        assertThat(cases).hasSizeGreaterThanOrEqualTo(30);

        long postings = count("posting");
        long lots = count("lot");
        long edges = count("lot_lineage");
        List<String> wrong = new ArrayList<>();
        for (Object[] c : cases) {
            HttpReply r = quality.sendAsIs(
                    "POST", (String) c[1], c[2], UUID.randomUUID().toString());
            if (r.status() < 400
                    || r.status() >= 500
                    || r.code() == null
                    || r.code().isBlank()) {
                wrong.add(c[0] + " → " + r);
            }
        }
        assertThat(wrong).as("answers that are not a 4xx problem with a code").isEmpty();
        assertThat(count("posting")).isEqualTo(postings);
        assertThat(count("lot")).isEqualTo(lots);
        assertThat(count("lot_lineage")).isEqualTo(edges);
        assertThat(f.balancesOf(parent)).containsExactly("A1 AVAILABLE 20", "ADJ AVAILABLE -20");

        // and the valid request still goes through afterwards (the refusals kept nothing)
        HttpReply ok = quality.post(path(parent), valid());
        assertThat(ok.status()).as(ok.text()).isEqualTo(201);
    }

    // ---- helpers

    static String path(long lot) {
        return "/api/lots/" + lot + "/relabel";
    }

    Map<String, Object> valid() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lotNumber", "NEW-" + f.tag);
        m.put("locationId", f.location("A1"));
        m.put("status", "AVAILABLE");
        m.put("quantity", 5);
        m.put("note", "relabelled at the dock");
        return m;
    }

    Map<String, Object> with(Object... kv) {
        Map<String, Object> m = valid();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    Map<String, Object> without(String field) {
        Map<String, Object> m = valid();
        m.remove(field);
        return m;
    }

    Object[] bad(String description, Map<String, Object> body) {
        return new Object[] {description, path(parent), body};
    }

    String text(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
