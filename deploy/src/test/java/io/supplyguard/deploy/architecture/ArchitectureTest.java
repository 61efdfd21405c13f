package io.supplyguard.deploy.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layout's rules, checked on the compiled code of every module. */
@AnalyzeClasses(packages = "io.supplyguard", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule packagesHaveNoCycles = slices().matching("io.supplyguard.(**)").should().beFreeOfCycles();

  /** Restriction state, licence coverage and buffer maths: pure Java, testable and benchmarkable alone. */
  @ArchTest
  static final ArchRule domainRulesUseNoVertx = noClasses()
      .that().resideInAnyPackage("io.supplyguard.licence.regime..", "io.supplyguard.licence.registry..",
          "io.supplyguard.licence.check..", "io.supplyguard.licence.screening..", "io.supplyguard.inventory.buffer..",
          "io.supplyguard.inventory.position..",
          "io.supplyguard.inventory.catalogue..")
      .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.netty..");

  /** A service never reaches into another: they talk over the bus, through the contract in common. */
  @ArchTest
  static final ArchRule servicesStayApart = slices().matching("io.supplyguard.(licence|inventory|gateway)..")
      .should().notDependOnEachOther();

  /** Only the common module is shared: it depends on no service. */
  @ArchTest
  static final ArchRule commonDependsOnNoService = noClasses().that().resideInAPackage("io.supplyguard.common..")
      .should().dependOnClassesThat().resideInAnyPackage("io.supplyguard.licence..", "io.supplyguard.inventory..",
          "io.supplyguard.gateway..");
}
