package org.consilium.dicom;

import com.pixelmed.dicom.SOPClass;
import com.pixelmed.network.PresentationContext;
import com.pixelmed.network.PresentationContextSelectionPolicy;
import java.util.LinkedList;
import java.util.List;

/**
 * Which presentation contexts our C-STORE listener accepts: storage (and verification) SOP classes in any
 * transfer syntax PixelMed can read and decode, compressed ones included, each context on its own. PixelMed's
 * stock policies keep one context per SOP class and prefer uncompressed, which makes a sender that cannot
 * decompress (dcmtk's storescu with a JPEG file, many modalities) fail instead of sending what it has.
 */
final class StoreSyntaxPolicy implements PresentationContextSelectionPolicy {

  private static final byte ACCEPTED = 0;
  private static final byte ABSTRACT_SYNTAX_NOT_SUPPORTED = 3;
  private static final byte TRANSFER_SYNTAXES_NOT_SUPPORTED = 4;

  /** Uncompressed, deflated, JPEG baseline/extended 8-bit/lossless, RLE, JPEG 2000 (PixelMed + its image readers). */
  static final List<String> READABLE = List.of("1.2.840.10008.1.2.1", "1.2.840.10008.1.2", "1.2.840.10008.1.2.2",
      "1.2.840.10008.1.2.1.99", "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70",
      "1.2.840.10008.1.2.5", "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91");

  @Override
  public LinkedList applyPresentationContextSelectionPolicy(LinkedList presentationContexts, int associationNumber, int debugLevel) {
    return applyPresentationContextSelectionPolicy(presentationContexts, associationNumber);
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public LinkedList applyPresentationContextSelectionPolicy(LinkedList presentationContexts, int associationNumber) {
    for (Object o : presentationContexts) {
      PresentationContext pc = (PresentationContext) o;
      String abstractSyntax = pc.getAbstractSyntaxUID();
      if (!SOPClass.isStorage(abstractSyntax) && !SOPClass.isVerification(abstractSyntax)) {
        pc.setResultReason(ABSTRACT_SYNTAX_NOT_SUPPORTED);
        continue;
      }
      String chosen = ((List<String>) pc.getTransferSyntaxUIDs()).stream().filter(READABLE::contains).findFirst().orElse(null);
      pc.newTransferSyntaxUIDs();
      if (chosen == null) {
        pc.setResultReason(TRANSFER_SYNTAXES_NOT_SUPPORTED);
      } else {
        pc.addTransferSyntaxUID(chosen);
        pc.setResultReason(ACCEPTED);
      }
    }
    return presentationContexts;
  }
}
