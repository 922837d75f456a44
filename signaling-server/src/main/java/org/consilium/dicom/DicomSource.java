package org.consilium.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodedSequenceItem;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SequenceItem;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** What derived objects (SR, SEG) take from their source image, and how they are finished and written. */
final class DicomSource {

  /** Patient and General Study modules: copied so the derived object lands in the source's study, for its patient. */
  private static final AttributeTag[] PATIENT_AND_STUDY = {TagFromName.PatientName, TagFromName.PatientID, TagFromName.PatientBirthDate,
      TagFromName.PatientSex, TagFromName.OtherPatientIDsSequence, TagFromName.IssuerOfPatientID, TagFromName.StudyInstanceUID,
      TagFromName.StudyDate, TagFromName.StudyTime, TagFromName.ReferringPhysicianName, TagFromName.StudyID,
      TagFromName.AccessionNumber, TagFromName.StudyDescription};

  final AttributeList list;
  final String sopClassUid;
  final String sopInstanceUid;
  final String seriesUid;
  final String studyUid;
  final int rows;
  final int columns;
  final int frames;

  private DicomSource(AttributeList list) throws DicomRejected {
    this.list = list;
    DicomInstance i = DicomReader.describe(list);
    this.sopClassUid = i.sopClassUid();
    this.sopInstanceUid = i.sopInstanceUid();
    this.seriesUid = i.seriesInstanceUid();
    this.studyUid = i.studyInstanceUid();
    this.rows = i.rows();
    this.columns = i.columns();
    this.frames = Math.max(1, i.frames());
  }

  static DicomSource read(byte[] part10) throws DicomRejected {
    try {
      return new DicomSource(DicomReader.parse(new ByteArrayInputStream(part10), false));
    } catch (IOException e) {
      throw new DicomRejected("the source image could not be read: " + DicomReader.safeMessage(e));
    }
  }

  /** A new object's list: the source's patient and study, our character set, class and a new instance UID. */
  AttributeList derived(String sopClass, DerivedUids uids) throws DicomException {
    AttributeList out = new AttributeList();
    DicomAttributes.put(out, TagFromName.SpecificCharacterSet, "ISO_IR 192");
    for (AttributeTag t : PATIENT_AND_STUDY) {
      Attribute a = list.get(t);
      if (a != null) out.put(a);
    }
    for (AttributeTag t : new AttributeTag[] {TagFromName.PatientName, TagFromName.PatientID, TagFromName.PatientBirthDate,
        TagFromName.PatientSex, TagFromName.StudyDate, TagFromName.StudyTime, TagFromName.ReferringPhysicianName, TagFromName.StudyID,
        TagFromName.AccessionNumber}) {
      if (out.get(t) == null) DicomAttributes.put(out, t);
    }
    String now = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd"));
    String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("HHmmss"));
    DicomAttributes.put(out, TagFromName.SOPClassUID, sopClass);
    DicomAttributes.put(out, TagFromName.SOPInstanceUID, uids.instanceUid());
    DicomAttributes.put(out, TagFromName.SeriesInstanceUID, uids.seriesUid());
    DicomAttributes.put(out, TagFromName.ContentDate, now);
    DicomAttributes.put(out, TagFromName.ContentTime, time);
    DicomAttributes.put(out, TagFromName.SeriesDate, now);
    DicomAttributes.put(out, TagFromName.SeriesTime, time);
    DicomAttributes.put(out, TagFromName.Manufacturer, "Consilium");
    DicomAttributes.put(out, TagFromName.InstitutionName, DicomReader.text(list, TagFromName.InstitutionName));
    return out;
  }

  /** A one-item sequence naming this image (class and instance), optionally a frame of it. */
  SequenceAttribute reference(AttributeTag sequence, boolean withFrame, int frame) throws DicomException {
    AttributeList item = new AttributeList();
    DicomAttributes.put(item, TagFromName.ReferencedSOPClassUID, sopClassUid);
    DicomAttributes.put(item, TagFromName.ReferencedSOPInstanceUID, sopInstanceUid);
    if (withFrame && frames > 1) DicomAttributes.put(item, TagFromName.ReferencedFrameNumber, Integer.toString(frame));
    return items(sequence, item);
  }

  /**
   * This image as a series-level reference (a ReferencedSeriesSequence, for the Common Instance Reference module),
   * or inside a study-level {@code studySequence} (the SR's evidence). {@code instances} names the innermost list.
   */
  SequenceAttribute hierarchy(AttributeTag studySequence, AttributeTag instances) throws DicomException {
    AttributeList series = new AttributeList();
    DicomAttributes.put(series, TagFromName.SeriesInstanceUID, seriesUid);
    series.put(reference(instances, false, 0));
    SequenceAttribute seriesSeq = items(TagFromName.ReferencedSeriesSequence, series);
    if (studySequence == null) return seriesSeq;
    AttributeList study = new AttributeList();
    DicomAttributes.put(study, TagFromName.StudyInstanceUID, studyUid);
    study.put(seriesSeq);
    return items(studySequence, study);
  }

  static SequenceAttribute code(AttributeTag tag, String value, String scheme, String meaning) throws DicomException {
    SequenceAttribute s = new SequenceAttribute(tag);
    s.addItem(new CodedSequenceItem(value, scheme, meaning).getAttributeList());
    return s;
  }

  static SequenceAttribute items(AttributeTag tag, AttributeList... lists) {
    SequenceAttribute s = new SequenceAttribute(tag);
    for (AttributeList l : lists) s.addItem(new SequenceItem(l));
    return s;
  }

  static byte[] part10(AttributeList list) throws DicomException, IOException {
    FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "CONSILIUM");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    list.write(out, TransferSyntax.ExplicitVRLittleEndian, true, true);
    return out.toByteArray();
  }
}
