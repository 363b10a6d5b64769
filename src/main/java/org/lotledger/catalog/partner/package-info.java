/** Suppliers with their approval status and lot-label convention, and customers with the shelf life they accept. */
package org.lotledger.catalog.partner;
