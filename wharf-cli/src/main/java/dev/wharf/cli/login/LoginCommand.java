package dev.wharf.cli.login;

import dev.wharf.cli.UserError;
import dev.wharf.login.CodeFlow;
import dev.wharf.login.DeviceAuthorization;
import dev.wharf.login.DeviceFlow;
import dev.wharf.login.Issuers;
import dev.wharf.login.KubeconfigEntry;
import dev.wharf.login.KubeconfigFile;
import dev.wharf.login.KubeconfigMerge;
import dev.wharf.login.LoginException;
import dev.wharf.login.LoginNames;
import dev.wharf.login.Oidc;
import dev.wharf.login.Session;
import dev.wharf.login.SystemBrowser;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "login", mixinStandardHelpOptions = true,
    description = {
        "Sign in with Keycloak (OIDC) and set up kubeconfig.",
        "Opens the browser (Authorization Code + PKCE, loopback redirect); --device signs in"
            + " from another device instead. Then writes a kubeconfig user whose credentials"
            + " come from 'wharf token', and a context."})
public final class LoginCommand implements Callable<Integer> {

  @Option(names = "--issuer", required = true, paramLabel = "URL",
      description = "The realm URL, e.g. https://keycloak.wharf.example.com/realms/wharf.")
  String issuer;

  @Mixin SessionOptions session;

  @Option(names = "--device", description = "Use the device flow (no browser on this machine).")
  boolean device;

  @Option(names = "--no-browser", description = "Print the sign-in URL instead of opening it.")
  boolean noBrowser;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
      description = "How long to wait for the browser (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Option(names = "--kubeconfig", paramLabel = "PATH",
      description = "kubeconfig to update (default: as kubectl: $KUBECONFIG, else ~/.kube/config).")
  String kubeconfig;

  @Option(names = "--no-kubeconfig", description = "Only sign in; leave kubeconfig alone.")
  boolean noKubeconfig;

  @Option(names = "--context", paramLabel = "NAME", defaultValue = LoginNames.DEFAULT_CONTEXT,
      description = "kubeconfig context to write (default: ${DEFAULT-VALUE}).")
  String context;

  @Option(names = "--cluster", paramLabel = "NAME",
      description = "kubeconfig cluster the context uses (default: the context name).")
  String cluster;

  @Option(names = "--server", paramLabel = "URL",
      description = "API server URL; writes the cluster entry too.")
  String server;

  @Option(names = "--certificate-authority", paramLabel = "PATH",
      description = "CA file of the API server (with --server).")
  Path certificateAuthority;

  @Option(names = "--exec-command", paramLabel = "PATH", hidden = true,
      description = "The wharf launcher kubectl runs (default: the one running now).")
  String execCommand;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      String iss = Issuers.normalize(issuer);
      checkKubeconfigOptions();
      // Everything kubeconfig needs is checked before the browser opens, so a mistake there
      // does not cost the user a sign-in.
      String launcher = noKubeconfig ? null : launcher();
      Path kubeconfigFile = noKubeconfig ? null : KubeconfigFile.choose(kubeconfig,
          System.getenv(), System.getProperty("user.home"), context);
      if (!noKubeconfig) {
        KubeconfigFile.check(kubeconfigFile, entry(iss, session.clientId, launcher));
      }
      Oidc oidc = Oidc.standard();
      Session signedIn = device
          ? new DeviceFlow(oidc).login(iss, session.clientId, a -> showDeviceCode(a, err))
          : new CodeFlow(oidc, Duration.ofSeconds(timeoutSeconds))
              .login(iss, session.clientId, uri -> showBrowser(uri, err));
      session.cache().write(signedIn);
      out.println("Signed in to " + signedIn.issuer() + " as " + signedIn.username() + ".");
      out.println("Tokens: " + session.cache().fileFor(signedIn.issuer(), signedIn.clientId()));
      if (!noKubeconfig) {
        writeKubeconfig(kubeconfigFile, entry(signedIn.issuer(), signedIn.clientId(), launcher),
            out);
      }
      out.flush();
      return 0;
    } catch (LoginException e) {
      throw LoginErrors.toUserError(e);
    }
  }

  private void checkKubeconfigOptions() {
    if (timeoutSeconds < 1) {
      throw new UserError("--timeout " + timeoutSeconds + " is too short: give the seconds to"
          + " wait for the browser sign-in, e.g. --timeout 300.");
    }
    if (certificateAuthority != null && server == null) {
      throw new UserError("--certificate-authority needs --server.");
    }
    if (certificateAuthority != null && !Files.isReadable(certificateAuthority)) {
      throw new UserError("cannot read the CA file " + certificateAuthority
          + "; pass the API server's CA certificate (PEM).");
    }
    if (server != null) {
      URI u;
      try {
        u = URI.create(server);
      } catch (IllegalArgumentException e) {
        throw new UserError("--server '" + server + "' is not a URL; use https://host:6443.");
      }
      if (!"https".equals(u.getScheme()) || u.getHost() == null) {
        throw new UserError("--server '" + server + "' must be an https:// URL, like"
            + " https://api.wharf.example.com:6443.");
      }
    }
  }

  private void showBrowser(URI uri, PrintWriter err) {
    boolean opened = !noBrowser && SystemBrowser.open(uri);
    err.println(opened
        ? "Opened your browser to sign in. If it did not open, visit:"
        : "Open this URL in a browser on this machine to sign in:");
    err.println("  " + uri);
    err.println("Waiting for the sign-in to finish...");
    err.flush();
  }

  private static void showDeviceCode(DeviceAuthorization a, PrintWriter err) {
    err.println("To sign in, open " + a.verificationUri() + " on any device and enter the code:");
    err.println();
    err.println("    " + a.userCode());
    err.println();
    if (a.verificationUriComplete() != null) {
      err.println("(or open " + a.verificationUriComplete() + ")");
    }
    err.println("Waiting for approval...");
    err.flush();
  }

  /** The kubeconfig user, context and (with --server) cluster for this issuer and client. */
  private KubeconfigEntry entry(String iss, String clientId, String launcher) {
    List<String> args = new ArrayList<>(List.of("token", "--issuer", iss));
    if (!LoginNames.DEFAULT_CLIENT_ID.equals(clientId)) {
      args.addAll(List.of("--client-id", clientId));
    }
    if (session.configDir != null) {
      args.addAll(List.of("--config-dir", session.configDir().toString()));
    }
    return new KubeconfigEntry(
        LoginNames.kubeconfigUser(iss, clientId), launcher, args,
        explicitConfigDirEnv(), context, clusterName(), server,
        certificateAuthority == null ? null : certificateAuthority.toAbsolutePath().toString());
  }

  private String clusterName() {
    return cluster != null ? cluster : context;
  }

  private void writeKubeconfig(Path file, KubeconfigEntry entry, PrintWriter out) {
    String clusterName = clusterName();
    KubeconfigMerge.Outcome outcome = KubeconfigFile.merge(file, entry);
    out.println("kubeconfig " + file + ": user " + entry.userName()
        + (outcome.clusterWritten() ? ", cluster " + clusterName : "")
        + (outcome.contextWritten() ? ", context " + context : "") + ".");
    if (!outcome.contextWritten()) {
      out.println("No cluster '" + clusterName + "' in that kubeconfig, so no context was"
          + " written: run again with --server https://<api server>:6443 (and"
          + " --certificate-authority), or --cluster <an existing cluster>.");
    } else if (!outcome.madeCurrent()) {
      out.println("Use it with: kubectl config use-context " + context);
    }
  }

  /** WHARF_CONFIG_DIR travels with the plugin, as kubectl may run without it. */
  private Map<String, String> explicitConfigDirEnv() {
    String dir = System.getenv("WHARF_CONFIG_DIR");
    return session.configDir == null && dir != null && !dir.isBlank()
        ? Map.of("WHARF_CONFIG_DIR", Path.of(dir).toAbsolutePath().toString())
        : Map.of();
  }

  /** The launcher kubectl should run: the ./wharf script that started this JVM. */
  private String launcher() {
    String explicit = execCommand != null ? execCommand : System.getenv("WHARF_LAUNCHER");
    if (explicit == null || explicit.isBlank()) {
      String repo = System.getenv("WHARF_REPO");
      explicit = repo == null ? null : Path.of(repo, "wharf").toString();
    }
    if (explicit == null || !Files.isExecutable(Path.of(explicit))) {
      throw new UserError("cannot tell where the wharf launcher is, so kubeconfig cannot run"
          + " it. Run 'wharf login' through the ./wharf script of your Wharf checkout, or use"
          + " --no-kubeconfig.");
    }
    return Path.of(explicit).toAbsolutePath().normalize().toString();
  }
}
