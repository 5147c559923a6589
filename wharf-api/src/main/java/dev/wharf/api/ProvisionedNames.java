package dev.wharf.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Names (never secrets) of the app's external resources, shown to users in status. Written by
 * the operator only (tenants cannot write status), it is also part of its record of what it
 * provisioned: deleting the App removes only what is recorded.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProvisionedNames {
  private String mysqlDatabase;
  private String mysqlUser;
  private String redisUser;
  private String redisKeyPrefix;
  private String oidcClientId;
  private String registryRobot;
  private String openBaoPath;

  public String getMysqlDatabase() { return mysqlDatabase; }
  public void setMysqlDatabase(String mysqlDatabase) { this.mysqlDatabase = mysqlDatabase; }
  public String getMysqlUser() { return mysqlUser; }
  public void setMysqlUser(String mysqlUser) { this.mysqlUser = mysqlUser; }
  public String getRedisUser() { return redisUser; }
  public void setRedisUser(String redisUser) { this.redisUser = redisUser; }
  public String getRedisKeyPrefix() { return redisKeyPrefix; }
  public void setRedisKeyPrefix(String redisKeyPrefix) { this.redisKeyPrefix = redisKeyPrefix; }
  public String getOidcClientId() { return oidcClientId; }
  public void setOidcClientId(String oidcClientId) { this.oidcClientId = oidcClientId; }
  public String getRegistryRobot() { return registryRobot; }
  public void setRegistryRobot(String registryRobot) { this.registryRobot = registryRobot; }
  public String getOpenBaoPath() { return openBaoPath; }
  public void setOpenBaoPath(String openBaoPath) { this.openBaoPath = openBaoPath; }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProvisionedNames p
        && java.util.Objects.equals(mysqlDatabase, p.mysqlDatabase)
        && java.util.Objects.equals(mysqlUser, p.mysqlUser)
        && java.util.Objects.equals(redisUser, p.redisUser)
        && java.util.Objects.equals(redisKeyPrefix, p.redisKeyPrefix)
        && java.util.Objects.equals(oidcClientId, p.oidcClientId)
        && java.util.Objects.equals(registryRobot, p.registryRobot)
        && java.util.Objects.equals(openBaoPath, p.openBaoPath);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(mysqlDatabase, mysqlUser, redisUser, redisKeyPrefix, oidcClientId, registryRobot, openBaoPath);
  }
}
