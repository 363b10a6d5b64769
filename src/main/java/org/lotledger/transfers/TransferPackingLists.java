package org.lotledger.transfers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.location.ZoneType;
import org.lotledger.catalog.lot.LotView;
import org.lotledger.fulfillment.shipping.PackingLists;
import org.lotledger.ledger.Reservation;
import org.lotledger.ledger.Reservations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A transfer's packing list in the customers' format (fulfilment's {@link PackingLists#document} and
 * {@link PackingLists#csv}): ship from the origin, ship to the destination warehouse (name, address, GLN), the
 * transfer's number as shipment and order number, its ship date; before the dispatch what is staged, after it what
 * left per lot.
 */
@Service
public class TransferPackingLists {

    private final TransferRows rows;
    private final TransferCatalog catalog;
    private final CatalogQueries locations;
    private final Reservations reservations;
    private final PackingLists packingLists;

    TransferPackingLists(
            TransferRows rows,
            TransferCatalog catalog,
            CatalogQueries locations,
            Reservations reservations,
            PackingLists packingLists) {
        this.rows = rows;
        this.catalog = catalog;
        this.locations = locations;
        this.reservations = reservations;
        this.packingLists = packingLists;
    }

    @Transactional(readOnly = true)
    public PackingLists.PackingList of(long orderId) {
        TransferRows.Header h = rows.find(orderId).orElseThrow(() -> TransferQueries.notFound(orderId));
        Map<Long, TransferRows.LineRow> lines = new java.util.HashMap<>();
        rows.lines(orderId).forEach(l -> lines.put(l.id(), l));
        List<PackingLists.PackedLot> lots = new ArrayList<>();
        if (h.dispatchedAt() != null) {
            for (TransferRows.ShippedRow s : rows.shipped(orderId)) {
                lots.add(packed(lines.get(s.lineId()), s.lotId(), s.shipped()));
            }
        } else {
            for (Reservation r :
                    reservations.forDemand(AllocatingTransfers.DEMAND_TYPE, String.valueOf(orderId), null)) {
                TransferRows.LineRow line = lines.get(Long.parseLong(r.demand().line()));
                if (r.state() == Reservation.State.PENDING && line != null && isStaging(r.locationId(), h)) {
                    lots.add(packed(line, r.lotId(), r.quantity()));
                }
            }
            lots.sort(Comparator.comparingInt(PackingLists.PackedLot::line)
                    .thenComparing(PackingLists.PackedLot::internalLabel));
        }
        return packingLists.document(
                h.number(),
                h.status().name(),
                h.number(),
                h.shipDate(),
                h.createdAt(),
                h.dispatchedAt(),
                PackingLists.Party.of(catalog.warehouse(h.fromWarehouseId())),
                PackingLists.Party.of(catalog.warehouse(h.toWarehouseId())),
                lots);
    }

    public String csv(PackingLists.PackingList p) {
        return packingLists.csv(p);
    }

    private PackingLists.PackedLot packed(TransferRows.LineRow line, long lotId, long quantity) {
        LotView lot = catalog.lot(lotId).orElseThrow();
        return new PackingLists.PackedLot(
                line.lineNumber(), line.itemId(), lot.lotNumber(), lot.internalLabel(), lot.expiresOn(), quantity);
    }

    private boolean isStaging(long locationId, TransferRows.Header h) {
        return locations
                .findLocation(locationId)
                .filter(l -> l.warehouseId() != null && l.warehouseId() == h.fromWarehouseId() && l.zoneId() != null)
                .flatMap(l -> locations.findZone(l.zoneId()))
                .map(z -> z.zoneType() == ZoneType.SHIPPING)
                .orElse(false);
    }
}
