package org.lotledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class AuthorizationsSetupTest {

    @Autowired
    AuthorizationsSetup setup;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    FilterService filters;

    @Test
    void admin_may_do_everything_and_staff_get_tasklist_but_not_cockpit() {
        for (Resources r : Resources.values()) {
            if (r == Resources.HISTORIC_PROCESS_INSTANCE || r == Resources.HISTORIC_TASK) {
                continue; // Camunda refuses to even check these while historic instance permissions are off
            }
            assertThat(authorizations.isUserAuthorized("admin", List.of(Groups.ADMIN), Permissions.ALL, r, "*"))
                    .as(r.name())
                    .isTrue();
        }
        for (String group : AuthorizationsSetup.STAFF) {
            assertThat(authorizations.isUserAuthorized(
                            "someone", List.of(group), Permissions.ACCESS, Resources.APPLICATION, "tasklist"))
                    .as(group)
                    .isTrue();
        }
        assertThat(authorizations.isUserAuthorized(
                        "rita", List.of(Groups.RECEIVING), Permissions.ACCESS, Resources.APPLICATION, "cockpit"))
                .isFalse();
        assertThat(authorizations.isUserAuthorized(
                        "otto", List.of(Groups.OPERATIONS), Permissions.ACCESS, Resources.APPLICATION, "cockpit"))
                .isTrue();
        assertThat(authorizations.isUserAuthorized(
                        "erp", List.of(Groups.INTEGRATION), Permissions.ACCESS, Resources.APPLICATION, "tasklist"))
                .isFalse();
        assertThat(authorizations.isUserAuthorized(
                        "erp", List.of(Groups.INTEGRATION), Permissions.READ, Resources.PROCESS_DEFINITION, "*"))
                .isFalse();
    }

    @Test
    void running_the_setup_again_adds_nothing() {
        long grants = authorizations.createAuthorizationQuery().count();
        long filterCount = filters.createFilterQuery().count();
        setup.apply();
        assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(grants);
        assertThat(filters.createFilterQuery().count()).isEqualTo(filterCount);
        assertThat(filters.createFilterQuery()
                        .filterName(AuthorizationsSetup.GROUP_TASKS_FILTER)
                        .count())
                .isEqualTo(1);
    }
}
