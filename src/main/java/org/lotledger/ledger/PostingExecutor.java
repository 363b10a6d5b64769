package org.lotledger.ledger;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a posting in a transaction of its own and retries, a bounded number of times, what the caller did not
 * cause: a deadlock, a serialization failure, or a concurrent request with the same idempotency key (the retry
 * then finds the original and returns it). Inside an existing transaction (a process posting within the engine's
 * transaction) it joins that transaction and leaves retries to the job executor.
 */
@Component
public class PostingExecutor {

    private static final Logger log = LoggerFactory.getLogger(PostingExecutor.class);

    private final TransactionTemplate tx;
    private final int maxAttempts;

    public PostingExecutor(
            PlatformTransactionManager txManager, @Value("${lotledger.ledger.max-attempts:5}") int maxAttempts) {
        this.tx = new TransactionTemplate(txManager);
        this.maxAttempts = maxAttempts;
    }

    public <T> T inTransaction(Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(status -> work.get());
            } catch (TransientDataAccessException | DuplicateKeyException e) {
                if (attempt >= maxAttempts) {
                    throw e;
                }
                log.debug(
                        "posting attempt {} failed transiently ({}), retrying",
                        attempt,
                        e.getClass().getSimpleName());
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * attempt));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
