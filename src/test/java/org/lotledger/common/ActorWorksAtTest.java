package org.lotledger.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "Does this actor work at warehouse X in group G": membership of the Camunda group {@code G@X}, nothing else. */
class ActorWorksAtTest {

    static final Actor WALT = new Actor("walt", Set.of("warehouse", "warehouse@EAST"));
    static final Actor SAM = new Actor(
            "sam",
            Set.of(
                    "receiving",
                    "receiving-supervisors",
                    "receiving@EAST",
                    "receiving@WEST",
                    "receiving-supervisors@EAST",
                    "receiving-supervisors@WEST"));

    @ParameterizedTest(name = "{0} at {1} as {2}: {3}")
    @CsvSource({
        "walt, EAST,    warehouse,             true",
        "walt, east,    warehouse,             true",
        "walt, ' EAST ', warehouse,            true",
        "walt, WEST,    warehouse,             false",
        "walt, EAST,    receiving,             false",
        "walt, EAST-2,  warehouse,             false",
        "sam,  WEST,    receiving-supervisors, true",
        "sam,  EAST,    receiving,             true",
        "sam,  CENTRAL, receiving,             false",
        "sam,  EAST,    warehouse,             false",
    })
    void an_actor_works_at_a_warehouse_in_a_group_when_a_member_of_its_warehouse_group(
            String user, String warehouse, String group, boolean expected) {
        Actor actor = user.equals("walt") ? WALT : SAM;
        assertThat(actor.worksAt(warehouse, group)).isEqualTo(expected);
    }

    @Test
    void the_base_group_alone_says_what_someone_may_do_not_where() {
        Actor anywhere = new Actor("pat", Set.of("warehouse"));
        assertThat(anywhere.worksAt("EAST", "warehouse")).isFalse();
        assertThat(anywhere.warehousesAs("warehouse")).isEmpty();
    }

    @Test
    void no_warehouse_code_is_nobodys_workplace() {
        assertThat(WALT.worksAt(null, "warehouse")).isFalse();
        assertThat(WALT.worksAt(" ", "warehouse")).isFalse();
        assertThat(WALT.worksAt("EA ST", "warehouse")).isFalse();
    }

    @Test
    void a_group_name_that_is_none_is_a_programming_error() {
        assertThatThrownBy(() -> WALT.worksAt("EAST", "warehouse@EAST")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WALT.worksAt("EAST", "Warehouse")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_warehouses_of_an_actor_in_a_group_come_from_its_warehouse_groups() {
        assertThat(SAM.warehousesAs("receiving")).containsExactlyInAnyOrder("EAST", "WEST");
        assertThat(SAM.warehousesAs("receiving-supervisors")).containsExactlyInAnyOrder("EAST", "WEST");
        assertThat(WALT.warehousesAs("warehouse")).containsExactly("EAST");
        assertThat(WALT.warehousesAs("receiving")).isEmpty();
    }

    @Test
    void a_warehouse_group_id_is_group_at_code_and_reads_back() {
        assertThat(WarehouseGroup.id("warehouse", "east")).isEqualTo("warehouse@EAST");
        assertThat(WarehouseGroup.parse("inventory-control@WEST_2"))
                .contains(new WarehouseGroup("inventory-control", "WEST_2"));
        assertThat(WarehouseGroup.parse("warehouse")).isEmpty();
        assertThat(WarehouseGroup.parse("warehouse@")).isEmpty();
        assertThat(WarehouseGroup.parse("@EAST")).isEmpty();
        assertThat(WarehouseGroup.parse("warehouse@EAST@WEST")).isEmpty();
        assertThat(WarehouseGroup.parse(null)).isEmpty();
        assertThatThrownBy(() -> WarehouseGroup.id("warehouse", "EA ST")).isInstanceOf(IllegalArgumentException.class);
    }
}
