package org.lotledger.purchasing;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AsnSsccs extends JpaRepository<AsnSscc, String> {}
