package org.consilium.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.network.AReleaseException;
import com.pixelmed.network.Association;
import com.pixelmed.network.AssociationFactory;
import com.pixelmed.network.CMoveRequestCommandMessage;
import com.pixelmed.network.CompositeResponseHandler;
import com.pixelmed.network.DicomNetworkException;
import com.pixelmed.network.PresentationContext;
import java.io.IOException;
import java.util.LinkedList;

/**
 * One study-root C-MOVE as SCU, on an association of its own. PixelMed's MoveSOPClassSCU releases the association
 * as soon as the final response's command arrives, before the data set a PACS may send with it (the Failed SOP
 * Instance UID List that dcmqrscp sends after a refusal), so it aborts and loses the status; this handler waits for
 * that data set.
 */
final class MoveRequest extends CompositeResponseHandler {

  private static final int PENDING = 0xFF00;
  private static final int PENDING_WITH_WARNING = 0xFF01;

  private boolean finalResponse;

  private MoveRequest() {
    allowData = true;
  }

  /** Returns the final C-MOVE status of moving {@code studyUid} from the PACS to {@code destinationAe}. */
  static int moveStudy(String host, int port, String calledAe, String callingAe, String studyUid, String destinationAe)
      throws DicomNetworkException, DicomException, IOException {
    String sopClass = SOPClass.StudyRootQueryRetrieveInformationModelMove;
    LinkedList<String> syntaxes = new LinkedList<>();
    syntaxes.add(TransferSyntax.ExplicitVRLittleEndian);
    syntaxes.add(TransferSyntax.ImplicitVRLittleEndian);
    LinkedList<PresentationContext> contexts = new LinkedList<>();
    contexts.add(new PresentationContext((byte) 1, sopClass, syntaxes));
    Association association = AssociationFactory.createNewAssociation(host, port, calledAe, callingAe, contexts, null, false);
    try {
      byte contextId = association.getSuitablePresentationContextID(sopClass);
      AttributeList identifier = new AttributeList();
      DicomAttributes.put(identifier, TagFromName.QueryRetrieveLevel, "STUDY");
      DicomAttributes.put(identifier, TagFromName.StudyInstanceUID, studyUid);
      MoveRequest handler = new MoveRequest();
      association.setReceivedDataHandler(handler);
      association.send(contextId, new CMoveRequestCommandMessage(sopClass, destinationAe).getBytes(),
          DicomAttributes.encode(identifier, association.getTransferSyntaxForPresentationContextID(contextId)));
      try {
        association.waitForPDataPDUsUntilHandlerReportsDone();
      } catch (AReleaseException e) {
        throw new DicomNetworkException("the PACS released the association before its final C-MOVE response");
      }
      association.release();
      return handler.getStatus();
    } catch (DicomNetworkException | DicomException | IOException | RuntimeException e) {
      abortQuietly(association, e);
      throw e;
    }
  }

  private static void abortQuietly(Association association, Exception cause) {
    try {
      association.abort();
    } catch (DicomNetworkException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  protected void evaluateStatusAndSetSuccess(AttributeList command) {
    status = Attribute.getSingleIntegerValueOrDefault(command, TagFromName.Status, 0xFFFF);
    success = status == 0x0000;
    finalResponse = status != PENDING && status != PENDING_WITH_WARNING;
    if (finalResponse && !DicomAttributes.dataSetFollows(command)) setDone(true);
  }

  @Override
  protected void makeUseOfDataSet(AttributeList data) {
    if (finalResponse) setDone(true);
  }
}
