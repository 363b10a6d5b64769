package org.lotledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class DemoStockLoaderTest {

    @Autowired
    DemoStockLoader loader;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void demo_stock_is_on_the_demo_shelves_once_however_often_the_loader_runs() {
        long postings = jdbc.queryForObject(
                "select count(*) from posting where idempotency_key like 'demo:opening:%'", Long.class);
        loader.load();

        assertThat(jdbc.queryForObject(
                        "select count(*) from posting where idempotency_key like 'demo:opening:%'", Long.class))
                .isEqualTo(postings)
                .isEqualTo(DemoStockLoader.LINES.size());
        // the flu lot 23456 at WEST-CHL-01-01 is no opening balance any more: the demo recall batch's story receives
        // 260 there and ships 60 (recall.demo.DemoRecallBatchLoader), leaving the 200 the scenarios count on
        assertThat(jdbc.queryForObject("""
                select b.quantity from stock_balance b join location l on l.id = b.location_id
                  join lot on lot.id = b.lot_id join item i on i.id = lot.item_id
                 where i.sku = 'VAC-FLU-CHL' and l.barcode = 'WEST-CHL-01-01' and b.status = 'AVAILABLE'""", java.math.BigDecimal.class)).isEqualByComparingTo("200");
    }
}
