package org.consilium.dicom;

/** A display window in modality units (Hounsfield for CT): centre and width, as DICOM's (0028,1050/1051). */
public record Window(double center, double width) {

  public Window {
    if (!(width >= 1) || Double.isNaN(center) || Double.isInfinite(center)) {
      throw new IllegalArgumentException("a window needs a finite centre and a width of at least 1");
    }
  }

  /** The linear VOI function of PS3.3 C.11.2.1.2, to 0..255. */
  int toByte(double value) {
    double low = center - 0.5 - (width - 1) / 2;
    double high = center - 0.5 + (width - 1) / 2;
    if (value <= low) return 0;
    if (value > high) return 255;
    return (int) Math.round(((value - (center - 0.5)) / (width - 1) + 0.5) * 255);
  }
}
