//! WHERE clauses built from a filter, with their values bound as parameters: the SQL half of
//! the core's filter, which the API applies again over the rows so both count the same.

use karya_core::{Filter, Month};

/// A WHERE clause with its text parameters, numbered `$1…` for both engines.
#[derive(Default)]
pub struct Where {
    clauses: Vec<String>,
    binds: Vec<String>,
}

impl Where {
    pub fn push(&mut self, clause: &str, value: String) {
        self.binds.push(value);
        self.clauses
            .push(clause.replace('?', &format!("${}", self.binds.len())));
    }

    pub fn sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.clauses.join(" AND "))
        }
    }

    pub fn query<'q>(
        &'q self,
        sql: &'q str,
    ) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
        self.binds
            .iter()
            .fold(sqlx::query(sql), |q, b| q.bind(b.as_str()))
    }
}

pub fn shipment_where(filter: &Filter) -> Where {
    let mut w = Where::default();
    let (start, end) = filter.date_range();
    if let Some(start) = start {
        w.push("s.release_date >= ?", start.format("%Y-%m-%d").to_string());
    }
    if let Some(end) = end {
        w.push("s.release_date <= ?", end.format("%Y-%m-%d").to_string());
    }
    if let Some(p) = &filter.product {
        w.push("s.product_id = ?", p.clone());
    }
    if let Some(f) = &filter.facility {
        w.push("s.facility_id = ?", f.clone());
    }
    if let Some(c) = &filter.country {
        w.push("s.country = ?", c.clone());
    }
    w
}

pub fn production_where(filter: &Filter) -> Where {
    let mut w = Where::default();
    let (start, end) = filter.date_range();
    // A month overlaps [start, end] exactly when it lies between their months.
    if let Some(start) = start {
        w.push("p.month >= ?", Month::of(start).to_string());
    }
    if let Some(end) = end {
        w.push("p.month <= ?", Month::of(end).to_string());
    }
    if let Some(prod) = &filter.product {
        w.push("p.product_id = ?", prod.clone());
    }
    if let Some(f) = &filter.facility {
        w.push("p.facility_id = ?", f.clone());
    }
    w
}
