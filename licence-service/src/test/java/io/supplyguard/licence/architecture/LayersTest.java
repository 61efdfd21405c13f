package io.supplyguard.licence.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.supplyguard.common.testing.ServiceLayers;

/** The licence-service keeps the split both services share: the shared rules, then its own domain packages. */
@AnalyzeClasses(packages = "io.supplyguard.licence", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {
  @ArchTest
  static final ArchTests sharedRules = ArchTests.in(ServiceLayers.class);

  /** Restriction state, licence lifecycle, determinations and screening. */
  @ArchTest
  static final ArchRule domainUsesNoVertx = ServiceLayers.domainUsesNoVertx("io.supplyguard.licence.regime..",
      "io.supplyguard.licence.registry..", "io.supplyguard.licence.check..", "io.supplyguard.licence.screening..");
}
