/**
 * The HTTP door's description: the OpenAPI document ({@code /v3/api-docs}, Swagger UI) with what springdoc cannot
 * read from the controllers (product info, HTTP basic, the Idempotency-Key parameter, success statuses and headers,
 * problem-detail responses), kept in {@link org.lotledger.platform.web.OpenApiConfiguration}.
 */
package org.lotledger.platform.web;
