package io.supplyguard.inventory.bench;

import io.supplyguard.inventory.buffer.BufferModel;
import io.supplyguard.inventory.buffer.BufferParameters;
import io.supplyguard.inventory.buffer.LicensingDelay;
import io.supplyguard.inventory.buffer.PositionInputs;
import io.supplyguard.inventory.buffer.Recommendation;
import io.supplyguard.inventory.buffer.RegimeFuture;
import io.supplyguard.inventory.buffer.ServiceMeasure;
import io.supplyguard.inventory.buffer.SupplyCondition;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one recommendation, the worked example of docs/buffer-model.md, under version 2's
 * model, against baselines measured in the same run on the same inputs, so that the result reads
 * as ratios that do not depend on the machine:
 * <ul>
 *   <li>{@code v2NotControlled}: one branch, the closed form;</li>
 *   <li>{@code v2LicenceRequired} (also {@code kernel}, the name bin/bench-kernel has always
 *       reported): two branches, the quantile by Brent's method;</li>
 *   <li>{@code v2FourFutures}: four futures, six branches;</li>
 *   <li>{@code v2FillRate}: LICENCE_REQUIRED at a fill rate of 0.98, the expected-shortage root;</li>
 *   <li>{@code baselineV1}: version 1's formula for LICENCE_REQUIRED (the normal approximation of
 *       the mixture), copied here as it was, with its recommendation record's work (a few
 *       multiplications and one inverse normal CDF);</li>
 *   <li>{@code baselineLeadTimeDemand}: the bare {@code d*(L+R)};</li>
 *   <li>{@code baselineQuantile}: the inverse normal CDF alone.</li>
 * </ul>
 * Run it with bin/bench-kernel.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class BufferModelBenchmark {
  // Fields, not constants, so that the JIT cannot fold the work away.
  private PositionInputs inputs =
      new PositionInputs(900, 0, 10, 4, 30, 5, ServiceMeasure.CYCLE, 0.95, 0, 300, null);
  private PositionInputs fillRateInputs =
      new PositionInputs(900, 0, 10, 4, 30, 5, ServiceMeasure.FILL_RATE, 0.98, 0, 300, null);
  private SupplyCondition condition = SupplyCondition.LICENCE_REQUIRED;
  private LicensingDelay delay = LicensingDelay.of(SupplyCondition.LICENCE_REQUIRED, 63, BufferParameters.DEFAULTS);
  private LicensingDelay covered = LicensingDelay.of(SupplyCondition.COVERED, 63, BufferParameters.DEFAULTS);
  // Two suspensions, q = 0.3 and 0.5.
  private List<RegimeFuture> fourFutures = List.of(
      new RegimeFuture(0.15, SupplyCondition.NOT_CONTROLLED, LicensingDelay.NONE),
      new RegimeFuture(0.15, SupplyCondition.COVERED, covered),
      new RegimeFuture(0.35, SupplyCondition.LICENCE_REQUIRED, delay),
      new RegimeFuture(0.35, SupplyCondition.LICENCE_REQUIRED, delay));

  @Benchmark
  public Recommendation kernel() {
    return BufferModel.recommend(inputs, condition, delay);
  }

  @Benchmark
  public Recommendation v2NotControlled() {
    return BufferModel.recommend(inputs, SupplyCondition.NOT_CONTROLLED, LicensingDelay.NONE);
  }

  @Benchmark
  public Recommendation v2FourFutures() {
    return BufferModel.recommend(inputs, condition, fourFutures);
  }

  @Benchmark
  public Recommendation v2FillRate() {
    return BufferModel.recommend(fillRateInputs, condition, delay);
  }

  @Benchmark
  public double[] baselineV1() {
    return V1.recommend(inputs, delay);
  }

  @Benchmark
  public double baselineLeadTimeDemand() {
    return inputs.demandMeanPerDay() * (inputs.leadTimeMeanDays() + inputs.reviewPeriodDays());
  }

  @Benchmark
  public double baselineQuantile() {
    return BufferModel.z(inputs.serviceLevel());
  }

  /**
   * Version 1's kernel as it was (docs/buffer-model.md before issue 13): lead time
   * {@code L + muG + p*T} with variance {@code sL^2 + sG^2 + p(1-p)T^2}, one normal. Answers
   * {SS, ROP, order, status ordinal, daysOfCover} instead of a record, with the same arithmetic.
   */
  static final class V1 {
    private V1() {
    }

    static double[] recommend(PositionInputs in, LicensingDelay g) {
      double d = in.demandMeanPerDay();
      double cover = d > 0 ? in.onHand() / d : Double.NaN;
      double z = BufferModel.z(in.serviceLevel());
      double r = in.reviewPeriodDays();
      double sd = in.demandStdPerDay();
      double muLt = in.leadTimeMeanDays() + g.meanDays() + g.expectedDenialDays();
      double varLt = in.leadTimeStdDays() * in.leadTimeStdDays() + g.variance();
      double safetyStock = z * Math.sqrt((muLt + r) * sd * sd + d * d * varLt);
      double reorderPoint = d * (muLt + r) + safetyStock;
      double inventoryPosition = in.onHand() + in.onOrder();
      double order = inventoryPosition <= reorderPoint ? reorderPoint + in.orderQuantity() - inventoryPosition : 0;
      double status = in.onHand() < safetyStock ? 1 : inventoryPosition <= reorderPoint ? 2 : 3;
      return new double[] {safetyStock, reorderPoint, order, status, cover};
    }
  }
}
