package dev.wharf.operator.reconcile;

import dev.wharf.provisioning.AppRef;
import dev.wharf.provisioning.Outcome;
import dev.wharf.provisioning.Secret;
import dev.wharf.provisioning.TeamName;
import java.util.List;

/** Confidential OIDC clients of apps in realm wharf (Keycloak, through the provisioning library). */
public interface OidcClients {
  /** Creates or corrects the client; CREATED carries the new client secret. */
  Outcome ensure(AppRef app, TeamName team, List<String> redirectUris, List<String> webOrigins);

  /** A new client secret; ABSENT when there is no client. */
  Outcome rotate(AppRef app);

  Outcome delete(AppRef app);

  /** True when the secret is the client's current one. Writes nothing. */
  boolean verify(AppRef app, Secret secret);

  /** OIDC_ISSUER_URI as apps see it. */
  String issuer();

  String clientId(AppRef app);
}
