package dev.wharf.cli.app;

import dev.wharf.cli.UserError;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.SSLException;

/**
 * The user's cluster, through their kubeconfig (the one 'wharf login' writes, with 'wharf
 * token' as its credential plugin), and what its failures mean for the user.
 */
final class Cluster {
  private Cluster() {}

  /** A client for {@code context} (null: the current one) of {@code kubeconfig} (null: as kubectl finds it). */
  static KubernetesClient connect(Path kubeconfig, String context) {
    Config config;
    if (kubeconfig != null) {
      if (!Files.isRegularFile(kubeconfig)) {
        throw new UserError("no kubeconfig at " + kubeconfig + ": run 'wharf login' to write one, or name another"
            + " with --kubeconfig");
      }
      config = Config.fromKubeconfig(context, kubeconfig.toFile());
    } else {
      config = Config.autoConfigure(context);
    }
    if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()
        || (context != null && config.getCurrentContext() == null)) {
      throw new UserError("no cluster to talk to" + (context == null ? "" : " in context " + context)
          + ": run 'wharf login' to add one to your kubeconfig");
    }
    config.setRequestRetryBackoffLimit(0);
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /** The namespace of the kubeconfig's context, if it names one. */
  static String contextNamespace(KubernetesClient client) {
    String ns = client.getConfiguration().getNamespace();
    return ns == null || ns.isBlank() ? null : ns;
  }

  /** Runs {@code read}, turning the cluster's refusals and an unreachable cluster into what to do. */
  static <T> T call(KubernetesClient client, String what, Function<KubernetesClient, T> read) {
    try {
      return read.apply(client);
    } catch (KubernetesClientException e) {
      throw explain(client, what, e);
    }
  }

  private static UserError explain(KubernetesClient client, String what, KubernetesClientException e) {
    String server = client.getConfiguration().getMasterUrl();
    if (e.getCode() == 401) {
      return new UserError("the cluster at " + server + " did not accept your sign-in (HTTP 401): it has expired or"
          + " was revoked; run 'wharf login' and try again", 1);
    }
    if (e.getCode() == 403) {
      return new UserError("you may not " + what + " (HTTP 403): Apps are readable by the members of the app's team;"
          + " check the namespace (-n) and that you are in the team's group", 1);
    }
    Optional<Throwable> unreachable = unreachable(e);
    if (unreachable.isPresent()) {
      return new UserError("cannot reach the cluster at " + server + " (" + describe(unreachable.get()) + "): check"
          + " your network or VPN, and that the kubeconfig's context is the cluster you mean (--context)", 1);
    }
    if (messageOf(e).contains("exec")) {
      return new UserError("getting your credentials failed (" + firstLine(messageOf(e)) + "): run 'wharf login'"
          + " and try again", 1);
    }
    return new UserError("the cluster at " + server + " answered " + (e.getCode() > 0 ? "HTTP " + e.getCode() + " " : "")
        + "while trying to " + what + ": " + firstLine(messageOf(e)), 1);
  }

  /** The connection failure in {@code t}'s causes, if it is one. */
  private static Optional<Throwable> unreachable(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof ConnectException || c instanceof UnknownHostException
          || c instanceof HttpConnectTimeoutException || c instanceof SSLException) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  private static String describe(Throwable t) {
    return t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : firstLine(t.getMessage());
  }

  private static String messageOf(Throwable t) {
    return t.getMessage() == null ? "" : t.getMessage();
  }

  private static String firstLine(String s) {
    return s.lines().findFirst().orElse(s);
  }
}
