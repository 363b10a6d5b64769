package org.lotledger.ledger;

import java.util.Collection;
import java.util.TreeSet;
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
}
