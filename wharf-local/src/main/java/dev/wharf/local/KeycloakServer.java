package dev.wharf.local;

final class KeycloakServer {
  private KeycloakServer() {}

  static RunningServer start(ServiceContext ctx) {
    throw new LocalRuntimeException("Keycloak is not available yet");
  }
}
