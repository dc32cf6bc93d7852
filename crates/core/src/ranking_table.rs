//! The ranking table's own rules: which facilities a name search finds and how rows sort by
//! a column, unknown figures last either way.

/// Whether a facility name matches a search: every word of the search appears in the name,
/// ignoring case ("lapas tang" finds "Lapas Tangerang").
pub fn search_matches(name: &str, search: &str) -> bool {
    let name = name.to_lowercase();
    search
        .to_lowercase()
        .split_whitespace()
        .all(|word| name.contains(word))
}

/// Orders ranking rows by a table column (`name`, `value`, `releases`, `products`, `role`),
/// `-` in front for descending. Unknown figures sort last either way; ties keep rank order.
pub fn sort_rows(
    rows: &mut [crate::ranking::RankingRow],
    sort: &str,
    facility: impl Fn(&str) -> Option<(String, crate::model::ZoningRole)>,
) {
    use std::cmp::Ordering;
    let descending = sort.starts_with('-');
    let column = sort.trim_start_matches('-');
    let cmp = |a: &crate::ranking::RankingRow, b: &crate::ranking::RankingRow| -> Ordering {
        let number = |x: Option<f64>, y: Option<f64>| match (x, y) {
            (Some(x), Some(y)) => Some(x.total_cmp(&y)),
            _ => None,
        };
        let ordered = match column {
            "name" => Some(
                facility(&a.facility_id)
                    .map(|f| f.0.to_lowercase())
                    .cmp(&facility(&b.facility_id).map(|f| f.0.to_lowercase())),
            ),
            "role" => Some(
                facility(&a.facility_id)
                    .map(|f| f.1 as u8)
                    .cmp(&facility(&b.facility_id).map(|f| f.1 as u8)),
            ),
            "releases" => Some(a.releases.cmp(&b.releases)),
            "products" => Some(a.products.cmp(&b.products)),
            _ => number(a.value, b.value),
        };
        match ordered {
            Some(o) if descending => o.reverse(),
            Some(o) => o,
            // Unknown values go last in both directions.
            None => a.value.is_none().cmp(&b.value.is_none()),
        }
    };
    rows.sort_by(cmp);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::ranking;

    #[test]
    fn search_and_sort_work_on_names_and_figures() {
        assert!(search_matches("Lapas Tangerang", "lapas TANG"));
        assert!(search_matches("Lapas Tangerang", "  "));
        assert!(!search_matches("Lapas Tangerang", "cirebon"));
        let mut rows = ranking().rows;
        let name = |id: &str| {
            Some((
                format!(
                    "Lapas {}",
                    ["Z", "M", "A"][(id.as_bytes()[0] - b'a') as usize]
                ),
                crate::model::ZoningRole::Producer,
            ))
        };
        sort_rows(&mut rows, "name", name);
        let ids: Vec<_> = rows.iter().map(|r| r.facility_id.as_str()).collect();
        assert_eq!(ids, ["c", "b", "a"]);
        sort_rows(&mut rows, "-value", name);
        let ids: Vec<_> = rows.iter().map(|r| r.facility_id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
        rows[0].value = None;
        sort_rows(&mut rows, "value", name);
        assert_eq!(rows.last().unwrap().facility_id, "a", "unknown last");
        sort_rows(&mut rows, "-value", name);
        assert_eq!(rows.last().unwrap().facility_id, "a", "unknown last");
    }
}
