package org.lotledger.catalog.audit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CatalogAuditEntries extends JpaRepository<CatalogAuditEntry, Long> {

    List<CatalogAuditEntry> findByEntityTypeAndEntityIdOrderByIdAsc(String entityType, String entityId);
}
