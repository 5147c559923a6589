package dev.wharf.validate.yaml;

/** YAML that cannot be loaded safely; {@link #rule()} says which limit or error it hit. */
public final class YamlProblem extends Exception {
  private final String rule;
  private final String fix;

  public YamlProblem(String rule, String message, String fix) {
    super(message);
    this.rule = rule;
    this.fix = fix;
  }

  public String rule() {
    return rule;
  }

  public String fix() {
    return fix;
  }
}
