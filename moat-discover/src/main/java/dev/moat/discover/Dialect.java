package dev.moat.discover;

/**
 * What differs between databases when sampling cheaply: where row estimates live, which schemas are
 * the system's own, and how to read a bounded random sample without a full scan.
 */
enum Dialect {
  /** TABLESAMPLE SYSTEM with LIMIT; estimates from pg_class.reltuples. */
  POSTGRESQL(
      "SELECT n.nspname, c.relname, c.reltuples::bigint FROM pg_class c"
          + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r','p')",
      "pg_catalog information_schema pg_toast"),
  /** Primary-key ranges from random starting points; estimates from information_schema. */
  MARIADB(
      "SELECT table_schema, table_name, table_rows FROM information_schema.tables"
          + " WHERE table_type = 'BASE TABLE' AND table_schema NOT IN "
          + sqlList(SystemSchemas.MARIADB),
      SystemSchemas.MARIADB),
  /** Rowid ranges; max(rowid) as the estimate. */
  SQLITE("", ""),
  /** LIMIT only; estimates from INFORMATION_SCHEMA.TABLES. */
  H2(
      "SELECT TABLE_SCHEMA, TABLE_NAME, ROW_COUNT_ESTIMATE FROM INFORMATION_SCHEMA.TABLES",
      "INFORMATION_SCHEMA"),
  /** Any other JDBC database: standard metadata and a row limit on the statement. */
  GENERIC("", "INFORMATION_SCHEMA SYS SYSTEM SYSIBM SYSDBA SYSAUDIT");

  /** System schema lists that a dialect's SQL also names. */
  private static final class SystemSchemas {
    static final String MARIADB = "information_schema mysql performance_schema sys";
  }

  private final String estimatesSql;
  private final String systemSchemas;

  Dialect(String estimatesSql, String systemSchemas) {
    this.estimatesSql = estimatesSql;
    this.systemSchemas = " " + systemSchemas + " ";
  }

  /** {@code "a b"} as the SQL list {@code ('a', 'b')}. */
  private static String sqlList(String names) {
    return "('" + String.join("', '", names.split(" ")) + "')";
  }

  /** A query returning (schema or catalog, table, estimated rows), or empty when there is none. */
  String estimatesSql() {
    return estimatesSql;
  }

  boolean isSystemSchema(String schema) {
    return systemSchemas.contains(schema)
        || systemSchemas.contains(schema.toUpperCase(java.util.Locale.ROOT));
  }

  /** SQL run once per connection to make every transaction read-only, or empty. */
  String readOnlySql() {
    return switch (this) {
      case POSTGRESQL -> "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY";
      case MARIADB -> "SET SESSION TRANSACTION READ ONLY";
      default -> "";
    };
  }
}
