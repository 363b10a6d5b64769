/** The REST API of purchasing: /api/purchase-orders and /api/advance-ship-notices (docs/purchasing.md). */
package org.lotledger.purchasing.web;
