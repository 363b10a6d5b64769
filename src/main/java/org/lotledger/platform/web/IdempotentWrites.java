package org.lotledger.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.lotledger.common.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The door every write of the API passes (ADR 0009): each POST, PUT, PATCH and DELETE handler of a
 * {@code @RestController} runs here, with nothing to remember in the controller. In one transaction it claims the
 * caller's {@code Idempotency-Key} (waiting for a duplicate still in flight), runs the handler, serialises its answer
 * and stores it; a handler that refuses rolls everything back, its key included. A later request with the same key
 * and the same {@link RequestFingerprint fingerprint} gets the stored answer back, byte for byte, with
 * {@code Idempotent-Replayed: true} (a 201 replays as 200, anything else with its own status, a 202 included); with
 * another request it is 409 {@code IDEMPOTENCY_KEY_REUSED}. The handler's services join this transaction, so a
 * deadlock or serialization failure re-runs the whole request, a bounded number of times. The transaction is READ
 * COMMITTED, or REPEATABLE READ for a request that reads one snapshot ({@link SnapshotRequest}).
 */
@Aspect
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class IdempotentWrites {

    static final String REPLAYED = "Idempotent-Replayed";

    private static final Logger log = LoggerFactory.getLogger(IdempotentWrites.class);

    private final IdempotentRequests requests;
    private final ObjectMapper json;
    private final TransactionTemplate tx;
    /** The transaction of a {@link SnapshotRequest} that asks for one snapshot: REPEATABLE READ. */
    private final TransactionTemplate snapshotTx;

    private final int maxAttempts;

    public IdempotentWrites(
            IdempotentRequests requests,
            ObjectMapper json,
            PlatformTransactionManager txManager,
            @Value("${lotledger.ledger.max-attempts:5}") int maxAttempts) {
        this.requests = requests;
        this.json = json;
        this.tx = new TransactionTemplate(txManager);
        this.snapshotTx = new TransactionTemplate(txManager);
        snapshotTx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.maxAttempts = maxAttempts;
    }

    @Around("@within(org.springframework.web.bind.annotation.RestController) && ("
            + "@annotation(org.springframework.web.bind.annotation.PostMapping)"
            + " || @annotation(org.springframework.web.bind.annotation.PutMapping)"
            + " || @annotation(org.springframework.web.bind.annotation.PatchMapping)"
            + " || @annotation(org.springframework.web.bind.annotation.DeleteMapping))")
    public Object write(ProceedingJoinPoint handler) throws Throwable {
        HttpServletRequest request =
                ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        IdempotencyKey key = keyOf(request);
        String operation =
                request.getMethod() + " " + request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        @SuppressWarnings("unchecked")
        Map<String, String> pathVariables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String fingerprint = RequestFingerprint.of(
                json,
                operation + "\nIf-Match: " + request.getHeader("If-Match"),
                pathVariables == null ? Map.of() : pathVariables,
                request.getParameterMap(),
                ApiEdgeFilter.bodyOf(request));
        TransactionTemplate transaction =
                Arrays.stream(handler.getArgs()).anyMatch(a -> a instanceof SnapshotRequest r && r.readsSnapshot())
                        ? snapshotTx
                        : tx;
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> once(handler, key, operation, fingerprint));
            } catch (TransientDataAccessException | DuplicateKeyException e) {
                if (attempt >= maxAttempts) {
                    throw e;
                }
                log.debug(
                        "{} attempt {} failed transiently ({}), running it again",
                        operation,
                        attempt,
                        e.getClass().getSimpleName());
                Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * attempt));
            } catch (UndeclaredThrowableException e) {
                throw e.getUndeclaredThrowable();
            }
        }
    }

    private ResponseEntity<byte[]> once(
            ProceedingJoinPoint handler, IdempotencyKey key, String operation, String fingerprint) {
        var earlier = requests.claim(key, operation, fingerprint);
        if (earlier.isPresent()) {
            return replay(earlier.get(), key, operation, fingerprint);
        }
        Object result;
        try {
            result = handler.proceed();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable checked) {
            throw new UndeclaredThrowableException(checked);
        }
        if (!(result instanceof ResponseEntity<?> answer)) {
            throw new IllegalStateException(operation + " must return a ResponseEntity (see WriteHandlersCheck)");
        }
        byte[] body = bodyOf(answer);
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(answer.getHeaders());
        headers.remove(REPLAYED);
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        requests.complete(
                key,
                answer.getStatusCode().value(),
                headers.getFirst(HttpHeaders.LOCATION),
                headers.getETag(),
                body == null ? null : MediaType.APPLICATION_JSON_VALUE,
                body);
        return new ResponseEntity<>(body, headers, answer.getStatusCode());
    }

    private static ResponseEntity<byte[]> replay(
            IdempotentRequests.Stored s, IdempotencyKey key, String operation, String fingerprint) {
        if (!s.operation().equals(operation) || !s.fingerprint().equals(fingerprint)) {
            throw DomainException.conflict(
                    "IDEMPOTENCY_KEY_REUSED",
                    "Idempotency key '" + key.value()
                            + "' was already used by " + key.caller() + " for another request ("
                            + s.operation() + "); send a new key for a new request.",
                    Map.of("operation", s.operation()));
        }
        HttpHeaders headers = new HttpHeaders();
        headers.set(REPLAYED, "true");
        if (s.location() != null) {
            headers.set(HttpHeaders.LOCATION, s.location());
        }
        if (s.etag() != null) {
            headers.setETag(s.etag());
        }
        if (s.contentType() != null) {
            headers.setContentType(MediaType.parseMediaType(s.contentType()));
        }
        int status = s.status() == HttpStatus.CREATED.value() ? HttpStatus.OK.value() : s.status();
        return ResponseEntity.status(status).headers(headers).body(s.body());
    }

    private byte[] bodyOf(ResponseEntity<?> answer) {
        Object body = answer.getBody();
        if (body == null) {
            return null;
        }
        try {
            return body instanceof byte[] bytes ? bytes : json.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("answer could not be written as JSON", e);
        }
    }

    /** The caller's key, checked; the caller is the authenticated user (every /api write is authenticated). */
    static IdempotencyKey keyOf(HttpServletRequest request) {
        String value = request.getHeader(IdempotencyKey.HEADER);
        IdempotencyKey.check(value);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth.getName() == null) {
            throw new DomainException("UNAUTHENTICATED", DomainException.Kind.FORBIDDEN, "No authenticated user.");
        }
        return new IdempotencyKey(auth.getName(), value);
    }

    static boolean isWrite(String method) {
        return Arrays.asList("POST", "PUT", "PATCH", "DELETE").contains(method);
    }
}
