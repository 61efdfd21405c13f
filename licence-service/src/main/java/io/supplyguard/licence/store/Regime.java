package io.supplyguard.licence.store;

import io.supplyguard.licence.regime.Element;
import io.supplyguard.licence.regime.Measure;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The whole regime as read at one moment: elements, item forms and measures. */
public record Regime(List<Element> elements, Set<String> forms, List<Measure> measures) {

  public Optional<Measure> measure(String id) {
    return measures.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  public boolean isElement(String symbol) {
    return elements.stream().anyMatch(e -> e.symbol().equals(symbol));
  }
}
