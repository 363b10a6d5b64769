package org.lotledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lotledger.common.DomainException;

/** The door's pure rules, without a server: what counts as the same request, which text, keys and media types pass. */
class DoorRulesTest {

    private final ObjectMapper json = new ObjectMapper();

    private String fingerprint(String body) {
        return RequestFingerprint.of(
                json, "POST /api/moves", Map.of(), Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void the_same_body_in_another_order_spacing_or_number_notation_is_the_same_request() {
        String a = fingerprint("{\"lot\":\"L1\",\"quantity\":60,\"note\":\"x\"}");
        assertThat(fingerprint("{ \"note\" : \"x\", \"quantity\": 6E+1, \"lot\": \"L1\" }"))
                .isEqualTo(a);
        assertThat(fingerprint("{\"lot\":\"L1\",\"quantity\":60.000,\"note\":\"x\"}"))
                .isEqualTo(a);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"lot\":\"L1\",\"quantity\":60,\"note\":\"y\"}",
                "{\"lot\":\"L1\",\"quantity\":61,\"note\":\"x\"}",
                "{\"lot\":\"L1\",\"quantity\":60,\"note\":\"x\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}",
                "{\"lot\":\"L1\",\"quantity\":\"60\",\"note\":\"x\"}",
                "{\"lot\":\"l1\",\"quantity\":60,\"note\":\"x\"}"
            })
    void any_other_field_value_is_another_request(String other) {
        assertThat(fingerprint(other)).isNotEqualTo(fingerprint("{\"lot\":\"L1\",\"quantity\":60,\"note\":\"x\"}"));
    }

    @Test
    void the_operation_path_variables_and_query_are_part_of_the_request() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String one = RequestFingerprint.of(json, "POST /api/postings/{id}/reversal", Map.of("id", "1"), Map.of(), body);
        assertThat(RequestFingerprint.of(json, "POST /api/postings/{id}/reversal", Map.of("id", "2"), Map.of(), body))
                .isNotEqualTo(one);
        assertThat(RequestFingerprint.of(json, "POST /api/holds/{id}/release", Map.of("id", "1"), Map.of(), body))
                .isNotEqualTo(one);
        assertThat(RequestFingerprint.of(
                        json,
                        "POST /api/postings/{id}/reversal",
                        Map.of("id", "1"),
                        Map.of("x", new String[] {"1"}),
                        body))
                .isNotEqualTo(one);
    }

    @Test
    void a_huge_exponent_is_fingerprinted_without_expanding_it() {
        assertThat(fingerprint("{\"quantity\":1E+999999999}")).hasSize(64);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "\u0007", "x\u007f", "\u0085", "\ud800", "a\udc00b", "\ud800x"})
    void control_characters_and_lone_surrogates_are_refused(String text) {
        assertThat(TextRules.hasControlCharacter(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "two\nlines\r\n", "tab\tbed", "gs1\u001d(10)LOT", "Grüße 😀", ""})
    void ordinary_text_line_breaks_tabs_and_the_gs1_separator_pass(String text) {
        assertThat(TextRules.hasControlCharacter(text)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"|IDEMPOTENCY_KEY_REQUIRED", "a b|IDEMPOTENCY_KEY_INVALID", "é|IDEMPOTENCY_KEY_INVALID"})
    void a_missing_or_malformed_key_is_refused_with_its_code(String key, String code) {
        assertThatThrownBy(() -> IdempotencyKey.check(key))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void a_key_has_at_most_100_characters_and_is_scoped_to_its_caller() {
        IdempotencyKey.check("k".repeat(100));
        assertThatThrownBy(() -> IdempotencyKey.check("k".repeat(101))).isInstanceOf(DomainException.class);
        assertThat(new IdempotencyKey("walt", "k1").scoped())
                .isEqualTo("walt:k1")
                .isNotEqualTo(new IdempotencyKey("rita", "k1").scoped());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "|true",
                "application/json|true",
                "application/problem+json|true",
                "*/*|true",
                "application/*|true",
                "application/xml|false",
                "text/plain|false",
                "text/html, application/xml;q=0.9|false",
                "application/xml, application/json;q=0.1|true",
                "not a media type|false"
            })
    void a_write_answers_only_when_the_client_accepts_json_or_problem_json(String accept, boolean ok) {
        assertThat(ApiEdgeFilter.acceptsJson(accept)).isEqualTo(ok);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "application/json|true",
                "application/json;charset=UTF-8|true",
                "application/json; charset=utf-8|true",
                "*/*|false",
                "application/*|false",
                "text/plain|false",
                "application/json;charset=ISO-8859-1|false",
                "application/xml|false",
                "garbage|false",
                "|false"
            })
    void a_write_body_is_application_json_in_utf_8(String contentType, boolean ok) {
        assertThat(ApiEdgeFilter.isJson(contentType)).isEqualTo(ok);
    }
}
