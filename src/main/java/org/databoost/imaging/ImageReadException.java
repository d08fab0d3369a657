package org.databoost.imaging;

/** A file could not be read as an image; the message is the reason in a user's words. */
public final class ImageReadException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the file was refused, so callers can group and count the failures. */
  public enum Reason {
    EMPTY,
    NOT_AN_IMAGE,
    TRUNCATED,
    CORRUPT,
    TOO_LARGE,
    UNREADABLE
  }

  private final Reason reason;

  public ImageReadException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public ImageReadException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
