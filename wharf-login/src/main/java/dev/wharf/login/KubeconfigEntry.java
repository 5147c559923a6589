package dev.wharf.login;

import java.util.List;
import java.util.Map;

/**
 * What {@code wharf login} puts into a kubeconfig: a user whose credentials come from
 * {@code wharf token}, and a context; the cluster only when its server is given.
 *
 * @param command absolute path of the wharf launcher
 * @param args arguments after it, starting with {@code token}
 * @param env environment for the plugin (name to value), may be empty
 * @param server API server URL, or null to leave clusters alone
 * @param certificateAuthority absolute path of the cluster's CA file, or null
 */
public record KubeconfigEntry(
    String userName,
    String command,
    List<String> args,
    Map<String, String> env,
    String contextName,
    String clusterName,
    String server,
    String certificateAuthority) {}
