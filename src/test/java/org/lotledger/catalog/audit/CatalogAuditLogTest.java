package org.lotledger.catalog.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogAuditLogTest {

    @Test
    void only_changed_business_fields_are_recorded_with_from_and_to() {
        Map<String, Object> changes = CatalogAuditLog.diff(
                Map.of("name", "Old", "cost", new BigDecimal("10.0000"), "version", 1, "types", List.of("A", "B")),
                Map.of("name", "New", "cost", new BigDecimal("10.00"), "version", 2, "types", List.of("B", "A")));
        assertThat(changes).containsOnlyKeys("name");
        assertThat(changes.get("name")).isEqualTo(Map.of("from", "Old", "to", "New"));
    }

    @Test
    void a_field_that_appears_or_disappears_is_a_change_from_or_to_null() {
        Map<String, Object> changes = CatalogAuditLog.diff(Map.of("ref", "X"), Map.of("capacity", 5));
        assertThat(changes).containsOnlyKeys("ref", "capacity");
        assertThat(((Map<?, ?>) changes.get("ref")).get("to")).isNull();
        assertThat(((Map<?, ?>) changes.get("capacity")).get("from")).isNull();
    }
}
