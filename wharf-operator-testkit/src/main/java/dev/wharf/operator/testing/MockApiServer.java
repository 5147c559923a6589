package dev.wharf.operator.testing;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRule;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectRulesReviewStatus;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.internal.SimpleRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Kubernetes API of the harness: fabric8's mock server in CRUD mode with the App CRD of the
 * tree, a client for the tests and one for the operator, whose requests carry their own user
 * agent so that they can be told apart.
 */
final class MockApiServer implements AutoCloseable {
  private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver.MockWebServer");

  final KubernetesMockServer server;
  final KubernetesClient kube;
  final KubernetesClient operatorKube;
  private final String operatorUserAgent;
  /** Answers queued ahead of the CRUD dispatcher, by request. */
  private final Map<ServerRequest, Queue<ServerResponse>> expected = new ConcurrentHashMap<>();
  /** The operator's requests taken from the mock server's log so far. */
  private final AtomicLong operatorRequests = new AtomicLong();

  MockApiServer(String operatorUserAgent) {
    this.operatorUserAgent = operatorUserAgent;
    // The mock server logs every request through java.util.logging, which costs more than the request.
    MOCK_LOG.setLevel(Level.WARNING);
    // CRUD mode, plus answers a test may queue with server.expect() (e.g. one 409) that come first.
    server = new KubernetesMockServer(new Context(), new MockWebServer(), expected, new KubernetesMixedDispatcher(expected), false);
    try {
      server.init(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    kube = server.createClient();
    var operatorConfig = new ConfigBuilder(kube.getConfiguration()).build();
    operatorConfig.setUserAgent(operatorUserAgent);
    operatorKube = new KubernetesClientBuilder().withConfig(operatorConfig).build();
    kube.apiextensions().v1().customResourceDefinitions().resource(appCrd()).create();
    answerRulesReviews();
  }

  /**
   * The API server's answer to "what may I do in wharf-system" (JOSDK asks before it takes
   * part in leader election): the operator's rules there under the tree's RBAC. The mock
   * server would otherwise echo the request without an answer.
   */
  private void answerRulesReviews() {
    var rules = RbacCheck.fromTree(List.of()).rules(RbacCheck.NAMESPACE).stream()
        .map(r -> new ResourceRule(r.getApiGroups(), r.getResourceNames(), r.getResources(), r.getVerbs())).toList();
    var review = new SelfSubjectRulesReview();
    review.setStatus(new SubjectRulesReviewStatus(null, false, List.of(), rules));
    server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReturn(201, review).always();
  }

  /** See {@link OperatorHarness#conflictOnce}. */
  BooleanSupplier conflictOnce(String method, String path) {
    var conflict = new StatusBuilder().withStatus("Failure").withReason("Conflict").withCode(409)
        .withMessage("Operation cannot be fulfilled: the object has been modified; please apply your changes"
            + " to the latest version and try again").build();
    var expect = server.expect();
    var forMethod = switch (method) {
      case "PATCH" -> expect.patch();
      case "PUT" -> expect.put();
      case "POST" -> expect.post();
      default -> throw new IllegalArgumentException("no conflict for " + method);
    };
    forMethod.withPath(path).andReturn(409, conflict).once();
    var request = new SimpleRequest(HttpMethod.valueOf(method), path);
    return () -> expected.get(request).isEmpty();
  }

  /** See {@link OperatorHarness#takeOperatorRequests}. */
  List<String> takeOperatorRequests() {
    List<String> out = new ArrayList<>();
    try {
      for (var r = server.takeRequest(0, TimeUnit.SECONDS); r != null;
           r = server.takeRequest(0, TimeUnit.SECONDS)) {
        if (operatorUserAgent.equals(r.getHeader("User-Agent"))) {
          out.add(r.getMethod() + " " + r.getPath());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    operatorRequests.addAndGet(out.size());
    return out;
  }

  /** See {@link OperatorHarness#operatorRequestCount}. */
  synchronized long operatorRequestCount() {
    takeOperatorRequests();
    return operatorRequests.get();
  }

  private static CustomResourceDefinition appCrd() {
    Path crd = OperatorHarness.locate("gitops/services/wharf-operator/crd/apps.platform.wharf.dev-v1.yml");
    try (var in = Files.newInputStream(crd)) {
      return Serialization.unmarshal(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    kube.close();
    operatorKube.close();
    server.destroy();
  }
}
