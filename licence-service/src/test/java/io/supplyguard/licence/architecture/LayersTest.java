package io.supplyguard.licence.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * The licence-service's split: {@code api} does transport, {@code store} holds the statements,
 * the domain packages decide. Each rule says what may not cross.
 */
@AnalyzeClasses(packages = "io.supplyguard.licence", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {

  /** The calendar and the outbox use the store as the handlers do: it knows no request, no bus. */
  @ArchTest
  static final ArchRule storeKnowsNoBus = noClasses().that().resideInAPackage("io.supplyguard.licence.store..")
      .should().dependOnClassesThat().resideInAnyPackage("io.supplyguard.common.bus..", "io.vertx.core.eventbus..");

  /**
   * Handlers run no SQL: no statement, no row, no PostgreSQL error. They may hold the pool, a
   * connection or either as a client, to open the transaction a change runs in and hand it to
   * the repositories.
   */
  @ArchTest
  static final ArchRule apiRunsNoSql = noClasses().that().resideInAPackage("io.supplyguard.licence.api..")
      .should().dependOnClassesThat(resideInAnyPackage("io.vertx.sqlclient..", "io.vertx.pgclient..")
          .and(simpleNameNotIn("Pool", "SqlConnection", "SqlClient")))
      .because("SQL and its results belong to the store");

  private static DescribedPredicate<JavaClass> simpleNameNotIn(String... handles) {
    return DescribedPredicate.describe("not one of " + String.join(", ", handles),
        type -> !Set.of(handles).contains(type.getSimpleName()));
  }

  /** Restriction state, licence lifecycle, determinations and screening: pure Java, testable alone. */
  @ArchTest
  static final ArchRule domainUsesNoVertx = noClasses()
      .that().resideInAnyPackage("io.supplyguard.licence.regime..", "io.supplyguard.licence.registry..",
          "io.supplyguard.licence.check..", "io.supplyguard.licence.screening..")
      .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.netty..");
}
