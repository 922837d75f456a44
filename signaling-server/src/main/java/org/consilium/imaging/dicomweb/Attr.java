package org.consilium.imaging.dicomweb;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.consilium.dicom.DicomInstance;

/** The attributes QIDO-RS matches on and returns, per level, with their tag, keyword and VR. */
enum Attr {
  STUDY_DATE("00080020", "StudyDate", "DA", Level.STUDY, DicomInstance::studyDate),
  STUDY_TIME("00080030", "StudyTime", "TM", Level.STUDY, DicomInstance::studyTime),
  ACCESSION_NUMBER("00080050", "AccessionNumber", "SH", Level.STUDY, DicomInstance::accessionNumber),
  MODALITIES_IN_STUDY("00080061", "ModalitiesInStudy", "CS", Level.STUDY, null),
  REFERRING_PHYSICIAN("00080090", "ReferringPhysicianName", "PN", Level.STUDY, DicomInstance::referringPhysicianName),
  STUDY_DESCRIPTION("00081030", "StudyDescription", "LO", Level.STUDY, DicomInstance::studyDescription),
  PATIENT_NAME("00100010", "PatientName", "PN", Level.STUDY, DicomInstance::patientName),
  PATIENT_ID("00100020", "PatientID", "LO", Level.STUDY, DicomInstance::patientId),
  PATIENT_BIRTH_DATE("00100030", "PatientBirthDate", "DA", Level.STUDY, DicomInstance::patientBirthDate),
  PATIENT_SEX("00100040", "PatientSex", "CS", Level.STUDY, DicomInstance::patientSex),
  STUDY_UID("0020000D", "StudyInstanceUID", "UI", Level.STUDY, DicomInstance::studyInstanceUid),
  STUDY_ID("00200010", "StudyID", "SH", Level.STUDY, DicomInstance::studyId),
  SERIES_DATE("00080021", "SeriesDate", "DA", Level.SERIES, DicomInstance::seriesDate),
  MODALITY("00080060", "Modality", "CS", Level.SERIES, DicomInstance::modality),
  SERIES_DESCRIPTION("0008103E", "SeriesDescription", "LO", Level.SERIES, DicomInstance::seriesDescription),
  SERIES_UID("0020000E", "SeriesInstanceUID", "UI", Level.SERIES, DicomInstance::seriesInstanceUid),
  SERIES_NUMBER("00200011", "SeriesNumber", "IS", Level.SERIES, i -> number(i.seriesNumber())),
  SOP_CLASS_UID("00080016", "SOPClassUID", "UI", Level.INSTANCE, DicomInstance::sopClassUid),
  SOP_INSTANCE_UID("00080018", "SOPInstanceUID", "UI", Level.INSTANCE, DicomInstance::sopInstanceUid),
  INSTANCE_NUMBER("00200013", "InstanceNumber", "IS", Level.INSTANCE, i -> number(i.instanceNumber())),
  ROWS("00280010", "Rows", "US", Level.INSTANCE, i -> number(i.rows())),
  COLUMNS("00280011", "Columns", "US", Level.INSTANCE, i -> number(i.columns())),
  NUMBER_OF_FRAMES("00280008", "NumberOfFrames", "IS", Level.INSTANCE, i -> i.isImage() ? number(i.frames()) : ""),
  BITS_ALLOCATED("00280100", "BitsAllocated", "US", Level.INSTANCE, i -> number(i.bitsAllocated()));

  enum Level { STUDY, SERIES, INSTANCE }

  final String tag;
  final String keyword;
  final String vr;
  final Level level;
  final Function<DicomInstance, String> value;

  Attr(String tag, String keyword, String vr, Level level, Function<DicomInstance, String> value) {
    this.tag = tag;
    this.keyword = keyword;
    this.vr = vr;
    this.level = level;
    this.value = value;
  }

  /** A query key: a keyword (PatientName) or a tag (00100010). */
  static Optional<Attr> byKey(String key) {
    String upper = key.toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(a -> a.keyword.equals(key) || a.tag.equals(upper)).findFirst();
  }

  private static String number(int n) {
    return n == 0 ? "" : Integer.toString(n);
  }
}
