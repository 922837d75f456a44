package org.consilium.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.util.BitSet;

/**
 * Accepted findings as a binary DICOM Segmentation: one segment and one frame per finding, at the source image's
 * size, each frame derived from the source image (and frame), segments coded as morphologically abnormal
 * structure / lesion (or polyp), with the algorithm type and, for AI findings, the model's name and version. A
 * finding without a mask is filled from its polygon or box. Blocking.
 */
public final class FindingsSegmentation {

  /** (0062,0009) Segment Algorithm Name, which PixelMed's dictionary lacks. */
  private static final AttributeTag SEGMENT_ALGORITHM_NAME = new AttributeTag(0x0062, 0x0009);

  private FindingsSegmentation() {
  }

  public static byte[] write(FindingsDocument doc, DerivedUids uids) throws DicomRejected {
    DicomSource source = DicomSource.read(doc.source());
    if (source.rows == 0 || source.columns == 0) throw new DicomRejected("the source is not an image");
    try {
      AttributeList list = source.derived(SOPClass.SegmentationStorage, uids);
      int frames = doc.findings().size();
      DicomAttributes.put(list, TagFromName.Modality, "SEG");
      DicomAttributes.put(list, TagFromName.SeriesNumber, Integer.toString(doc.seriesNumber()));
      DicomAttributes.put(list, TagFromName.SeriesDescription, "Vùng tổn thương (Segmentation)");
      DicomAttributes.put(list, TagFromName.InstanceNumber, Integer.toString(doc.instanceNumber()));
      DicomAttributes.put(list, TagFromName.ManufacturerModelName, "Consilium");
      DicomAttributes.put(list, TagFromName.DeviceSerialNumber, "1");
      DicomAttributes.put(list, TagFromName.SoftwareVersions, doc.device() == null ? "Consilium" : doc.device().modelVersion());
      DicomAttributes.put(list, TagFromName.ImageType, "DERIVED", "PRIMARY");
      DicomAttributes.put(list, TagFromName.PatientOrientation);
      DicomAttributes.put(list, TagFromName.ContentLabel, "LESIONS");
      DicomAttributes.put(list, TagFromName.ContentDescription, "Tổn thương đã được bác sĩ chấp nhận");
      DicomAttributes.put(list, TagFromName.ContentCreatorName, doc.reviewer().name());
      DicomAttributes.put(list, TagFromName.SegmentationType, "BINARY");
      DicomAttributes.put(list, TagFromName.LossyImageCompression, "00");
      DicomAttributes.put(list, TagFromName.BurnedInAnnotation, "NO");
      DicomAttributes.put(list, TagFromName.SamplesPerPixel, "1");
      DicomAttributes.put(list, TagFromName.PhotometricInterpretation, "MONOCHROME2");
      DicomAttributes.put(list, TagFromName.PixelRepresentation, "0");
      DicomAttributes.put(list, TagFromName.BitsAllocated, "1");
      DicomAttributes.put(list, TagFromName.BitsStored, "1");
      DicomAttributes.put(list, TagFromName.HighBit, "0");
      DicomAttributes.put(list, TagFromName.Rows, Integer.toString(source.rows));
      DicomAttributes.put(list, TagFromName.Columns, Integer.toString(source.columns));
      DicomAttributes.put(list, TagFromName.NumberOfFrames, Integer.toString(frames));
      list.put(source.hierarchy(null, TagFromName.ReferencedInstanceSequence));
      segments(list, doc);
      dimensions(list);
      functionalGroups(list, source, doc);
      pixels(list, source, doc);
      return DicomSource.part10(list);
    } catch (DicomException | IOException e) {
      throw new DicomRejected("the segmentation could not be written: " + DicomReader.safeMessage(e));
    }
  }

  private static void segments(AttributeList list, FindingsDocument doc) throws DicomException {
    SequenceAttribute segments = new SequenceAttribute(TagFromName.SegmentSequence);
    int n = 0;
    for (FindingsDocument.Finding finding : doc.findings()) {
      AttributeList s = new AttributeList();
      DicomAttributes.put(s, TagFromName.SegmentNumber, Integer.toString(++n));
      DicomAttributes.put(s, TagFromName.SegmentLabel, finding.label() == null || finding.label().isBlank() ? "Tổn thương " + n : finding.label());
      DicomAttributes.put(s, TagFromName.TrackingUID, finding.trackingUid());
      DicomAttributes.put(s, TagFromName.TrackingID, "Tổn thương " + n);
      DicomAttributes.put(s, TagFromName.SegmentAlgorithmType, finding.origin().name());
      if (finding.origin() != FindingsDocument.Origin.MANUAL && doc.device() != null) {
        com.pixelmed.dicom.LongStringAttribute name = new com.pixelmed.dicom.LongStringAttribute(SEGMENT_ALGORITHM_NAME);
        name.addValue(doc.device().modelId() + " " + doc.device().modelVersion());
        s.put(name);
      }
      s.put(DicomSource.code(TagFromName.SegmentedPropertyCategoryCodeSequence, "49755003", "SCT", "Morphologically Altered Structure"));
      boolean polyp = finding.label() != null && finding.label().toLowerCase(java.util.Locale.ROOT).contains("polyp");
      s.put(DicomSource.code(TagFromName.SegmentedPropertyTypeCodeSequence, polyp ? "41329004" : "52988006", "SCT", polyp ? "Polyp" : "Lesion"));
      segments.addItem(s);
    }
    list.put(segments);
  }

  /** One dimension: the segment number of each frame. */
  private static void dimensions(AttributeList list) throws DicomException {
    String uid = DicomWriter.newUid();
    AttributeList organization = new AttributeList();
    DicomAttributes.put(organization, TagFromName.DimensionOrganizationUID, uid);
    list.put(DicomSource.items(TagFromName.DimensionOrganizationSequence, organization));
    AttributeList index = new AttributeList();
    DicomAttributes.put(index, TagFromName.DimensionOrganizationUID, uid);
    index.put(tagValue(TagFromName.DimensionIndexPointer, TagFromName.ReferencedSegmentNumber));
    index.put(tagValue(TagFromName.FunctionalGroupPointer, TagFromName.SegmentIdentificationSequence));
    DicomAttributes.put(index, TagFromName.DimensionDescriptionLabel, "Segment");
    list.put(DicomSource.items(TagFromName.DimensionIndexSequence, index));
  }

  private static com.pixelmed.dicom.AttributeTagAttribute tagValue(AttributeTag tag, AttributeTag value) throws DicomException {
    com.pixelmed.dicom.AttributeTagAttribute a = new com.pixelmed.dicom.AttributeTagAttribute(tag);
    a.addValue(value);
    return a;
  }

  private static void functionalGroups(AttributeList list, DicomSource source, FindingsDocument doc) throws DicomException {
    AttributeList sourceImage = new AttributeList();
    SequenceAttribute ref = source.reference(TagFromName.SourceImageSequence, true, doc.frame());
    AttributeList refItem = ((com.pixelmed.dicom.SequenceItem) ref.getItem(0)).getAttributeList();
    refItem.put(DicomSource.code(TagFromName.PurposeOfReferenceCodeSequence, "121322", "DCM", "Source image for image processing operation"));
    sourceImage.put(ref);
    sourceImage.put(DicomSource.code(TagFromName.DerivationCodeSequence, "113076", "DCM", "Segmentation"));
    AttributeList shared = new AttributeList();
    shared.put(DicomSource.items(TagFromName.DerivationImageSequence, sourceImage));
    list.put(DicomSource.items(TagFromName.SharedFunctionalGroupsSequence, shared));
    SequenceAttribute perFrame = new SequenceAttribute(TagFromName.PerFrameFunctionalGroupsSequence);
    for (int n = 1; n <= doc.findings().size(); n++) {
      AttributeList frame = new AttributeList();
      AttributeList content = new AttributeList();
      DicomAttributes.put(content, TagFromName.DimensionIndexValues, Integer.toString(n));
      frame.put(DicomSource.items(TagFromName.FrameContentSequence, content));
      AttributeList segment = new AttributeList();
      DicomAttributes.put(segment, TagFromName.ReferencedSegmentNumber, Integer.toString(n));
      frame.put(DicomSource.items(TagFromName.SegmentIdentificationSequence, segment));
      perFrame.addItem(frame);
    }
    list.put(perFrame);
  }

  /** Frames of one bit per pixel, packed back to back, least significant bit first (PS3.5 8.1.1), padded to even length. */
  private static void pixels(AttributeList list, DicomSource source, FindingsDocument doc) throws DicomException {
    int perFrame = source.rows * source.columns;
    long bits = (long) perFrame * doc.findings().size();
    byte[] packed = new byte[(int) (((bits + 7) / 8 + 1) / 2 * 2)];
    int frame = 0;
    for (FindingsDocument.Finding finding : doc.findings()) {
      BitSet mask = mask(finding, source.rows, source.columns);
      for (int i = mask.nextSetBit(0); i >= 0 && i < perFrame; i = mask.nextSetBit(i + 1)) {
        long bit = (long) frame * perFrame + i;
        packed[(int) (bit >> 3)] |= (byte) (1 << (bit & 7));
      }
      frame++;
    }
    OtherByteAttribute data = new OtherByteAttribute(TagFromName.PixelData);
    data.setValues(packed);
    list.put(data);
  }

  /** The finding's mask, or its polygon or box filled, clipped to the image. */
  static BitSet mask(FindingsDocument.Finding finding, int rows, int columns) {
    if (finding.mask() != null) return finding.mask();
    BitSet out = new BitSet(rows * columns);
    java.awt.Shape shape;
    if (finding.polygon() != null) {
      java.awt.geom.Path2D.Float path = new java.awt.geom.Path2D.Float();
      float[] p = finding.polygon();
      path.moveTo(p[0], p[1]);
      for (int i = 2; i + 1 < p.length; i += 2) path.lineTo(p[i], p[i + 1]);
      path.closePath();
      shape = path;
    } else {
      FindingsDocument.Box b = finding.box();
      shape = new java.awt.Rectangle(b.x(), b.y(), b.width(), b.height());
    }
    java.awt.Rectangle bounds = shape.getBounds().intersection(new java.awt.Rectangle(0, 0, columns, rows));
    for (int y = bounds.y; y < bounds.y + bounds.height; y++) {
      for (int x = bounds.x; x < bounds.x + bounds.width; x++) {
        if (shape.contains(x + 0.5, y + 0.5)) out.set(y * columns + x);
      }
    }
    return out;
  }
}
