package io.supplyguard.licence.check;

import io.supplyguard.licence.regime.Measure;
import io.supplyguard.licence.regime.Suspension;
import io.supplyguard.licence.registry.Licence;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The futures of a supply (docs/regime.md, "Futures"; buffer model v2, "Futures: suspensions that
 * may be extended"). The uncertain suspensions are those of {@link Determination#suspensionsEnding()}:
 * a covering requirement counts only because that suspension ends inside the horizon. Each with
 * renewal probability {@code q} splits the future in two, independently of the others: extended
 * past the horizon (weight {@code q}: its measure does not count on its account) and ending as
 * announced (weight {@code 1 - q}). A suspension with {@code q = 0} only ends and one with
 * {@code q = 1} is only extended. Each future is decided by {@link Determiner} on the regime as
 * that future has it, so every rule (covering licence, prohibitions) applies unchanged.
 *
 * <p>Order: the uncertain suspensions by {@link UncertainSuspension#ORDER}; the futures as a
 * binary count over them, the first suspension varying slowest and "ends" before "extended". The
 * first future is therefore the one where every suspension ends as announced (the plain
 * determination) unless a suspension is certain ({@code q = 1}) to be extended. At most
 * {@value #MAX_SPLITS} suspensions split (64 futures); the others, the latest by last day, are
 * taken to end as announced and are listed in {@link #notSplit}.
 *
 * @param futures at least one; weights sum to 1
 * @param uncertain every uncertain suspension, ordered
 * @param notSplit the uncertain suspensions beyond {@value #MAX_SPLITS}: taken to end as announced
 */
public record Futures(List<SupplyFuture> futures, List<UncertainSuspension> uncertain,
    List<UncertainSuspension> notSplit) {

  public static final int MAX_SPLITS = 6;

  /** Far past any horizon: an extended suspension goes on to this day. */
  static final LocalDate EXTENDED_UNTIL = LocalDate.of(9999, 12, 31);

  public Futures {
    futures = List.copyOf(futures);
    uncertain = List.copyOf(uncertain);
    notSplit = List.copyOf(notSplit);
  }

  /** The single future of a supply no suspension makes uncertain: the plain determination. */
  public static Futures certain(Determination plain) {
    return new Futures(List.of(new SupplyFuture(BigDecimal.ONE, plain, List.of())), List.of(), List.of());
  }

  /**
   * The futures of {@code plain}, decided on {@code regimes}' regime with the same licences.
   * A determination with no suspension ending inside its horizon costs nothing more.
   */
  public static Futures of(Determination plain, Regimes regimes, List<Licence> licences) {
    if (plain.suspensionsEnding().isEmpty()) {
      return certain(plain);
    }
    List<UncertainSuspension> uncertain = regimes.uncertain(plain.suspensionsEnding());
    if (uncertain.isEmpty()) {
      return certain(plain);
    }
    List<UncertainSuspension> split = uncertain.subList(0, Math.min(MAX_SPLITS, uncertain.size()));
    List<UncertainSuspension> notSplit = uncertain.subList(split.size(), uncertain.size());
    List<SupplyFuture> futures = new ArrayList<>();
    int k = split.size();
    for (int combination = 0; combination < 1 << k; combination++) {
      BigDecimal weight = BigDecimal.ONE;
      List<SupplyFuture.Choice> choices = new ArrayList<>(uncertain.size());
      List<UncertainSuspension> extended = new ArrayList<>();
      for (int j = 0; j < k; j++) {
        boolean extend = ((combination >> (k - 1 - j)) & 1) == 1;
        BigDecimal q = split.get(j).suspension().renewalProbability();
        weight = weight.multiply(extend ? q : BigDecimal.ONE.subtract(q));
        choices.add(new SupplyFuture.Choice(split.get(j), extend));
        if (extend) {
          extended.add(split.get(j));
        }
      }
      if (weight.signum() == 0) {
        continue;
      }
      notSplit.forEach(u -> choices.add(new SupplyFuture.Choice(u, false)));
      Determination d = extended.isEmpty() ? plain
          : Determiner.determine(plain.query(), regimes.extending(extended), licences);
      futures.add(new SupplyFuture(normalized(weight), d, choices));
    }
    return new Futures(futures, uncertain, notSplit);
  }

  private static BigDecimal normalized(BigDecimal weight) {
    BigDecimal stripped = weight.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /**
   * One regime and the regimes of its futures, built once for every supply that needs them: a
   * batch of thousands of positions shares a handful of uncertain suspensions.
   */
  public static final class Regimes {
    private final List<Measure> regime;
    private final Map<String, Measure> byId;
    private final Map<Set<UncertainSuspension>, List<Measure>> extended = new HashMap<>();
    private final Map<SuspensionEnd, UncertainSuspension> found = new HashMap<>();

    public Regimes(List<Measure> regime) {
      this.regime = regime;
      this.byId = regime.stream().collect(Collectors.toMap(Measure::id, Function.identity(), (a, b) -> b));
    }

    /** The regime the futures are split from. */
    public List<Measure> regime() {
      return regime;
    }

    /** The uncertain suspensions behind these ends, ordered. */
    List<UncertainSuspension> uncertain(List<SuspensionEnd> ends) {
      List<UncertainSuspension> result = new ArrayList<>(ends.size());
      for (SuspensionEnd end : ends) {
        UncertainSuspension u = found.computeIfAbsent(end, this::find);
        if (u != null && !result.contains(u)) {
          result.add(u);
        }
      }
      result.sort(UncertainSuspension.ORDER);
      return result;
    }

    /** The suspension of the measure that ends on that day (suspensions of one measure do not overlap). */
    private UncertainSuspension find(SuspensionEnd end) {
      Measure m = byId.get(end.measureId());
      if (m == null) {
        return null;
      }
      return m.suspensions().stream()
          .filter(s -> s.lastDay().equals(end.lastDay()) && s.reference().equals(end.reference())
              && !s.lastDay().isBefore(s.from()))
          .findFirst().map(s -> new UncertainSuspension(m.id(), s)).orElse(null);
    }

    /** The regime with these suspensions extended, without a gap, far past any horizon. */
    List<Measure> extending(List<UncertainSuspension> suspensions) {
      return extended.computeIfAbsent(Set.copyOf(suspensions), set -> {
        List<Measure> result = new ArrayList<>(regime);
        for (UncertainSuspension u : suspensions) {
          result.replaceAll(m -> m.id().equals(u.measureId()) ? extend(m, u.suspension()) : m);
        }
        return result;
      });
    }

    private static Measure extend(Measure m, Suspension s) {
      return m.withSuspension(new Suspension(null, s.reference() + " (extended)", s.issuedOn(),
          s.lastDay().plusDays(1), EXTENDED_UNTIL, null, "future in which " + s.reference() + " is extended"));
    }
  }
}
