package org.lotledger.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the domain free of the process engine and the rule engine (STYLE.md: "Domain code knows nothing of
 * Spring, Camunda or Drools"), so that leaving Camunda 7 CE (ADR 0003) or changing the rule engine stays a job
 * for the platform package, the delegates and the adapters.
 *
 * <p>What counts as domain: the feature packages, minus their adapters, which are allowed to know a framework
 * because that is their job: the {@code web} and {@code process} sub-packages (controllers, Camunda delegates) and
 * classes named {@code *Configuration}, {@code *Controller}, {@code *Loader}. Spring itself is tolerated in
 * feature services for now (they are {@code @Service}s with {@code @Transactional}); only {@code common}, which
 * every feature shares, must be free of it.
 */
@AnalyzeClasses(packages = "org.lotledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] DOMAIN = {
        "org.lotledger.ledger..",
        "org.lotledger.catalog..",
        "org.lotledger.common..",
        "org.lotledger.evidence..",
        // features of later issues, covered from the day they appear
        "org.lotledger.purchasing..",
        "org.lotledger.putaway..",
        "org.lotledger.receiving..",
        "org.lotledger.quality..",
        "org.lotledger.allocation..",
        "org.lotledger.fulfillment..",
        "org.lotledger.returns..",
        "org.lotledger.counting..",
        "org.lotledger.finance..",
        "org.lotledger.analytics.."
    };

    @ArchTest
    static final ArchRule domain_code_knows_neither_camunda_nor_drools = noClasses()
            .that()
            .resideInAnyPackage(DOMAIN)
            .and()
            .resideOutsideOfPackages("..web..", "..process..")
            .and()
            .haveSimpleNameNotEndingWith("Configuration")
            .and()
            .haveSimpleNameNotEndingWith("Controller")
            .and()
            .haveSimpleNameNotEndingWith("Loader")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.camunda..", "org.kie..", "org.drools..")
            .because("the domain must outlive Camunda 7 CE (ADR 0003) and the rule engine (ADR 0007)");

    @ArchTest
    static final ArchRule drools_stays_behind_the_platform_seam = noClasses()
            .that()
            .resideOutsideOfPackage("org.lotledger.platform..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.kie..", "org.drools..")
            .because("features evaluate rules through platform.drools.RuleSessions and read result facts (ADR 0007)");

    @ArchTest
    static final ArchRule the_gs1_parser_depends_on_nothing_but_java_and_common = classes()
            .that()
            .resideInAPackage("org.lotledger.gs1..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "org.lotledger.gs1..", "org.lotledger.common..")
            .because("every feature that scans reads barcodes through it (receiving today; picking, transfers, returns "
                    + "and counts later): it must not pull a feature, a framework or the database along");

    @ArchTest
    static final ArchRule common_depends_on_nothing_of_spring = noClasses()
            .that()
            .resideInAPackage("org.lotledger.common..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework..")
            .because("common holds the small types every feature shares; it stays plain Java");
}
