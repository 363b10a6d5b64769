package org.lotledger.recall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.support.ApiClient;
import org.lotledger.support.HttpReply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Malformed recall requests as maria (who may start any recall), and mock recall requests as quinn: each a fixed
 * base request with one or more fields broken, chosen by a seeded SplittableRandom, plus raw bodies that are not the
 * JSON asked for. Every one is a 4xx problem with a code, and afterwards no recall, recall lot, hold, mock recall run
 * or process instance exists that did not before.
 */
@IntegrationTest
class RecallRequestsFuzzTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    static final List<Object[]> BREAKS = List.of(
            new Object[] {"scope", null},
            new Object[] {"scope", Map.of()},
            new Object[] {"scope", Map.of("lotId", -1)},
            new Object[] {"scope", Map.of("lotId", 0)},
            new Object[] {"scope", Map.of("lotId", "abc")},
            new Object[] {"scope", Map.of("batchRef", "")},
            new Object[] {"scope", Map.of("batchRef", "x".repeat(61))},
            new Object[] {"scope", Map.of("batchRef", "MFG\u0007")},
            new Object[] {"scope", Map.of("batchRef", "B", "lotId", 1)},
            new Object[] {"scope", Map.of("itemId", 1)},
            new Object[] {"scope", Map.of("itemId", 1, "manufacturedFrom", "2026-02-01", "manufacturedTo", "2026-01-01")
            },
            new Object[] {"scope", Map.of("itemId", 1, "manufacturedFrom", "2026-01-01")},
            new Object[] {"scope", Map.of("itemId", 1, "manufacturedFrom", "2000-01-01", "manufacturedTo", "2026-01-01")
            },
            new Object[] {"scope", Map.of("itemId", 1, "manufacturedFrom", "not-a-date", "manufacturedTo", "2026-01-01")
            },
            new Object[] {
                "scope",
                Map.of(
                        "itemId",
                        1,
                        "manufacturedFrom",
                        "2026-01-01",
                        "manufacturedTo",
                        "2026-01-02",
                        "receivedFrom",
                        "2026-01-01",
                        "receivedTo",
                        "2026-01-02")
            },
            new Object[] {"scope", Map.of("lotId", 1, "receivedFrom", "2026-01-01", "receivedTo", "2026-01-02")},
            new Object[] {"scope", Map.of("lot", 1)},
            new Object[] {"scope", "MFG-2026-0042"},
            new Object[] {"scope", List.of(1)},
            new Object[] {"reason", null},
            new Object[] {"reason", ""},
            new Object[] {"reason", "   "},
            new Object[] {"reason", "r".repeat(501)},
            new Object[] {"reason", "bad\u0000reason"},
            new Object[] {"recallClass", null},
            new Object[] {"recallClass", "IV"},
            new Object[] {"mode", null},
            new Object[] {"mode", "DRILL"},
            new Object[] {"note", "n".repeat(1001)},
            new Object[] {"note", List.of("a")},
            new Object[] {"unknownField", "x"},
            new Object[] {"scope", Map.of("lotId", "99999999999999999999")},
            new Object[] {"scope", Map.of("lotId", 99999999999999999L)},
            new Object[] {"scope", Map.of("lotId", 1.5)},
            new Object[] {"scope", Map.of("lotId", "1")},
            new Object[] {"scope", Map.of("batchRef", " ")},
            new Object[] {"scope", Map.of("batchRef", 42)},
            new Object[] {"scope", Map.of("receivedFrom", "2026-01-01", "receivedTo", "2026-01-02")},
            new Object[] {
                "scope", Map.of("itemId", -1, "manufacturedFrom", "2026-01-01", "manufacturedTo", "2026-01-02")
            },
            new Object[] {"scope", Map.of("itemId", 1, "receivedFrom", "2026-02-01", "receivedTo", "2026-01-01")},
            new Object[] {"scope", Map.of("itemId", 1, "receivedFrom", "3000-01-01", "receivedTo", "3000-01-02")},
            new Object[] {"scope", Map.of("itemId", 1, "manufacturedFrom", "2026-1-1", "manufacturedTo", "2026-01-02")},
            new Object[] {"reason", List.of("x")},
            new Object[] {"reason", Map.of()},
            new Object[] {"reason", "esc\u001b[0m"},
            new Object[] {"recallClass", ""},
            new Object[] {"recallClass", "ii"},
            new Object[] {"recallClass", 2},
            new Object[] {"recallClass", "II "},
            new Object[] {"mode", ""},
            new Object[] {"mode", "live"},
            new Object[] {"mode", 0},
            new Object[] {"note", "bad\u0000note"},
            new Object[] {"note", 5});

    @Test
    void malformed_recall_requests_are_all_4xx_and_store_nothing() {
        fuzz("maria", "LIVE");
    }

    /** The same defects on a mock recall by quinn (quality): no mock_recall_run either. */
    @Test
    void malformed_mock_recall_requests_are_all_4xx_and_store_nothing() {
        fuzz("quinn", "MOCK");
    }

    private void fuzz(String user, String mode) {
        ApiClient client = ApiClient.as(port, json, user);
        long lot = jdbc.queryForObject("select min(id) from lot", Long.class);
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("scope", Map.of("lotId", lot));
        base.put("reason", "fuzz");
        base.put("recallClass", "II");
        base.put("mode", mode);
        List<Object> requests = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(20261202L + mode.hashCode());
        for (Object[] b : BREAKS) {
            requests.add(broken(base, b));
        }
        for (int i = 0; i < 50; i++) {
            Map<String, Object> r = new LinkedHashMap<>(base);
            for (int k = 0; k < 2; k++) {
                Object[] b = BREAKS.get(random.nextInt(BREAKS.size()));
                r = broken(r, b);
            }
            requests.add(r);
        }
        requests.addAll(List.of(
                "{",
                "[]",
                "null",
                "\"recall\"",
                "",
                "{}",
                "1",
                "true",
                "[{\"reason\":\"fuzz\"}]",
                "{\"reason\":\"fuzz\",\"reason\":\"twice\",\"recallClass\":\"II\",\"mode\":\"" + mode
                        + "\",\"scope\":{\"lotId\":" + lot + "}}",
                "{\"reason\":\"fuzz\",\"recallClass\":\"II\",\"mode\":\"" + mode + "\",\"scope\":{\"lotId\":" + lot
                        + "}} {}",
                "{'reason':'fuzz'}"));
        long recalls = count("recall");
        long lots = count("recall_hold");
        long holds = count("quality_hold");
        long runs = count("mock_recall_run");
        long instances = jdbc.queryForObject(
                "select count(*) from act_ru_execution where business_key_ like 'recall-%'", Long.class);
        for (Object r : requests) {
            HttpReply reply = client.sendAsIs(
                    "POST", "/api/recalls", r, java.util.UUID.randomUUID().toString());
            assertThat(reply.status()).as("%s → %s", r, reply.text()).isBetween(400, 499);
            assertThat(reply.text()).as(String.valueOf(r)).contains("\"code\":");
        }
        assertThat(requests).as("malformed recall requests").hasSizeGreaterThanOrEqualTo(100);
        assertThat(count("recall")).isEqualTo(recalls);
        assertThat(count("recall_hold")).isEqualTo(lots);
        assertThat(count("quality_hold")).isEqualTo(holds);
        assertThat(count("mock_recall_run")).isEqualTo(runs);
        assertThat(jdbc.queryForObject(
                        "select count(*) from act_ru_execution where business_key_ like 'recall-%'", Long.class))
                .isEqualTo(instances);
    }

    private static Map<String, Object> broken(Map<String, Object> base, Object[] b) {
        Map<String, Object> r = new LinkedHashMap<>(base);
        if (b[1] == null) {
            r.remove((String) b[0]);
        } else {
            r.put((String) b[0], b[1]);
        }
        return r;
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
