package org.lotledger.transfers;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lotledger.ledger.OpenDemands;
import org.lotledger.ledger.Reservation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers the ledger's self-audit for {@code TRANSFER_ORDER} demands ({@link OpenDemands}): a transfer line takes no
 * more stock once it is cancelled in full, or its order has left (the dispatch voids what stayed behind) or was
 * cancelled; a pending reservation on such a line is a leak. References that are not this feature's ({@code <order
 * id>}, line {@code <line id>}) are left out.
 */
@Component
class TransferDemands implements OpenDemands {

    private final JdbcTemplate jdbc;

    TransferDemands(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String demandType() {
        return AllocatingTransfers.DEMAND_TYPE;
    }

    @Override
    public Map<Reservation.Demand, String> notOpen(Collection<Reservation.Demand> demands) {
        Map<Long, Reservation.Demand> byLine = new HashMap<>();
        for (Reservation.Demand d : demands) {
            if (demandType().equals(d.type()) && isId(d.reference()) && isId(d.line())) {
                byLine.put(Long.parseLong(d.line()), d);
            }
        }
        Map<Reservation.Demand, String> out = new LinkedHashMap<>();
        if (byLine.isEmpty()) {
            return out;
        }
        jdbc.query(
                """
                select l.id, l.transfer_order_id, o.status,
                       l.cancelled_base_quantity = l.ordered_base_quantity as line_cancelled
                  from transfer_order_line l join transfer_order o on o.id = l.transfer_order_id
                 where l.id = any(?)
                   and (o.status not in ('OPEN', 'ALLOCATED', 'PICKING')
                        or l.cancelled_base_quantity = l.ordered_base_quantity)
                 order by l.id""",
                rs -> {
                    Reservation.Demand d = byLine.get(rs.getLong(1));
                    if (d != null && d.reference().equals(String.valueOf(rs.getLong(2)))) {
                        out.put(d, rs.getBoolean(4) ? "CANCELLED" : rs.getString(3));
                    }
                },
                (Object) byLine.keySet().toArray(Long[]::new));
        return out;
    }

    private static boolean isId(String s) {
        return s != null && !s.isEmpty() && s.length() < 19 && s.chars().allMatch(Character::isDigit);
    }
}
