package org.lotledger.catalog.lot;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LotEvents extends JpaRepository<LotEvent, Long> {

    List<LotEvent> findByLotIdOrderByIdAsc(Long lotId);
}
