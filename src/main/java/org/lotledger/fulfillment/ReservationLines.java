package org.lotledger.fulfillment;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.lotledger.ledger.LedgerQueries;

/**
 * One mapping from the ledger's reservation details to the reservations an allocation view lists for a line, for
 * sales orders ({@link AllocationView.ReservationLine}) and transfer orders alike. Each API keeps its own record and
 * so its own JSON field names (a sales order's {@code expiry}, a transfer's {@code expiresOn}): the record's canonical
 * constructor is the {@link Shape}.
 */
public final class ReservationLines {

    /** A record of the reservation's fields, in this order: what {@code ReservationLine::new} is. */
    @FunctionalInterface
    public interface Shape<T> {
        T of(
                long reservationId,
                long lotId,
                String lotNumber,
                String lotLabel,
                long locationId,
                String locationCode,
                long quantity,
                LocalDate expiry,
                List<String> ruleIds,
                String state,
                String voidReason);
    }

    private ReservationLines() {}

    /**
     * The reservations of one demand line among a demand's details, in their order: the rules that chose each (the
     * explanation split at commas, none when it has none), its state and void reason by name.
     */
    public static <T> List<T> ofLine(List<LedgerQueries.ReservationDetail> details, long lineId, Shape<T> shape) {
        String line = String.valueOf(lineId);
        return details.stream()
                .filter(d -> d.reservation().demand().line().equals(line))
                .map(d -> shape.of(
                        d.reservation().id(),
                        d.reservation().lotId(),
                        d.lotNumber(),
                        d.lotLabel(),
                        d.reservation().locationId(),
                        d.locationCode(),
                        d.reservation().quantity(),
                        d.expiry(),
                        d.reservation().explanation() == null
                                ? List.of()
                                : Arrays.asList(d.reservation().explanation().split(",")),
                        d.reservation().state().name(),
                        d.reservation().voidReason() == null
                                ? null
                                : d.reservation().voidReason().name()))
                .toList();
    }
}
