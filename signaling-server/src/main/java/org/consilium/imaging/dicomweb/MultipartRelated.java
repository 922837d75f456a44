package org.consilium.imaging.dicomweb;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.imaging.ImagingService.Staged;

/** multipart/related bodies (RFC 2387) as DICOMweb uses them: split a STOW-RS request, frame WADO-RS answers. */
final class MultipartRelated {

  private static final Pattern BOUNDARY = Pattern.compile("(?i);\\s*boundary=(\"([^\"]+)\"|([^;\\s]+))");
  private static final Pattern TYPE = Pattern.compile("(?i);\\s*type=\"?([^\";]+)\"?");
  private static final byte[] CRLF = {'\r', '\n'};

  private MultipartRelated() {
  }

  static Optional<String> boundary(String contentType) {
    Matcher m = BOUNDARY.matcher(contentType == null ? "" : contentType);
    return m.find() ? Optional.of(m.group(2) != null ? m.group(2) : m.group(3)) : Optional.empty();
  }

  static Optional<String> type(String contentType) {
    Matcher m = TYPE.matcher(contentType == null ? "" : contentType);
    return m.find() ? Optional.of(m.group(1).trim().toLowerCase(Locale.ROOT)) : Optional.empty();
  }

  /** Makes scratch files for the parts. */
  interface Staging {
    Path stage() throws IOException;
  }

  /**
   * Copies each application/dicom part of {@code body} into its own staged file; a part of another type is
   * listed as refused. Blocking. Fails with 400 when the body is not multipart with this boundary.
   */
  static List<Staged> split(Path body, String boundary, Staging staging) throws IOException {
    List<Staged> parts = new ArrayList<>();
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
    try (FileChannel ch = FileChannel.open(body, StandardOpenOption.READ)) {
      MappedByteBuffer buf = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
      int at = indexOf(buf, delimiter, 0);
      if (at < 0 || (at > 0 && !precededByCrlf(buf, at))) throw malformed("no part delimited by the boundary");
      int number = 0;
      while (true) {
        int after = at + delimiter.length;
        if (after + 2 <= buf.limit() && buf.get(after) == '-' && buf.get(after + 1) == '-') break;
        int headersStart = indexOf(buf, CRLF, after);
        int headersEnd = headersStart < 0 ? -1 : indexOf(buf, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), headersStart);
        if (headersEnd < 0) throw malformed("part " + (number + 1) + " has no header end");
        int contentStart = headersEnd + 4;
        int next = indexOf(buf, ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII), headersStart);
        if (next < 0) throw malformed("part " + (number + 1) + " is not closed by the boundary");
        number++;
        String headers = ascii(buf, headersStart, Math.max(headersStart, headersEnd));
        String type = header(headers, "content-type").orElse("application/dicom");
        String source = "part " + number;
        if (!type.toLowerCase(Locale.ROOT).startsWith("application/dicom")) {
          parts.add(Staged.refused(source, "Content-Type " + type + " is not supported; send each instance as application/dicom"));
        } else {
          Path staged = staging.stage();
          write(buf, contentStart, Math.max(contentStart, next), staged);
          parts.add(Staged.file(source, staged));
        }
        at = next + 2;
      }
    }
    if (parts.isEmpty()) throw malformed("it holds no parts");
    return parts;
  }

  private static boolean precededByCrlf(MappedByteBuffer buf, int at) {
    return at >= 2 && buf.get(at - 2) == '\r' && buf.get(at - 1) == '\n';
  }

  private static Optional<String> header(String headers, String name) {
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) return Optional.of(line.substring(colon + 1).trim());
    }
    return Optional.empty();
  }

  private static int indexOf(MappedByteBuffer buf, byte[] needle, int from) {
    int last = buf.limit() - needle.length;
    byte first = needle[0];
    outer:
    for (int i = Math.max(0, from); i <= last; i++) {
      if (buf.get(i) != first) continue;
      for (int j = 1; j < needle.length; j++) if (buf.get(i + j) != needle[j]) continue outer;
      return i;
    }
    return -1;
  }

  private static String ascii(MappedByteBuffer buf, int from, int to) {
    byte[] b = new byte[to - from];
    buf.get(from, b);
    return new String(b, StandardCharsets.ISO_8859_1);
  }

  private static void write(MappedByteBuffer buf, int from, int to, Path target) throws IOException {
    try (OutputStream out = Files.newOutputStream(target)) {
      byte[] chunk = new byte[64 * 1024];
      for (int i = from; i < to; i += chunk.length) {
        int n = Math.min(chunk.length, to - i);
        buf.get(i, chunk, 0, n);
        out.write(chunk, 0, n);
      }
    }
  }

  private static ApiException malformed(String why) {
    return new ApiException(ErrorCode.BAD_REQUEST, "The multipart/related body is malformed: " + why);
  }

  /** The header of one part of an answer, with the delimiter before it. */
  static byte[] partHeader(String boundary, String contentType, String location) {
    String h = "--" + boundary + "\r\nContent-Type: " + contentType + "\r\n" + (location == null ? "" : "Content-Location: " + location + "\r\n") + "\r\n";
    return h.getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] closing(String boundary) {
    return ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
  }
}
