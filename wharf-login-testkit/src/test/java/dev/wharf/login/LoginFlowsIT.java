package dev.wharf.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.wharf.core.KeycloakServer;
import dev.wharf.local.Service;
import dev.wharf.local.SharedRuntime;
import dev.wharf.login.testing.TestBrowser;
import dev.wharf.login.testing.TestRealm;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both sign-in flows, refresh and logout against the real Keycloak of the local runtime. */
class LoginFlowsIT {

  private static TestRealm realm;
  private static KeycloakServer keycloak;

  @TempDir Path configDir;

  private final Oidc oidc = Oidc.standard();

  @BeforeAll
  static void realm() {
    keycloak = SharedRuntime.get(Service.KEYCLOAK).keycloak();
    realm = TestRealm.create(keycloak, "login-it");
  }

  private Session codeFlowLogin(String clientId) {
    TestBrowser browser = new TestBrowser(TestRealm.USER, TestRealm.PASSWORD,
        TestBrowser.Consent.APPROVE);
    return new CodeFlow(oidc, Duration.ofSeconds(30)).login(realm.issuer(), clientId, browser);
  }

  @Test
  void codeFlowGivesAnIdTokenSignedByTheRealmWithTheGroupsClaim() throws Exception {
    Session session = codeFlowLogin(TestRealm.CLIENT);

    assertThat(session.username()).isEqualTo(TestRealm.USER);
    assertThat(session.issuer()).isEqualTo(realm.issuer());
    assertThat(session.refreshToken()).isNotBlank();
    // Check independently of the code under test: the realm's published key signed it.
    SignedJWT jwt = SignedJWT.parse(session.idToken());
    String jwks = oidc.http().getText(
        URI.create(realm.issuer() + "/protocol/openid-connect/certs"), realm.issuer());
    RSAKey key = JWKSet.parse(jwks).getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey();
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
    assertThat(jwt.getJWTClaimsSet().getStringListClaim("groups")).contains(TestRealm.GROUP);
    assertThat(jwt.getJWTClaimsSet().getAudience()).contains(TestRealm.CLIENT);
    assertThat(session.idTokenExpiresAt() - session.idTokenIssuedAt())
        .isEqualTo(TestRealm.TOKEN_SECONDS);
  }

  @Test
  void deviceFlowFinishesOnceTheUserApprovesTheCode() {
    AtomicReference<CompletableFuture<Void>> approval =
        new AtomicReference<>(CompletableFuture.completedFuture(null));
    AtomicReference<DeviceAuthorization> shown = new AtomicReference<>();
    // Polls at Keycloak's interval, but stops at once if the approving "user" failed.
    DeviceFlow.Sleeper sleeper = d -> {
      if (approval.get().isCompletedExceptionally()) {
        approval.get().join();
      }
      Thread.sleep(d.toMillis());
    };
    Session session = new DeviceFlow(oidc, sleeper).login(realm.issuer(), TestRealm.CLIENT, a -> {
      shown.set(a);
      // The user approves on "another device" while the command polls.
      approval.set(CompletableFuture.runAsync(() ->
          new TestBrowser(TestRealm.USER, TestRealm.PASSWORD, TestBrowser.Consent.APPROVE)
              .open(a.verificationUriComplete())));
    });
    approval.get().join();
    assertThat(shown.get().userCode()).matches("[A-Z]{4}-[A-Z]{4}");
    assertThat(shown.get().interval()).isPositive();
    assertThat(session.username()).isEqualTo(TestRealm.USER);
    assertThat(session.refreshToken()).isNotBlank();
  }

  @Test
  void expiredIdTokenIsRefreshedAndWrittenBack() throws Exception {
    TokenCache cache = new TokenCache(configDir);
    Session first = codeFlowLogin(TestRealm.CLIENT);
    cache.write(first);
    Refresher refresher = new Refresher(oidc, cache);
    // While fresh, the cached session is returned as it is.
    assertThat(refresher.refresh(realm.issuer(), TestRealm.CLIENT)).isEqualTo(first);

    await().atMost(Duration.ofSeconds(TestRealm.TOKEN_SECONDS + 5))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> !first.idTokenFreshAt(Instant.now()));
    Session renewed = refresher.refresh(realm.issuer(), TestRealm.CLIENT);

    assertThat(renewed.idToken()).isNotEqualTo(first.idToken());
    assertThat(renewed.idTokenFreshAt(Instant.now())).isTrue();
    assertThat(renewed.username()).isEqualTo(TestRealm.USER);
    assertThat(cache.read(realm.issuer(), TestRealm.CLIENT)).contains(renewed);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
        cache.fileFor(realm.issuer(), TestRealm.CLIENT)))).isEqualTo("rw-------");
  }

  @Test
  void logoutRevokesTheSessionAndTokenThenAsksToSignInAgain() {
    TokenCache cache = new TokenCache(configDir);
    Session session = codeFlowLogin(TestRealm.CLIENT);
    cache.write(session);

    Logout.Result result = new Logout(oidc, cache).logout(realm.issuer(), TestRealm.CLIENT);
    assertThat(result.hadSession()).isTrue();
    assertThat(result.revoked()).isTrue();
    assertThat(result.warning()).isNull();
    assertThat(cache.read(realm.issuer(), TestRealm.CLIENT)).isEmpty();

    Refresher refresher = new Refresher(oidc, cache);
    assertThatThrownBy(() -> refresher.refresh(realm.issuer(), TestRealm.CLIENT))
        .isInstanceOfSatisfying(LoginException.class,
            e -> assertThat(e.reason()).isEqualTo(LoginException.Reason.LOGIN_REQUIRED))
        .hasMessageContaining("run `wharf login --issuer " + realm.issuer() + "`");

    // The revoked refresh token no longer works at Keycloak either.
    cache.write(new Session(session.issuer(), session.clientId(), session.username(),
        session.idToken(), 0, 1, session.refreshToken(), 0));
    assertThatThrownBy(() -> refresher.refresh(realm.issuer(), TestRealm.CLIENT))
        .isInstanceOfSatisfying(LoginException.class,
            e -> assertThat(e.reason()).isEqualTo(LoginException.Reason.LOGIN_REQUIRED))
        .hasMessageStartingWith("session expired")
        .hasMessageContaining("wharf login --issuer " + realm.issuer());

    // Logging out again is fine.
    assertThat(new Logout(oidc, cache).logout(realm.issuer(), TestRealm.CLIENT).warning())
        .isNull();
    assertThat(new Logout(oidc, cache).logout(realm.issuer(), TestRealm.CLIENT).hadSession())
        .isFalse();
  }

  @Test
  void deniedConsentIsAClearError() {
    TestBrowser denying = new TestBrowser(TestRealm.USER, TestRealm.PASSWORD,
        TestBrowser.Consent.DENY);
    assertThatThrownBy(() -> new CodeFlow(oidc, Duration.ofSeconds(30))
        .login(realm.issuer(), TestRealm.CONSENT_CLIENT, denying))
        .isInstanceOfSatisfying(LoginException.class,
            e -> assertThat(e.reason()).isEqualTo(LoginException.Reason.ACCESS_DENIED))
        .hasMessageContaining("denied")
        .hasMessageContaining("wharf login");
  }

  @Test
  void wrongClientIdIsAClearErrorInBothFlows() {
    Browser neverOpened = uri -> {
      throw new AssertionError("the browser must not open for an unknown client");
    };
    assertThatThrownBy(() -> new CodeFlow(oidc, Duration.ofSeconds(30))
        .login(realm.issuer(), "kubrnetes", neverOpened))
        .isInstanceOfSatisfying(LoginException.class,
            e -> assertThat(e.reason()).isEqualTo(LoginException.Reason.BAD_CLIENT))
        .hasMessageContaining("'kubrnetes'").hasMessageContaining("--client-id");
    assertThatThrownBy(() -> new DeviceFlow(oidc).login(realm.issuer(), "kubrnetes", a -> { }))
        .isInstanceOfSatisfying(LoginException.class,
            e -> assertThat(e.reason()).isEqualTo(LoginException.Reason.BAD_CLIENT))
        .hasMessageContaining("invalid_client").hasMessageContaining("--client-id");
  }

  @Test
  void unreachableOrWrongIssuerIsAClearError() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    String nowhere = "http://127.0.0.1:" + closedPort + "/realms/wharf";
    assertThatThrownBy(() -> codeFlowLoginAt(nowhere))
        .isInstanceOfSatisfying(LoginException.class,
            e -> assertThat(e.reason()).isEqualTo(LoginException.Reason.ISSUER_UNREACHABLE))
        .hasMessageContaining("cannot reach the issuer " + nowhere)
        .hasMessageContaining("--issuer");
    String noRealm = keycloak.issuer("no-such-realm");
    assertThatThrownBy(() -> codeFlowLoginAt(noRealm))
        .isInstanceOfSatisfying(LoginException.class,
            e -> assertThat(e.reason()).isEqualTo(LoginException.Reason.ISSUER_UNREACHABLE))
        .hasMessageContaining("is not an OIDC issuer").hasMessageContaining("HTTP 404");
  }

  private void codeFlowLoginAt(String issuer) {
    new CodeFlow(oidc, Duration.ofSeconds(5)).login(issuer, TestRealm.CLIENT, uri -> { });
  }

  @Test
  void cacheWrittenAfterSignInIsOwnerOnly() throws Exception {
    TokenCache cache = new TokenCache(configDir);
    cache.write(codeFlowLogin(TestRealm.CLIENT));
    Path file = cache.fileFor(realm.issuer(), TestRealm.CLIENT);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(file)).doesNotContain(TestRealm.PASSWORD);
  }
}
