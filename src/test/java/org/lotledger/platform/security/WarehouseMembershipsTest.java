package org.lotledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.catalog.demo.DemoCatalogLoader;
import org.lotledger.catalog.location.WarehouseService;
import org.lotledger.common.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** docs/security.md, "Warehouse memberships": groups per warehouse in Camunda, read by Tasklist and the domain alike. */
@IntegrationTest
class WarehouseMembershipsTest {

    @Autowired
    IdentityService identity;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    CamundaIdentityAuthenticationProvider provider;

    @Autowired
    WarehouseService warehouses;

    @Autowired
    TestRestTemplate rest;

    @Test
    void every_demo_warehouse_has_a_workflow_group_per_floor_group() {
        for (String w : DemoCatalogLoader.WAREHOUSES) {
            for (String base : Groups.AT_WAREHOUSE) {
                String id = Groups.atWarehouse(base, w);
                Group group = identity.createGroupQuery().groupId(id).singleResult();
                assertThat(group).as(id).isNotNull();
                assertThat(group.getType()).isEqualTo(Groups.WORKFLOW);
            }
        }
        assertThat(Groups.atWarehouse(Groups.WAREHOUSE, "EAST")).isEqualTo("warehouse@EAST");
    }

    @Test
    void a_warehouse_group_may_use_tasklist_like_its_base_group_and_no_more() {
        String group = Groups.atWarehouse(Groups.WAREHOUSE, DemoCatalogLoader.EAST);
        assertThat(authorizations.isUserAuthorized(
                        "someone", List.of(group), Permissions.ACCESS, Resources.APPLICATION, "tasklist"))
                .isTrue();
        assertThat(authorizations.isUserAuthorized(
                        "someone",
                        List.of(group),
                        ProcessDefinitionPermissions.READ,
                        Resources.PROCESS_DEFINITION,
                        "*"))
                .isTrue();
        assertThat(authorizations.isUserAuthorized(
                        "someone", List.of(group), Permissions.ACCESS, Resources.APPLICATION, "cockpit"))
                .isFalse();
    }

    @Test
    void the_demo_floor_staff_are_members_of_their_warehouses_groups() {
        assertThat(warehouseGroupsOf("walt")).containsExactlyInAnyOrder("warehouse@EAST");
        assertThat(warehouseGroupsOf("rita")).containsExactlyInAnyOrder("receiving@EAST", "receiving@WEST");
        assertThat(warehouseGroupsOf("sam"))
                .containsExactlyInAnyOrder(
                        "receiving@EAST", "receiving@WEST", "receiving-supervisors@EAST", "receiving-supervisors@WEST");
        assertThat(warehouseGroupsOf("wes")).containsExactly("warehouse@WEST");
        assertThat(warehouseGroupsOf("cora")).containsExactly("warehouse@CENTRAL");
        assertThat(warehouseGroupsOf("otto"))
                .as("operations acts for the company")
                .isEmpty();
    }

    @Test
    void the_actor_built_from_the_camunda_identity_answers_where_it_works() {
        Actor walt = new Actor("walt", new HashSet<>(provider.groupsOf("walt")));
        assertThat(walt.worksAt("EAST", Groups.WAREHOUSE)).isTrue();
        assertThat(walt.worksAt("WEST", Groups.WAREHOUSE)).isFalse();
        Actor wes = new Actor("wes", new HashSet<>(provider.groupsOf("wes")));
        assertThat(wes.worksAt("WEST", Groups.WAREHOUSE)).isTrue();
        assertThat(wes.worksAt("EAST", Groups.WAREHOUSE)).isFalse();
        Actor rita = new Actor("rita", new HashSet<>(provider.groupsOf("rita")));
        assertThat(rita.warehousesAs(Groups.RECEIVING)).containsExactlyInAnyOrder("EAST", "WEST");
        assertThat(rita.worksAt("EAST", Groups.WAREHOUSE))
                .as("another group at the same warehouse")
                .isFalse();
    }

    @Test
    void a_warehouse_created_through_the_api_gets_its_groups_at_once() {
        String code = "WM" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", "warehouse-groups-" + code);
        ResponseEntity<String> created = rest.withBasicAuth("admin", "admin-demo")
                .exchange(
                        "/api/warehouses",
                        HttpMethod.POST,
                        new HttpEntity<>(
                                Map.of("code", code.toLowerCase(), "name", "New DC", "timeZone", "Europe/Berlin"),
                                headers),
                        String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        for (String base : Groups.AT_WAREHOUSE) {
            String id = Groups.atWarehouse(base, code);
            assertThat(id).endsWith("@" + code);
            assertThat(identity.createGroupQuery().groupId(id).count()).as(id).isEqualTo(1);
            assertThat(authorizations.isUserAuthorized(
                            "someone", List.of(id), Permissions.ACCESS, Resources.APPLICATION, "tasklist"))
                    .as(id)
                    .isTrue();
        }
    }

    @Test
    void running_the_start_up_again_adds_no_groups_and_no_grants() {
        // other tests insert warehouses with plain SQL (fixtures), which get their groups from the start-up sweep:
        // bring every warehouse up to date first, then a second sweep must change nothing
        warehouses.staffGroupsOfEveryWarehouse();
        long groups = identity.createGroupQuery().count();
        long grants = authorizations.createAuthorizationQuery().count();
        warehouses.staffGroupsOfEveryWarehouse();
        assertThat(identity.createGroupQuery().count()).isEqualTo(groups);
        assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(grants);
    }

    private List<String> warehouseGroupsOf(String user) {
        return provider.groupsOf(user).stream().filter(g -> g.contains("@")).toList();
    }
}
