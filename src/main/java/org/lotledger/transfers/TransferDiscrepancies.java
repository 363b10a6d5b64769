package org.lotledger.transfers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The transfer discrepancies ({@code transfer_discrepancy}, V91): recorded by the receipt's close, read by the
 * process and the API. Append-only: the table refuses updates and deletes; a decision about one is recorded beside
 * it.
 */
@Repository
public class TransferDiscrepancies {

    /** What the receipt's close records; the id and the time are the database's. */
    public record NewDiscrepancy(
            long transferOrderId,
            long transferOrderLineId,
            DiscrepancyType type,
            long lotId,
            Long receivedLotId,
            BigDecimal expectedQuantity,
            BigDecimal actualQuantity,
            BigDecimal quantity,
            BigDecimal value,
            JsonNode scans,
            String recordedBy) {}

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    TransferDiscrepancies(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records one discrepancy in the caller's transaction and answers its id. */
    public long record(NewDiscrepancy d) {
        return jdbc.queryForObject(
                """
                insert into transfer_discrepancy (transfer_order_id, transfer_order_line_id, discrepancy_type, lot_id,
                    received_lot_id, expected_quantity, actual_quantity, quantity, value, scans, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)
                returning id""",
                Long.class,
                d.transferOrderId(),
                d.transferOrderLineId(),
                d.type().name(),
                d.lotId(),
                d.receivedLotId(),
                d.expectedQuantity(),
                d.actualQuantity(),
                d.quantity(),
                d.value(),
                d.scans() == null ? "[]" : d.scans().toString(),
                d.recordedBy());
    }

    public Optional<TransferDiscrepancy> find(long id) {
        return jdbc.query(SELECT + " where id = ?", this::row, id).stream().findFirst();
    }

    /** A transfer's discrepancies in the order they were recorded. */
    public List<TransferDiscrepancy> ofTransfer(long transferOrderId) {
        return jdbc.query(SELECT + " where transfer_order_id = ? order by id", this::row, transferOrderId);
    }

    private static final String SELECT = """
            select id, transfer_order_id, transfer_order_line_id, discrepancy_type, lot_id, received_lot_id,
                   expected_quantity, actual_quantity, quantity, value, scans::text as scans, recorded_by, recorded_at
              from transfer_discrepancy""";

    private TransferDiscrepancy row(ResultSet rs, int n) throws SQLException {
        return new TransferDiscrepancy(
                rs.getLong("id"),
                rs.getLong("transfer_order_id"),
                rs.getLong("transfer_order_line_id"),
                DiscrepancyType.valueOf(rs.getString("discrepancy_type")),
                rs.getLong("lot_id"),
                rs.getObject("received_lot_id", Long.class),
                rs.getBigDecimal("expected_quantity"),
                rs.getBigDecimal("actual_quantity"),
                rs.getBigDecimal("quantity"),
                rs.getBigDecimal("value"),
                readJson(rs.getString("scans")),
                rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }

    private JsonNode readJson(String text) {
        try {
            return json.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("transfer_discrepancy.scans is not JSON", e);
        }
    }
}
