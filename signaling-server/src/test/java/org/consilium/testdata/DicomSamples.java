package org.consilium.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real DICOM files from Debian's python3-pydicom test data, copied to a temp directory and, with dcmtk's
 * {@code dcmodify}, given the Patient ID, name, birth date and sex of a Consilium test patient.
 */
public final class DicomSamples {

  public static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

  private DicomSamples() {
  }

  public static Path file(String name) {
    Path p = PYDICOM.resolve(name);
    if (!Files.isRegularFile(p)) throw new AssertionError(p + " is missing: apt-get install python3-pydicom");
    return p;
  }

  /**
   * A copy of {@code name} made to belong to the patient, with new study, series and instance UIDs (so every
   * test has its own objects); {@code extra} are more dcmodify edits such as "(0008,1030)=Other description".
   */
  public static Path forPatient(String name, String patientId, String dicomName, String birthDate, String sex, String... extra) {
    List<String> edits = new ArrayList<>(List.of("-gst", "-gse", "-gin", "-i", "(0010,0020)=" + patientId,
        "-i", "(0010,0010)=" + dicomName, "-i", "(0010,0030)=" + birthDate, "-i", "(0010,0040)=" + sex));
    for (String e : extra) {
      edits.add("-i");
      edits.add(e);
    }
    return modified(file(name), edits);
  }

  /** A copy of {@code source} with dcmodify edits ("(0008,1030)=Other"), UIDs kept. */
  public static Path edited(Path source, String... edits) {
    List<String> args = new ArrayList<>();
    for (String e : edits) {
      args.add("-i");
      args.add(e);
    }
    return modified(source, args);
  }

  /** A copy of {@code source} without the attribute {@code tag} ("(0020,000D)"). */
  public static Path without(Path source, String tag) {
    return modified(source, List.of("-e", tag));
  }

  private static Path modified(Path source, List<String> args) {
    try {
      Path copy = Files.createTempDirectory("dicom-sample").resolve(source.getFileName().toString());
      Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
      List<String> cmd = new ArrayList<>(List.of("dcmodify", "-nb", "-imt"));
      cmd.addAll(args);
      cmd.add(copy.toString());
      run(cmd);
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs a command, failing the test with its output if it exits non-zero; returns the output. */
  public static String run(List<String> cmd) {
    Finished f = runToEnd(cmd);
    if (f.exitCode() != 0) throw new AssertionError(String.join(" ", cmd) + " exited " + f.exitCode() + ":\n" + f.output());
    return f.output();
  }

  /** How a command ended: its exit code and its output (stdout and stderr together). */
  public record Finished(int exitCode, String output) {
  }

  /** Runs a command to its end (at most 60 s), whatever its exit code. */
  public static Finished runToEnd(List<String> cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(String.join(" ", cmd) + " timed out");
      }
      return new Finished(p.exitValue(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static byte[] bytes(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A synthetic endoscopy still: a pink mucosa-like disc on black, as a capture card delivers it. */
  public static byte[] syntheticCapture(int width, int height) {
    java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = img.createGraphics();
    g.setColor(new java.awt.Color(200, 90, 90));
    g.fillOval(width / 8, height / 8, width * 3 / 4, height * 3 / 4);
    g.setColor(new java.awt.Color(240, 200, 190));
    g.fillOval(width / 2, height / 3, width / 10, height / 10);
    g.dispose();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      javax.imageio.ImageIO.write(img, "jpeg", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
