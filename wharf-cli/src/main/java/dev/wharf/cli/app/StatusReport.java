package dev.wharf.cli.app;

import java.util.List;

/**
 * What 'wharf app status' found, part by part (the App, its team's Flux Kustomization, the
 * rollout, the Secret) with links; plain data, no I/O. Never holds a secret value.
 */
record StatusReport(String namespace, String app, List<Part> parts, List<Link> links, List<String> notes) {

  /** One thing checked: ready or not, a one-line summary and detail lines (e.g. conditions). */
  record Part(String kind, String name, State state, String summary, List<Detail> details) {
    Part(String kind, String name, State state, String summary) {
      this(kind, name, state, summary, List.of());
    }
  }

  /** A condition or similar line under a part. */
  record Detail(String type, String status, String reason, String message) {}

  record Link(String name, String url) {}

  enum State {
    READY,
    NOT_READY,
    /** Could not be read (absent, or not visible to this user). */
    UNKNOWN
  }

  boolean ready() {
    return parts.stream().allMatch(p -> p.state() == State.READY);
  }

  /** The parts that keep the app from being ready, for the last line. */
  List<Part> blocking() {
    return parts.stream().filter(p -> p.state() != State.READY).toList();
  }
}
