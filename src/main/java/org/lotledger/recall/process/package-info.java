/** The recall's process, ProductRecall: its delegates and listeners (docs/processes/product-recall.md). */
package org.lotledger.recall.process;
