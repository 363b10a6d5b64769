package org.lotledger.catalog.partner;

import static org.lotledger.catalog.CatalogSpecs.eq;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lotledger.catalog.Address;
import org.lotledger.catalog.CatalogExceptions;
import org.lotledger.catalog.Gln;
import org.lotledger.catalog.audit.CatalogAuditLog;
import org.lotledger.catalog.location.Location;
import org.lotledger.catalog.location.LocationKind;
import org.lotledger.catalog.location.Locations;
import org.lotledger.catalog.location.VirtualLocations;
import org.lotledger.common.DomainException;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Customers, each with its virtual CUSTOMER location (so "who received this lot" is a balance). */
@Service
public class CustomerService {

    public static final String ENTITY = "CUSTOMER";

    private final Customers customers;
    private final Locations locations;
    private final VirtualLocations virtualLocations;
    private final CatalogAuditLog audit;

    public CustomerService(
            Customers customers, Locations locations, VirtualLocations virtualLocations, CatalogAuditLog audit) {
        this.customers = customers;
        this.locations = locations;
        this.virtualLocations = virtualLocations;
        this.audit = audit;
    }

    @Transactional
    public CustomerView create(CustomerDraft draft, String actor) {
        String code = draft.code().trim().toUpperCase();
        if (customers.existsByCode(code)) {
            throw CatalogExceptions.duplicate("CUSTOMER_ALREADY_EXISTS", "Customer", code);
        }
        Customer c = new Customer(code);
        c.describe(draft.name().trim(), draft.customerType(), shelfLife(draft));
        locate(c, draft);
        customers.saveAndFlush(c);
        audit.created(ENTITY, c.getId(), CustomerView.of(c, null), actor);
        Location l = virtualLocations.forNewCustomer(c.getId(), code, c.getName(), actor);
        return CustomerView.of(c, l.getId());
    }

    @Transactional
    public CustomerView update(long id, Long expectedVersion, CustomerDraft draft, String actor) {
        Customer c = load(id);
        c.requireVersion(expectedVersion);
        if (!c.getCode().equalsIgnoreCase(draft.code().trim())) {
            throw DomainException.unprocessable(
                    "FIELD_NOT_CHANGEABLE", "A customer code cannot change", Map.of("field", "code"));
        }
        CustomerView before = view(c);
        c.describe(draft.name().trim(), draft.customerType(), shelfLife(draft));
        locate(c, draft);
        customers.saveAndFlush(c);
        CustomerView after = view(c);
        audit.updated(ENTITY, id, before, after, actor);
        return after;
    }

    @Transactional
    public CustomerView deactivate(long id, Long expectedVersion, String actor) {
        Customer c = load(id);
        c.requireVersion(expectedVersion);
        if (c.isActive()) {
            c.deactivate();
            customers.saveAndFlush(c);
            audit.deactivated(ENTITY, id, actor);
        }
        return view(c);
    }

    @Transactional(readOnly = true)
    public CustomerView get(long id) {
        return view(load(id));
    }

    /**
     * The customers with these ids, in two statements whatever their number (a recall's notice list names hundreds);
     * ids of no customer are left out.
     */
    @Transactional(readOnly = true)
    public Map<Long, CustomerView> getAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> locationOf = new HashMap<>();
        for (Location l : locations.findByCustomerIdInAndKind(ids, LocationKind.CUSTOMER)) {
            locationOf.put(l.getCustomerId(), l.getId());
        }
        Map<Long, CustomerView> out = new HashMap<>();
        for (Customer c : customers.findAllById(ids)) {
            out.put(c.getId(), CustomerView.of(c, locationOf.get(c.getId())));
        }
        return out;
    }

    @Transactional(readOnly = true)
    public List<CustomerView> list(Boolean active, CustomerType type) {
        Specification<Customer> spec =
                Specification.<Customer>where(eq("active", active)).and(eq("customerType", type));
        return customers.findAll(spec, Sort.by("code")).stream().map(this::view).toList();
    }

    Customer load(long id) {
        return customers.findById(id).orElseThrow(() -> CatalogExceptions.notFound("CUSTOMER", id));
    }

    private CustomerView view(Customer c) {
        return CustomerView.of(
                c,
                locations
                        .findByCustomerIdAndKind(c.getId(), LocationKind.CUSTOMER)
                        .map(Location::getId)
                        .orElse(null));
    }

    /** Ship-to address, GLN (13 digits, GS1 check digit, one customer per GLN) and recall contact. */
    private void locate(Customer c, CustomerDraft draft) {
        String gln = Gln.parseOrNull(draft.gln());
        if (gln != null) {
            customers
                    .findByGln(gln)
                    .filter(other -> !other.getId().equals(c.getId()))
                    .ifPresent(other -> {
                        throw DomainException.conflict(
                                "GLN_ALREADY_USED",
                                "GLN " + gln + " already names customer " + other.getCode(),
                                Map.of("gln", gln, "customer", other.getCode()));
                    });
        }
        c.locate(Address.normalised(draft.shipTo()), gln, RecallContact.normalised(draft.recallContact()));
    }

    private static int shelfLife(CustomerDraft d) {
        return d.minRemainingShelfLifeDays() == null ? 0 : d.minRemainingShelfLifeDays();
    }
}
