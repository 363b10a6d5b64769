package org.lotledger.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;

/** How a {@code stock_reservation} row is read, by the gate ({@link GateReads}) and by {@link Reservations}. */
final class ReservationRows {

    static final String COLUMNS = "r.id, r.demand_type, r.demand_reference, r.demand_line, r.lot_id, r.location_id,"
            + " r.quantity, r.state, r.explanation, r.actor, r.created_at, r.posting_id, r.posted_quantity,"
            + " r.void_reason";

    private ReservationRows() {}

    static Reservation map(ResultSet rs) throws SQLException {
        return new Reservation(
                rs.getLong(1),
                new Reservation.Demand(rs.getString(2), rs.getString(3), rs.getString(4)),
                rs.getLong(5),
                rs.getLong(6),
                rs.getBigDecimal(7).longValueExact(),
                Reservation.State.valueOf(rs.getString(8)),
                rs.getString(9),
                rs.getString(10),
                rs.getTimestamp(11).toInstant(),
                (Long) rs.getObject(12),
                rs.getBigDecimal(13) == null ? null : rs.getBigDecimal(13).longValueExact(),
                rs.getString(14) == null ? null : VoidReason.valueOf(rs.getString(14)));
    }
}
