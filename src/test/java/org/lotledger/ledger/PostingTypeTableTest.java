package org.lotledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lotledger.catalog.location.LocationKind;

/**
 * The table "What each posting type may do" in docs/architecture.md is {@link PostingType}'s rules, row for row: a
 * change to the location kinds or status transitions a type allows changes the documentation in the same commit (the
 * groups are docs/security.md's, checked by {@code SecurityMatrixTest}).
 */
class PostingTypeTableTest {

    @Test
    void the_documented_posting_type_table_is_the_gates() throws IOException {
        String doc = Files.readString(Path.of("docs/architecture.md"), StandardCharsets.UTF_8);
        int begin = doc.indexOf("<!-- posting-types:begin -->");
        int end = doc.indexOf("<!-- posting-types:end -->");
        assertThat(begin).as("posting-types markers in docs/architecture.md").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        List<String> documented = doc.substring(begin, end)
                .lines()
                .filter(l -> l.startsWith("| ") && !l.startsWith("| type ") && !l.startsWith("|---"))
                .map(String::strip)
                .toList();
        List<String> gate = Arrays.stream(PostingType.values())
                .map(PostingTypeTableTest::row)
                .toList();
        assertThat(documented).containsExactlyElementsOf(gate);
    }

    static String row(PostingType t) {
        String kept = Arrays.stream(StockStatus.values())
                .filter(s -> t.transitions().contains(new PostingType.StatusChange(s, s)))
                .map(Enum::name)
                .collect(Collectors.joining(", "));
        String changed = t.transitions().stream()
                .filter(c -> c.from() != c.to())
                .sorted((x, y) -> x.from() != y.from() ? x.from().compareTo(y.from()) : x.to().compareTo(y.to()))
                .map(c -> c.from() + " → " + c.to())
                .collect(Collectors.joining(", "));
        return "| " + t.name() + " | " + kinds(t.fromKinds()) + " | " + kinds(t.toKinds()) + " | " + orDash(kept)
                + " | " + orDash(changed) + " | " + (t.reasonRequired() ? "required" : "optional") + " |";
    }

    private static String kinds(java.util.Set<LocationKind> kinds) {
        if (kinds.equals(EnumSet.allOf(LocationKind.class))) {
            return "any";
        }
        return kinds.stream().sorted().map(Enum::name).collect(Collectors.joining(", "));
    }

    private static String orDash(String s) {
        return s.isEmpty() ? "—" : s;
    }
}
