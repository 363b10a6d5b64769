package org.lotledger.platform.web;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The door's memory: table {@code idempotent_request} (V70, ADR 0009). Every method runs in the caller's
 * transaction, the one the request's work runs in, so the key, the work and the stored answer commit or roll back
 * together.
 */
@Component
class IdempotentRequests {

    private static final Logger log = LoggerFactory.getLogger(IdempotentRequests.class);

    /** A committed answer. */
    record Stored(
            String operation,
            String fingerprint,
            int status,
            String location,
            String etag,
            String contentType,
            byte[] body) {}

    private final JdbcTemplate jdbc;
    private final Duration retention;

    IdempotentRequests(JdbcTemplate jdbc, @Value("${lotledger.idempotency.retention:P30D}") Duration retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    /**
     * Claims the key for this request. Returns empty when the key is ours now; the earlier answer when a committed
     * request holds it. A request with the same key still in flight makes this wait on the primary key until it
     * commits (its answer is returned) or rolls back (the key is ours).
     */
    Optional<Stored> claim(IdempotencyKey key, String operation, String fingerprint) {
        int inserted = jdbc.update("""
                insert into idempotent_request (caller, idempotency_key, operation, fingerprint)
                values (?, ?, ?, ?) on conflict (caller, idempotency_key) do nothing""", key.caller(), key.value(), operation, fingerprint);
        if (inserted == 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.queryForObject(
                """
                select operation, fingerprint, response_status, response_location, response_etag, response_type,
                       response_body
                  from idempotent_request where caller = ? and idempotency_key = ?""",
                (rs, i) -> new Stored(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getBytes(7)),
                key.caller(),
                key.value()));
    }

    /** Stores the answer of the request that claimed the key, in its transaction. */
    void complete(IdempotencyKey key, int status, String location, String etag, String contentType, byte[] body) {
        jdbc.update("""
                update idempotent_request
                   set response_status = ?, response_location = ?, response_etag = ?, response_type = ?,
                       response_body = ?, completed_at = now()
                 where caller = ? and idempotency_key = ?""", status, location, etag, contentType, body, key.caller(), key.value());
    }

    /**
     * Forgets answers older than the retention (default 30 days): a client retries within minutes or days, not
     * months. Once per cluster: the node that gets the advisory lock purges, the others skip.
     */
    @Scheduled(cron = "${lotledger.idempotency.purge-cron:0 17 3 * * *}")
    @Transactional
    public void purge() {
        Boolean mine = jdbc.queryForObject(
                "select pg_try_advisory_xact_lock(hashtext('lotledger.idempotency.purge'))", Boolean.class);
        if (Boolean.TRUE.equals(mine)) {
            int n = jdbc.update(
                    "delete from idempotent_request where created_at < now() - ?::interval",
                    retention.toSeconds() + " seconds");
            log.info("idempotency purge: {} answers older than {} forgotten", n, retention);
        }
    }
}
