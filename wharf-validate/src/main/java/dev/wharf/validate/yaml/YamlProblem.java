package dev.wharf.validate.yaml;

/** YAML that cannot be loaded safely; {@link #rule()} says which limit or error it hit. */
public final class YamlProblem extends Exception {
  private final String rule;
  private final String fix;
  private final int line;

  public YamlProblem(String rule, String message, String fix) {
    this(rule, message, fix, 0);
  }

  public YamlProblem(String rule, String message, String fix, int line) {
    super(message);
    this.rule = rule;
    this.fix = fix;
    this.line = line;
  }

  /** 1-based line of the problem, 0 when unknown. */
  public int line() {
    return line;
  }

  public String rule() {
    return rule;
  }

  public String fix() {
    return fix;
  }
}
