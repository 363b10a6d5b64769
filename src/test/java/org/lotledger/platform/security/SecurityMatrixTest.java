package org.lotledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.lotledger.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Checks every cell of the endpoint-family table in docs/security.md against the running application:
 * a request as a demo user of the column's group (HTTP basic) is refused with 403 where the cell is "—" and is let
 * through (neither 401 nor 403) where it is "✔"; anonymous requests get 401 where the anonymous cell is "—".
 */
@IntegrationTest
class SecurityMatrixTest {

    static final String YES = "✔";
    static final String NO = "—";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identity;

    record Row(String family, HttpMethod method, String path, Map<String, String> cells) {
    }

    /** The table between the security-matrix markers of docs/security.md (tests run in the project root). */
    static List<String> header = List.of();

    static List<Row> matrix() throws IOException {
        String doc = Files.readString(Path.of("docs/security.md"), StandardCharsets.UTF_8);
        int begin = doc.indexOf("<!-- security-matrix:begin -->");
        int end = doc.indexOf("<!-- security-matrix:end -->");
        assertThat(begin).as("matrix markers in docs/security.md").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        List<String[]> lines = doc.substring(begin, end).lines().filter(l -> l.startsWith("|"))
                .map(l -> Arrays.stream(l.substring(1, l.lastIndexOf('|')).split("\\|")).map(String::trim)
                        .toArray(String[]::new))
                .toList();
        header = List.of(lines.get(0));
        assertThat(header.subList(0, 4)).containsExactly("family", "method", "sample path", "anonymous");
        assertThat(header.subList(4, header.size())).as("one column per group").containsExactlyElementsOf(Groups.ALL);
        List<Row> rows = new ArrayList<>();
        for (String[] cells : lines.subList(2, lines.size())) {
            assertThat(cells).hasSize(header.size());
            Map<String, String> byColumn = new java.util.LinkedHashMap<>();
            for (int i = 3; i < cells.length; i++) {
                assertThat(cells[i]).as("cell %s of %s", header.get(i), cells[2]).isIn(YES, NO);
                byColumn.put(header.get(i), cells[i]);
            }
            rows.add(new Row(cells[0], HttpMethod.valueOf(cells[1]), cells[2].replace("`", ""), byColumn));
        }
        return rows;
    }

    /** The demo user who probes a group: one whose only group it is, else the one with the fewest other groups. */
    static String probeFor(String group) {
        return DemoIdentityLoader.USERS.entrySet().stream().filter(e -> e.getValue().groups().contains(group))
                .min(Comparator.comparingInt(e -> e.getValue().groups().size())).map(Map.Entry::getKey)
                .orElseThrow(() -> new AssertionError("no demo user in group " + group));
    }

    @TestFactory
    Stream<DynamicTest> every_cell_of_the_endpoint_matrix_holds() throws IOException {
        List<Row> rows = matrix();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(30);
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : rows) {
            String anonymous = row.cells().get("anonymous");
            tests.add(DynamicTest.dynamicTest(row.method() + " " + row.path() + " as anonymous → " + anonymous, () -> {
                ResponseEntity<String> r = send(rest, row);
                if (anonymous.equals(YES)) {
                    assertThat(r.getStatusCode().value()).as(describe(row, "anonymous", r)).isNotIn(401, 403);
                } else {
                    assertThat(r.getStatusCode().value()).as(describe(row, "anonymous", r)).isEqualTo(401);
                    assertThat(r.getBody()).contains("\"code\":\"UNAUTHENTICATED\"");
                }
            }));
            for (String group : Groups.ALL) {
                String user = probeFor(group);
                // a user may be in more groups than the probed one: allowed if any of them is
                boolean allowed = DemoIdentityLoader.USERS.get(user).groups().stream()
                        .anyMatch(g -> row.cells().getOrDefault(g, NO).equals(YES));
                tests.add(DynamicTest.dynamicTest(row.method() + " " + row.path() + " as " + user + " (" + group + ") → "
                        + (allowed ? YES : NO), () -> {
                    ResponseEntity<String> r = send(rest.withBasicAuth(user, user + "-demo"), row);
                    if (allowed) {
                        assertThat(r.getStatusCode().value()).as(describe(row, user, r)).isNotIn(401, 403);
                    } else {
                        assertThat(r.getStatusCode().value()).as(describe(row, user, r)).isEqualTo(403);
                        assertThat(r.getBody()).contains("\"code\":\"FORBIDDEN\"");
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void the_matrix_probes_each_group_with_a_user_whose_other_groups_do_not_widen_the_column() throws IOException {
        for (Row row : matrix()) {
            for (String group : Groups.ALL) {
                String user = probeFor(group);
                boolean union = DemoIdentityLoader.USERS.get(user).groups().stream()
                        .anyMatch(g -> row.cells().getOrDefault(g, NO).equals(YES));
                assertThat(union).as("%s %s: %s probes %s", row.method(), row.path(), user, group)
                        .isEqualTo(row.cells().get(group).equals(YES));
            }
        }
    }

    @Test
    void a_wrong_password_is_401_even_where_anonymous_callers_are_welcome() {
        // a throw-away user: Camunda locks a user for a while after a failed attempt (ENGINE-27001)
        TestUsers.ensure(identity, "wrongpasswordapi", "the-right-password-1", Groups.ADMIN);
        for (String path : List.of("/actuator/health", "/api/items/1", "/engine-rest/engine")) {
            ResponseEntity<String> r = rest.withBasicAuth("wrongpasswordapi", "not-the-password")
                    .exchange(path, HttpMethod.GET, null, String.class);
            assertThat(r.getStatusCode().value()).as(path).isEqualTo(401);
        }
    }

    static ResponseEntity<String> send(TestRestTemplate client, Row row) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        HttpEntity<String> entity;
        if (row.method() == HttpMethod.GET || row.method() == HttpMethod.DELETE) {
            entity = new HttpEntity<>(headers);
        } else {
            headers.setContentType(MediaType.APPLICATION_JSON);
            entity = new HttpEntity<>("{}", headers);
        }
        return client.exchange(row.path(), row.method(), entity, String.class);
    }

    private static String describe(Row row, String who, ResponseEntity<String> r) {
        String body = r.getBody() == null ? "" : r.getBody();
        return row.family() + " " + row.method() + " " + row.path() + " as " + who + " → " + r.getStatusCode() + " "
                + body.substring(0, Math.min(200, body.length()));
    }
}
