/** The REST API of fulfilment: /api/sales-orders (docs/fulfillment.md). */
package org.lotledger.fulfillment.web;
