package org.lotledger.catalog.web;

import java.util.Map;
import org.lotledger.platform.ProblemDetailsAdvice;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * 428 Precondition Required has no {@link org.lotledger.common.DomainException.Kind}; this advice answers it ahead
 * of the platform's mapping and otherwise leaves everything to {@link ProblemDetailsAdvice}.
 */
@RestControllerAdvice(basePackages = "org.lotledger")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CatalogProblemAdvice {

    @ExceptionHandler(PreconditionRequiredException.class)
    ResponseEntity<ProblemDetail> preconditionRequired(PreconditionRequiredException e) {
        return ResponseEntity.status(HttpStatus.PRECONDITION_REQUIRED)
                .body(ProblemDetailsAdvice.problem(
                        HttpStatus.PRECONDITION_REQUIRED, e.code(), e.getMessage(), Map.of()));
    }
}
