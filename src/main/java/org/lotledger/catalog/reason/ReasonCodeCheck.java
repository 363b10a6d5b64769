package org.lotledger.catalog.reason;

import java.util.List;
import java.util.Map;
import org.lotledger.common.DomainException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one check of a reason code given for a use (a posting type, or a putaway override): it exists, is active and
 * lists that use. Every caller (the ledger's gate for every posting, hold decisions before they are recorded,
 * directed putaway for an override) refuses with the same codes: {@code REASON_CODE_REQUIRED} when a required code
 * is missing, {@code INVALID_REASON_CODE} (422) for any other failure. One round trip, in the caller's transaction;
 * not {@code @Transactional}, so a refusal never marks the caller's transaction rollback-only by itself.
 */
@Component
public class ReasonCodeCheck {

    private final JdbcTemplate jdbc;

    public ReasonCodeCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param code the code as given (compared exactly: codes are stored upper case, callers normalise input they
     *             accept in another case)
     * @return the code, or null when none is given and none is required
     */
    public String check(String code, PostingTypeName use, boolean required) {
        if (code == null || code.isBlank()) {
            if (required) {
                throw DomainException.unprocessable(
                        "REASON_CODE_REQUIRED",
                        "A " + use + " needs a reason code.",
                        Map.of("postingType", use.name()));
            }
            return null;
        }
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select active, ? = any(posting_types) as allowed from reason_code where code = ?", use.name(), code);
        if (rows.isEmpty()
                || !(Boolean) rows.get(0).get("active")
                || !(Boolean) rows.get(0).get("allowed")) {
            throw DomainException.unprocessable(
                    "INVALID_REASON_CODE",
                    "Reason code '" + code + "' does not exist, is inactive or is not allowed for " + use + ".",
                    Map.of("reasonCode", code, "postingType", use.name()));
        }
        return code;
    }
}
