/** The REST API of pick tasks and pick confirmations (docs/fulfillment.md "Picking"). */
package org.lotledger.fulfillment.picking.web;
