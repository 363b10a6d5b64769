package org.lotledger.ledger;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.lotledger.common.DomainException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Resolves what a person scans or types (lot id or internal label, location barcode, quantity and unit). */
@Component
public class ScanLookups {

    public record ScannedLot(long lotId, long itemId, String internalLabel) {
    }

    private final JdbcTemplate jdbc;

    public ScanLookups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A lot by its numeric id or by its internal label (the label printed on the pallet). */
    public ScannedLot lot(String idOrLabel) {
        if (idOrLabel == null || idOrLabel.isBlank()) {
            throw DomainException.unprocessable("UNKNOWN_LOT", "Scan or type a lot.", Map.of());
        }
        String v = idOrLabel.trim();
        List<ScannedLot> found = v.chars().allMatch(Character::isDigit)
                ? jdbc.query("select id, item_id, internal_label from lot where id = ?", (rs, i) ->
                new ScannedLot(rs.getLong(1), rs.getLong(2), rs.getString(3)), Long.parseLong(v))
                : jdbc.query("select id, item_id, internal_label from lot where upper(internal_label) = upper(?)", (rs, i) ->
                new ScannedLot(rs.getLong(1), rs.getLong(2), rs.getString(3)), v);
        if (found.isEmpty()) {
            throw DomainException.notFound("UNKNOWN_LOT", "No lot '" + v + "'.", Map.of("lot", v));
        }
        return found.get(0);
    }

    /** A location by its scannable barcode. Virtual locations have none and cannot be scanned. */
    public long locationByBarcode(String barcode) {
        if (barcode == null || barcode.isBlank()) {
            throw DomainException.notFound("UNKNOWN_LOCATION", "Scan a location barcode.", Map.of());
        }
        List<Long> ids = jdbc.queryForList("select id from location where barcode = ?", Long.class, barcode.trim());
        if (ids.isEmpty()) {
            throw DomainException.notFound("UNKNOWN_LOCATION", "No location with barcode '" + barcode.trim() + "'.",
                    Map.of("barcode", barcode.trim()));
        }
        return ids.get(0);
    }

    /** Converts a quantity in one of the item's units to whole base units. */
    public long toBaseUnits(long itemId, BigDecimal quantity, String uom) {
        if (quantity == null || quantity.signum() <= 0) {
            throw DomainException.unprocessable("INVALID_QUANTITY", "Quantity must be positive; got " + quantity + ".",
                    Map.of());
        }
        List<Integer> factor = jdbc.queryForList("select base_units_per_uom from item_uom where item_id = ? and uom = ?",
                Integer.class, itemId, uom == null ? null : uom.trim().toUpperCase());
        if (factor.isEmpty()) {
            throw DomainException.unprocessable("UOM_NOT_CONVERTIBLE", "The item has no unit '" + uom + "'.",
                    Map.of("uom", String.valueOf(uom)));
        }
        BigDecimal base = quantity.multiply(BigDecimal.valueOf(factor.get(0)));
        try {
            return base.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw DomainException.unprocessable("UOM_NOT_CONVERTIBLE", quantity.toPlainString() + " " + uom
                    + " is not a whole number of base units (" + base.stripTrailingZeros().toPlainString() + ").",
                    Map.of("uom", uom, "quantity", quantity.toPlainString()));
        }
    }
}
