package org.lotledger.catalog.item;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface Items extends JpaRepository<Item, Long>, JpaSpecificationExecutor<Item> {

    Optional<Item> findBySku(String sku);

    boolean existsBySku(String sku);
}
