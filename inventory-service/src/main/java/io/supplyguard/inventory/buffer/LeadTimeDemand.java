package io.supplyguard.inventory.buffer;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Demand over lead time plus review period as a mixture of normals, one per supplied branch
 * (docs/buffer-model.md, "From conditions to stock levels"): {@code mu_i = d*(m_i + R)},
 * {@code sigma_i = sqrt(sd^2*(m_i + R) + d^2*v_i)}. A branch with {@code sigma_i = 0} is a step at
 * {@code mu_i}. Weights are not normalised: the branches without supply keep theirs, so
 * {@code F(+inf)} is the supplied weight.
 */
final class LeadTimeDemand {
  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);
  /** The reorder point is wanted to 1e-6 kg; the solver is asked for a tenth of that. */
  private static final double ABSOLUTE_ACCURACY = 1e-7;
  private static final int MAX_EVALUATIONS = 500;
  /** An expected shortage below this (kg) counts as none: a normal tail never reaches zero. */
  private static final double NEGLIGIBLE_SHORTAGE = 1e-9;

  private final double[] weight;
  private final double[] mu;
  private final double[] sigma;
  private final double suppliedWeight;
  private final boolean anyStep;
  private final boolean allSteps;

  LeadTimeDemand(List<LeadTimeBranch> branches, double d, double sd, double r) {
    int n = 0;
    for (LeadTimeBranch b : branches) {
      n += b.supplied() ? 1 : 0;
    }
    weight = new double[n];
    mu = new double[n];
    sigma = new double[n];
    double total = 0;
    boolean step = false;
    boolean steps = true;
    int i = 0;
    for (LeadTimeBranch b : branches) {
      if (!b.supplied()) {
        continue;
      }
      weight[i] = b.weight();
      mu[i] = d * (b.meanDays() + r);
      // The same order of operations as version 1, so that one branch gives its figures to the bit.
      sigma[i] = Math.sqrt((b.meanDays() + r) * sd * sd + d * d * b.varianceDays2());
      total += weight[i];
      step |= sigma[i] == 0;
      steps &= sigma[i] == 0;
      i++;
    }
    suppliedWeight = total;
    anyStep = step;
    allSteps = steps;
  }

  int size() {
    return weight.length;
  }

  double mu(int i) {
    return mu[i];
  }

  double sigma(int i) {
    return sigma[i];
  }

  double suppliedWeight() {
    return suppliedWeight;
  }

  /** E[LTD] over the supplied branches. */
  double mean() {
    double sum = 0;
    for (int i = 0; i < weight.length; i++) {
      sum += weight[i] * mu[i];
    }
    return sum / suppliedWeight;
  }

  /** F(x) = sum_i w_i Phi((x - mu_i)/sigma_i), a step at mu_i where sigma_i = 0. */
  double cdf(double x) {
    double sum = 0;
    for (int i = 0; i < weight.length; i++) {
      sum += weight[i] * (sigma[i] == 0 ? (x >= mu[i] ? 1 : 0) : STANDARD_NORMAL.cumulativeProbability((x - mu[i]) / sigma[i]));
    }
    return sum;
  }

  /** ESC(x) = sum_i w_i sigma_i Lf((x - mu_i)/sigma_i), max(mu_i - x, 0) where sigma_i = 0. */
  double expectedShortage(double x) {
    double sum = 0;
    for (int i = 0; i < weight.length; i++) {
      if (sigma[i] == 0) {
        sum += weight[i] * Math.max(mu[i] - x, 0);
      } else {
        double k = (x - mu[i]) / sigma[i];
        double loss = STANDARD_NORMAL.density(k) - k * STANDARD_NORMAL.survivalProbability(k);
        sum += weight[i] * sigma[i] * Math.max(loss, 0);
      }
    }
    return sum;
  }

  /**
   * The smallest x with F(x) >= alpha. Requires {@code alpha < suppliedWeight}. One branch has a
   * closed form; otherwise Brent's method on the bracket every branch's own alpha/S quantile gives.
   */
  double quantile(double alpha) {
    if (weight.length == 1) {
      return mu[0] + sigma[0] * STANDARD_NORMAL.inverseCumulativeProbability(alpha / suppliedWeight);
    }
    if (allSteps) {
      return stepQuantile(alpha);
    }
    // Each normal branch at its own (alpha/S)-quantile has F = alpha between the smallest and the
    // largest of them; a step branch sits at mu_i, one kg outside so that its jump is inside.
    double z = STANDARD_NORMAL.inverseCumulativeProbability(alpha / suppliedWeight);
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < weight.length; i++) {
      lo = Math.min(lo, mu[i] + sigma[i] * z);
      hi = Math.max(hi, mu[i] + sigma[i] * z);
    }
    lo -= 1;
    hi += 1;
    double root = new BrentSolver(ABSOLUTE_ACCURACY).solve(MAX_EVALUATIONS, x -> cdf(x) - alpha, lo, hi);
    if (anyStep) {
      // At a jump of F past alpha the root is the step itself, which the solver only comes near.
      for (int i = 0; i < weight.length; i++) {
        if (sigma[i] == 0 && Math.abs(root - mu[i]) <= 10 * ABSOLUTE_ACCURACY && cdf(mu[i]) >= alpha) {
          return mu[i];
        }
      }
    }
    return root;
  }

  private double stepQuantile(double alpha) {
    Integer[] order = new Integer[weight.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(mu[a], mu[b]));
    double cumulative = 0;
    for (int i : order) {
      cumulative += weight[i];
      // Weights that are products of probabilities do not add to alpha exactly.
      if (cumulative >= alpha - 1e-12) {
        return mu[i];
      }
    }
    return mu[order[order.length - 1]];
  }

  /**
   * The smallest x >= 0 with ESC(x) <= shortage. ESC decreases, so this is 0 when ESC(0) already
   * meets it and otherwise the root of ESC(x) - shortage, by Brent's method.
   */
  double fillRateReorderPoint(double shortage) {
    double target = Math.max(shortage, NEGLIGIBLE_SHORTAGE);
    if (expectedShortage(0) <= target) {
      return 0;
    }
    double hi = 1;
    for (int i = 0; i < weight.length; i++) {
      hi = Math.max(hi, mu[i] + 10 * sigma[i]);
    }
    // Widen the bracket (doubling, a few times at most) until the shortage is met.
    for (int i = 0; i < 64 && expectedShortage(hi) > target; i++) {
      hi *= 2;
    }
    return new BrentSolver(ABSOLUTE_ACCURACY).solve(MAX_EVALUATIONS, x -> expectedShortage(x) - target, 0, hi);
  }
}
