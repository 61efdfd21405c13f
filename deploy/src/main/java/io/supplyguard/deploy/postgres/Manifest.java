package io.supplyguard.deploy.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * What an unpacked folder must hold: one line per entry ({@code d}, {@code l} or {@code f} with
 * its size, then the relative path). A folder matches when every entry is there, of its kind and,
 * for a file, of its size: a deleted or truncated file is noticed without reading every byte.
 */
final class Manifest {
  private Manifest() {
  }

  static String directory(Path folder, Path path) {
    return "d\t0\t" + folder.relativize(path);
  }

  static String link(Path folder, Path path) {
    return "l\t0\t" + folder.relativize(path);
  }

  static String file(Path folder, Path path, long size) {
    return "f\t" + size + "\t" + folder.relativize(path);
  }

  static void write(Path folder, List<String> lines) throws IOException {
    Files.write(folder.resolve(PostgresBinaries.MANIFEST), lines);
  }

  static boolean matches(Path folder) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(folder.resolve(PostgresBinaries.MANIFEST));
    } catch (NoSuchFileException absent) {
      return false;
    }
    if (lines.isEmpty()) {
      return false;
    }
    for (String line : lines) {
      String[] parts = line.split("\t", 3);
      if (parts.length != 3 || !parts[1].matches("[0-9]{1,18}")
          || !present(folder.resolve(parts[2]), parts[0], Long.parseLong(parts[1]))) {
        return false;
      }
    }
    return true;
  }

  private static boolean present(Path path, String kind, long size) throws IOException {
    switch (kind) {
      case "d":
        return Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
      case "l":
        // The link's target must be there too: a dangling link is what a killed unpack leaves.
        return Files.isSymbolicLink(path) && Files.exists(path);
      case "f":
        return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) && Files.size(path) == size;
      default:
        return false;
    }
  }
}
