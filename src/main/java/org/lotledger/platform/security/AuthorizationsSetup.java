package org.lotledger.platform.security;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Camunda side of docs/security.md ("Camunda authorizations"), in every profile: the groups, what each group
 * may see in Tasklist and Cockpit, and the shared "My group tasks" filter. Idempotent: it only adds what is
 * missing, so an operator's extra grants made in Camunda Admin survive a restart.
 *
 * <p>Task-level rights are deliberately not granted here: a task's candidate group gets READ + UPDATE on that
 * task from the engine when the candidate group is added, which is exactly "the tasks of my groups".
 */
@Component
public class AuthorizationsSetup {

    public static final String GROUP_TASKS_FILTER = "My group tasks";

    static final String CAMUNDA_ADMIN = org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;

    /** People who work in Tasklist; integration users are machines and admin has everything anyway. */
    static final List<String> STAFF = Groups.ALL.stream()
            .filter(g -> !g.equals(Groups.INTEGRATION) && !g.equals(Groups.ADMIN))
            .toList();

    /** Groups that watch processes in Cockpit (read only). */
    static final List<String> COCKPIT_READERS = List.of(Groups.OPERATIONS);

    private static final Logger log = LoggerFactory.getLogger(AuthorizationsSetup.class);

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final String firstAdminUser;

    public AuthorizationsSetup(
            IdentityService identity,
            AuthorizationService authorizations,
            FilterService filters,
            TaskService tasks,
            @Value("${camunda.bpm.admin-user.id:}") String firstAdminUser) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.firstAdminUser = firstAdminUser;
    }

    // after the demo loader (Order 0), so that the demo admin is found in the admin group below
    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    public void apply() {
        Groups.ensureAllExist(identity);

        // admin: everything, like Camunda's own camunda-admin group
        for (Resources r : Resources.values()) {
            grant(Groups.ADMIN, r, "*", Permissions.ALL);
            grant(CAMUNDA_ADMIN, r, "*", Permissions.ALL);
        }
        adminsAreCamundaAdmins();

        for (String g : STAFF) {
            grantTasklist(g);
        }

        for (String g : COCKPIT_READERS) {
            grant(g, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            // history is read through the definition (READ_HISTORY): per-instance history permissions are off
            grant(
                    g,
                    Resources.PROCESS_DEFINITION,
                    "*",
                    ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE,
                    ProcessDefinitionPermissions.READ_HISTORY);
            grant(g, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ);
            grant(g, Resources.TASK, "*", TaskPermissions.READ);
            grant(g, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
            grant(g, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
            grant(g, Resources.DEPLOYMENT, "*", Permissions.READ);
        }

        Filter filter = groupTasksFilter();
        if (authorizations
                        .createAuthorizationQuery()
                        .authorizationType(Authorization.AUTH_TYPE_GLOBAL)
                        .resourceType(Resources.FILTER)
                        .resourceId(filter.getId())
                        .count()
                == 0) {
            Authorization everybodyReads = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
            everybodyReads.setUserId(Authorization.ANY);
            everybodyReads.setResource(Resources.FILTER);
            everybodyReads.setResourceId(filter.getId());
            everybodyReads.addPermission(Permissions.READ);
            authorizations.saveAuthorization(everybodyReads);
        }

        log.info(
                "Camunda authorizations ready: admin ALL, tasklist for {}, cockpit for {}, filter '{}' ({})",
                STAFF,
                COCKPIT_READERS,
                GROUP_TASKS_FILTER,
                filter.getId());
    }

    /**
     * What a group of people needs in Tasklist: the application, and reading process definitions, which lets Tasklist
     * draw the diagram of a task's process; no right on instances or tasks comes with it (a task's candidate group
     * gets those from the engine). The base groups get it here, the groups per warehouse from
     * {@link WarehouseStaffGroups}. Adds only what is missing.
     */
    void grantTasklist(String group) {
        grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(group, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ);
    }

    /**
     * Our {@code admin} group and Camunda's {@code camunda-admin} group have the same members. The webapps treat a
     * system without any camunda-admin member as not set up and send every user to Admin's first-user setup; in
     * prod, camunda.bpm.admin-user (the env admin) lands in camunda-admin, and our API knows admins by {@code admin}.
     */
    private void adminsAreCamundaAdmins() {
        if (identity.createGroupQuery().groupId(CAMUNDA_ADMIN).count() == 0) {
            Group group = identity.newGroup(CAMUNDA_ADMIN);
            group.setName("Camunda BPM Administrators");
            group.setType(org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_SYSTEM);
            identity.saveGroup(group);
        }
        syncMembers(Groups.ADMIN, CAMUNDA_ADMIN);
        syncMembers(CAMUNDA_ADMIN, Groups.ADMIN);
        if (!firstAdminUser.isBlank()
                && identity.createUserQuery().userId(firstAdminUser).count() == 1
                && identity.createUserQuery()
                                .userId(firstAdminUser)
                                .memberOfGroup(Groups.ADMIN)
                                .count()
                        == 0) {
            identity.createMembership(firstAdminUser, Groups.ADMIN);
        }
    }

    private void syncMembers(String from, String to) {
        for (User user : identity.createUserQuery().memberOfGroup(from).list()) {
            if (identity.createUserQuery()
                            .userId(user.getId())
                            .memberOfGroup(to)
                            .count()
                    == 0) {
                identity.createMembership(user.getId(), to);
            }
        }
    }

    /** Candidate-group tasks of the current user's groups, plus those already claimed by someone. */
    private Filter groupTasksFilter() {
        Filter filter =
                filters.createFilterQuery().filterName(GROUP_TASKS_FILTER).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(GROUP_TASKS_FILTER);
        }
        // (re)written on every start, so that a filter of this name made elsewhere (e.g. camunda.bpm.filter.create,
        // which saves an unrestricted query) ends up with our query
        filter.setQuery(tasks.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks());
        filter.setProperties(Map.of(
                "description",
                "Tasks for the groups you belong to, including those claimed by a colleague",
                "priority",
                -10,
                "refresh",
                true));
        return filters.saveFilter(filter);
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization auth = authorizations
                .createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(group)
                .resourceType(resource)
                .resourceId(resourceId)
                .singleResult();
        boolean changed = false;
        if (auth == null) {
            auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            auth.setGroupId(group);
            auth.setResource(resource);
            auth.setResourceId(resourceId);
            changed = true;
        }
        for (Permission p : permissions) {
            if (!auth.isPermissionGranted(p)) {
                auth.addPermission(p);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(auth);
        }
    }
}
