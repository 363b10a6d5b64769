package org.lotledger.gs1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class Gs1ApplicationIdentifiersTest {

    private static final Gs1ApplicationIdentifiers TABLE = Gs1ApplicationIdentifiers.standard();
    private static final Set<Gs1ErrorCode> RELATION_CODES =
            Set.of(Gs1ErrorCode.MISSING_REQUIRED_AI, Gs1ErrorCode.EXCLUDED_AI_COMBINATION);

    private final Gs1Parser parser = new Gs1Parser(Clock.fixed(Instant.parse("2025-06-15T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void the_generated_table_loads_with_every_ai_of_the_dictionary_ranges_expanded() {
        // 541 = the AIs of GS1's Barcode Syntax Dictionary with ranges such as 3100-3105 and 91-99 expanded;
        // a refresh from a newer dictionary changes this figure on purpose (docs/gs1.md).
        assertThat(TABLE.size()).isEqualTo(541);
        assertThat(TABLE.all())
                .extracting(Gs1ApplicationIdentifier::ai)
                .doesNotHaveDuplicates()
                .allMatch(ai -> ai.matches("\\d{2,4}"));
    }

    @ParameterizedTest(name = "AI {0} is defined")
    @ValueSource(
            strings = {
                "00", "01", "02", "10", "11", "15", "17", "21", "30", "37", "240", "3103", "8006", "8013", "90", "91",
                "92", "93", "94", "95", "96", "97", "98", "99"
            })
    void the_ais_receiving_reads_and_those_it_only_keeps_are_defined(String ai) {
        assertThat(TABLE.isDefined(ai)).isTrue();
    }

    @ParameterizedTest(name = "AI {0} is not defined")
    @ValueSource(strings = {"04", "05", "09", "18", "19", "23", "24", "26", "3106", "3900x", "9", "999", "8000"})
    void numbers_gs1_has_not_allocated_are_not_in_the_table(String ai) {
        assertThat(TABLE.isDefined(ai)).isFalse();
    }

    @Test
    void the_receiving_ais_have_the_formats_gs1_gives_them() {
        assertThat(Stream.of("00", "01", "02", "10", "11", "15", "17", "21", "30", "37")
                        .map(ai -> TABLE.find(ai).orElseThrow()))
                .extracting(
                        Gs1ApplicationIdentifier::ai,
                        Gs1ApplicationIdentifier::format,
                        Gs1ApplicationIdentifier::predefinedLength)
                .containsExactly(
                        tuple("00", "N18,csum,gcppos2", true),
                        tuple("01", "N14,csum,gcppos2", true),
                        tuple("02", "N14,csum,gcppos2", true),
                        tuple("10", "X..20", false),
                        tuple("11", "N6,yymmd0", true),
                        tuple("15", "N6,yymmd0", true),
                        tuple("17", "N6,yymmd0", true),
                        tuple("21", "X..20", false),
                        tuple("30", "N..8", false),
                        tuple("37", "N..8", false));
        assertThat(TABLE.find("02").orElseThrow().requires()).isEqualTo(List.of(List.of(List.of("37"))));
        assertThat(TABLE.find("37").orElseThrow().requires())
                .isEqualTo(List.of(List.of(List.of("00", "02"), List.of("00", "8026"))));
        assertThat(TABLE.find("01").orElseThrow().excludes()).containsExactly("255", "37");
    }

    @Test
    void no_ai_is_the_prefix_of_another_so_a_scan_can_be_segmented() {
        Set<String> ais = TABLE.all().stream().map(Gs1ApplicationIdentifier::ai).collect(Collectors.toSet());

        assertThat(ais)
                .allSatisfy(ai -> assertThat(IntStream.range(2, ai.length()).mapToObj(n -> ai.substring(0, n)))
                        .as("prefixes of %s", ai)
                        .noneMatch(ais::contains));
    }

    @Test
    void the_ais_without_separator_are_exactly_the_predefined_lengths_of_the_general_specifications() {
        // GS1 General Specifications, figure 7.8.5-2: element strings with predefined length by their first two
        // digits, AI included. A cross-check of the dictionary's "*" flag against a second GS1 source.
        Map<String, Integer> predefined = Map.ofEntries(
                Map.entry("00", 20),
                Map.entry("01", 16),
                Map.entry("02", 16),
                Map.entry("03", 16),
                Map.entry("04", 18),
                Map.entry("11", 8),
                Map.entry("12", 8),
                Map.entry("13", 8),
                Map.entry("14", 8),
                Map.entry("15", 8),
                Map.entry("16", 8),
                Map.entry("17", 8),
                Map.entry("18", 8),
                Map.entry("19", 8),
                Map.entry("20", 4),
                Map.entry("31", 10),
                Map.entry("32", 10),
                Map.entry("33", 10),
                Map.entry("34", 10),
                Map.entry("35", 10),
                Map.entry("36", 10),
                Map.entry("41", 16));

        assertThat(TABLE.all())
                .filteredOn(Gs1ApplicationIdentifier::predefinedLength)
                .isNotEmpty()
                .allSatisfy(ai -> assertThat(ai.ai().length() + ai.maxLength())
                        .as("length of %s", ai.ai())
                        .isEqualTo(predefined.get(ai.ai().substring(0, 2))));
        assertThat(TABLE.all())
                .filteredOn(ai -> !ai.predefinedLength())
                .noneMatch(ai -> predefined.containsKey(ai.ai().substring(0, 2)));
    }

    @Test
    void every_content_check_the_table_names_is_either_enforced_or_knowingly_left_out() {
        Set<String> named = TABLE.all().stream()
                .flatMap(ai -> ai.components().stream())
                .flatMap(c -> c.linters().stream())
                .collect(Collectors.toSet());

        assertThat(named).allMatch(l -> Gs1Linters.CHECKED.contains(l) || Gs1Linters.NOT_CHECKED.contains(l));
        assertThat(Gs1Linters.CHECKED).doesNotContainAnyElementsOf(Gs1Linters.NOT_CHECKED);
    }

    @Test
    void every_relation_names_ais_or_patterns_the_table_knows() {
        Set<String> ais = TABLE.all().stream().map(Gs1ApplicationIdentifier::ai).collect(Collectors.toSet());
        Stream<String> referenced = TABLE.all().stream()
                .flatMap(ai -> Stream.concat(
                        ai.excludes().stream(),
                        ai.requires().stream().flatMap(List::stream).flatMap(List::stream)));

        assertThat(referenced).allMatch(p -> ais.stream().anyMatch(ai -> Gs1ApplicationIdentifier.matches(p, ai)));
    }

    @Test
    void the_character_sets_have_the_sizes_gs1_gives_them() {
        assertThat(Gs1CheckDigits.CSET82).hasSize(82);
        assertThat(Gs1CheckDigits.CSET82.chars().distinct().count()).isEqualTo(82);
        assertThat(Gs1CheckDigits.CSET39).hasSize(39);
        assertThat(Gs1CheckDigits.CSET64).hasSize(64);
    }

    static Stream<String> allAis() {
        return TABLE.all().stream().map(Gs1ApplicationIdentifier::ai);
    }

    @ParameterizedTest(name = "AI {0}")
    @MethodSource("allAis")
    void every_ai_of_the_table_round_trips_through_a_scan_and_the_human_readable_form(String ai) {
        Gs1ApplicationIdentifier definition = TABLE.find(ai).orElseThrow();
        String value = sampleValue(definition);
        String separator = definition.predefinedLength() ? "" : "\u001D";
        String next = ai.equals("99") ? "98" : "99";

        Gs1ParseResult scanned = parser.parse("]d2" + ai + value + separator + next + "END");
        Gs1ParseResult typed =
                parser.parse("(" + ai + ")" + value.replace("(", "\\(").replace(")", "\\)") + "(" + next + ")END");

        for (Gs1ParseResult result : List.of(scanned, typed)) {
            assertThat(result.errors()).as("%s %s", ai, value).allMatch(e -> RELATION_CODES.contains(e.code()));
            assertThat(result.elements())
                    .extracting(Gs1Element::ai, Gs1Element::value)
                    .containsExactly(tuple(ai, value), tuple(next, "END"));
        }
    }

    /** A value valid for the AI's format, at the maximum length, so that the field bounds are exercised too. */
    static String sampleValue(Gs1ApplicationIdentifier ai) {
        StringBuilder value = new StringBuilder();
        for (Gs1Component c : ai.components()) {
            value.append(sampleComponent(c));
        }
        return value.toString();
    }

    private static String sampleComponent(Gs1Component c) {
        List<String> l = c.linters();
        int n = c.max();
        if (l.contains("csum")) {
            String body = repeat("1234567890", n - 1);
            return body + Gs1CheckDigits.mod10(body);
        }
        if (l.contains("csumalpha")) {
            String data = repeat("1987654Ad4X4bL5ttr2310c", n - 2);
            return data + Gs1CheckDigits.alphanumericPair(data);
        }
        if (l.contains("yymmd0") || l.contains("yymmdd")) {
            return "251231";
        }
        if (l.contains("yyyymmdd")) {
            return "20251231";
        }
        for (var fixed : Map.of(
                        "hhmi",
                        "2359",
                        "hh",
                        "23",
                        "mi",
                        "59",
                        "ss",
                        "59",
                        "zero",
                        "0",
                        "yesno",
                        "1",
                        "winding",
                        "9",
                        "hyphen",
                        "-",
                        "iso5218",
                        "2",
                        "pieceoftotal",
                        "0102")
                .entrySet()) {
            if (l.contains(fixed.getKey())) {
                return fixed.getValue();
            }
        }
        if (l.contains("posinseqslash")) {
            return "1/2";
        }
        if (l.contains("latitude")) {
            return "1800000000";
        }
        if (l.contains("longitude")) {
            return "3600000000";
        }
        if (l.contains("pcenc")) {
            return "A%20" + repeat("B", n - 4);
        }
        return switch (c.type()) {
            case 'N' -> repeat("1234567890", n);
            case 'Y' -> repeat("AB1-#/", n);
            case 'Z' -> repeat("Ab1_-z", n);
            default -> repeat("Ab1-(x)", n);
        };
    }

    private static String repeat(String pattern, int length) {
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            s.append(pattern);
        }
        return s.substring(0, length);
    }
}
