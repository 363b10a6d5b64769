package org.lotledger.transfers;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order numbers of transfer orders by id: postings cite a transfer as ({@code TRANSFER_ORDER}, its id), people
 * (and the recall trace) name it by number. Joins the caller's transaction.
 */
@Component
public class TransferNumbers {

    private final JdbcTemplate jdbc;

    TransferNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Id → order number for the ids that exist; one query. */
    @Transactional(readOnly = true)
    public Map<Long, String> of(Collection<Long> ids) {
        Map<Long, String> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        List<Object[]> rows = jdbc.query(
                "select id, order_number from transfer_order where id = any(?)",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)},
                (Object) ids.toArray(Long[]::new));
        rows.forEach(r -> out.put((Long) r[0], (String) r[1]));
        return out;
    }
}
