package dev.wharf.validate.helm;

import java.util.Map;

/** One object a chart rendered, and the template (helm's "# Source:") it came from. */
public record RenderedDoc(Map<String, Object> content, String template) {}
