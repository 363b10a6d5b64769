package org.lotledger.fulfillment.picking;

import java.util.List;
import java.util.Map;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.fulfillment.AllocatingOrders;
import org.lotledger.fulfillment.DemandSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Sales orders as a {@link DemandSource} of pick tasks: the order row locked, its picked quantities raised. */
@Component
class SalesOrderPicking implements DemandSource {

    private final JdbcTemplate jdbc;
    private final PickedQuantities picked;

    SalesOrderPicking(JdbcTemplate jdbc, PickedQuantities picked) {
        this.jdbc = jdbc;
        this.picked = picked;
    }

    @Override
    public String demandType() {
        return AllocatingOrders.DEMAND_TYPE;
    }

    @Override
    public PickableOrder lockForPicking(long orderId, Actor actor) {
        List<Map<String, Object>> order = jdbc.queryForList("""
                select o.id, o.order_number, w.id as warehouse_id, w.code as warehouse_code
                  from sales_order o join warehouse w on w.id = o.warehouse_id where o.id = ? for update of o""", orderId);
        if (order.isEmpty()) {
            throw DomainException.notFound(
                    "UNKNOWN_SALES_ORDER",
                    "Sales order " + orderId + " does not exist.",
                    Map.of("salesOrderId", orderId));
        }
        Map<String, Object> o = order.get(0);
        return new PickableOrder(
                orderId,
                (String) o.get("order_number"),
                (Long) o.get("warehouse_id"),
                (String) o.get("warehouse_code"),
                "Sales order",
                "order",
                "salesOrderId");
    }

    @Override
    public void picked(long orderId, long lineId, long quantity) {
        picked.add(lineId, quantity);
    }
}
