package io.supplyguard.deploy.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The binaries' cache on real files: what a killed unpack or a damaged copy leaves is unpacked again. */
class PostgresBinariesTest {
  @TempDir
  static Path cache;
  static Path binaries;

  @BeforeAll
  static void unpackOnce() throws IOException {
    binaries = PostgresBinaries.prepare(cache);
  }

  @Test
  @DisplayName("an empty cache gets a complete copy whose postgres runs, and a second prepare reuses it untouched")
  void freshCache() throws Exception {
    assertThat(binaries.getFileName().toString()).startsWith("PG-");
    assertRuns(binaries);
    long manifestWritten = Files.getLastModifiedTime(binaries.resolve(PostgresBinaries.MANIFEST)).toMillis();
    assertThat(PostgresBinaries.prepare(cache)).isEqualTo(binaries);
    assertThat(Files.getLastModifiedTime(binaries.resolve(PostgresBinaries.MANIFEST)).toMillis())
        .isEqualTo(manifestWritten);
    assertThat(leftovers()).isEmpty();
  }

  @Test
  @DisplayName("a file deleted from the copy is noticed and the copy unpacked again")
  void deletedFile() throws Exception {
    Files.delete(binaries.resolve("bin/pg_ctl"));
    assertThat(PostgresBinaries.prepare(cache)).isEqualTo(binaries);
    assertThat(binaries.resolve("bin/pg_ctl")).isExecutable();
    assertRuns(binaries);
  }

  @Test
  @DisplayName("a truncated file is noticed by its size and the copy unpacked again")
  void truncatedFile() throws Exception {
    Path postgres = binaries.resolve("bin/postgres");
    long size = Files.size(postgres);
    try (FileChannel channel = FileChannel.open(postgres, StandardOpenOption.WRITE)) {
      channel.truncate(size / 2);
    }
    PostgresBinaries.prepare(cache);
    assertThat(Files.size(postgres)).isEqualTo(size);
    assertRuns(binaries);
  }

  @Test
  @DisplayName("zonky's half unpack (a dangling link, no manifest) is set aside and unpacked again, not unpacked over")
  void halfUnpacked() throws Exception {
    PostgresBinaries.deleteTree(binaries);
    Files.createDirectories(binaries.resolve("lib"));
    Files.createSymbolicLink(binaries.resolve("lib/libicuuc.so"), Path.of("libicuuc.so.60.2"));
    assertThat(PostgresBinaries.prepare(cache)).isEqualTo(binaries);
    assertThat(binaries.resolve("lib/libicuuc.so")).exists();
    assertRuns(binaries);
    assertThat(leftovers()).isEmpty();
  }

  @Test
  @DisplayName("a manifest that is garbage reads as damaged, not as an error")
  void garbageManifest() throws Exception {
    Files.writeString(binaries.resolve(PostgresBinaries.MANIFEST), "f\tnot-a-size\tbin/postgres\n");
    PostgresBinaries.prepare(cache);
    assertRuns(binaries);
  }

  private static void assertRuns(Path folder) throws Exception {
    Process version = new ProcessBuilder(folder.resolve("bin/postgres").toString(), "--version")
        .redirectErrorStream(true).start();
    assertThat(version.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(new String(version.getInputStream().readAllBytes())).contains("PostgreSQL) 17");
    assertThat(version.exitValue()).isZero();
  }

  private static Stream<String> leftovers() throws IOException {
    try (Stream<Path> entries = Files.list(cache)) {
      return entries.map(p -> p.getFileName().toString()).filter(n -> n.contains(".partial-") || n.contains(".damaged-"))
          .toList().stream();
    }
  }
}
