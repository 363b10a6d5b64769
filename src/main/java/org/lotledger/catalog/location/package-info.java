/** Warehouses (with their time zone), zones, physical locations with barcodes, and the virtual locations that make every posting double-entry. */
package org.lotledger.catalog.location;
