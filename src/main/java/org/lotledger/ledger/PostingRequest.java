package org.lotledger.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.lotledger.common.Actor;

/**
 * What a service asks the ledger to post. Built by the service that owns the posting type, never by a client.
 *
 * @param idempotencyKey   required: the same key again returns the original posting; with another payload it is refused
 * @param processInstanceId set when a process posts (the key is then derived from the instance and activity)
 * @param reversesPostingId set only for a reversal
 * @param consumes          the pending reservations this posting takes stock for (ADR 0011): each becomes POSTED with
 *                          the quantity given, the rest of it is released; only where the posting takes AVAILABLE
 *                          stock of the reservation's lot at its location
 * @param voids             the pending reservations this posting voids (a hold moving their stock to HOLD)
 */
public record PostingRequest(
        PostingType type,
        List<Movement> movements,
        String referenceType,
        String referenceId,
        String reasonCode,
        Actor actor,
        Instant occurredAt,
        String processInstanceId,
        String idempotencyKey,
        Long reversesPostingId,
        String note,
        List<Reservation.Consumption> consumes,
        List<Reservation.Voiding> voids) {

    public PostingRequest {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(actor, "actor");
        movements = List.copyOf(movements);
        consumes = consumes == null ? List.of() : List.copyOf(consumes);
        voids = voids == null ? List.of() : List.copyOf(voids);
    }

    /** A posting that names no reservation (most of them). */
    public PostingRequest(
            PostingType type,
            List<Movement> movements,
            String referenceType,
            String referenceId,
            String reasonCode,
            Actor actor,
            Instant occurredAt,
            String processInstanceId,
            String idempotencyKey,
            Long reversesPostingId,
            String note) {
        this(
                type,
                movements,
                referenceType,
                referenceId,
                reasonCode,
                actor,
                occurredAt,
                processInstanceId,
                idempotencyKey,
                reversesPostingId,
                note,
                List.of(),
                List.of());
    }

    public static Builder of(PostingType type, Actor actor, String idempotencyKey) {
        return new Builder(type, actor, idempotencyKey);
    }

    /** Keeps service code readable: {@code PostingRequest.of(MOVE, actor, key).move(...).reference("SCAN", id).build()}. */
    public static final class Builder {
        private final PostingType type;
        private final Actor actor;
        private final String idempotencyKey;
        private final java.util.ArrayList<Movement> movements = new java.util.ArrayList<>();
        private String referenceType;
        private String referenceId;
        private String reasonCode;
        private Instant occurredAt;
        private String processInstanceId;
        private Long reversesPostingId;
        private String note;
        private final java.util.ArrayList<Reservation.Consumption> consumes = new java.util.ArrayList<>();
        private final java.util.ArrayList<Reservation.Voiding> voids = new java.util.ArrayList<>();

        private Builder(PostingType type, Actor actor, String idempotencyKey) {
            this.type = type;
            this.actor = actor;
            this.idempotencyKey = idempotencyKey;
        }

        public Builder movement(Movement m) {
            movements.add(m);
            return this;
        }

        public Builder movements(List<Movement> ms) {
            movements.addAll(ms);
            return this;
        }

        public Builder reference(String type, String id) {
            this.referenceType = type;
            this.referenceId = id;
            return this;
        }

        public Builder reason(String code) {
            this.reasonCode = code;
            return this;
        }

        public Builder occurredAt(Instant at) {
            this.occurredAt = at;
            return this;
        }

        public Builder processInstance(String id) {
            this.processInstanceId = id;
            return this;
        }

        public Builder reverses(Long postingId) {
            this.reversesPostingId = postingId;
            return this;
        }

        public Builder note(String note) {
            this.note = note;
            return this;
        }

        /** Takes {@code quantity} of a pending reservation; the rest of it is released. */
        public Builder consumes(long reservationId, long quantity) {
            consumes.add(new Reservation.Consumption(reservationId, quantity));
            return this;
        }

        public Builder voids(long reservationId, VoidReason reason) {
            voids.add(new Reservation.Voiding(reservationId, reason));
            return this;
        }

        public PostingRequest build() {
            return new PostingRequest(
                    type,
                    movements,
                    referenceType,
                    referenceId,
                    reasonCode,
                    actor,
                    occurredAt,
                    processInstanceId,
                    idempotencyKey,
                    reversesPostingId,
                    note,
                    consumes,
                    voids);
        }
    }
}
