CREATE TABLE greeting (
  id         BIGINT       NOT NULL AUTO_INCREMENT,
  name       VARCHAR(100) NOT NULL,
  message    VARCHAR(200) NOT NULL,
  created_by VARCHAR(255) NOT NULL,
  created_at TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (id)
);
