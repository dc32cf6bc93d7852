//! Where each column of a table's CSV file is kept in the database. `karya_core::tables`
//! holds the one column list per table; this names the few places the SQL differs from it.

use karya_core::tables::Table;

/// How a CSV column is kept when it is not under its own name in its table's row.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Stored {
    /// Under another name: renaming the SQL column would need a migration.
    As(&'static str),
    /// Outside the row: a product's facilities are rows of `product_facilities`.
    Elsewhere,
}

const DIFFERENCES: &[(Table, &str, Stored)] = &[
    (Table::Countries, "numeric", Stored::As("numeric_code")),
    (Table::Facilities, "role", Stored::As("zoning_role")),
    (Table::Products, "facilities", Stored::Elsewhere),
    (Table::Shipments, "date", Stored::As("release_date")),
    (Table::ExchangeRates, "date", Stored::As("rate_date")),
];

/// The database table that keeps a table's records.
pub fn sql_table(table: Table) -> &'static str {
    match table {
        Table::Production => "production_records",
        Table::Statements => "source_statements",
        other => other.name(),
    }
}

/// The SQL column of a CSV column, `None` for one kept outside the row.
pub fn sql_column(table: Table, csv: &'static str) -> Option<&'static str> {
    match DIFFERENCES
        .iter()
        .find(|(t, c, _)| *t == table && *c == csv)
    {
        Some((_, _, Stored::As(sql))) => Some(sql),
        Some((_, _, Stored::Elsewhere)) => None,
        None => Some(csv),
    }
}

/// The table's SQL columns in its CSV columns' order.
pub fn sql_columns(table: Table) -> Vec<&'static str> {
    table
        .columns()
        .iter()
        .filter_map(|c| sql_column(table, c.name))
        .collect()
}

/// The columns a record is found by, as `INSERT … ON CONFLICT` names them.
pub fn key_columns(table: Table) -> &'static [&'static str] {
    match table {
        Table::Countries => &["alpha2"],
        Table::ExchangeRates => &["rate_date"],
        Table::Production => &["facility_id", "product_id", "month"],
        _ => &["id"],
    }
}

/// The database table, its columns and its key columns for each record table.
pub fn layout(table: Table) -> (&'static str, Vec<&'static str>, &'static [&'static str]) {
    (sql_table(table), sql_columns(table), key_columns(table))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    const MIGRATIONS: [&str; 4] = [
        include_str!("../../migrations/0001_initial.sql"),
        include_str!("../../migrations/0002_product_facilities.sql"),
        include_str!("../../migrations/0003_data_management.sql"),
        include_str!("../../migrations/0007_exchange_rates.sql"),
    ];

    /// Every column the migrations give `table`: `CREATE TABLE` lines and `ADD COLUMN`s.
    fn migrated(table: &str) -> BTreeSet<String> {
        let mut columns = BTreeSet::new();
        for sql in MIGRATIONS {
            let mut inside = false;
            for line in sql.lines().map(str::trim) {
                if line.starts_with(&format!("CREATE TABLE {table} (")) {
                    inside = true;
                } else if inside && line.starts_with(')') {
                    inside = false;
                } else if inside {
                    let word = line.split_whitespace().next().unwrap_or("");
                    if !["CHECK", "PRIMARY", "UNIQUE", "FOREIGN", ""].contains(&word) {
                        columns.insert(word.to_string());
                    }
                } else if let Some(rest) =
                    line.strip_prefix(&format!("ALTER TABLE {table} ADD COLUMN "))
                {
                    columns.insert(rest.split_whitespace().next().unwrap().to_string());
                }
            }
        }
        columns
    }

    #[test]
    fn every_sql_column_of_a_record_table_is_a_csv_column() {
        for table in Table::ALL {
            let ours: BTreeSet<String> = sql_columns(table).iter().map(|c| c.to_string()).collect();
            assert_eq!(ours, migrated(sql_table(table)), "{table:?}");
            for key in key_columns(table) {
                assert!(ours.contains(*key), "{table:?} {key}");
            }
        }
    }

    #[test]
    fn every_difference_names_a_csv_column() {
        for (table, csv, _) in DIFFERENCES {
            assert!(
                table.columns().iter().any(|c| c.name == *csv),
                "{table:?} {csv}"
            );
        }
    }
}
