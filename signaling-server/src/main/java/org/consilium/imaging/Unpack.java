package org.consilium.imaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;

/**
 * Unpacks an uploaded zip (a CD export, a folder zipped by the browser) into staged files, one per entry.
 * Directories, DICOMDIR indexes and hidden or macOS resource files are skipped. The uncompressed total is
 * bounded (a zip bomb stops with 413). Blocking.
 */
final class Unpack {

  private static final int MAX_ENTRIES = 100_000;
  private static final long EXPANSION = 4;

  private Unpack() {
  }

  static List<ImagingService.Staged> zip(Path zip, ObjectStore staging, long maxUploadBytes) throws IOException {
    List<ImagingService.Staged> out = new ArrayList<>();
    long budget = maxUploadBytes * EXPANSION;
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        if (skipped(e)) continue;
        if (out.size() >= MAX_ENTRIES) throw tooLarge("more than " + MAX_ENTRIES + " files");
        Path staged = staging.stage();
        out.add(ImagingService.Staged.file(e.getName(), staged));
        budget -= copy(in, staged, budget);
        if (budget < 0) throw tooLarge("more than " + EXPANSION + " times the upload limit once unpacked");
      }
    } catch (ZipException e) {
      deleteAll(out);
      throw new ApiException(ErrorCode.BAD_REQUEST, "The zip file is damaged: " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      deleteAll(out);
      throw e;
    }
    if (out.isEmpty()) throw new ApiException(ErrorCode.BAD_REQUEST, "The zip file holds no files");
    return out;
  }

  private static boolean skipped(ZipEntry e) {
    String name = e.getName();
    String file = name.substring(name.lastIndexOf('/') + 1);
    return e.isDirectory() || name.startsWith("__MACOSX/") || file.startsWith(".") || file.equalsIgnoreCase("DICOMDIR");
  }

  private static long copy(InputStream in, Path target, long budget) throws IOException {
    long n = 0;
    byte[] buf = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(target)) {
      for (int r; (r = in.read(buf)) > 0; ) {
        out.write(buf, 0, r);
        n += r;
        if (n > budget) return n;
      }
    }
    return n;
  }

  static void deleteAll(List<ImagingService.Staged> files) {
    for (ImagingService.Staged s : files) {
      try {
        if (s.path() != null) Files.deleteIfExists(s.path());
      } catch (IOException ignored) {
        // a staging leftover is swept on the next start
      }
    }
  }

  private static ApiException tooLarge(String why) {
    return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The zip file holds " + why);
  }
}
