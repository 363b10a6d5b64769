/**
 * The API's door: what every request to {@code /api} passes before and around its handler. One idempotency
 * component for every write ({@link org.lotledger.platform.web.IdempotentWrites}, table {@code idempotent_request},
 * ADR 0009), strict JSON and parameters, the edge checks that need no handler (406, 413, 415, control characters)
 * and the problem-details answer of the container's error page. Feature packages see only
 * {@link org.lotledger.platform.web.IdempotencyKey}.
 */
package org.lotledger.platform.web;
