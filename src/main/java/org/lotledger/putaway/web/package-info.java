/**
 * The directed putaway REST API: {@code GET /api/putaway/suggestion} and {@code POST /api/putaway}.
 */
package org.lotledger.putaway.web;
