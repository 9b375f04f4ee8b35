-- Moat store, portable between SQLite and PostgreSQL: TEXT ids (UUIDs), ISO-8601 TEXT timestamps
-- (they sort correctly), JSON arrays and maps as TEXT.

CREATE TABLE source (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);

CREATE TABLE discovery_run (
  id         TEXT PRIMARY KEY,
  source_id  TEXT NOT NULL REFERENCES source (id),
  started_at TEXT NOT NULL,
  status     TEXT NOT NULL,
  message    TEXT NOT NULL
);
CREATE INDEX discovery_run_source ON discovery_run (source_id, started_at);

CREATE TABLE data_table (
  source_id     TEXT NOT NULL REFERENCES source (id),
  database_name TEXT NOT NULL,
  schema_name   TEXT NOT NULL,
  table_name    TEXT NOT NULL,
  row_estimate  BIGINT NOT NULL,
  first_seen    TEXT NOT NULL,
  last_seen     TEXT NOT NULL,
  PRIMARY KEY (source_id, database_name, schema_name, table_name)
);

CREATE TABLE data_column (
  id            TEXT PRIMARY KEY,
  source_id     TEXT NOT NULL REFERENCES source (id),
  database_name TEXT NOT NULL,
  schema_name   TEXT NOT NULL,
  table_name    TEXT NOT NULL,
  column_name   TEXT NOT NULL,
  first_seen    TEXT NOT NULL,
  last_seen     TEXT NOT NULL,
  UNIQUE (source_id, database_name, schema_name, table_name, column_name)
);

CREATE TABLE column_result (
  run_id      TEXT NOT NULL REFERENCES discovery_run (id),
  column_id   TEXT NOT NULL REFERENCES data_column (id),
  entity      TEXT,
  confidence  TEXT,
  hit_rate    DOUBLE PRECISION NOT NULL,
  sampled     INTEGER NOT NULL,
  row_count   BIGINT NOT NULL,
  category    TEXT NOT NULL,
  level       TEXT NOT NULL,
  examples    TEXT NOT NULL,
  change_kind TEXT NOT NULL,
  PRIMARY KEY (run_id, column_id)
);

CREATE TABLE scan_run (
  id              TEXT PRIMARY KEY,
  scanner_version TEXT NOT NULL,
  started_at      TEXT NOT NULL,
  finished_at     TEXT NOT NULL,
  targets         TEXT NOT NULL
);

CREATE TABLE scan_service (
  run_id   TEXT NOT NULL REFERENCES scan_run (id),
  host     TEXT NOT NULL,
  port     INTEGER NOT NULL,
  service  TEXT NOT NULL,
  product  TEXT,
  version  TEXT,
  tls      INTEGER NOT NULL,
  auth     TEXT NOT NULL,
  PRIMARY KEY (run_id, host, port)
);

CREATE TABLE scan_finding (
  run_id      TEXT NOT NULL REFERENCES scan_run (id),
  seq         INTEGER NOT NULL,
  finding_id  TEXT NOT NULL,
  check_id    TEXT NOT NULL,
  service     TEXT NOT NULL,
  host        TEXT NOT NULL,
  port        INTEGER NOT NULL,
  severity    TEXT NOT NULL,
  title       TEXT NOT NULL,
  detail      TEXT NOT NULL,
  evidence    TEXT NOT NULL,
  exposure    TEXT NOT NULL,
  remediation TEXT NOT NULL,
  refs        TEXT NOT NULL,
  PRIMARY KEY (run_id, seq)
);
CREATE INDEX scan_finding_id ON scan_finding (finding_id);
