package io.supplyguard.licence.check;

import io.supplyguard.licence.regime.Measure;
import io.supplyguard.licence.regime.Suspension;
import io.supplyguard.licence.registry.Licence;
import java.util.ArrayList;
import java.util.List;

/** Applies hypothetical changes to copies of the regime and of the licences; the originals are untouched. */
public final class Scenario {

  private Scenario() {
  }

  public static List<Measure> regime(List<Measure> regime, List<ScenarioChange> changes) {
    List<Measure> result = new ArrayList<>(regime);
    for (ScenarioChange change : changes) {
      if (change instanceof ScenarioChange.NewMeasure added) {
        result.removeIf(m -> m.id().equals(added.measure().id()));
        result.add(added.measure());
      } else if (change instanceof ScenarioChange.SuspensionAdded added) {
        result.replaceAll(m -> m.id().equals(added.measureId()) ? m.withSuspension(added.suspension()) : m);
      } else if (change instanceof ScenarioChange.SuspensionExtended extended) {
        result.replaceAll(m -> extend(m, extended));
      } else if (change instanceof ScenarioChange.SuspensionEndedEarly ended) {
        result.replaceAll(m -> endEarly(m, ended));
      } else if (change instanceof ScenarioChange.RenewalProbability renewal) {
        result.replaceAll(m -> renew(m, renewal));
      }
    }
    return result;
  }

  public static List<Licence> licences(List<Licence> licences, List<ScenarioChange> changes) {
    List<Licence> result = new ArrayList<>(licences);
    for (ScenarioChange change : changes) {
      if (change instanceof ScenarioChange.LicenceLost lost) {
        result.removeIf(l -> l.id().equals(lost.licenceId()));
      }
    }
    return result;
  }

  private static Measure extend(Measure m, ScenarioChange.SuspensionExtended extended) {
    Measure result = m;
    for (Suspension s : m.suspensions()) {
      if (s.reference().equals(extended.reference()) && extended.until().isAfter(s.lastDay())) {
        result = result.withSuspension(new Suspension(null, extended.reference() + " (extended)", s.issuedOn(),
            s.lastDay().plusDays(1), extended.until(), null, "scenario"));
      }
    }
    return result;
  }

  private static Measure renew(Measure m, ScenarioChange.RenewalProbability renewal) {
    Measure result = m;
    for (Suspension s : m.suspensions()) {
      boolean named = renewal.suspensionId() != null
          ? m.id().equals(renewal.measureId()) && renewal.suspensionId().equals(s.id())
          : s.reference().equals(renewal.reference());
      if (named) {
        result = result.withSuspension(s.withRenewal(renewal.probability(), "scenario"));
      }
    }
    return result;
  }

  private static Measure endEarly(Measure m, ScenarioChange.SuspensionEndedEarly ended) {
    Measure result = m;
    for (Suspension s : m.suspensions()) {
      if (s.reference().equals(ended.reference()) && !ended.on().isAfter(s.lastDay())) {
        result = result.withSuspension(s.lift(ended.on()));
      }
    }
    return result;
  }
}
