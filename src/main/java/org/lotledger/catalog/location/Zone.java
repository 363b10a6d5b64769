package org.lotledger.catalog.location;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.lotledger.catalog.ActivatableEntity;
import org.lotledger.catalog.item.TemperatureClass;

@Entity
@Table(name = "zone")
public class Zone extends ActivatableEntity {

    @Column(name = "warehouse_id", nullable = false, updatable = false)
    private Long warehouseId;

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "zone_type", nullable = false)
    private ZoneType zoneType;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "allowed_statuses", nullable = false)
    private String[] allowedStatuses;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "allowed_temperature_classes", nullable = false)
    private String[] allowedTemperatureClasses;

    protected Zone() {}

    public Zone(Long warehouseId, String code, String name) {
        this.warehouseId = warehouseId;
        this.code = code;
        this.name = name;
    }

    public Long getWarehouseId() {
        return warehouseId;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public ZoneType getZoneType() {
        return zoneType;
    }

    public Set<StockStatus> getAllowedStatuses() {
        return toEnums(allowedStatuses, StockStatus.class);
    }

    public Set<TemperatureClass> getAllowedTemperatureClasses() {
        return toEnums(allowedTemperatureClasses, TemperatureClass.class);
    }

    public void describe(String name, ZoneType type, Set<StockStatus> statuses, Set<TemperatureClass> temperatures) {
        this.name = name;
        this.zoneType = type;
        this.allowedStatuses = toNames(statuses);
        this.allowedTemperatureClasses = toNames(temperatures);
    }

    private static <E extends Enum<E>> String[] toNames(Set<E> values) {
        // sorted by declaration order so that the stored array, the ETag and the audit are stable
        return values.stream().sorted().map(Enum::name).toArray(String[]::new);
    }

    private static <E extends Enum<E>> Set<E> toEnums(String[] names, Class<E> type) {
        if (names == null || names.length == 0) {
            return EnumSet.noneOf(type);
        }
        return Arrays.stream(names)
                .map(n -> Enum.valueOf(type, n))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(type)));
    }
}
