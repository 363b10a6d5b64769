package org.lotledger.ledger;

import java.util.Collection;
import java.util.Map;

/**
 * Which demand lines still take stock, asked by the self-audit of the feature that owns one kind of demand
 * ({@link LedgerSelfAudit}): a pending reservation whose demand line was closed, cancelled or fully shipped holds
 * stock for nobody (a leak). One implementation per demand type (fulfilment answers for {@code SALES_ORDER}, transfers
 * for {@code TRANSFER_ORDER}), so the ledger knows no feature's tables. A demand type that no feature answers for is not
 * checked.
 */
public interface OpenDemands {

    /** The {@link Reservation.Demand#type()} this feature answers for, e.g. {@code SALES_ORDER}. */
    String demandType();

    /**
     * Of these demand lines (all of {@link #demandType()}), those that no longer take stock, each with what it is now
     * (e.g. CANCELLED, SHIPPED, CLOSED). Lines it does not know (not its reference format, no such order) are left out:
     * they are not this check's finding. Reads in the caller's transaction (the audit's snapshot).
     */
    Map<Reservation.Demand, String> notOpen(Collection<Reservation.Demand> demands);
}
