package org.lotledger.catalog.item;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ItemUoms extends JpaRepository<ItemUom, ItemUom.Key> {

    List<ItemUom> findByItemIdOrderByBaseUnitsPerUomAsc(Long itemId);
}
