package org.lotledger.catalog.lot;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface Lots extends JpaRepository<Lot, Long>, JpaSpecificationExecutor<Lot> {

    Optional<Lot> findByItemIdAndSupplierIdAndLotNumber(Long itemId, Long supplierId, String lotNumber);

    Optional<Lot> findByInternalLabel(String internalLabel);

    @Query(value = "select nextval('lot_internal_label_seq')", nativeQuery = true)
    long nextLabelNumber();
}
