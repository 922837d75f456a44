package org.consilium.consultations;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.consilium.patients.Patient;

/**
 * Renders minutes as an A4 PDF in the layout of the Circular 49/2017/TT-BYT minutes form, in Vietnamese, with
 * DejaVu Sans embedded (Debian's fonts-dejavu-core) so every diacritic shows and the text can be searched and
 * copied. PDFBox is used only here. Blocking: run on a worker.
 */
final class MinutesPdf {

  static final Path FONT = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
  static final Path BOLD = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");
  private static final float MARGIN = 56;
  private static final float SIZE = 11;
  private static final float LEADING = 15;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

  private final PDDocument doc = new PDDocument();
  private final PDType0Font regular;
  private final PDType0Font bold;
  private PDPageContentStream out;
  private float y;

  private MinutesPdf() throws IOException {
    if (!Files.isReadable(FONT) || !Files.isReadable(BOLD)) {
      throw new IOException("DejaVu fonts missing at " + FONT.getParent() + " (install Debian's fonts-dejavu-core)");
    }
    regular = PDType0Font.load(doc, FONT.toFile());
    bold = PDType0Font.load(doc, BOLD.toFile());
  }

  static byte[] render(Minutes m, Patient patient, String hospitalName) {
    try {
      MinutesPdf pdf = new MinutesPdf();
      try (PDDocument d = pdf.doc) {
        pdf.write(m, patient, hospitalName);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        d.save(bytes);
        return bytes.toByteArray();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(Minutes m, Patient p, String hospitalName) throws IOException {
    PDDocumentInformation info = doc.getDocumentInformation();
    info.setTitle("Biên bản hội chẩn");
    info.setCreator("Consilium");
    newPage();
    line(bold, 10, hospitalName == null ? "" : hospitalName.toUpperCase());
    line(bold, 10, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc");
    y -= LEADING;
    line(bold, 15, "BIÊN BẢN HỘI CHẨN");
    line(regular, 10, "Lần " + m.edition() + (m.signed() ? " — đã ký" : " — bản nháp, chưa ký"));
    y -= LEADING / 2;
    ZonedDateTime start = m.start().atZone(Session.CLINIC_ZONE);
    field("Thời gian", WHEN.format(start) + " đến " + WHEN.format(m.end().atZone(Session.CLINIC_ZONE)) + " (giờ Việt Nam)");
    field("Địa điểm", m.place() == null ? "Hội chẩn từ xa qua Consilium" : m.place());
    field("Họ tên người bệnh", p.details().fullName());
    String age = p.details().birthDate() == null ? "" : ", " + Period.between(p.details().birthDate(), start.toLocalDate()).getYears() + " tuổi";
    field("Giới tính, tuổi", sex(p.details().sex().wire()) + age);
    heading("Thành phần tham gia");
    for (Minutes.Participant who : m.participants()) {
      paragraph("• " + who.name() + " — " + role(who.role()) + (who.hospital().isEmpty() ? "" : ", " + who.hospital()));
    }
    section("Tóm tắt quá trình diễn biến bệnh, quá trình điều trị và chăm sóc người bệnh", m.patientSummary());
    section("Ý kiến thảo luận", m.discussion());
    section("Kết luận (chẩn đoán)", m.conclusion());
    section("Hướng điều trị tiếp", m.treatmentRecommendation());
    y -= LEADING;
    field("Chủ tọa", m.chairName());
    if (m.signed()) field("Đã ký lúc", WHEN.format(m.signedAt().atZone(Session.CLINIC_ZONE)));
    out.close();
  }

  private void section(String title, String text) throws IOException {
    heading(title);
    paragraph(text == null || text.isBlank() ? "—" : text);
  }

  private void heading(String title) throws IOException {
    y -= LEADING / 2;
    line(bold, SIZE, title + ":");
  }

  private void field(String label, String value) throws IOException {
    paragraph(label + ": " + value);
  }

  private void paragraph(String text) throws IOException {
    for (String para : text.split("\n", -1)) {
      for (String l : wrap(para, PDRectangle.A4.getWidth() - 2 * MARGIN)) line(regular, SIZE, l);
    }
  }

  private List<String> wrap(String text, float width) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      String tried = current.isEmpty() ? word : current + " " + word;
      if (regular.getStringWidth(tried) / 1000 * SIZE > width && !current.isEmpty()) {
        lines.add(current.toString());
        current = new StringBuilder(word);
      } else {
        current = new StringBuilder(tried);
      }
    }
    lines.add(current.toString());
    return lines;
  }

  private void line(PDType0Font font, float size, String text) throws IOException {
    if (y < MARGIN + LEADING) {
      out.close();
      newPage();
    }
    out.beginText();
    out.setFont(font, size);
    out.newLineAtOffset(MARGIN, y);
    out.showText(text.replace('\t', ' '));
    out.endText();
    y -= size > SIZE ? LEADING * 1.4f : LEADING;
  }

  private void newPage() throws IOException {
    PDPage page = new PDPage(PDRectangle.A4);
    doc.addPage(page);
    out = new PDPageContentStream(doc, page);
    y = PDRectangle.A4.getHeight() - MARGIN;
  }

  private static String role(String role) {
    return switch (role) {
      case "chair" -> "Chủ tọa";
      case "member" -> "Thành viên";
      default -> "Bác sĩ đề nghị hội chẩn";
    };
  }

  private static String sex(String wire) {
    return switch (wire) {
      case "male" -> "Nam";
      case "female" -> "Nữ";
      case "other" -> "Khác";
      default -> "Không rõ";
    };
  }
}
