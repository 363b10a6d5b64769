/** Allocation overrides: another lot or location than reserved, checked, approved where the table says, swapped (docs/fulfillment.md "Overrides"). */
package org.lotledger.fulfillment.override;
