package io.supplyguard.licence.check;

import java.math.BigDecimal;
import java.util.List;

/**
 * One future of a supply (docs/regime.md, "Futures"): each uncertain suspension extended past the
 * horizon or ending as announced, its weight the product of the choices' probabilities, and the
 * determination the regime of that future gives.
 *
 * @param weight exact: a product of renewal probabilities {@code q} and of {@code 1 - q}
 * @param choices every uncertain suspension, in the order of {@link Futures#uncertain}, and
 *     whether this future extends it
 */
public record SupplyFuture(BigDecimal weight, Determination determination, List<Choice> choices) {

  public SupplyFuture {
    choices = List.copyOf(choices);
  }

  /** Whether an uncertain suspension is extended in this future. */
  public record Choice(UncertainSuspension suspension, boolean extended) {
  }
}
