/** The REST API of allocation overrides: /api/allocation-overrides (docs/fulfillment.md "Overrides"). */
package org.lotledger.fulfillment.override.web;
