//! The CSV behind each table and chart (the map's table, the ranking, a production stack):
//! plain numbers, ISO dates, one column per product and unit so units never share a column.

use crate::destinations::Destinations;
use crate::i18n::{unit_name, Lang};
use crate::model::Unit;
use crate::ranking::Ranking;
use crate::stack::UnitStack;

/// One CSV field, quoted when it holds a comma, a quote or a line break; a text a
/// spreadsheet would run as a formula is made plain text first.
fn csv_field(s: &str) -> String {
    let s = &*crate::tables::cell::neutralise(s);
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn csv(rows: impl IntoIterator<Item = Vec<String>>) -> String {
    rows.into_iter()
        .map(|r| r.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(",") + "\n")
        .collect()
}

/// The map's table as CSV: plain numbers (no grouping), ISO dates, one quantity column per
/// product-and-unit so that units are never mixed in a column.
pub fn destinations_csv(
    d: &Destinations,
    country_name: impl Fn(&str) -> String,
    product_name: impl Fn(&str) -> String,
    lang: Lang,
) -> String {
    let mut columns: Vec<(String, crate::model::Unit)> = d
        .countries
        .iter()
        .flat_map(|c| c.quantities.iter().map(|q| (q.product_id.clone(), q.unit)))
        .collect();
    columns.sort();
    columns.dedup();
    let mut header = vec![
        "iso".to_string(),
        lang.pick("negara", "country").to_string(),
        lang.pick("pelepasan", "releases").to_string(),
        lang.pick("nilai_usd", "value_usd").to_string(),
        lang.pick("pelepasan_tanpa_nilai", "releases_without_value")
            .to_string(),
        lang.pick("terakhir", "latest").to_string(),
        lang.pick("data_ilustrasi", "illustrative").to_string(),
    ];
    header.extend(
        columns
            .iter()
            .map(|(p, unit)| format!("{} ({})", product_name(p), unit_name(*unit, 2.0, lang))),
    );
    let mut out = header
        .iter()
        .map(|h| csv_field(h))
        .collect::<Vec<_>>()
        .join(",");
    out.push('\n');
    for c in &d.countries {
        let mut row = vec![
            c.country.clone(),
            country_name(&c.country),
            c.shipments.to_string(),
            c.value_usd.map(|v| v.to_string()).unwrap_or_default(),
            c.shipments_without_value.to_string(),
            c.latest.map(|d| d.to_string()).unwrap_or_default(),
            c.illustrative.to_string(),
        ];
        for (p, unit) in &columns {
            let q = c
                .quantities
                .iter()
                .find(|q| &q.product_id == p && q.unit == *unit);
            row.push(q.map(|q| q.quantity.to_string()).unwrap_or_default());
        }
        out.push_str(
            &row.iter()
                .map(|f| csv_field(f))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push('\n');
    }
    out
}

/// The ranking as CSV: plain numbers, production in separate columns per product and unit.
pub fn ranking_csv(
    r: &Ranking,
    facility_name: impl Fn(&str) -> String,
    product_name: impl Fn(&str) -> String,
    lang: Lang,
) -> String {
    let mut columns: Vec<(String, Unit)> = r
        .rows
        .iter()
        .flat_map(|x| x.produced.iter().map(|q| (q.product_id.clone(), q.unit)))
        .collect();
    columns.sort();
    columns.dedup();
    let mut header: Vec<String> = [
        ("id", "id"),
        ("upt", "facility"),
        ("nilai_peringkat", "ranked_value"),
        ("pelepasan", "releases"),
        ("nilai_usd", "value_usd"),
        ("produk", "products"),
        ("data_ilustrasi", "illustrative"),
    ]
    .iter()
    .map(|(id, en)| lang.pick(id, en).to_string())
    .collect();
    header.extend(
        columns
            .iter()
            .map(|(p, unit)| format!("{} ({})", product_name(p), unit_name(*unit, 2.0, lang))),
    );
    let rows = r.rows.iter().map(|x| {
        let mut row = vec![
            x.facility_id.clone(),
            facility_name(&x.facility_id),
            x.value.map(|v| v.to_string()).unwrap_or_default(),
            x.releases.to_string(),
            x.value_usd.map(|v| v.to_string()).unwrap_or_default(),
            x.products.to_string(),
            x.illustrative.to_string(),
        ];
        row.extend(columns.iter().map(|(p, unit)| {
            x.produced
                .iter()
                .find(|q| &q.product_id == p && q.unit == *unit)
                .map(|q| q.quantity.to_string())
                .unwrap_or_default()
        }));
        row
    });
    csv(std::iter::once(header).chain(rows))
}

/// One stack as CSV: a row per period, a column per product, and the column total.
pub fn stack_csv(s: &UnitStack, product_name: impl Fn(&str) -> String, lang: Lang) -> String {
    let unit = unit_name(s.unit, 2.0, lang);
    let mut header = vec![lang.pick("periode", "period").to_string()];
    header.extend(
        s.products
            .iter()
            .map(|p| format!("{} ({unit})", product_name(p))),
    );
    header.push(format!("{} ({unit})", lang.pick("jumlah", "total")));
    let rows = s.periods.iter().enumerate().map(|(i, period)| {
        let mut row = vec![period.clone()];
        row.extend(s.values.iter().map(|v| v[i].to_string()));
        row.push(s.totals[i].to_string());
        row
    });
    csv(std::iter::once(header).chain(rows))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::destinations::{destinations, Measure};
    use crate::stack::stacks_by_unit;
    use crate::test_fixtures::{names, ranking, sample, series};
    use crate::Filter;

    #[test]
    fn a_formula_is_written_as_text_and_a_carriage_return_is_quoted() {
        assert_eq!(csv_field("=1+2"), "'=1+2");
        assert_eq!(csv_field("a\rb"), "\"a\rb\"");
        assert_eq!(csv_field("-6.5"), "-6.5");
    }

    #[test]
    fn a_stack_is_a_row_per_period_and_a_column_per_product() {
        let s = stacks_by_unit(&[
            series("bag", Unit::Piece, &[("2024", 10.0), ("2025", 20.0)]),
            series("coffee", Unit::Kilogram, &[("2025", 7.0)]),
            series("basket", Unit::Piece, &[("2025", 50.0)]),
        ]);
        let pieces = &s[0];
        let csv = stack_csv(pieces, |p| p.to_uppercase(), Lang::En);
        assert_eq!(
            csv,
            "period,BASKET (pieces),BAG (pieces),total (pieces)\n2024,0,10,10\n2025,50,20,70\n"
        );
    }

    #[test]
    fn the_ranking_is_a_row_per_facility_under_its_header() {
        let r = ranking();
        let name = |id: &str| format!("Lapas {}", id.to_uppercase());
        let csv = ranking_csv(&r, name, |p| p.to_string(), Lang::En);
        assert!(csv.starts_with("id,facility,ranked_value,releases"));
        assert_eq!(csv.lines().count(), 4);
    }

    #[test]
    fn the_csv_keeps_units_in_separate_columns_and_quotes_what_needs_it() {
        let d = destinations(&Filter::default(), &sample(), Measure::Releases).unwrap();
        let csv = destinations_csv(
            &d,
            |c| {
                if c == "KR" {
                    "Korea, Republic of".into()
                } else {
                    names(c)
                }
            },
            |p| p.into(),
            Lang::En,
        );
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "iso,country,releases,value_usd,releases_without_value,latest,illustrative,coco (pieces),coffee (kg)");
        assert_eq!(lines[1], "KR,\"Korea, Republic of\",3,3,0,,true,30,");
        assert_eq!(lines.len(), 5);
        let releases: u32 = lines[1..]
            .iter()
            .map(|l| {
                l.rsplit_once(",\"")
                    .map_or(l.split(',').nth(2).unwrap(), |_| "3")
                    .parse::<u32>()
                    .unwrap()
            })
            .sum();
        assert_eq!(releases as f64, d.total);
    }
}
