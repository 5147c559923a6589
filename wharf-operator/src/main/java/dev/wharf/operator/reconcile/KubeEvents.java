package dev.wharf.operator.reconcile;

import dev.wharf.api.App;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.events.v1.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an App's events as events.k8s.io/v1 Events in its namespace (what {@code kubectl
 * events} and {@code kubectl describe} show). An event that cannot be written is logged and
 * dropped: it must not fail the reconcile. The operator may write events only in tenant
 * namespaces (the tenant RoleBinding); an App elsewhere has its status only.
 */
public final class KubeEvents implements AppEvents.Sink {
  /** The reporting controller, as the API server requires one on every events.k8s.io event. */
  public static final String CONTROLLER = "platform.wharf.dev/wharf-operator";
  private static final Logger LOG = LoggerFactory.getLogger(KubeEvents.class);
  private static final DateTimeFormatter MICRO_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
  /** The API server refuses a note over 1 kB. */
  private static final int MAX_NOTE = 1024;

  private final KubernetesClient client;
  private final String instance;
  private final Clock clock;

  /** @param instance this replica (the pod name), as reportingInstance */
  public KubeEvents(KubernetesClient client, String instance, Clock clock) {
    this.client = client;
    this.instance = instance;
    this.clock = clock;
  }

  @Override
  public void emit(App app, AppEvents.Note note) {
    var meta = app.getMetadata();
    var event = new EventBuilder()
        .withNewMetadata().withNamespace(meta.getNamespace())
        .withName(meta.getName() + "." + UUID.randomUUID().toString().replace("-", "").substring(0, 16)).endMetadata()
        .withEventTime(new MicroTime(MICRO_TIME.format(clock.instant())))
        .withReportingController(CONTROLLER).withReportingInstance(instance)
        .withAction("Reconcile").withType(note.type()).withReason(note.reason())
        .withNote(note.note().length() > MAX_NOTE ? note.note().substring(0, MAX_NOTE - 3) + "..." : note.note())
        .withRegarding(new ObjectReferenceBuilder().withApiVersion(app.getApiVersion()).withKind(app.getKind())
            .withNamespace(meta.getNamespace()).withName(meta.getName()).withUid(meta.getUid()).build())
        .build();
    try {
      client.events().v1().events().inNamespace(meta.getNamespace()).resource(event).create();
    } catch (KubernetesClientException e) {
      LOG.warn("{}/{}: event {} not written: Kubernetes API answered {}", meta.getNamespace(), meta.getName(),
          note.reason(), e.getCode());
    }
  }
}
