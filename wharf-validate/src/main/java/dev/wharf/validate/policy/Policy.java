package dev.wharf.validate.policy;

import dev.wharf.validate.Finding;
import dev.wharf.validate.Resource;
import java.util.function.Consumer;

/** One platform policy: checks one object at a time, with the whole tree as context. */
public interface Policy {
  /** The id used in --policies, in findings and in the exemption annotation. */
  String id();

  /** One line: what the policy requires (for --help and the docs). */
  String summary();

  void check(Resource r, PolicyContext ctx, Consumer<Finding> out);
}
