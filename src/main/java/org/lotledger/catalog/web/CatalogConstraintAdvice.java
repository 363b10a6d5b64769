package org.lotledger.catalog.web;

import java.util.Map;
import org.lotledger.platform.ProblemDetailsAdvice;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The services check uniqueness before writing, but two concurrent requests can both pass the check; the database's
 * unique keys then decide, and the loser gets a 409 instead of a 500. Limited to the catalog's controllers.
 */
@RestControllerAdvice(basePackageClasses = CatalogConstraintAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class CatalogConstraintAdvice {

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> constraint(DataIntegrityViolationException e) {
        String constraint = e.getMostSpecificCause() instanceof org.postgresql.util.PSQLException p
                        && p.getServerErrorMessage() != null
                ? p.getServerErrorMessage().getConstraint()
                : null;
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(ProblemDetailsAdvice.problem(
                        HttpStatus.CONFLICT,
                        "CATALOG_CONSTRAINT_VIOLATED",
                        "The change conflicts with another catalog row (probably written at the same time).",
                        constraint == null ? Map.of() : Map.of("constraint", constraint)));
    }
}
