package org.lotledger.gs1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class Gs1ParserTest {

    private static final String GS = "\u001D";
    private static final String GTIN = "09506000134352";
    private static final String SSCC = "106141411234567897";

    private final Gs1Parser parser = new Gs1Parser(clockAt("2025-06-15"));

    private static Clock clockAt(String date) {
        return Clock.fixed(Instant.parse(date + "T10:00:00Z"), ZoneOffset.UTC);
    }

    private Gs1Message valid(String input) {
        Gs1ParseResult result = parser.parse(input);
        assertThat(result.errors()).as("errors for %s", input).isEmpty();
        return result.message().orElseThrow();
    }

    private List<Gs1Error> errors(String input) {
        Gs1ParseResult result = parser.parse(input);
        assertThat(result.isValid()).as("%s should be refused", input).isFalse();
        assertThat(result.message()).isEmpty();
        return result.errors();
    }

    @Nested
    class The_general_specifications_examples {

        @Test
        void the_human_readable_form_with_gtin_expiry_and_lot_is_read_element_by_element() {
            Gs1Message message = valid("(01)09506000134352(17)201225(10)ABC123");

            assertThat(message.elements())
                    .extracting(Gs1Element::ai, Gs1Element::value, Gs1Element::title)
                    .containsExactly(
                            tuple("01", GTIN, "GTIN"),
                            tuple("17", "201225", "USE BY or EXPIRY"),
                            tuple("10", "ABC123", "BATCH/LOT"));
            assertThat(message.gtin()).contains(GTIN);
            assertThat(message.expiry()).contains(LocalDate.of(2020, 12, 25));
            assertThat(message.lot()).contains("ABC123");
        }

        @Test
        void the_same_data_as_a_gs1_128_scan_needs_no_separator_after_the_fixed_length_fields() {
            Gs1Message message = valid("]C1" + "01" + GTIN + "17201225" + "10ABC123");

            assertThat(message.gtin()).contains(GTIN);
            assertThat(message.expiry()).contains(LocalDate.of(2020, 12, 25));
            assertThat(message.lot()).contains("ABC123");
        }

        @Test
        void an_sscc_with_its_check_digit_is_read() {
            assertThat(valid("(00)" + SSCC).sscc()).contains(SSCC);
        }

        @Test
        void a_logistic_unit_label_carries_sscc_content_gtin_and_count_together() {
            Gs1Message message = valid("(00)" + SSCC + "(02)" + GTIN + "(37)48");

            assertThat(message.sscc()).contains(SSCC);
            assertThat(message.contentGtin()).contains(GTIN);
            assertThat(message.count()).hasValue(48);
        }

        @Test
        void a_net_weight_with_three_decimals_is_a_decimal_in_kilograms() {
            Gs1Message message = valid("(01)" + GTIN + "(3103)000750");

            assertThat(message.measures()).singleElement().satisfies(m -> {
                assertThat(m.value()).isEqualTo(new BigDecimal("0.750"));
                assertThat(m.unit()).isEqualTo("kg");
                assertThat(m.quantity()).isEqualTo("NET WEIGHT");
            });
            assertThat(message.decimal("3103")).contains(new BigDecimal("0.750"));
        }

        @Test
        void a_gmn_with_its_check_character_pair_is_read() {
            assertThat(valid("(8013)1987654Ad4X4bL5ttr2310c2K").value("8013")).contains("1987654Ad4X4bL5ttr2310c2K");
        }
    }

    @Nested
    class Scanner_input {

        @ParameterizedTest(name = "[{index}] prefix \"{0}\"")
        @ValueSource(strings = {"]C1", "]d2", "]Q3", "]e0", ""})
        void each_gs1_symbology_identifier_is_accepted_and_is_not_data(String symbology) {
            Gs1Message message = valid(symbology + "01" + GTIN + "10LOT-7" + GS + "17261231");

            assertThat(message.elements()).extracting(Gs1Element::ai).containsExactly("01", "10", "17");
            assertThat(message.lot()).contains("LOT-7");
        }

        @Test
        void variable_length_fields_end_at_the_gs_and_fixed_length_fields_after_them_are_read() {
            Gs1Message message =
                    valid("]d2" + "01" + GTIN + "10ABC123" + GS + "21SN0042" + GS + "17261130" + "11250101");

            assertThat(message.lot()).contains("ABC123");
            assertThat(message.serial()).contains("SN0042");
            assertThat(message.expiry()).contains(LocalDate.of(2026, 11, 30));
            assertThat(message.productionDate()).contains(LocalDate.of(2025, 1, 1));
        }

        @Test
        void a_variable_length_field_at_the_end_needs_no_separator() {
            Gs1Message message = valid("]C1" + "01" + GTIN + "15260101" + "30" + "144" + GS + "21" + "A1B2C3");

            assertThat(message.bestBefore()).contains(LocalDate.of(2026, 1, 1));
            assertThat(message.variableCount()).hasValue(144);
            assertThat(message.serial()).contains("A1B2C3");
        }

        @Test
        void a_leading_gs_for_the_opening_fnc1_a_superfluous_gs_and_a_trailing_carriage_return_are_tolerated() {
            Gs1Message message = valid(GS + "01" + GTIN + GS + "10ABC" + GS + "\r\n");

            assertThat(message.gtin()).contains(GTIN);
            assertThat(message.lot()).contains("ABC");
        }

        @Test
        void ais_that_receiving_does_not_use_are_kept_with_their_raw_value() {
            Gs1Message message = valid("(01)" + GTIN + "(240)PART-99(91)ABC%&(99)internal");

            assertThat(message.value("240")).contains("PART-99");
            assertThat(message.value("91")).contains("ABC%&");
            assertThat(message.value("99")).contains("internal");
            assertThat(message.elements())
                    .extracting(Gs1Element::title)
                    .containsExactly("GTIN", "ADDITIONAL ID", "INTERNAL", "INTERNAL");
        }

        @Test
        void a_parenthesis_inside_data_is_written_with_a_backslash_in_the_human_readable_form() {
            assertThat(valid("(01)" + GTIN + "(10)AB\\(1\\)").lot()).contains("AB(1)");
        }

        @Test
        void the_same_ai_twice_with_the_same_value_is_read_once() {
            assertThat(valid("(01)" + GTIN + "(10)A1(10)A1").elements())
                    .extracting(Gs1Element::ai)
                    .containsExactly("01", "10");
        }

        @Test
        void the_barcodes_of_one_item_are_checked_together_for_the_ais_they_require() {
            Gs1ParseResult result =
                    parser.parseAll(List.of("]C1" + "00" + SSCC, "]C1" + "02" + GTIN + "37" + "12" + GS + "10L1"));

            assertThat(result.errors()).isEmpty();
            Gs1Message message = result.orElseThrow();
            assertThat(message.sscc()).contains(SSCC);
            assertThat(message.count()).hasValue(12);
            assertThat(message.lot()).contains("L1");
        }
    }

    @Nested
    class Dates {

        @ParameterizedTest(name = "AI 17 {0} means {1}")
        @CsvSource({
            "251100, 2025-11-30",
            "240200, 2024-02-29",
            "250200, 2025-02-28",
            "251231, 2025-12-31",
            "260229, ",
        })
        void day_00_means_the_last_day_of_the_month(String yymmdd, LocalDate expected) {
            Gs1ParseResult result = parser.parse("(01)" + GTIN + "(17)" + yymmdd);

            if (expected == null) {
                assertThat(result.errors()).extracting(Gs1Error::code).containsExactly(Gs1ErrorCode.INVALID_DATE);
            } else {
                assertThat(result.orElseThrow().expiry()).contains(expected);
            }
        }

        @ParameterizedTest(name = "on {0}, YY {1} is {2}")
        @CsvSource({
            "2025-06-15, 25, 2025",
            "2025-06-15, 75, 2075", // 50 ahead: still this century
            "2025-06-15, 76, 1976", // 51 ahead: last century
            "2025-06-15, 99, 1999",
            "2025-06-15, 00, 2000",
            "2075-03-01, 25, 2125", // 50 behind: next century
            "2075-03-01, 26, 2026", // 49 behind: this century
            "1999-12-31, 00, 2000",
            "1999-12-31, 49, 2049",
            "1999-12-31, 50, 1950",
        })
        void two_digit_years_follow_the_gs1_sliding_century_window(LocalDate today, int yy, int year) {
            Gs1Parser onThatDay = new Gs1Parser(clockAt(today.toString()));

            Gs1Message message = onThatDay
                    .parse("(01)" + GTIN + "(17)" + String.format("%02d", yy) + "0315")
                    .orElseThrow();

            assertThat(message.expiry()).contains(LocalDate.of(year, 3, 15));
            assertThat(Gs1Dates.fullYear(yy, today)).isEqualTo(year);
        }

        @Test
        void day_00_is_refused_where_the_dictionary_asks_for_a_real_day() {
            // 7006 (first freeze date) is N6,yymmdd: no day-00 rule
            assertThat(errors("(01)" + GTIN + "(7006)250300"))
                    .extracting(Gs1Error::code)
                    .containsExactly(Gs1ErrorCode.INVALID_DATE);
        }
    }

    @Nested
    class Malformed_input {

        @Test
        void a_gtin_with_a_bad_check_digit_is_refused_with_the_expected_digit() {
            List<Gs1Error> errors = errors("]C1" + "01" + "09506000134353" + "10ABC");

            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.code()).isEqualTo(Gs1ErrorCode.BAD_CHECK_DIGIT);
                assertThat(e.ai()).isEqualTo("01");
                assertThat(e.position()).isEqualTo(3 + 2 + 13);
                assertThat(e.message()).isEqualTo("Check digit of GTIN (01) 09506000134353 is wrong: expected 2");
            });
        }

        @Test
        void an_sscc_with_a_bad_check_digit_is_refused() {
            assertThat(errors("(00)106141411234567891"))
                    .extracting(Gs1Error::code, Gs1Error::message)
                    .containsExactly(tuple(
                            Gs1ErrorCode.BAD_CHECK_DIGIT,
                            "Check digit of SSCC (00) 106141411234567891 is wrong: expected 7"));
        }

        @Test
        void a_gmn_with_wrong_check_characters_is_refused() {
            assertThat(errors("(8013)1987654Ad4X4bL5ttr2310c2L"))
                    .extracting(Gs1Error::code)
                    .containsExactly(Gs1ErrorCode.BAD_CHECK_DIGIT);
        }

        @ParameterizedTest(name = "AI 17 {0}")
        @ValueSource(strings = {"231345", "230230", "250431", "251300", "250001"})
        void an_impossible_date_is_refused(String yymmdd) {
            List<Gs1Error> errors = errors("(01)" + GTIN + "(17)" + yymmdd);

            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.code()).isEqualTo(Gs1ErrorCode.INVALID_DATE);
                assertThat(e.ai()).isEqualTo("17");
                assertThat(e.message()).startsWith("USE BY or EXPIRY (17) " + yymmdd + " is not a valid date");
            });
        }

        @Test
        void a_lot_that_swallows_the_next_element_and_grows_too_long_is_a_missing_separator() {
            List<Gs1Error> errors = errors("]C1" + "10ABC123" + "01" + GTIN + "17201225");

            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.code()).isEqualTo(Gs1ErrorCode.MISSING_SEPARATOR);
                assertThat(e.ai()).isEqualTo("10");
                assertThat(e.position()).isEqualTo(3 + 2 + 6);
                assertThat(e.message()).contains("runs into GTIN (01) " + GTIN).contains("GS separator");
            });
        }

        @Test
        void a_lot_that_swallows_a_gtin_and_still_fits_its_length_is_a_missing_separator() {
            assertThat(errors("]C1" + "01" + GTIN + "10AB" + "02" + GTIN))
                    .extracting(Gs1Error::code)
                    .containsExactly(Gs1ErrorCode.MISSING_SEPARATOR);
        }

        @Test
        void a_lot_longer_than_twenty_characters_is_too_long() {
            List<Gs1Error> errors = errors("(01)" + GTIN + "(10)ABCDEFGHIJKLMNOPQRSTU");

            assertThat(errors)
                    .extracting(Gs1Error::code, Gs1Error::message)
                    .containsExactly(tuple(
                            Gs1ErrorCode.FIELD_TOO_LONG,
                            "BATCH/LOT (10) ABCDEFGHIJKLMNOPQRSTU has 21 characters; at most 20 are allowed"));
        }

        @Test
        void a_fixed_length_field_typed_too_long_in_the_human_readable_form_is_refused() {
            assertThat(errors("(01)" + GTIN + "0"))
                    .extracting(Gs1Error::code)
                    .containsExactly(Gs1ErrorCode.FIELD_TOO_LONG);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {"(23)x", "(01)09506000134352(23)x", "(0)1", "(ABC)1", "()1", "(01)09506000134352(9999)1"})
        void an_ai_gs1_does_not_define_is_refused_in_the_human_readable_form(String input) {
            assertThat(errors(input)).extracting(Gs1Error::code).containsExactly(Gs1ErrorCode.UNKNOWN_AI);
        }

        @Test
        void an_ai_gs1_does_not_define_is_refused_in_a_scan() {
            List<Gs1Error> errors = errors("]C1" + "01" + GTIN + "23x");

            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.code()).isEqualTo(Gs1ErrorCode.UNKNOWN_AI);
                assertThat(e.position()).isEqualTo(3 + 16);
                assertThat(e.ai()).isEqualTo("23");
            });
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "]C10109506000134|16",
                    "(01)0950600013435|17",
                    "]C1010950600013435217201|24",
                    "]C1001061414112345|18",
                    "0109506000134352" + "10|18",
                })
        void a_truncated_field_is_refused(String input, int position) {
            List<Gs1Error> errors = errors(input);

            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.code()).isEqualTo(Gs1ErrorCode.TRUNCATED_FIELD);
                assertThat(e.position()).isEqualTo(position);
            });
        }

        @Test
        void a_fixed_length_field_cut_short_by_a_gs_is_truncated() {
            assertThat(errors("01" + GTIN + "17" + "2012" + GS + "10A"))
                    .extracting(Gs1Error::code, Gs1Error::ai)
                    .containsExactly(tuple(Gs1ErrorCode.TRUNCATED_FIELD, "17"));
        }

        @Test
        void content_gtin_without_a_count_is_refused() {
            List<Gs1Error> errors = errors("(00)" + SSCC + "(02)" + GTIN);

            assertThat(errors)
                    .extracting(Gs1Error::code, Gs1Error::ai, Gs1Error::message)
                    .containsExactly(tuple(
                            Gs1ErrorCode.MISSING_REQUIRED_AI,
                            "02",
                            "CONTENT (02) must be accompanied by COUNT (37), which is missing"));
        }

        @Test
        void a_count_needs_an_sscc_with_the_content_gtin_as_the_dictionary_says() {
            // The dictionary's rule for 37 is req=00+02,00+8026: content and count describe a logistic unit.
            List<Gs1Error> errors = errors("(02)" + GTIN + "(37)12");

            assertThat(errors)
                    .extracting(Gs1Error::code, Gs1Error::ai)
                    .containsExactly(tuple(Gs1ErrorCode.MISSING_REQUIRED_AI, "37"));
            assertThat(errors.get(0).message())
                    .isEqualTo("COUNT (37) must be accompanied by SSCC (00) with CONTENT (02)"
                            + " or SSCC (00) with ITIP CONTENT (8026), which are missing");
        }

        @Test
        void a_lot_without_any_item_identification_is_refused() {
            assertThat(errors("(10)ABC")).extracting(Gs1Error::code).containsExactly(Gs1ErrorCode.MISSING_REQUIRED_AI);
        }

        @Test
        void gtin_and_content_gtin_cannot_appear_together() {
            List<Gs1Error> errors = errors("(00)" + SSCC + "(01)" + GTIN + "(02)" + GTIN + "(37)5");

            assertThat(errors)
                    .extracting(Gs1Error::code, Gs1Error::message)
                    .containsExactlyInAnyOrder(
                            tuple(
                                    Gs1ErrorCode.EXCLUDED_AI_COMBINATION,
                                    "GTIN (01) and COUNT (37) cannot appear together on one item"),
                            tuple(
                                    Gs1ErrorCode.EXCLUDED_AI_COMBINATION,
                                    "CONTENT (02) and GTIN (01) cannot appear together on one item"));
        }

        @Test
        void two_net_weights_in_different_decimal_positions_cannot_appear_together() {
            assertThat(errors("(01)" + GTIN + "(3102)001250(3103)001250"))
                    .extracting(Gs1Error::code)
                    .containsExactly(Gs1ErrorCode.EXCLUDED_AI_COMBINATION);
        }

        @Test
        void the_same_ai_twice_with_different_values_is_refused() {
            List<Gs1Error> errors = errors("(01)" + GTIN + "(10)A1(10)B2");

            assertThat(errors)
                    .extracting(Gs1Error::code, Gs1Error::ai, Gs1Error::message)
                    .containsExactly(tuple(
                            Gs1ErrorCode.DUPLICATE_AI,
                            "10",
                            "BATCH/LOT (10) appears twice with different values: A1 and B2"));
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @NullAndEmptySource
        @ValueSource(strings = {"]C1", "]d2" + GS, GS + GS, "\r\n"})
        void empty_input_is_refused(String input) {
            assertThat(errors(input)).extracting(Gs1Error::code).containsExactly(Gs1ErrorCode.EMPTY_INPUT);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "(01)09506000134352(17",
                    "(0109506000134352",
                    "(01)09506000134352)",
                    "(01)0950600(10)AB)C",
                    "((01)09506000134352",
                    "(01)09506000134352(10"
                })
        void unbalanced_parentheses_are_refused(String input) {
            assertThat(errors(input)).extracting(Gs1Error::code).contains(Gs1ErrorCode.UNBALANCED_PARENTHESES);
        }

        @Test
        void an_opening_parenthesis_without_its_closing_one_is_named() {
            assertThat(errors("(01)" + GTIN + "(17"))
                    .extracting(Gs1Error::code, Gs1Error::position)
                    .containsExactly(tuple(Gs1ErrorCode.UNBALANCED_PARENTHESES, 18));
        }

        @ParameterizedTest(name = "[{index}]")
        @ValueSource(
                strings = {
                    "\u0007\u0000\u0003",
                    "0109506000134352\u00e910",
                    "01 09506000134352",
                    "(01)09506000134352\u001B",
                    "\uFFFF\uD800",
                    "]C1\u0004"
                })
        void non_printable_garbage_is_refused_as_an_invalid_character(String input) {
            assertThat(errors(input)).extracting(Gs1Error::code).containsExactly(Gs1ErrorCode.INVALID_CHARACTER);
        }

        @Test
        void a_letter_in_a_numeric_field_and_a_character_outside_set_82_are_invalid_characters() {
            assertThat(errors("(01)0950600013435X"))
                    .extracting(Gs1Error::code, Gs1Error::position)
                    .containsExactly(tuple(Gs1ErrorCode.INVALID_CHARACTER, 17));
            assertThat(errors("(01)" + GTIN + "(10)AB#C"))
                    .extracting(Gs1Error::code, Gs1Error::message)
                    .containsExactly(tuple(
                            Gs1ErrorCode.INVALID_CHARACTER,
                            "BATCH/LOT (10) holds '#', which a GS1 barcode cannot carry"));
        }

        @Test
        void a_symbology_identifier_of_a_barcode_without_gs1_data_is_refused() {
            assertThat(errors("]C0" + "01" + GTIN))
                    .extracting(Gs1Error::code)
                    .containsExactly(Gs1ErrorCode.UNSUPPORTED_SYMBOLOGY);
        }

        @Test
        void a_piece_number_above_its_total_is_an_invalid_value() {
            assertThat(errors("(8006)" + GTIN + "0302"))
                    .extracting(Gs1Error::code)
                    .containsExactly(Gs1ErrorCode.INVALID_VALUE);
        }

        @Test
        void the_errors_of_a_second_barcode_name_it() {
            Gs1ParseResult result = parser.parseAll(List.of("(01)" + GTIN, "(17)231345"));

            assertThat(result.errors())
                    .extracting(Gs1Error::message)
                    .containsExactly(
                            "Barcode 2: USE BY or EXPIRY (17) 231345 is not a valid date (YYMMDD): month 13 does not exist");
        }

        @Test
        void a_caller_that_wants_an_exception_gets_one_domain_exception_with_every_error() {
            Gs1ParseResult result = parser.parse("(01)09506000134353(17)231345");

            assertThatThrownBy(result::orElseThrow).isInstanceOfSatisfying(Gs1ParseException.class, e -> {
                assertThat(e.code()).isEqualTo("INVALID_GS1_BARCODE");
                assertThat(e.errors())
                        .extracting(Gs1Error::code)
                        .containsExactly(Gs1ErrorCode.BAD_CHECK_DIGIT, Gs1ErrorCode.INVALID_DATE);
                assertThat(e.getMessage())
                        .startsWith("Check digit of GTIN (01)")
                        .endsWith("(and 1 more)");
            });
        }

        @Test
        void no_input_whatever_it_holds_makes_the_parser_throw() {
            Random random = new Random(20251125L);
            String alphabet = "0123456789()]\\Cd2Q3e0ABZaz%-/#= \u001D\u0000\r";
            String[] seeds = {
                "01" + GTIN,
                "17251100",
                "10ABC",
                "(01)",
                "(3103)",
                "00" + SSCC,
                "8006",
                "8013",
                "37",
                "4309",
                "7007",
                "8030",
                "91"
            };
            for (int i = 0; i < 20_000; i++) {
                StringBuilder s = new StringBuilder();
                int parts = random.nextInt(6);
                for (int p = 0; p < parts; p++) {
                    if (random.nextBoolean()) {
                        s.append(seeds[random.nextInt(seeds.length)]);
                    } else {
                        for (int k = random.nextInt(8); k > 0; k--) {
                            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
                        }
                    }
                }
                String input = s.toString();
                Gs1ParseResult result = parser.parse(input);

                assertThat(result.errors()).as(input).noneMatch(e -> e.code() == Gs1ErrorCode.UNREADABLE_INPUT);
                assertThat(result.message().isPresent())
                        .as(input)
                        .isEqualTo(result.errors().isEmpty());
            }
        }
    }
}
