package org.consilium.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomOutputStream;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UnsignedLongAttribute;
import com.pixelmed.network.Association;
import com.pixelmed.network.CEchoRequestCommandMessage;
import com.pixelmed.network.CEchoResponseCommandMessage;
import com.pixelmed.network.CStoreRequestCommandMessage;
import com.pixelmed.network.CStoreResponseCommandMessage;
import com.pixelmed.network.CompositeResponseHandler;
import com.pixelmed.network.DicomNetworkException;
import com.pixelmed.network.PDataPDU;
import com.pixelmed.network.PresentationDataValue;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One request message on a listener's association: a C-ECHO, or a C-STORE whose data set is streamed into a
 * Part 10 file in {@code incoming} as it arrives. Unlike PixelMed's StorageSOPClassSCP, it answers only after
 * Consilium has decided about the object, so the status says whether it was kept.
 *
 * <p>It extends CompositeResponseHandler only because that is PixelMed's one public ReceivedDataHandler (the base
 * class's constructors are package-private); the response-handling part of it is not used.
 */
final class StoreRequest extends CompositeResponseHandler {

  private static final int C_STORE_RQ = 0x0001;
  private static final int C_ECHO_RQ = 0x0030;
  /** (0000,0000): PixelMed's dictionary has no name for it. */
  private static final AttributeTag COMMAND_GROUP_LENGTH = new AttributeTag(0x0000, 0x0000);

  private final Path incoming;
  private final ByteArrayOutputStream commandBytes = new ByteArrayOutputStream();
  private byte presentationContextId;
  private CEchoRequestCommandMessage echo;
  private CStoreRequestCommandMessage store;
  private Path file;
  private OutputStream data;
  /** Set when the object could not be written (disk full): the rest of it is read and dropped. */
  private IOException writeFailure;

  StoreRequest(Path incoming) {
    this.incoming = incoming;
  }

  @Override
  public void sendPDataIndication(PDataPDU pdu, Association association) throws DicomNetworkException, DicomException, IOException {
    for (Object o : pdu.getPDVList()) {
      PresentationDataValue pdv = (PresentationDataValue) o;
      presentationContextId = pdv.getPresentationContextID();
      if (pdv.isCommand()) {
        commandBytes.write(pdv.getValue());
        if (pdv.isLastFragment()) commandReceived(association);
      } else {
        if (store == null) throw new DicomNetworkException("a data set arrived without a C-STORE request");
        dataReceived(pdv.getValue(), pdv.isLastFragment());
      }
    }
  }

  private void commandReceived(Association association) throws DicomNetworkException, DicomException, IOException {
    AttributeList command = getAttributeListFromCommandOrData(commandBytes.toByteArray(), TransferSyntax.ImplicitVRLittleEndian);
    int field = Attribute.getSingleIntegerValueOrDefault(command, TagFromName.CommandField, 0);
    boolean hasDataSet = DicomAttributes.dataSetFollows(command);
    if (field == C_ECHO_RQ) {
      echo = new CEchoRequestCommandMessage(command);
      setDone(true);
    } else if (field == C_STORE_RQ && hasDataSet) {
      store = new CStoreRequestCommandMessage(command);
      openFile(association.getTransferSyntaxForPresentationContextID(presentationContextId), association.getCallingAETitle());
    } else {
      throw new DicomNetworkException("command 0x" + Integer.toHexString(field) + " is not offered by this listener");
    }
  }

  private void openFile(String transferSyntax, String callingAe) throws DicomException {
    try {
      file = Files.createTempFile(incoming, "c-store-", ".dcm");
      data = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
      // The data set arrives already encoded in the negotiated transfer syntax: a meta header makes it a Part 10 file.
      FileMetaInformation meta = new FileMetaInformation(store.getAffectedSOPClassUID(), store.getAffectedSOPInstanceUID(),
          transferSyntax, callingAe);
      DicomOutputStream header = new DicomOutputStream(data, TransferSyntax.ExplicitVRLittleEndian, null);
      meta.getAttributeList().write(header);
      header.flush();
    } catch (IOException e) {
      writeFailed(e);
    }
  }

  private void dataReceived(byte[] bytes, boolean last) {
    if (writeFailure == null) {
      try {
        data.write(bytes);
        if (last) {
          data.close();
          data = null;
        }
      } catch (IOException e) {
        writeFailed(e);
      }
    }
    if (last) setDone(true);
  }

  private void writeFailed(IOException e) {
    writeFailure = e;
    discard();
  }

  boolean isEcho() {
    return echo != null;
  }

  byte presentationContextId() {
    return presentationContextId;
  }

  /** The received Part 10 file, or null when it could not be written. */
  Path file() {
    return writeFailure == null ? file : null;
  }

  IOException writeFailure() {
    return writeFailure;
  }

  /** Removes what was written of the object, if anything is left. */
  void discard() {
    try {
      if (data != null) data.close();
    } catch (IOException ignored) {
      // the file is deleted next
    }
    data = null;
    try {
      if (file != null) Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // swept with the incoming folder on the next start
    }
  }

  byte[] echoResponse() throws DicomException, IOException {
    return new CEchoResponseCommandMessage(echo.getAffectedSOPClassUID(), echo.getMessageID(), StoreOutcome.SUCCESS).getBytes();
  }

  byte[] storeResponse(StoreOutcome outcome) throws DicomException, IOException, DicomNetworkException {
    byte[] plain = new CStoreResponseCommandMessage(store.getAffectedSOPClassUID(), store.getAffectedSOPInstanceUID(),
        store.getMessageID(), outcome.status()).getBytes();
    return outcome.comment() == null ? plain : withErrorComment(plain, outcome.comment());
  }

  /** PixelMed's response messages have no Error Comment; it is added and the command group length recomputed. */
  private static byte[] withErrorComment(byte[] response, String comment) throws DicomException, IOException, DicomNetworkException {
    AttributeList list = getAttributeListFromCommandOrData(response, TransferSyntax.ImplicitVRLittleEndian);
    list.remove(COMMAND_GROUP_LENGTH);
    Attribute errorComment = new LongStringAttribute(TagFromName.ErrorComment);
    errorComment.addValue(comment);
    list.put(errorComment);
    byte[] elements = DicomAttributes.encode(list, TransferSyntax.ImplicitVRLittleEndian);
    AttributeList lengthOnly = new AttributeList();
    Attribute length = new UnsignedLongAttribute(COMMAND_GROUP_LENGTH);
    length.addValue(elements.length);
    lengthOnly.put(length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(DicomAttributes.encode(lengthOnly, TransferSyntax.ImplicitVRLittleEndian));
    out.write(elements);
    return out.toByteArray();
  }

  @Override
  protected void evaluateStatusAndSetSuccess(AttributeList list) {
    throw new UnsupportedOperationException("a request handler receives no responses");
  }
}
