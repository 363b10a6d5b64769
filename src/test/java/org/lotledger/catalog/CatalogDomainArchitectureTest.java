package org.lotledger.catalog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.lotledger.catalog.item.Gtin;
import org.lotledger.catalog.item.UnitConversion;
import org.lotledger.catalog.item.UomConversions;
import org.lotledger.catalog.partner.LotLabelConvention;

/** The rules other features call directly stay free of Spring, JPA and the web. */
class CatalogDomainArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.lotledger.catalog");

    @Test
    void units_gtins_and_lot_label_conventions_know_no_framework() {
        noClasses()
                .that()
                .belongToAnyOf(Gtin.class, UnitConversion.class, UomConversions.class, LotLabelConvention.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..", "jakarta.persistence..", "org.hibernate..", "org.camunda..")
                .check(classes);
    }

    @Test
    void only_the_web_package_knows_http() {
        noClasses()
                .that()
                .resideInAPackage("org.lotledger.catalog..")
                .and()
                .resideOutsideOfPackage("..web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web..", "org.springframework.http..")
                .check(classes);
    }
}
