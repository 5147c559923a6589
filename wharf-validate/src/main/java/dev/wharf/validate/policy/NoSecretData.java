package dev.wharf.validate.policy;

import dev.wharf.validate.Finding;
import dev.wharf.validate.Resource;
import dev.wharf.validate.Yamls;
import java.util.function.Consumer;

/** no-secret-data: no Secret with values in git; secrets come from OpenBao through ESO. */
final class NoSecretData implements Policy {
  static final String ID = "no-secret-data";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String summary() {
    return "no Secret with data or stringData in git (use an ExternalSecret backed by OpenBao)";
  }

  @Override
  public void check(Resource r, PolicyContext ctx, Consumer<Finding> out) {
    if (!r.kind().equals("Secret") || !r.ref().apiVersion().equals("v1")) {
      return;
    }
    for (String field : new String[] {"data", "stringData"}) {
      if (!Yamls.map(r.content().get(field)).isEmpty()) {
        out.accept(r.finding(ID, field, "Secret carries values in git (" + field + ", " + Yamls.map(r.content().get(field)).size() + " keys; values not shown)",
            "Remove the Secret, store the values in OpenBao and deliver them with an ExternalSecret (External Secrets Operator). Rotate the values: they are in git history."));
      }
    }
  }
}
