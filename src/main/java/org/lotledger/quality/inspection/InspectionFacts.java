package org.lotledger.quality.inspection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.LedgerQueries;
import org.lotledger.ledger.PostingType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the inspection decision and the inspector's form need to know about a received lot: the decision's inputs
 * (supplier status, item temperature and risk class, first receipt of the item from this supplier) and what the
 * form shows (item, lot, expiry, supplier).
 */
@Component
public class InspectionFacts {

    private final JdbcTemplate jdbc;
    private final LedgerQueries ledger;

    public InspectionFacts(JdbcTemplate jdbc, LedgerQueries ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    public Map<String, Object> of(long lotId) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select l.lot_number, l.internal_label, coalesce(to_char(l.expires_on, 'YYYY-MM-DD'), 'none') as expires_on,
                       i.sku, i.name as item_name, i.base_uom, i.temperature_class, i.risk_class,
                       s.name as supplier_name, s.approval_status, l.item_id, l.supplier_id
                  from lot l join item i on i.id = l.item_id join supplier s on s.id = l.supplier_id
                 where l.id = ?""", lotId);
        if (rows.isEmpty()) {
            throw DomainException.notFound("UNKNOWN_LOT", "Lot " + lotId + " does not exist.", Map.of("lotId", lotId));
        }
        Map<String, Object> r = rows.get(0);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("lotNumber", r.get("lot_number"));
        facts.put("internalLabel", r.get("internal_label"));
        facts.put("expiresOn", r.get("expires_on"));
        facts.put("sku", r.get("sku"));
        facts.put("itemName", r.get("item_name"));
        facts.put("baseUom", r.get("base_uom"));
        facts.put("temperatureClass", r.get("temperature_class"));
        facts.put("riskClass", r.get("risk_class"));
        facts.put("supplierName", r.get("supplier_name"));
        facts.put("supplierApprovalStatus", r.get("approval_status"));
        facts.put(
                "firstReceiptFromSupplier",
                !ledger.anyOtherLotPosted(
                        PostingType.RECEIPT,
                        ((Number) r.get("item_id")).longValue(),
                        ((Number) r.get("supplier_id")).longValue(),
                        lotId));
        return facts;
    }
}
