package org.lotledger.catalog.reason;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface ReasonCodes extends JpaRepository<ReasonCode, Long>, JpaSpecificationExecutor<ReasonCode> {

    Optional<ReasonCode> findByCode(String code);

    boolean existsByCode(String code);
}
