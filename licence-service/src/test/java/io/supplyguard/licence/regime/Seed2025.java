package io.supplyguard.licence.regime;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** The seeded 2025 measures (V3 migration) as domain objects, for tests of pure rules. */
public final class Seed2025 {
  public static final Set<String> ELEMENT_FORMS = Set.of("METAL", "ALLOY", "TARGET", "OXIDE", "COMPOUND", "MIXTURE", "MAGNET");
  public static final Set<String> TWELVE = Set.of("Sm", "Gd", "Tb", "Dy", "Lu", "Sc", "Y", "Ho", "Er", "Tm", "Eu", "Yb");

  private Seed2025() {
  }

  public static Suspension no70() {
    return new Suspension(70L, "MOFCOM-GAC-2025-70", day("2025-11-07"), day("2025-11-07"), day("2026-11-10"), null, "t");
  }

  public static List<Measure> measures() {
    return List.of(
        measure("MOFCOM-GAC-2025-18", MeasureKind.LICENCE_REQUIRED, "2025-04-04",
            Set.of("Sm", "Gd", "Tb", "Dy", "Lu", "Sc", "Y"), ELEMENT_FORMS, Set.of(), Set.of(), false),
        measure("MOFCOM-GAC-2025-56", MeasureKind.LICENCE_REQUIRED, "2025-11-08",
            Set.of(), Set.of("EQUIPMENT", "ORE", "EXTRACTANT"), Set.of(), Set.of(), false, no70()),
        measure("MOFCOM-GAC-2025-57", MeasureKind.LICENCE_REQUIRED, "2025-11-08",
            Set.of("Ho", "Er", "Tm", "Eu", "Yb"), Set.of("METAL", "ALLOY", "TARGET", "MAGNET", "OXIDE", "COMPOUND"),
            Set.of(), Set.of(), false, no70()),
        measure("MOFCOM-2025-61", MeasureKind.EXTRATERRITORIAL, "2025-10-09", TWELVE, ELEMENT_FORMS, Set.of(),
            Set.of("MILITARY", "WMD", "TERRORISM"), false, no70()),
        measure("MOFCOM-2025-62", MeasureKind.LICENCE_REQUIRED, "2025-10-09", Set.of(), Set.of("TECHNOLOGY"),
            Set.of(), Set.of(), false, no70()),
        measure("MOFCOM-2024-46-ART1", MeasureKind.PROHIBITION, "2024-12-03", Set.of(), Set.of(), Set.of("US"),
            Set.of("MILITARY"), true));
  }

  public static Measure measure(String id, MeasureKind kind, String from, Set<String> elements, Set<String> forms,
      Set<String> destinations, Set<String> endUses, boolean allControlled, Suspension... suspensions) {
    return new Measure(id, "MOFCOM", id, kind, day(from), day(from), null, elements, forms, destinations, endUses,
        allControlled, "items", "test", "H", List.of(suspensions));
  }

  public static LocalDate day(String text) {
    return LocalDate.parse(text);
  }
}
