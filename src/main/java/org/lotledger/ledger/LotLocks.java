package org.lotledger.ledger;

import java.util.Collection;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks lots for a decision taken on their balances (a hold placed or released, later a pick or a count): the
 * heads of the lots, FOR UPDATE, in ascending lot id, which is the order {@link Ledger#post} locks them in. A
 * decision that locks its lots here, reads their balances ({@link LedgerQueries}) and then posts on them therefore
 * sees balances nobody else can change before it commits, and can never deadlock with a posting on the same lots
 * (the posting it makes itself re-takes locks it already holds). Runs in the caller's transaction, which must
 * exist; the locks last until it ends.
 */
@Component
public class LotLocks {

    private static final AtomicLong SAVEPOINTS = new AtomicLong();

    private final JdbcTemplate jdbc;

    public LotLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void lockForDecision(Collection<Long> lotIds) {
        if (lotIds.isEmpty()) {
            return;
        }
        jdbc.queryForList(
                "select lot_id from lot_ledger_head where lot_id = any(?) order by lot_id for update",
                Long.class,
                (Object) new TreeSet<>(lotIds).toArray(Long[]::new));
    }

    /**
     * Locks the lots for a decision taken on facts read without locks, then asks {@code stillValid} (reads under the
     * locks). When it answers true the locks are kept to the end of the transaction, as {@link #lockForDecision}'s.
     * When it answers false (someone changed the facts meanwhile) the locks are given back at once: they were taken
     * after a savepoint and PostgreSQL releases the locks taken after a savepoint when it is rolled back to. A caller
     * that then decides again on fresh facts locks its new lots in ascending order holding none, instead of adding
     * lower lot ids to the locks it holds, which is how two deciders deadlock. Nothing may be written between the
     * locks and the answer (the rollback would undo it).
     *
     * @return what {@code stillValid} answered
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean lockForDecisionIf(Collection<Long> lotIds, BooleanSupplier stillValid) {
        if (lotIds.isEmpty()) {
            return stillValid.getAsBoolean();
        }
        String savepoint = "lot_decision_" + SAVEPOINTS.incrementAndGet();
        jdbc.execute("savepoint " + savepoint);
        boolean valid;
        try {
            lockForDecision(lotIds);
            valid = stillValid.getAsBoolean();
        } catch (RuntimeException e) {
            jdbc.execute("rollback to savepoint " + savepoint);
            throw e;
        }
        jdbc.execute((valid ? "release savepoint " : "rollback to savepoint ") + savepoint);
        return valid;
    }
}
