package io.supplyguard.inventory.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.supplyguard.common.testing.ServiceLayers;

/** The inventory-service keeps the split both services share: the shared rules, then its own domain packages. */
@AnalyzeClasses(packages = "io.supplyguard.inventory", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {
  @ArchTest
  static final ArchTests sharedRules = ArchTests.in(ServiceLayers.class);

  /** The buffer model, positions, the catalogue and sites. */
  @ArchTest
  static final ArchRule domainUsesNoVertx = ServiceLayers.domainUsesNoVertx("io.supplyguard.inventory.buffer..",
      "io.supplyguard.inventory.position..", "io.supplyguard.inventory.catalogue..", "io.supplyguard.inventory.site..");
}
