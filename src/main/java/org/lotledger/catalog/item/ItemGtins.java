package org.lotledger.catalog.item;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ItemGtins extends JpaRepository<ItemGtin, String> {

    List<ItemGtin> findByItemIdOrderByGtinAsc(Long itemId);
}
