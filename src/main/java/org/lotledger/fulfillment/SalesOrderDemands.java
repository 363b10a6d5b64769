package org.lotledger.fulfillment;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lotledger.ledger.OpenDemands;
import org.lotledger.ledger.Reservation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers the ledger's self-audit for {@code SALES_ORDER} demands ({@link OpenDemands}): a sales order line takes no
 * more stock once it is CANCELLED or SHIPPED, or its order is CANCELLED or CLOSED; a pending reservation on such a
 * line is a leak. References that are not this feature's ({@code <order id>}, line {@code <line id>}) are left out.
 */
@Component
class SalesOrderDemands implements OpenDemands {

    private final JdbcTemplate jdbc;

    SalesOrderDemands(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String demandType() {
        return AllocatingOrders.DEMAND_TYPE;
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
                select l.id, l.sales_order_id, l.status, o.status
                  from sales_order_line l join sales_order o on o.id = l.sales_order_id
                 where l.id = any(?) and (l.status in ('CANCELLED', 'SHIPPED') or o.status in ('CANCELLED', 'CLOSED'))
                 order by l.id""",
                rs -> {
                    Reservation.Demand d = byLine.get(rs.getLong(1));
                    if (d != null && d.reference().equals(String.valueOf(rs.getLong(2)))) {
                        String order = rs.getString(4);
                        out.put(d, "CANCELLED".equals(order) || "CLOSED".equals(order) ? order : rs.getString(3));
                    }
                },
                (Object) byLine.keySet().toArray(Long[]::new));
        return out;
    }

    private static boolean isId(String s) {
        return s != null && !s.isEmpty() && s.length() < 19 && s.chars().allMatch(Character::isDigit);
    }
}
