package org.lotledger.platform.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo users, one or more per group, each with the password {@code <id>-demo}. Idempotent (creates only what is
 * missing) and never present in the prod profile ({@code lotledger.demo.enabled=false}).
 */
@Component
@ConditionalOnProperty(name = "lotledger.demo.enabled", havingValue = "true")
public class DemoIdentityLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoIdentityLoader.class);

    /** user id → (first name, last name, groups) */
    public static final Map<String, DemoUser> USERS = new LinkedHashMap<>();

    public record DemoUser(String firstName, String lastName, List<String> groups) {
        public String password(String id) {
            return id + "-demo";
        }
    }

    static {
        USERS.put("admin", new DemoUser("Ada", "Admin", List.of(Groups.ADMIN)));
        USERS.put("rita", new DemoUser("Rita", "Receiving", List.of(Groups.RECEIVING)));
        USERS.put("sam", new DemoUser("Sam", "Supervisor", List.of(Groups.RECEIVING, Groups.RECEIVING_SUPERVISORS)));
        // only receiving-supervisors, so the permission matrix test can probe that column on its own
        USERS.put("susan", new DemoUser("Susan", "Shift-Lead", List.of(Groups.RECEIVING_SUPERVISORS)));
        USERS.put("quinn", new DemoUser("Quinn", "Quality", List.of(Groups.QUALITY)));
        USERS.put("maria", new DemoUser("Maria", "Manager", List.of(Groups.QUALITY, Groups.QUALITY_MANAGERS)));
        USERS.put("walt", new DemoUser("Walt", "Warehouse", List.of(Groups.WAREHOUSE)));
        USERS.put("ivy", new DemoUser("Ivy", "Inventory", List.of(Groups.INVENTORY_CONTROL)));
        USERS.put("fiona", new DemoUser("Fiona", "Finance", List.of(Groups.FINANCE)));
        USERS.put("otto", new DemoUser("Otto", "Operations", List.of(Groups.OPERATIONS)));
        USERS.put("erp", new DemoUser("ERP", "Integration", List.of(Groups.INTEGRATION)));
    }

    private final IdentityService identity;

    public DemoIdentityLoader(IdentityService identity) {
        this.identity = identity;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void load() {
        Groups.ensureAllExist(identity);
        int created = 0;
        for (var e : USERS.entrySet()) {
            String id = e.getKey();
            DemoUser u = e.getValue();
            if (identity.createUserQuery().userId(id).count() == 0) {
                User user = identity.newUser(id);
                user.setFirstName(u.firstName());
                user.setLastName(u.lastName());
                user.setEmail(id + "@demo.lotledger.org");
                user.setPassword(u.password(id));
                identity.saveUser(user);
                created++;
            }
            for (String g : u.groups()) {
                if (identity.createUserQuery().userId(id).memberOfGroup(g).count() == 0) {
                    identity.createMembership(id, g);
                }
            }
        }
        log.info(
                "Demo identities ready: {} groups, {} users ({} created now)",
                Groups.ALL.size(),
                USERS.size(),
                created);
    }
}
