package org.consilium.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.network.DicomNetworkException;
import com.pixelmed.network.IdentifierHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Consilium as a query/retrieve SCU of the hospital PACS: C-FIND a patient's studies (study root), then
 * C-MOVE each to our own listener's AE title. Blocking; one association per call.
 */
public final class PacsClient {

  /** A study the PACS holds for the patient. */
  public record RemoteStudy(String studyUid, String studyDate, String studyDescription, String modalities, int instances) {
  }

  private final String host;
  private final int port;
  private final String calledAe;
  private final String callingAe;

  public PacsClient(String host, int port, String calledAe, String callingAe) {
    this.host = host;
    this.port = port;
    this.calledAe = calledAe;
    this.callingAe = callingAe;
  }

  /** The studies whose Patient ID is {@code patientId} (exact match). */
  public List<RemoteStudy> findStudies(String patientId) throws IOException {
    List<RemoteStudy> out = new ArrayList<>();
    try {
      AttributeList query = new AttributeList();
      DicomAttributes.put(query, TagFromName.QueryRetrieveLevel, "STUDY");
      DicomAttributes.put(query, TagFromName.PatientID, patientId);
      for (AttributeTag t : new AttributeTag[] {TagFromName.StudyInstanceUID, TagFromName.StudyDate, TagFromName.StudyDescription,
          TagFromName.ModalitiesInStudy, TagFromName.NumberOfStudyRelatedInstances}) {
        DicomAttributes.put(query, t);
      }
      new com.pixelmed.network.FindSOPClassSCU(host, port, calledAe, callingAe, SOPClass.StudyRootQueryRetrieveInformationModelFind,
          query, new IdentifierHandler() {
            @Override
            public void doSomethingWithIdentifier(AttributeList id) {
              String uid = DicomReader.text(id, TagFromName.StudyInstanceUID);
              if (uid.isEmpty()) return;
              out.add(new RemoteStudy(uid, DicomReader.text(id, TagFromName.StudyDate), DicomReader.text(id, TagFromName.StudyDescription),
                  Attribute.getDelimitedStringValuesOrEmptyString(id, TagFromName.ModalitiesInStudy),
                  DicomReader.number(id, TagFromName.NumberOfStudyRelatedInstances)));
            }
          });
    } catch (DicomException | DicomNetworkException e) {
      throw new IOException("C-FIND to " + calledAe + " failed: " + DicomReader.safeMessage(e), e);
    }
    return out;
  }

  /**
   * Sends one Part 10 file to the PACS (C-STORE on an association of its own, so objects of different transfer
   * syntaxes never share one); throws when the association or the store fails.
   */
  public void store(java.nio.file.Path file, String sopClassUid, String sopInstanceUid) throws IOException {
    try {
      com.pixelmed.network.StorageSOPClassSCU scu = new com.pixelmed.network.StorageSOPClassSCU(host, port, calledAe, callingAe,
          file.toString(), sopClassUid, sopInstanceUid, 0);
      if (scu.encounteredTrappedExceptions()) throw new IOException("C-STORE to " + calledAe + " failed");
    } catch (DicomException | DicomNetworkException e) {
      throw new IOException("C-STORE to " + calledAe + " failed: " + DicomReader.safeMessage(e), e);
    }
  }

  /**
   * Asks the PACS to send the study to {@code destinationAe}; returns the C-MOVE status (0 = success, B000 = some
   * objects failed, Axxx/Cxxx = failed, as when our listener refused every object). Throws only when the PACS
   * could not be asked (network, association).
   */
  public int moveStudy(String studyUid, String destinationAe) throws IOException {
    try {
      return MoveRequest.moveStudy(host, port, calledAe, callingAe, studyUid, destinationAe);
    } catch (DicomException | DicomNetworkException e) {
      throw new IOException("C-MOVE from " + calledAe + " failed: " + DicomReader.safeMessage(e), e);
    }
  }
}
