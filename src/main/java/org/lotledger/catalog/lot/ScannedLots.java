package org.lotledger.catalog.lot;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lotledger.catalog.CatalogExceptions;
import org.lotledger.catalog.item.ItemGtin;
import org.lotledger.catalog.item.ItemGtins;
import org.lotledger.catalog.partner.LotLabelConvention;
import org.lotledger.catalog.partner.LotText;
import org.lotledger.catalog.partner.Supplier;
import org.lotledger.catalog.partner.Suppliers;
import org.lotledger.common.DomainException;
import org.lotledger.gs1.Gs1Message;
import org.lotledger.gs1.Gs1Parser;
import org.springframework.stereotype.Component;

/**
 * From what someone scanned or typed to a lot: the one place every feature resolves lots (receiving today through
 * {@link #lotNumber} and {@link #lotLabelConvention}, moves, putaway, adjustments and hold confirmations through the ledger's {@code ScanLookups}, and
 * picking, transfers, returns and counts when they come).
 *
 * <ul>
 *   <li>{@link #lotNumber}: the lot number a supplier's text stands for, by the supplier's lot-label convention
 *       ({@link LotLabelConvention#lotNumber}: a printed label must follow it, a GS1 AI 10 value or an ASN's lot is
 *       taken as it is when it does not);</li>
 *   <li>{@link #find}: the lot a scan names: its id, its internal label, or a GS1 element string with a GTIN (01 or
 *       02) and a lot (10).</li>
 * </ul>
 *
 * <p>Deliberately not {@code @Transactional}: a refusal (LOT_LABEL_NOT_RECOGNISED, LOT_SCAN_AMBIGUOUS) thrown here
 * never marks the caller's transaction rollback-only, so a caller may catch it and go on; the repositories it reads
 * join the caller's transaction.
 */
@Component
public class ScannedLots {

    private final Suppliers suppliers;
    private final Lots lots;
    private final ItemGtins gtins;
    private final Clock clock;

    public ScannedLots(Suppliers suppliers, Lots lots, ItemGtins gtins, Clock clock) {
        this.suppliers = suppliers;
        this.lots = lots;
        this.gtins = gtins;
        this.clock = clock;
    }

    /**
     * @throws DomainException LOT_LABEL_NOT_RECOGNISED (422) for blank text or a label outside the convention;
     *                         UNKNOWN_SUPPLIER (404)
     */
    public String lotNumber(long supplierId, String text, LotText source) {
        return LotLabelConvention.lotNumber(lotLabelConvention(supplierId), text, source);
    }

    /**
     * The supplier's lot-label convention, for a caller that applies {@link LotLabelConvention#lotNumber} itself
     * (receiving's policy, which decides on plain facts).
     *
     * @throws DomainException UNKNOWN_SUPPLIER (404)
     */
    public Optional<LotLabelConvention> lotLabelConvention(long supplierId) {
        Supplier supplier =
                suppliers.findById(supplierId).orElseThrow(() -> CatalogExceptions.notFound("SUPPLIER", supplierId));
        return supplier.lotLabelConvention();
    }

    /**
     * The lot a scan names, or empty. A GS1 scan names a lot by item (its GTIN) and lot number (AI 10, read by the
     * lot's supplier's convention as a {@link LotText#FIELD}).
     *
     * @throws DomainException LOT_SCAN_AMBIGUOUS (422) when a GS1 scan fits lots of several suppliers
     */
    public Optional<LotView> find(String scanned) {
        if (scanned == null || scanned.isBlank()) {
            return Optional.empty();
        }
        String s = scanned.trim();
        if (s.chars().allMatch(Character::isDigit) && s.length() < 19) {
            return lots.findById(Long.parseLong(s)).map(LotView::of);
        }
        Optional<LotView> byLabel = lots.findByInternalLabel(s.toUpperCase()).map(LotView::of);
        if (byLabel.isPresent() || !looksLikeGs1(s)) {
            return byLabel;
        }
        return byGs1(s);
    }

    private Optional<LotView> byGs1(String scan) {
        Optional<Gs1Message> parsed = new Gs1Parser(clock).parse(scan).message();
        if (parsed.isEmpty() || parsed.get().lot().isEmpty()) {
            return Optional.empty();
        }
        Gs1Message m = parsed.get();
        Optional<Long> item =
                m.gtin().or(m::contentGtin).flatMap(gtins::findById).map(ItemGtin::getItemId);
        if (item.isEmpty()) {
            return Optional.empty();
        }
        String field = m.lot().get();
        List<Supplier> all = suppliers.findAll();
        Set<String> candidates = new LinkedHashSet<>();
        candidates.add(field.strip());
        for (Supplier sup : all) {
            candidates.add(LotLabelConvention.lotNumber(sup.lotLabelConvention(), field, LotText.FIELD));
        }
        Map<Long, Supplier> byId = new java.util.HashMap<>();
        all.forEach(sup -> byId.put(sup.getId(), sup));
        List<Lot> found = lots.findByItemIdAndLotNumberIn(item.get(), candidates).stream()
                .filter(l -> l.getLotNumber()
                        .equals(LotLabelConvention.lotNumber(
                                byId.get(l.getSupplierId()).lotLabelConvention(), field, LotText.FIELD)))
                .toList();
        if (found.size() > 1) {
            throw DomainException.unprocessable(
                    "LOT_SCAN_AMBIGUOUS",
                    "Lot " + field + " of this item is on record " + "from " + found.size()
                            + " suppliers; scan the lot's internal label instead.",
                    Map.of(
                            "lotNumber",
                            field,
                            "lots",
                            found.stream().map(Lot::getInternalLabel).toList()));
        }
        return found.stream().findFirst().map(LotView::of);
    }

    /** GS1 element strings open with a symbology identifier, a parenthesised AI or the digits of an AI. */
    private static boolean looksLikeGs1(String s) {
        return s.startsWith("]") || s.startsWith("(") || s.startsWith("\u001D") || Character.isDigit(s.charAt(0));
    }
}
