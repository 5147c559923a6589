package dev.wharf.login;

import java.util.List;

/** What sign-in reads from a verified ID token. Times in epoch seconds. */
public record IdTokenClaims(
    String subject, String username, List<String> groups, long issuedAt, long expiresAt) {}
