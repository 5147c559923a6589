package dev.wharf.provisioning;

/**
 * A server refused or failed a provisioning call. The message names the server, the object and
 * the operation; it never contains a secret.
 */
public final class ProvisioningException extends RuntimeException {

  public ProvisioningException(String message) {
    super(message);
  }

  public ProvisioningException(String message, Throwable cause) {
    super(message, cause);
  }
}
