/**
 * Suppliers with their approval status and lot-label convention, and customers with the shelf life they accept,
 * their ship-to address, GLN and recall contact.
 */
@NamedInterface("partner")
package org.lotledger.catalog.partner;

import org.springframework.modulith.NamedInterface;
