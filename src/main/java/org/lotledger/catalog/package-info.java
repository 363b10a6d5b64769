/**
 * Master data: items and their units of measure and GTINs, warehouses, zones and locations (physical and the
 * virtual ones that make every posting double-entry), suppliers and customers, reason codes and lots.
 * Other features read it through {@link org.lotledger.catalog.CatalogQueries}; every change is audited
 * ({@code catalog_audit}, and {@code lot_event} for lots).
 */
package org.lotledger.catalog;
