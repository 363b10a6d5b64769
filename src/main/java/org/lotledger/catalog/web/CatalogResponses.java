package org.lotledger.catalog.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.lotledger.catalog.audit.CatalogAuditEntry;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.modulith.NamedInterface;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** 201 + Location + ETag for creations, 200 + ETag for reads and changes (purchasing answers the same way). */
@NamedInterface("web")
public final class CatalogResponses {

    private CatalogResponses() {}

    public static <T> ResponseEntity<T> created(Long id, long version, T body) {
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
                .path("/{id}")
                .buildAndExpand(id)
                .toUri();
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(location)
                .eTag(Etags.of(version))
                .body(body);
    }

    public static <T> ResponseEntity<T> ok(long version, T body) {
        return ResponseEntity.ok().eTag(Etags.of(version)).body(body);
    }

    /** An audit row as the API shows it. */
    @NamedInterface("web")
    public record AuditEntryView(
            Long id,
            String entityType,
            String entityId,
            String action,
            Map<String, Object> changes,
            String actor,
            Instant changedAt) {}

    public static List<AuditEntryView> audit(List<CatalogAuditEntry> entries) {
        return entries.stream()
                .map(e -> new AuditEntryView(
                        e.getId(),
                        e.getEntityType(),
                        e.getEntityId(),
                        e.getAction(),
                        e.getChanges(),
                        e.getActor(),
                        e.getChangedAt()))
                .toList();
    }
}
