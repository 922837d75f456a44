package org.consilium.imaging;

import java.text.Normalizer;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.consilium.dicom.DicomInstance;
import org.consilium.patients.Patient;
import org.consilium.patients.PatientDetails;
import org.consilium.patients.Sex;

/**
 * Whether a DICOM object belongs to the Consilium patient it is attached to (docs/imaging.md, "Matching rule"):
 * <ol>
 *   <li>Patient ID (0010,0020) equals the patient's citizen ID (CCCD) or medical record number (the two
 *       identifiers a Vietnamese hospital's RIS/PACS uses); it must not be empty.</li>
 *   <li>Patient's Birth Date (0010,0030), when both sides have one, is the same day.</li>
 *   <li>Patient's Sex (0010,0040), when it is M or F and the patient's is male or female, agrees.</li>
 *   <li>Patient's Name (0010,0010), when present, has the same words as the patient's full name, ignoring
 *       case, Vietnamese diacritics, word order and the DICOM '^' separators ("NGUYEN^VAN AN" = "Nguyễn Văn An").</li>
 * </ol>
 * The reason for a refusal names the attribute, never its value.
 */
public final class PatientMatch {

  private PatientMatch() {
  }

  /** Empty when {@code instance} belongs to {@code patient}; otherwise why not. */
  public static Optional<String> mismatch(DicomInstance instance, Patient patient) {
    PatientDetails d = patient.details();
    String id = instance.patientId();
    if (id.isEmpty()) return Optional.of("Patient ID (0010,0020) is empty: it must be the patient's citizen ID or medical record number");
    boolean idMatches = id.equals(d.citizenId()) || (d.medicalRecordNumber() != null && id.equalsIgnoreCase(d.medicalRecordNumber()));
    if (!idMatches) return Optional.of("Patient ID (0010,0020) is neither this patient's citizen ID nor medical record number");
    if (!instance.patientBirthDate().isEmpty() && d.birthDate() != null
        && !instance.patientBirthDate().equals(d.birthDate().format(DateTimeFormatter.BASIC_ISO_DATE))) {
      return Optional.of("Patient's Birth Date (0010,0030) differs from this patient's birth date");
    }
    String sex = instance.patientSex();
    if ((sex.equals("M") && d.sex() == Sex.FEMALE) || (sex.equals("F") && d.sex() == Sex.MALE)) {
      return Optional.of("Patient's Sex (0010,0040) differs from this patient's sex");
    }
    if (!instance.patientName().isEmpty() && !sameWords(dicomName(instance.patientName()), d.fullName())) {
      return Optional.of("Patient's Name (0010,0010) differs from this patient's name");
    }
    return Optional.empty();
  }

  /** The alphabetic group of a DICOM PN: family^given^middle^prefix^suffix, before any '='. */
  private static String dicomName(String pn) {
    int ideographic = pn.indexOf('=');
    return (ideographic >= 0 ? pn.substring(0, ideographic) : pn).replace('^', ' ');
  }

  static boolean sameWords(String a, String b) {
    return Arrays.equals(words(a), words(b));
  }

  private static String[] words(String name) {
    String folded = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    return Arrays.stream(folded.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).sorted().toArray(String[]::new);
  }
}
