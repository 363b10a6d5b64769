package org.lotledger.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lotledger.catalog.demo.DemoCatalogLoader;
import org.lotledger.common.DomainException;

class GlnAndAddressTest {

    @Test
    void a_gln_is_13_digits_with_the_gs1_check_digit() {
        // GS1's own example GLN (General Specifications, figure 3.4.2-1)
        assertThat(Gln.parseOrNull("0614141000012")).isEqualTo("0614141000012");
        assertThat(Gln.parseOrNull("0614141 000012")).as("spaces ignored").isEqualTo("0614141000012");
        assertThat(Gln.parseOrNull(null)).isNull();
        assertThat(Gln.parseOrNull(" ")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0614141000013", "061414100001", "06141410000120", "061414100001A", "-614141000012"})
    void anything_else_is_refused_with_invalid_gln(String text) {
        assertThatThrownBy(() -> Gln.parseOrNull(text))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("INVALID_GLN");
    }

    @Test
    void the_demo_glns_are_valid() {
        for (int n : new int[] {1, 2, 3, 101, 106}) {
            String gln = DemoCatalogLoader.demoGln(n);
            assertThat(Gln.parseOrNull(gln)).isEqualTo(gln);
        }
    }

    @Test
    void an_address_is_trimmed_with_an_iso_country_in_upper_case() {
        Address a = Address.normalised(new Address(" 1 Main St ", "", " Springfield ", " ", "IL", "us"));
        assertThat(a).isEqualTo(new Address("1 Main St", null, "Springfield", null, "IL", "US"));
        assertThat(Address.normalised(null)).isNull();
        assertThatThrownBy(() -> Address.normalised(new Address("1 Main St", null, "Springfield", null, null, "UK")))
                .as("the United Kingdom is GB in ISO 3166-1")
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("INVALID_COUNTRY_CODE");
    }
}
