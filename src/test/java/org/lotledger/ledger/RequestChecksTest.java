package org.lotledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotledger.ledger.GateFactsForTests.code;
import static org.lotledger.ledger.GateFactsForTests.move;
import static org.lotledger.ledger.GateFactsForTests.refusal;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.StockFacts.Earlier;

/** The gate's checks of a request as a whole, as tables: the idempotency key, a repeated key, the role, emptiness. */
class RequestChecksTest {

    private static PostingRequest request(PostingType type, String group, String key) {
        return PostingRequest.of(type, new Actor("someone", Set.of(group)), key)
                .movement(move("A1", StockStatus.AVAILABLE, "A2", StockStatus.AVAILABLE, 1))
                .build();
    }

    @ParameterizedTest(name = "a key of {0} characters: {1}")
    @CsvSource({
        "-1,  IDEMPOTENCY_KEY_REQUIRED", // none
        "0,   IDEMPOTENCY_KEY_REQUIRED",
        "1,   OK",
        "200, OK",
        "201, IDEMPOTENCY_KEY_INVALID"
    })
    void every_posting_carries_an_idempotency_key_of_at_most_200_characters(int length, String expected) {
        String key = length < 0 ? null : "k".repeat(length);
        assertThat(code(() -> RequestChecks.idempotencyKey(request(PostingType.MOVE, "warehouse", key))))
                .isEqualTo(expected);
    }

    @Test
    void a_blank_key_is_no_key_and_a_missing_key_is_a_bad_request() {
        DomainException e = refusal(() -> RequestChecks.idempotencyKey(request(PostingType.MOVE, "warehouse", "   ")));
        assertThat(e.code()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
        assertThat(e.kind()).isEqualTo(DomainException.Kind.BAD_REQUEST);
    }

    @Test
    void a_repeated_key_answers_the_original_for_the_same_request_and_refuses_another() {
        assertThat(RequestChecks.replayOf("k", "abc", null)).isNull();
        assertThat(RequestChecks.replayOf("k", "abc", new Earlier(42, "abc"))).isEqualTo(42L);
        DomainException e = refusal(() -> RequestChecks.replayOf("k", "abc", new Earlier(42, "abd")));
        assertThat(e.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(e.details()).isEqualTo(Map.of("postingId", 42L));
    }

    @ParameterizedTest(name = "{1} posting {0}: {2}")
    @CsvSource({
        "MOVE,            warehouse,             OK",
        "MOVE,            quality,               OK",
        "MOVE,            receiving,             POSTING_TYPE_NOT_ALLOWED",
        "ADJUSTMENT,      inventory-control,     OK",
        "ADJUSTMENT,      warehouse,             POSTING_TYPE_NOT_ALLOWED",
        "REVERSAL,        receiving-supervisors, OK",
        "REVERSAL,        receiving,             POSTING_TYPE_NOT_ALLOWED",
        "STATUS_CHANGE,   quality-managers,      OK",
        "STATUS_CHANGE,   finance,               POSTING_TYPE_NOT_ALLOWED"
    })
    void each_type_is_posted_only_by_its_groups(PostingType type, String group, String expected) {
        assertThat(code(() -> RequestChecks.role(request(type, group, "k")))).isEqualTo(expected);
    }

    @Test
    void a_forbidden_type_is_forbidden_and_named() {
        DomainException e = refusal(() -> RequestChecks.role(request(PostingType.MOVE, "finance", "k")));
        assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
        assertThat(e.details()).isEqualTo(Map.of("postingType", "MOVE"));
    }

    @Test
    void a_posting_moves_something() {
        PostingRequest empty = PostingRequest.of(PostingType.MOVE, new Actor("walt", Set.of("warehouse")), "k")
                .build();
        assertThat(code(() -> RequestChecks.movesSomething(empty))).isEqualTo("EMPTY_POSTING");
        assertThat(code(() -> RequestChecks.movesSomething(request(PostingType.MOVE, "warehouse", "k"))))
                .isEqualTo("OK");
    }
}
