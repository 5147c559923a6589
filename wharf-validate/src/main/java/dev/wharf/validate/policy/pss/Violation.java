package dev.wharf.validate.policy.pss;

/**
 * One field of a pod that a control forbids: the control (as the Pod Security Standards name
 * it), the level that has it, the JSON path of the field, what is wrong, and the fix.
 */
public record Violation(String control, Level level, String path, String message, String fix) {}
