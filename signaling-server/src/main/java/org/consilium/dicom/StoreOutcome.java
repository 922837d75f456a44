package org.consilium.dicom;

/**
 * What the C-STORE response tells the sender about one object: a DIMSE status (PS3.4 B.2.3) and, for a
 * failure, an Error Comment (0000,0902) with the reason. Reasons never hold patient data: they name the attribute
 * that is wrong, not its value. The codes within C000-CFFF ("cannot understand") are ours and listed in
 * docs/imaging.md, so that hospital IT can tell from the modality's log why an object was not kept.
 */
public record StoreOutcome(int status, String comment) {

  static final int SUCCESS = 0x0000;
  /** Refused: out of resources. Ours could not store it (disk, database); sending it again may succeed. */
  static final int OUT_OF_RESOURCES = 0xA700;
  /** Not a DICOM object we can read, or its required UIDs are missing. */
  static final int UNREADABLE = 0xC000;
  /** Readable, but refused: it names no Consilium patient, or not the patient it is being attached to. */
  static final int NOT_THIS_PATIENT = 0xC001;
  /** Its SOP Instance UID is already stored with other bytes, or its study belongs to another patient. */
  static final int CONFLICT = 0xC002;

  /** Error Comment is LO in the default repertoire (a command set has no character set): 64 ASCII characters, no backslash. */
  private static final int COMMENT_LENGTH = 64;

  public StoreOutcome {
    comment = comment == null ? null : shorten(comment.replace('\\', '/').replaceAll("[^\\x20-\\x7E]", "?").strip());
  }

  public static StoreOutcome stored() {
    return new StoreOutcome(SUCCESS, null);
  }

  public static StoreOutcome unreadable(String reason) {
    return new StoreOutcome(UNREADABLE, reason);
  }

  public static StoreOutcome notThisPatient(String reason) {
    return new StoreOutcome(NOT_THIS_PATIENT, reason);
  }

  public static StoreOutcome conflict(String reason) {
    return new StoreOutcome(CONFLICT, reason);
  }

  public static StoreOutcome notStored(String reason) {
    return new StoreOutcome(OUT_OF_RESOURCES, reason);
  }

  public boolean succeeded() {
    return status == SUCCESS;
  }

  private static String shorten(String s) {
    return s.length() <= COMMENT_LENGTH ? s : s.substring(0, COMMENT_LENGTH - 3) + "...";
  }
}
