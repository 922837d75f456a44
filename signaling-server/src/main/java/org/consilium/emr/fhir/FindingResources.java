package org.consilium.emr.fhir;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.consilium.findings.LesionAnalysis;
import org.consilium.imaging.StoredInstance;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.Media;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * Imaging and findings: the indexed DICOM studies as ImagingStudy; each reviewed-and-kept lesion flag as an
 * Observation (label, size, Paris class, the region on the frame) derived from the analysed frame (Media), and,
 * the flag being the model's, the Device with the model id and version.
 */
final class FindingResources {

  static final String FINDING_CATEGORY = "imaging";

  private FindingResources() {
  }

  /** Stable ImagingStudy id: the patient id (so a read finds the patient) and a hash of the Study Instance UID. */
  static String studyId(String patientId, String studyUid) {
    return patientId + "-" + sha256(studyUid).substring(0, 16);
  }

  static String deviceId(String modelId, String modelVersion) {
    return "model-" + sha256(modelId + "\n" + modelVersion).substring(0, 24);
  }

  static String observationId(String analysisId, int flagIndex) {
    return analysisId + "-" + flagIndex;
  }

  static void addStudies(String patientId, List<StoredInstance> instances, List<Indexed> out) {
    Map<String, List<StoredInstance>> byStudy = new LinkedHashMap<>();
    instances.forEach(i -> byStudy.computeIfAbsent(i.dicom().studyInstanceUid(), k -> new ArrayList<>()).add(i));
    byStudy.forEach((uid, list) -> {
      ImagingStudy s = new ImagingStudy();
      s.setId(studyId(patientId, uid));
      s.addIdentifier(new Identifier().setSystem(Systems.DICOM_UID).setValue("urn:oid:" + uid));
      s.setStatus(ImagingStudy.ImagingStudyStatus.AVAILABLE);
      s.setSubject(Systems.patient(patientId));
      StoredInstance first = list.get(0);
      s.setStarted(first.dicom().studyDate() == null ? Systems.date(first.storedAt()) : dicomDate(first));
      if (first.dicom().studyDescription() != null) s.setDescription(first.dicom().studyDescription());
      Map<String, List<StoredInstance>> bySeries = new LinkedHashMap<>();
      list.forEach(i -> bySeries.computeIfAbsent(i.dicom().seriesInstanceUid(), k -> new ArrayList<>()).add(i));
      bySeries.forEach((seriesUid, items) -> {
        ImagingStudy.ImagingStudySeriesComponent series = s.addSeries().setUid(seriesUid)
            .setModality(new Coding("http://dicom.nema.org/resources/ontology/DCM", items.get(0).dicom().modality(), null))
            .setNumberOfInstances(items.size());
        if (items.get(0).dicom().seriesNumber() > 0) series.setNumber(items.get(0).dicom().seriesNumber());
        if (items.get(0).dicom().seriesDescription() != null) series.setDescription(items.get(0).dicom().seriesDescription());
        for (StoredInstance i : items) {
          ImagingStudy.ImagingStudySeriesInstanceComponent inst = series.addInstance().setUid(i.dicom().sopInstanceUid())
              .setSopClass(new Coding("urn:ietf:rfc:3986", "urn:oid:" + i.dicom().sopClassUid(), null));
          if (i.dicom().instanceNumber() > 0) inst.setNumber(i.dicom().instanceNumber());
        }
      });
      s.setNumberOfSeries(bySeries.size());
      s.setNumberOfInstances(list.size());
      out.add(new Indexed(s, patientId, s.getStarted().toInstant(), s.getStatus().toCode(), List.of()));
    });
  }

  /** The analysed frame (Media), and for every accepted or edited flag an Observation; the model as Device. */
  static void addFindings(LesionAnalysis a, List<Indexed> out) {
    String deviceRef = "Device/" + deviceId(a.modelId(), a.modelVersion());
    List<Observation> kept = new ArrayList<>();
    for (int i = 0; i < a.flags().size(); i++) {
      LesionAnalysis.Flag f = a.flags().get(i);
      if (f.status() == LesionAnalysis.Status.ACCEPTED || f.status() == LesionAnalysis.Status.EDITED) {
        kept.add(observation(a, i, f, deviceRef));
      }
    }
    Media m = media(a, deviceRef);
    out.add(new Indexed(m, a.patientId(), a.createdAt(), m.getStatus().toCode(), List.of()));
    kept.forEach(o -> out.add(new Indexed(o, a.patientId(), ((DateTimeType) o.getEffective()).getValue().toInstant(),
        o.getStatus().toCode(), List.of(FINDING_CATEGORY))));
  }

  static Device device(String modelId, String modelVersion) {
    Device d = new Device();
    d.setId(deviceId(modelId, modelVersion));
    d.addIdentifier(new Identifier().setSystem(Systems.MODEL).setValue(modelId + " " + modelVersion));
    d.setStatus(Device.FHIRDeviceStatus.ACTIVE);
    d.setManufacturer("Consilium");
    d.addDeviceName().setName(modelId).setType(Device.DeviceNameType.MODELNAME);
    d.setType(new CodeableConcept().setText("AI lesion detection software (phần mềm AI phát hiện tổn thương)"));
    d.addVersion().setValue(modelVersion);
    return d;
  }

  private static Media media(LesionAnalysis a, String deviceRef) {
    LesionAnalysis.FrameReference in = a.input();
    Media m = new Media();
    m.setId(a.id());
    m.addIdentifier(new Identifier().setSystem(Systems.LESION_ANALYSIS).setValue(a.id()));
    m.setStatus(Media.MediaStatus.COMPLETED);
    m.setType(new CodeableConcept().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/media-type", "image", "Image")));
    m.setModality(new CodeableConcept().setText("Endoscopy frame (" + in.source() + ")"));
    m.setSubject(Systems.patient(a.patientId()));
    m.setCreated(new DateTimeType(Systems.date(a.createdAt())));
    m.setDevice(new Reference(deviceRef));
    m.setWidth(in.width());
    m.setHeight(in.height());
    m.setContent(new Attachment().setContentType(in.contentType()).setSize((int) Math.min(Integer.MAX_VALUE, in.bytes()))
        .setTitle("sha256:" + in.sha256()).setCreation(Systems.date(a.createdAt())));
    return m;
  }

  private static Observation observation(LesionAnalysis a, int index, LesionAnalysis.Flag f, String deviceRef) {
    LesionAnalysis.Review last = f.reviews().get(f.reviews().size() - 1);
    Observation o = new Observation();
    o.setId(observationId(a.id(), index));
    o.addIdentifier(new Identifier().setSystem(Systems.LESION_FLAG).setValue(f.id()));
    o.setStatus(f.status() == LesionAnalysis.Status.EDITED ? Observation.ObservationStatus.AMENDED : Observation.ObservationStatus.FINAL);
    o.addCategory(new CodeableConcept().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/observation-category",
        FINDING_CATEGORY, "Imaging")));
    o.setCode(new CodeableConcept().setText(last.label() == null ? "Tổn thương nghi ngờ (suspected lesion)" : last.label()));
    o.setSubject(Systems.patient(a.patientId()));
    o.setEffective(new DateTimeType(Systems.date(last.at())));
    o.addPerformer(Systems.practitioner(last.byUserId(), null));
    o.setDevice(new Reference(deviceRef));
    o.addDerivedFrom(new Reference("Media/" + a.id()));
    if (last.sizeMm() != null) {
      o.setValue(new Quantity().setValue(last.sizeMm()).setUnit("mm").setSystem("http://unitsofmeasure.org").setCode("mm"));
    } else {
      o.setValue(new StringType("kích thước chưa đo (size not measured)"));
    }
    if (last.parisClass() != null) {
      o.addComponent().setCode(part("morphology", "Paris classification")).setValue(new CodeableConcept().setText(last.parisClass()));
    }
    LesionAnalysis.Box box = last.box() != null ? last.box() : f.box();
    o.addComponent().setCode(part("region", "Region on the frame, pixels x,y,width,height"))
        .setValue(new StringType(box.x() + "," + box.y() + "," + box.width() + "," + box.height()));
    o.addComponent().setCode(part("model-score", "Model score")).setValue(new Quantity().setValue(f.score()).setUnit("1")
        .setSystem("http://unitsofmeasure.org").setCode("1"));
    return o;
  }

  private static CodeableConcept part(String code, String display) {
    return new CodeableConcept().addCoding(new Coding(Systems.FINDING_PART, code, display)).setText(display);
  }

  private static java.util.Date dicomDate(StoredInstance i) {
    String d = i.dicom().studyDate();
    try {
      return java.util.Date.from(java.time.LocalDate.parse(d, java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
          .atStartOfDay(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toInstant());
    } catch (RuntimeException e) {
      return Systems.date(i.storedAt());
    }
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
