package dev.wharf.examples.greeter.data;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** All of greeter's SQL. The schema is in db/migration (Flyway). */
@Repository
public class GreetingRepository {
  private final JdbcClient jdbc;

  public GreetingRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Greeting insert(String name, String message, String createdBy, Instant createdAt) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO greeting (name, message, created_by, created_at) VALUES (?, ?, ?, ?)")
        .params(name, message, createdBy, Timestamp.from(createdAt))
        .update(keys, "id");
    long id = keys.getKey().longValue();
    return new Greeting(id, name, message, createdBy, createdAt);
  }

  public Optional<Greeting> findById(long id) {
    return jdbc.sql("SELECT id, name, message, created_by, created_at FROM greeting WHERE id = ?")
        .param(id)
        .query(GreetingRepository::map)
        .optional();
  }

  public List<Greeting> latest(int limit) {
    return jdbc.sql(
            "SELECT id, name, message, created_by, created_at FROM greeting ORDER BY id DESC LIMIT ?")
        .param(limit)
        .query(GreetingRepository::map)
        .list();
  }

  private static Greeting map(ResultSet rs, int row) throws SQLException {
    return new Greeting(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("message"),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant());
  }
}
