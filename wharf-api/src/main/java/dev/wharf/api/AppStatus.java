package dev.wharf.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What the operator last saw and did. Holds names only, never a secret value. */
@JsonInclude(JsonInclude.Include.NON_NULL)
// Conditions are a map keyed on type, as Kubernetes conditions are (one entry per type).
@SchemaCustomizer(value = SchemaAdditions.class, input = "{\"properties\":{\"conditions\":{"
    + "\"x-kubernetes-list-type\":\"map\",\"x-kubernetes-list-map-keys\":[\"type\"],"
    + "\"items\":{\"required\":[\"type\",\"status\"]}}}}")
public class AppStatus {
  public static final String READY = "Ready";
  /** True while the operator is still working towards the spec (kstatus: InProgress). */
  public static final String RECONCILING = "Reconciling";
  /** True when the operator cannot get further without a change (kstatus: Failed). */
  public static final String STALLED = "Stalled";
  public static final String MYSQL_READY = "MySqlReady";
  public static final String REDIS_READY = "RedisReady";
  public static final String OIDC_READY = "OidcReady";
  public static final String REGISTRY_READY = "RegistryReady";
  public static final String SECRETS_READY = "SecretsReady";

  @JsonPropertyDescription("The metadata.generation the conditions describe.")
  private Long observedGeneration;

  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("The last value of the platform.wharf.dev/rotate annotation that was acted on.")
  private String rotation;

  @JsonPropertyDescription("Names of what the operator provisioned for the app.")
  private ProvisionedNames provisioned;

  public Long getObservedGeneration() { return observedGeneration; }
  public void setObservedGeneration(Long observedGeneration) { this.observedGeneration = observedGeneration; }
  public List<Condition> getConditions() { return conditions; }
  public void setConditions(List<Condition> conditions) { this.conditions = conditions; }
  public String getRotation() { return rotation; }
  public void setRotation(String rotation) { this.rotation = rotation; }
  public ProvisionedNames getProvisioned() { return provisioned; }
  public void setProvisioned(ProvisionedNames provisioned) { this.provisioned = provisioned; }

  public Optional<Condition> condition(String type) {
    return conditions == null ? Optional.empty()
        : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  public boolean isTrue(String type) {
    return condition(type).map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  /** Removes a condition: kstatus reads a missing Reconciling or Stalled as False. */
  public void removeCondition(String type) {
    if (conditions != null) {
      conditions.removeIf(c -> type.equals(c.getType()));
    }
  }

  /**
   * Sets one condition. lastTransitionTime moves only when the status flips, as Kubernetes
   * conventions ask, so an unchanged condition does not cause a status write.
   */
  public void setCondition(String type, boolean ok, String reason, String message, Long generation, Instant now) {
    if (conditions == null) {
      conditions = new ArrayList<>();
    }
    String status = ok ? "True" : "False";
    Condition existing = condition(type).orElse(null);
    String transition = existing != null && status.equals(existing.getStatus())
        ? existing.getLastTransitionTime() : now.toString();
    Condition next = new Condition(transition, message, generation, reason, status, type);
    if (existing == null) {
      conditions.add(next);
    } else if (!Objects.equals(existing, next)) {
      conditions.set(conditions.indexOf(existing), next);
    }
  }
}
