package io.supplyguard.deploy.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/** Streams a tar.xz archive into a folder, entry by entry, keeping no file in memory. */
final class TxzUnpacker {
  private TxzUnpacker() {
  }

  /** Unpacks {@code archive} into the empty {@code folder}; answers the manifest's lines. */
  static List<String> unpack(InputStream archive, Path folder) throws IOException {
    List<String> manifest = new ArrayList<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(archive))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path path = inside(folder, entry.getName());
        if (entry.isDirectory()) {
          Files.createDirectories(path);
          manifest.add(Manifest.directory(folder, path));
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(path.getParent());
          Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
          manifest.add(Manifest.link(folder, path));
        } else if (entry.isLink()) {
          Files.createDirectories(path.getParent());
          Files.createLink(path, inside(folder, entry.getLinkName()));
          manifest.add(Manifest.file(folder, path, Files.size(path)));
        } else if (entry.isFile()) {
          Files.createDirectories(path.getParent());
          Files.copy(tar, path);
          if ((entry.getMode() & 0111) != 0) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
          }
          manifest.add(Manifest.file(folder, path, entry.getSize()));
        } else {
          throw new IOException("Unexpected entry in the PostgreSQL archive: " + entry.getName());
        }
      }
    }
    return manifest;
  }

  /** The entry's place in the folder; an entry naming a place outside it is refused. */
  private static Path inside(Path folder, String name) throws IOException {
    Path path = folder.resolve(name).normalize();
    if (!path.startsWith(folder)) {
      throw new IOException("Archive entry outside its folder: " + name);
    }
    return path;
  }
}
