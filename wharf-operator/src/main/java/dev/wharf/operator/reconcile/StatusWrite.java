package dev.wharf.operator.reconcile;

import dev.wharf.api.App;
import dev.wharf.api.AppStatus;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import java.util.List;
import java.util.Map;

/**
 * Writes an App's status the one way the operator writes it, in the cluster and in the tests:
 * a JSON Patch that replaces {@code /status} on the status subresource, without a
 * resourceVersion precondition. The operator is the status' only writer, so there is nothing
 * to lock against, and an edit of the App meanwhile (a label, the rotate annotation) must not
 * turn into a 409 that discards a reconcile whose work is already done. A JSON Patch rather
 * than a merge patch: it replaces the status as a whole, conditions included, the same way
 * on every server (a merge patch replaces lists on a real API server but fabric8's mock
 * server appends to them). JOSDK's {@link PrimaryUpdateAndCacheUtils} puts the answer in the
 * controller's cache, so the next reconcile of the App reads this status even before the
 * watch delivers it.
 */
final class StatusWrite {
  /** No retry here: JOSDK retries the whole reconcile, whose steps are idempotent. */
  private static final int MAX_RETRY = 0;

  private StatusWrite() {}

  static App write(App app, AppStatus status, Context<App> context) {
    return PrimaryUpdateAndCacheUtils.updateAndCacheResource(app, context, a -> a, a -> patch(a, status, context),
        MAX_RETRY, PrimaryUpdateAndCacheUtils.DEFAULT_RESOURCE_CACHE_TIMEOUT_MILLIS,
        PrimaryUpdateAndCacheUtils.DEFAULT_RESOURCE_CACHE_POLL_PERIOD_MILLIS);
  }

  private static App patch(App app, AppStatus status, Context<App> context) {
    var client = context.getClient();
    String replaceStatus = client.getKubernetesSerialization()
        .asJson(List.of(Map.of("op", "add", "path", "/status", "value", status)));
    return client.resource(app).subresource("status").patch(PatchContext.of(PatchType.JSON), replaceStatus);
  }
}
