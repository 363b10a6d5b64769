/** Suppliers with their approval status and lot-label convention, and customers with the shelf life they accept. */
@NamedInterface("partner")
package org.lotledger.catalog.partner;

import org.springframework.modulith.NamedInterface;
