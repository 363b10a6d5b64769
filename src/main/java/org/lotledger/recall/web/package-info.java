/** The recalls' REST API (docs/recall.md, "Recalls"). */
package org.lotledger.recall.web;
