package org.lotledger.catalog.lot;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface Lots extends JpaRepository<Lot, Long>, JpaSpecificationExecutor<Lot> {

    Optional<Lot> findByItemIdAndSupplierIdAndLotNumber(Long itemId, Long supplierId, String lotNumber);

    Optional<Lot> findByInternalLabel(String internalLabel);

    List<Lot> findByItemIdAndLotNumberIn(Long itemId, Collection<String> lotNumbers);

    @Query(value = "select nextval('lot_internal_label_seq')", nativeQuery = true)
    long nextLabelNumber();
}
