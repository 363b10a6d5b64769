package org.lotledger.catalog.reason;

import static org.lotledger.catalog.CatalogSpecs.eq;

import java.util.List;
import java.util.Map;
import org.lotledger.catalog.CatalogExceptions;
import org.lotledger.catalog.audit.CatalogAuditLog;
import org.lotledger.common.DomainException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ReasonCodeService {

    public static final String ENTITY = "REASON_CODE";

    private final ReasonCodes reasonCodes;
    private final CatalogAuditLog audit;

    public ReasonCodeService(ReasonCodes reasonCodes, CatalogAuditLog audit) {
        this.reasonCodes = reasonCodes;
        this.audit = audit;
    }

    @Transactional
    public ReasonCodeView create(ReasonCodeDraft draft, String actor) {
        String code = draft.code().trim().toUpperCase();
        if (reasonCodes.existsByCode(code)) {
            throw CatalogExceptions.duplicate("REASON_CODE_ALREADY_EXISTS", "Reason code", code);
        }
        ReasonCode r = new ReasonCode(code);
        r.describe(draft.description().trim(), draft.postingTypes(), draft.requiresApproval());
        reasonCodes.saveAndFlush(r);
        ReasonCodeView view = ReasonCodeView.of(r);
        audit.created(ENTITY, r.getId(), view, actor);
        return view;
    }

    @Transactional
    public ReasonCodeView update(long id, Long expectedVersion, ReasonCodeDraft draft, String actor) {
        ReasonCode r = load(id);
        r.requireVersion(expectedVersion);
        if (!r.getCode().equalsIgnoreCase(draft.code().trim())) {
            // postings refer to reason codes by code
            throw DomainException.unprocessable(
                    "FIELD_NOT_CHANGEABLE", "A reason code's code cannot change", Map.of("field", "code"));
        }
        ReasonCodeView before = ReasonCodeView.of(r);
        r.describe(draft.description().trim(), draft.postingTypes(), draft.requiresApproval());
        reasonCodes.saveAndFlush(r);
        ReasonCodeView after = ReasonCodeView.of(r);
        audit.updated(ENTITY, id, before, after, actor);
        return after;
    }

    @Transactional
    public ReasonCodeView deactivate(long id, Long expectedVersion, String actor) {
        ReasonCode r = load(id);
        r.requireVersion(expectedVersion);
        if (r.isActive()) {
            r.deactivate();
            reasonCodes.saveAndFlush(r);
            audit.deactivated(ENTITY, id, actor);
        }
        return ReasonCodeView.of(r);
    }

    @Transactional(readOnly = true)
    public ReasonCodeView get(long id) {
        return ReasonCodeView.of(load(id));
    }

    @Transactional(readOnly = true)
    public List<ReasonCodeView> list(Boolean active, PostingTypeName postingType) {
        return reasonCodes.findAll(eq("active", active), Sort.by("code")).stream()
                .filter(r -> postingType == null || r.getPostingTypes().contains(postingType))
                .map(ReasonCodeView::of)
                .toList();
    }

    ReasonCode load(long id) {
        return reasonCodes.findById(id).orElseThrow(() -> CatalogExceptions.notFound("REASON_CODE", id));
    }
}
