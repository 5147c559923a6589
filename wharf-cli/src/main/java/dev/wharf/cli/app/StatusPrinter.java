package dev.wharf.cli.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.wharf.cli.app.StatusReport.Detail;
import dev.wharf.cli.app.StatusReport.Link;
import dev.wharf.cli.app.StatusReport.Part;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Prints a {@link StatusReport} for people (text) or programs (json). */
final class StatusPrinter {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private StatusPrinter() {}

  static void text(StatusReport r, PrintWriter out) {
    out.println("App " + r.namespace() + "/" + r.app());
    for (Part p : r.parts()) {
      out.printf(Locale.ROOT, "  %-14s %-26s %-9s %s%n", p.kind(), p.name(), label(p), p.summary());
      for (Detail d : p.details()) {
        out.printf(Locale.ROOT, "      %-16s %-6s %-20s %s%n", d.type(), d.status(), d.reason(), d.message());
      }
    }
    for (Link l : r.links()) {
      out.printf(Locale.ROOT, "  %-14s %s%n", l.name(), l.url());
    }
    r.notes().forEach(n -> out.println("  note: " + n));
    out.println(r.ready() ? "status: ready"
        : "status: not ready (" + String.join(", ", r.blocking().stream().map(p -> p.kind() + " " + p.name()).toList()) + ")");
  }

  static void json(StatusReport r, PrintWriter out) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("namespace", r.namespace());
    doc.put("app", r.app());
    doc.put("ready", r.ready());
    doc.put("parts", r.parts().stream().map(p -> {
      Map<String, Object> part = new LinkedHashMap<>();
      part.put("kind", p.kind());
      part.put("name", p.name());
      part.put("state", p.state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      part.put("summary", p.summary());
      part.put("details", p.details());
      return part;
    }).toList());
    doc.put("links", r.links());
    doc.put("notes", r.notes());
    try {
      out.println(JSON.writeValueAsString(doc));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String label(Part p) {
    return switch (p.state()) {
      case READY -> "Ready";
      case NOT_READY -> "NotReady";
      case UNKNOWN -> "Unknown";
    };
  }
}
