package dev.wharf.validate.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.validate.Finding;
import dev.wharf.validate.Report;
import dev.wharf.validate.Rules;
import dev.wharf.validate.policy.Policies;
import dev.wharf.validate.policy.Policy;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SARIF 2.1.0 for GitHub code scanning: one rule per check id, one result per finding with
 * the file as location and the object and JSON path in the message.
 */
final class SarifReport {
  private SarifReport() {}

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static void write(Report report, PrintWriter out) {
    ObjectNode root = JSON.createObjectNode();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "wharf validate");
    Map<String, String> rules = new LinkedHashMap<>();
    rules.putAll(Rules.DESCRIPTIONS);
    for (Policy p : Policies.all()) {
      rules.put(p.id(), p.summary());
    }
    ArrayNode ruleArray = driver.putArray("rules");
    for (Map.Entry<String, String> r : rules.entrySet()) {
      ObjectNode rule = ruleArray.addObject();
      rule.put("id", r.getKey());
      rule.putObject("shortDescription").put("text", r.getValue());
      rule.putObject("defaultConfiguration").put("level", "error");
    }
    // Notes say what was not checked and why; SARIF carries them as tool notifications.
    ArrayNode notes = run.putArray("invocations").addObject().put("executionSuccessful", true).putArray("toolExecutionNotifications");
    for (String note : report.notes()) {
      ObjectNode n = notes.addObject();
      n.put("level", "note");
      n.putObject("message").put("text", note);
    }
    ArrayNode results = run.putArray("results");
    for (Finding f : report.findings()) {
      ObjectNode res = results.addObject();
      res.put("ruleId", f.rule());
      res.put("level", "error");
      String where = f.object() == null ? "" : f.objectName() + (f.path().isEmpty() ? "" : " at " + f.path()) + ": ";
      res.putObject("message").put("text", where + f.message() + (f.fix().isEmpty() ? "" : " Fix: " + f.fix()));
      ObjectNode loc = res.putArray("locations").addObject().putObject("physicalLocation");
      // Relative to the working directory: run from the repository root, as CI does, they match the checkout.
      loc.putObject("artifactLocation").put("uri", f.file().isEmpty() ? "." : f.file());
      loc.putObject("region").put("startLine", Math.max(1, f.line()));
      ObjectNode props = res.putObject("properties");
      props.put("object", f.objectName());
      props.put("path", f.path());
    }
    try {
      out.println(JSON.writeValueAsString(root));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
