package dev.wharf.login;

import java.net.URI;

/**
 * The parts of an issuer's OIDC discovery document sign-in needs. Optional endpoints are null
 * when the issuer does not offer them.
 */
public record ProviderMetadata(
    String issuer,
    URI authorizationEndpoint,
    URI tokenEndpoint,
    URI jwksUri,
    URI deviceAuthorizationEndpoint,
    URI revocationEndpoint,
    URI endSessionEndpoint) {}
