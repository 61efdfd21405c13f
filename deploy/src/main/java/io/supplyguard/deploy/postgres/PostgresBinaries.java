package io.supplyguard.deploy.postgres;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.ArchUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL's binaries from the Maven artifact, unpacked once per machine into a cache and
 * checked at every start.
 *
 * <p>zonky's own unpacking holds the whole archive and every file in memory (it ran out of a
 * 96 MB heap) and treats a half-unpacked folder as a place to unpack over, which fails on its
 * dangling symbolic links. Here the archive is streamed (about 9 MB for the xz dictionary), each
 * unpack goes into a folder of its own that is renamed into place only once its manifest is
 * written, and a folder whose files do not match its manifest is moved aside and unpacked again.
 * So a killed unpack, a deleted or truncated file, or two runners unpacking at once all end with
 * one complete copy.
 */
public final class PostgresBinaries {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresBinaries.class);
  /** Written last into an unpacked folder: one line per entry, its kind, size and path. */
  static final String MANIFEST = ".manifest";
  /** Unpacks left behind by a killed runner are deleted once they are this old. */
  private static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

  private PostgresBinaries() {
  }

  /** The folder under {@code cacheRoot} holding this artifact's binaries, complete and checked. */
  public static Path prepare(Path cacheRoot) throws IOException {
    Files.createDirectories(cacheRoot);
    Path target = cacheRoot.resolve("PG-" + archiveDigest());
    for (int attempt = 1; ; attempt++) {
      if (Manifest.matches(target)) {
        return target;
      }
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        LOG.warn("PostgreSQL binaries in {} are incomplete or damaged; unpacking them again", target);
        setAside(target);
      }
      Path unpacked = unpackBeside(target);
      try {
        Files.move(unpacked, target, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("PostgreSQL binaries unpacked into {}", target);
      } catch (FileSystemException raced) {
        // Another runner renamed its copy into place first (rename(2) answers ENOTEMPTY): ours is
        // not needed, and the loop checks theirs.
        deleteTree(unpacked);
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
          throw raced;
        }
      }
      removeAbandoned(cacheRoot);
      if (attempt == 3 && !Manifest.matches(target)) {
        throw new IOException("PostgreSQL binaries in " + target + " could not be made complete");
      }
    }
  }

  private static String archiveDigest() throws IOException {
    MessageDigest sha256 = sha256();
    try (InputStream in = new DigestInputStream(archive(), sha256)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(sha256.digest(), 0, 12);
  }

  private static InputStream archive() throws IOException {
    return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", ArchUtils.normalize(System.getProperty("os.arch")));
  }

  private static Path unpackBeside(Path target) throws IOException {
    Path folder = target.resolveSibling(target.getFileName() + ".partial-" + ProcessHandle.current().pid()
        + "-" + System.nanoTime());
    Files.createDirectory(folder);
    try (InputStream in = archive()) {
      List<String> manifest = TxzUnpacker.unpack(in, folder);
      Manifest.write(folder, manifest);
      return folder;
    } catch (IOException | RuntimeException e) {
      deleteTree(folder);
      throw e;
    }
  }

  private static void setAside(Path damaged) throws IOException {
    Path aside = damaged.resolveSibling(damaged.getFileName() + ".damaged-" + ProcessHandle.current().pid()
        + "-" + System.nanoTime());
    try {
      Files.move(damaged, aside, StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException alreadyMoved) {
      return;
    }
    // A server may still run from the damaged copy: deleting its open files is harmless on Linux.
    deleteTree(aside);
  }

  private static void removeAbandoned(Path cacheRoot) throws IOException {
    Instant before = Instant.now().minus(ABANDONED_AFTER);
    try (Stream<Path> entries = Files.list(cacheRoot)) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        String name = entry.getFileName().toString();
        if ((name.contains(".partial-") || name.contains(".damaged-")) && olderThan(entry, before)) {
          deleteTree(entry);
        }
      }
    }
  }

  private static boolean olderThan(Path entry, Instant before) {
    try {
      FileTime modified = Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS);
      return modified.toInstant().isBefore(before);
    } catch (IOException gone) {
      return false;
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
