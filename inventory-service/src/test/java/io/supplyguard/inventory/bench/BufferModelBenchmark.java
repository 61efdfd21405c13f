package io.supplyguard.inventory.bench;

import io.supplyguard.inventory.buffer.BufferModel;
import io.supplyguard.inventory.buffer.BufferParameters;
import io.supplyguard.inventory.buffer.LicensingDelay;
import io.supplyguard.inventory.buffer.PositionInputs;
import io.supplyguard.inventory.buffer.Recommendation;
import io.supplyguard.inventory.buffer.SupplyCondition;
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
 * The cost of one recommendation, the worked example of docs/buffer-model.md under LICENCE_REQUIRED,
 * against two baselines measured in the same run on the same inputs, so that the result reads as
 * a ratio that does not depend on the machine: the bare lead-time demand {@code d*(L+R)}, and the
 * inverse normal CDF alone, which is most of the kernel's work. Run it with bin/bench-kernel.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class BufferModelBenchmark {
  // Fields, not constants, so that the JIT cannot fold the work away.
  private PositionInputs inputs = new PositionInputs(900, 0, 10, 4, 30, 5, 0.95, 0, 300, null);
  private SupplyCondition condition = SupplyCondition.LICENCE_REQUIRED;
  private LicensingDelay delay = LicensingDelay.of(SupplyCondition.LICENCE_REQUIRED, 63, BufferParameters.DEFAULTS);

  @Benchmark
  public Recommendation kernel() {
    return BufferModel.recommend(inputs, condition, delay);
  }

  @Benchmark
  public double baselineLeadTimeDemand() {
    return inputs.demandMeanPerDay() * (inputs.leadTimeMeanDays() + inputs.reviewPeriodDays());
  }

  @Benchmark
  public double baselineQuantile() {
    return BufferModel.z(inputs.serviceLevel());
  }
}
