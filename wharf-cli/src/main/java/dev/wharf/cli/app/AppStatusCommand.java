package dev.wharf.cli.app;

import dev.wharf.cli.UserError;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Is my app running? The App's conditions, the team's Flux Kustomization, the rollout (and the
 * Canary with progressive delivery), the Secret {@code <app>-platform}, and links to the app's
 * dashboard and Harbor project. Exit 0 when all is ready, 1 otherwise, 2 for usage errors.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show whether an app is deployed and ready, and where to look next.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:everything is ready", "1:something is not ready, or the cluster could not be read",
        "2:usage error"})
public final class AppStatusCommand implements Callable<Integer> {
  enum Format { text, json }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "The App's name.")
  String name;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE",
      description = "The App's namespace (its team's). Default: the kubeconfig context's namespace.")
  String namespace;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--kubeconfig", paramLabel = "PATH",
      description = "The kubeconfig to use (default: as kubectl finds it; 'wharf login' writes it).")
  Path kubeconfig;

  @Option(names = "--context", paramLabel = "NAME", description = "The kubeconfig context (default: the current one).")
  String context;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (KubernetesClient client = Cluster.connect(kubeconfig, context)) {
      String ns = namespace != null ? namespace : Cluster.contextNamespace(client);
      if (ns == null) {
        throw new UserError("which namespace is the App in? Say it with -n (the team's namespace, e.g. -n team-a),"
            + " or set one on the context: kubectl config set-context --current --namespace team-a");
      }
      StatusReport report = Cluster.call(client, "read App " + name + " in namespace " + ns,
          c -> new StatusReader(c).read(ns, name));
      if (format == Format.json) {
        StatusPrinter.json(report, out);
      } else {
        StatusPrinter.text(report, out);
      }
      out.flush();
      return report.ready() ? 0 : 1;
    }
  }
}
