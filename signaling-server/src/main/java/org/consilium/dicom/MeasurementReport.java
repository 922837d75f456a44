package org.consilium.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.CodedSequenceItem;
import com.pixelmed.dicom.ContentItem;
import com.pixelmed.dicom.ContentItemFactory;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.StructuredReport;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.util.Locale;

/**
 * Accepted findings as a DICOM Comprehensive SR following TID 1500 (Measurement Report): language, observer context
 * (the reviewer, and the AI model as a device observer), procedure reported, the image library, and one TID 1410
 * planar ROI measurement group per finding (tracking identifier and UID, finding type, the region as a SCOORD on
 * the source image, diameter in mm, the Paris class). Blocking.
 */
public final class MeasurementReport {

  /** Our private coding scheme, for concepts DICOM and SNOMED have no code for (the Paris classification). */
  static final String SCHEME = "99CNS";

  private MeasurementReport() {
  }

  public static byte[] write(FindingsDocument doc, DerivedUids uids) throws DicomRejected {
    DicomSource source = DicomSource.read(doc.source());
    try {
      ContentItemFactory f = new ContentItemFactory();
      ContentItem root = f.makeContainerContentItem(null, null, code("126000", "DCM", "Imaging Measurement Report"), true, "DCMR", "1500");
      f.makeCodeContentItem(root, "HAS CONCEPT MOD", code("121049", "DCM", "Language of Content Item and Descendants"),
          code("vi", "RFC5646", "Vietnamese"));
      observers(f, root, doc);
      f.makeCodeContentItem(root, "HAS CONCEPT MOD", code("121058", "DCM", "Procedure reported"), code("423827005", "SCT", "Endoscopy"));
      ContentItem library = f.makeContainerContentItem(root, "CONTAINS", code("111028", "DCM", "Image Library"), true);
      ContentItem group = f.makeContainerContentItem(library, "CONTAINS", code("126200", "DCM", "Image Library Group"), true);
      image(f, group, "CONTAINS", source, doc.frame());
      ContentItem measurements = f.makeContainerContentItem(root, "CONTAINS", code("126010", "DCM", "Imaging Measurements"), true);
      int n = 0;
      for (FindingsDocument.Finding finding : doc.findings()) measurementGroup(f, measurements, source, doc.frame(), finding, ++n);

      AttributeList list = source.derived(SOPClass.ComprehensiveSRStorage, uids);
      list.putAll(new StructuredReport(root).getAttributeList());
      DicomAttributes.put(list, TagFromName.Modality, "SR");
      DicomAttributes.put(list, TagFromName.SeriesNumber, Integer.toString(doc.seriesNumber()));
      DicomAttributes.put(list, TagFromName.SeriesDescription, "Kết quả đo tổn thương (TID 1500)");
      DicomAttributes.put(list, TagFromName.InstanceNumber, Integer.toString(doc.instanceNumber()));
      list.put(DicomSource.items(TagFromName.ReferencedPerformedProcedureStepSequence));
      DicomAttributes.put(list, TagFromName.CompletionFlag, "COMPLETE");
      // Verification (a legal attestation) is the signed report's, not this measurement object's.
      DicomAttributes.put(list, TagFromName.VerificationFlag, "UNVERIFIED");
      list.put(DicomSource.items(TagFromName.PerformedProcedureCodeSequence));
      list.put(source.hierarchy(TagFromName.CurrentRequestedProcedureEvidenceSequence, TagFromName.ReferencedSOPSequence));
      AttributeList scheme = new AttributeList();
      DicomAttributes.put(scheme, TagFromName.CodingSchemeDesignator, SCHEME);
      DicomAttributes.put(scheme, TagFromName.CodingSchemeName, "Consilium clinical terms");
      DicomAttributes.put(scheme, TagFromName.CodingSchemeResponsibleOrganization, "Consilium");
      list.put(DicomSource.items(TagFromName.CodingSchemeIdentificationSequence, scheme));
      return DicomSource.part10(list);
    } catch (DicomException | IOException e) {
      throw new DicomRejected("the measurement report could not be written: " + DicomReader.safeMessage(e));
    }
  }

  /** TID 1002: the reviewer (TID 1003 person) and, for AI findings, the model (TID 1004 device). */
  private static void observers(ContentItemFactory f, ContentItem root, FindingsDocument doc) throws DicomException {
    f.makeCodeContentItem(root, "HAS OBS CONTEXT", code("121005", "DCM", "Observer Type"), code("121006", "DCM", "Person"));
    f.makePersonNameContentItem(root, "HAS OBS CONTEXT", code("121008", "DCM", "Person Observer Name"), doc.reviewer().name());
    FindingsDocument.Device d = doc.device();
    if (d == null) return;
    f.makeCodeContentItem(root, "HAS OBS CONTEXT", code("121005", "DCM", "Observer Type"), code("121007", "DCM", "Device"));
    f.makeUIDContentItem(root, "HAS OBS CONTEXT", code("121012", "DCM", "Device Observer UID"), d.uid());
    f.makeTextContentItem(root, "HAS OBS CONTEXT", code("121013", "DCM", "Device Observer Name"), d.modelId() + " " + d.modelVersion());
    f.makeTextContentItem(root, "HAS OBS CONTEXT", code("121014", "DCM", "Device Observer Manufacturer"), d.manufacturer());
    f.makeTextContentItem(root, "HAS OBS CONTEXT", code("121015", "DCM", "Device Observer Model Name"), d.modelId());
  }

  private static void measurementGroup(ContentItemFactory f, ContentItem parent, DicomSource source, int frame,
                                       FindingsDocument.Finding finding, int n) throws DicomException {
    ContentItem group = f.makeContainerContentItem(parent, "CONTAINS", code("125007", "DCM", "Measurement Group"), true, "DCMR", "1410");
    String label = finding.label() == null || finding.label().isBlank() ? "Tổn thương " + n : finding.label();
    f.makeTextContentItem(group, "HAS OBS CONTEXT", code("112039", "DCM", "Tracking Identifier"), label);
    f.makeUIDContentItem(group, "HAS OBS CONTEXT", code("112040", "DCM", "Tracking Unique Identifier"), finding.trackingUid());
    f.makeCodeContentItem(group, "CONTAINS", code("121071", "DCM", "Finding"), findingType(finding.label()));
    ContentItem region = f.makeSpatialCoordinatesContentItem(group, "CONTAINS", code("111030", "DCM", "Image Region"),
        "POLYLINE", outline(finding));
    image(f, region, "SELECTED FROM", source, frame);
    if (finding.sizeMm() != null) {
      f.makeNumericContentItem(group, "CONTAINS", code("81827009", "SCT", "Diameter"), String.format(Locale.ROOT, "%.1f", finding.sizeMm()),
          code("mm", "UCUM", "millimeter"));
    }
    if (finding.parisClass() != null && !finding.parisClass().isBlank()) {
      f.makeTextContentItem(group, "CONTAINS", code("PARIS", SCHEME, "Paris classification"), finding.parisClass());
    }
  }

  /** A polyp is coded as such; anything else as a lesion, the label staying in the tracking identifier. */
  private static CodedSequenceItem findingType(String label) throws DicomException {
    if (label != null && label.toLowerCase(Locale.ROOT).contains("polyp")) return code("41329004", "SCT", "Polyp");
    return code("52988006", "SCT", "Lesion");
  }

  /** The polygon or the box as a closed POLYLINE (first point repeated; SR has no POLYGON), in image pixel coordinates. */
  private static float[] outline(FindingsDocument.Finding finding) {
    float[] p = finding.polygon();
    if (p != null) {
      float[] closed = java.util.Arrays.copyOf(p, p.length + 2);
      closed[p.length] = p[0];
      closed[p.length + 1] = p[1];
      return closed;
    }
    FindingsDocument.Box b = finding.box();
    float x0 = b.x();
    float y0 = b.y();
    float x1 = b.x() + b.width();
    float y1 = b.y() + b.height();
    return new float[] {x0, y0, x1, y0, x1, y1, x0, y1, x0, y0};
  }

  private static void image(ContentItemFactory f, ContentItem parent, String relationship, DicomSource s, int frame) throws DicomException {
    f.makeImageContentItem(parent, relationship, null, s.sopClassUid, s.sopInstanceUid, s.frames > 1 ? frame : 0, 0, null, null, null, null);
  }

  static CodedSequenceItem code(String value, String scheme, String meaning) throws DicomException {
    return new CodedSequenceItem(value, scheme, meaning);
  }
}
