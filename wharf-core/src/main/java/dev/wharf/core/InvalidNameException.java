package dev.wharf.core;

/** A name or prefix was rejected before anything was derived from it or sent to a server. */
public final class InvalidNameException extends IllegalArgumentException {

  public InvalidNameException(String message) {
    super(message);
  }
}
