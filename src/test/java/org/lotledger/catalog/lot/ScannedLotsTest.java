package org.lotledger.catalog.lot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lotledger.catalog.demo.DemoCatalogLoader.SKU_GLUCOSE_STRIPS;
import static org.lotledger.catalog.demo.DemoCatalogLoader.SUP_DIAGNOSTIX;
import static org.lotledger.catalog.demo.DemoCatalogLoader.SUP_MEDIGLOVE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.catalog.demo.DemoCatalogLoader;
import org.lotledger.catalog.partner.LotText;
import org.lotledger.common.DomainException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** One resolution from a scan to a lot, for every feature that scans. */
@IntegrationTest
class ScannedLotsTest {

    @Autowired
    ScannedLots scanned;

    @Autowired
    LotService lots;

    @Autowired
    JdbcTemplate jdbc;

    final String stripsEach = DemoCatalogLoader.demoGtin(0, 11);

    @Test
    void a_lot_is_found_by_its_id_its_internal_label_or_a_gs1_scan_of_gtin_and_lot() {
        LotView lot = freshFiveDigitLot();
        String digits = lot.lotNumber();

        assertThat(scanned.find(String.valueOf(lot.id())))
                .get()
                .extracting(LotView::id)
                .isEqualTo(lot.id());
        assertThat(scanned.find(lot.internalLabel().toLowerCase()))
                .get()
                .extracting(LotView::id)
                .isEqualTo(lot.id());
        assertThat(scanned.find("(01)" + stripsEach + "(10)" + digits))
                .get()
                .extracting(LotView::id)
                .isEqualTo(lot.id());
        // the supplier prints "L/12345": as AI 10 it is read by the convention
        assertThat(scanned.find("(01)" + stripsEach + "(10)L/" + digits))
                .get()
                .extracting(LotView::id)
                .isEqualTo(lot.id());
        assertThat(scanned.find("]C101" + stripsEach + "10" + digits))
                .get()
                .extracting(LotView::id)
                .isEqualTo(lot.id());
        assertThat(scanned.find("(01)" + stripsEach + "(10)X" + digits))
                .as("no such lot")
                .isEmpty();
        assertThat(scanned.find("(01)" + stripsEach + "(10)" + digits + "("))
                .as("not a valid scan")
                .isEmpty();
    }

    @Test
    void a_gs1_scan_of_a_lot_number_two_suppliers_use_for_the_item_is_refused_as_ambiguous() {
        String number = "AMB" + digits();
        lot(SUP_DIAGNOSTIX, number);
        lot(SUP_MEDIGLOVE, number);
        assertThatThrownBy(() -> scanned.find("(01)" + stripsEach + "(10)" + number))
                .isInstanceOf(DomainException.class)
                .extracting("code")
                .isEqualTo("LOT_SCAN_AMBIGUOUS");
    }

    @Test
    void a_label_must_follow_the_suppliers_convention_and_a_lot_field_is_taken_as_it_is() {
        long diagnostix = supplier(SUP_DIAGNOSTIX);
        assertThat(scanned.lotNumber(diagnostix, "L/12345", LotText.LABEL)).isEqualTo("12345");
        assertThat(scanned.lotNumber(diagnostix, "L/12345", LotText.FIELD)).isEqualTo("12345");
        assertThat(scanned.lotNumber(diagnostix, " AB-778 ", LotText.FIELD)).isEqualTo("AB-778");
        assertThatThrownBy(() -> scanned.lotNumber(diagnostix, "AB-778", LotText.LABEL))
                .isInstanceOf(DomainException.class)
                .extracting("code")
                .isEqualTo("LOT_LABEL_NOT_RECOGNISED");
        assertThatThrownBy(() -> scanned.lotNumber(-1, "12345", LotText.LABEL))
                .isInstanceOf(DomainException.class)
                .extracting("code")
                .isEqualTo("UNKNOWN_SUPPLIER");
    }

    private LotView lot(String supplierCode, String number) {
        long item = jdbc.queryForObject("select id from item where sku = ?", Long.class, SKU_GLUCOSE_STRIPS);
        LocalDate today = LocalDate.now();
        return lots.create(
                new LotDraft(
                        item,
                        supplier(supplierCode),
                        number,
                        null,
                        today.minusMonths(1),
                        today.plusYears(1),
                        null,
                        today,
                        new BigDecimal("9.90"),
                        "USD"),
                "test");
    }

    /** DIAGNOSTIX's numbers have five digits; other tests receive such lots too, so a taken one is skipped. */
    private LotView freshFiveDigitLot() {
        for (int attempt = 0; ; attempt++) {
            try {
                return lot(SUP_DIAGNOSTIX, digits());
            } catch (DomainException taken) {
                if (attempt > 10) {
                    throw taken;
                }
            }
        }
    }

    private long supplier(String code) {
        return jdbc.queryForObject("select id from supplier where code = ?", Long.class, code);
    }

    private static String digits() {
        return String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
    }
}
