package io.supplyguard.gateway;

import java.util.Arrays;

/** Reads one sample out of a Prometheus text scrape. */
final class ScrapedMetrics {

  private ScrapedMetrics() {
  }

  /** The value of {@code name} on the sample carrying every label given as {@code key="value"}. */
  static double value(String scrape, String name, String... labels) {
    return Arrays.stream(scrape.split("\n"))
        .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
        .filter(line -> Arrays.stream(labels).allMatch(line::contains))
        .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no sample " + name + " " + Arrays.toString(labels) + " in\n" + scrape));
  }
}
