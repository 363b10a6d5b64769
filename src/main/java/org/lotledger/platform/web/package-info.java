/**
 * The API's door: what every request to {@code /api} passes before and around its handler. One idempotency
 * component for every write ({@link org.lotledger.platform.web.IdempotentWrites}, table {@code idempotent_request},
 * ADR 0009), strict JSON and parameters, the edge checks that need no handler (406, 413, 415, control characters),
 * the problem-details answer of the container's error page, and the door's description: the OpenAPI document
 * ({@code /v3/api-docs}, Swagger UI) with what springdoc cannot read from the controllers (product info, HTTP basic,
 * the Idempotency-Key parameter, success statuses and headers, problem-detail responses), kept in
 * {@link org.lotledger.platform.web.OpenApiConfiguration}. Feature packages see only
 * {@link org.lotledger.platform.web.IdempotencyKey}.
 */
package org.lotledger.platform.web;
