/** Warehouses (with their time zone), zones, physical locations with barcodes, and the virtual locations that make every posting double-entry. */
@NamedInterface("location")
package org.lotledger.catalog.location;

import org.springframework.modulith.NamedInterface;
