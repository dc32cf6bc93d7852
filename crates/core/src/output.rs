//! Facility output made ready to draw and to read: production series stacked per unit (a
//! chart never stacks pieces on kilograms), ranking figures in words, the sentences that say
//! what each chart shows, and the CSV behind each chart.

use crate::format;
use crate::i18n::{unit_name, Lang};
use crate::model::Unit;
use crate::production::{Comparison, ProductionSeries};
use crate::ranking::{RankMeasure, Ranking};
use crate::report::csv_field;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// One chart's worth of series: the products counted in one unit, over the same periods.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitStack {
    pub unit: Unit,
    /// Period labels in time order (as `Granularity::bucket` writes them).
    pub periods: Vec<String>,
    /// Product ids, largest total first, so the biggest sits at the bottom of each column.
    pub products: Vec<String>,
    /// `values[product][period]`; a period without production is 0.
    pub values: Vec<Vec<f64>>,
    /// Per period, the column's height.
    pub totals: Vec<f64>,
    pub illustrative: bool,
}

impl UnitStack {
    pub fn total(&self) -> f64 {
        self.totals.iter().sum()
    }

    pub fn max(&self) -> f64 {
        self.totals.iter().copied().fold(0.0, f64::max)
    }

    /// Where segment `(product, period)` starts and ends on the value axis.
    pub fn segment(&self, product: usize, period: usize) -> (f64, f64) {
        let below: f64 = (0..product).map(|p| self.values[p][period]).sum();
        (below, below + self.values[product][period])
    }
}

/// Groups series by unit, one stack per unit, units in a fixed order.
pub fn stacks_by_unit(series: &[ProductionSeries]) -> Vec<UnitStack> {
    let units: BTreeSet<Unit> = series.iter().map(|s| s.unit).collect();
    units
        .into_iter()
        .map(|unit| {
            let mut mine: Vec<&ProductionSeries> =
                series.iter().filter(|s| s.unit == unit).collect();
            mine.sort_by(|a, b| {
                b.total
                    .total_cmp(&a.total)
                    .then_with(|| a.product_id.cmp(&b.product_id))
            });
            let periods: Vec<String> = mine
                .iter()
                .flat_map(|s| s.points.iter().map(|p| p.period.clone()))
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            let values: Vec<Vec<f64>> = mine
                .iter()
                .map(|s| {
                    periods
                        .iter()
                        .map(|period| {
                            s.points
                                .iter()
                                .find(|p| &p.period == period)
                                .map_or(0.0, |p| p.quantity)
                        })
                        .collect()
                })
                .collect();
            let totals = (0..periods.len())
                .map(|i| values.iter().map(|v| v[i]).sum())
                .collect();
            UnitStack {
                unit,
                products: mine.iter().map(|s| s.product_id.clone()).collect(),
                illustrative: mine.iter().any(|s| s.illustrative),
                periods,
                values,
                totals,
            }
        })
        .collect()
}

/// A ranking figure for people: "12 pelepasan", "US$1.200,00", "3 produk", "450 kg";
/// "nilai tidak diketahui" where no release gives a value.
pub fn rank_value(r: &Ranking, value: Option<f64>, lang: Lang) -> String {
    let Some(v) = value else {
        return lang
            .pick("nilai tidak diketahui", "value unknown")
            .to_string();
    };
    let count = |one: &str, many: &str, id: &str| {
        let n = format::number(v, 0, lang);
        match lang {
            Lang::Id => format!("{n} {id}"),
            Lang::En if v == 1.0 => format!("{n} {one}"),
            Lang::En => format!("{n} {many}"),
        }
    };
    match r.measure {
        RankMeasure::Releases => count("release", "releases", "pelepasan"),
        RankMeasure::Products => count("product", "products", "produk"),
        RankMeasure::Value => format::usd(v, lang),
        RankMeasure::Quantity => match r.unit {
            Some(unit) => format::quantity(v, unit, lang),
            None => format::number(v, 1, lang),
        },
    }
}

/// "Lapas Cirebon memimpin dengan 12 pelepasan, lalu Lapas Tangerang (9 pelepasan);
/// 11 dari 20 UPT tercatat untuk pilihan ini."
pub fn ranking_summary(r: &Ranking, facility_name: impl Fn(&str) -> String, lang: Lang) -> String {
    let with_output: Vec<_> = r
        .rows
        .iter()
        .filter(|x| x.value.is_some_and(|v| v > 0.0))
        .collect();
    if with_output.is_empty() {
        return lang
            .pick(
                "Tidak ada UPT dengan angka untuk pilihan ini.",
                "No facility has a figure for this selection.",
            )
            .to_string();
    }
    let first = with_output[0];
    let lead = format!(
        "{} ({})",
        facility_name(&first.facility_id),
        rank_value(r, first.value, lang)
    );
    let next = with_output.get(1).map(|x| {
        format!(
            "{} ({})",
            facility_name(&x.facility_id),
            rank_value(r, x.value, lang)
        )
    });
    let (n, of) = (
        format::integer(with_output.len() as i64, lang),
        format::integer(r.rows.len() as i64, lang),
    );
    match (lang, next) {
        (Lang::Id, Some(next)) => {
            format!("Terbanyak: {lead}, lalu {next}; {n} dari {of} UPT tercatat untuk pilihan ini.")
        }
        (Lang::Id, None) => {
            format!("Terbanyak: {lead}; {n} dari {of} UPT tercatat untuk pilihan ini.")
        }
        (Lang::En, Some(next)) => {
            format!("Highest: {lead}, then {next}; {n} of {of} facilities have a figure for this selection.")
        }
        (Lang::En, None) => {
            format!("Highest: {lead}; {n} of {of} facilities have a figure for this selection.")
        }
    }
}

/// Growth in words: "naik 18,2%", "turun 3%", "tetap", or "tanpa pembanding" when the
/// previous period had nothing.
pub fn growth_words(pct: Option<f64>, lang: Lang) -> String {
    match pct {
        None => lang
            .pick("tanpa pembanding", "nothing to compare with")
            .to_string(),
        Some(p) if p.abs() < 0.05 => lang.pick("tetap", "unchanged").to_string(),
        Some(p) => {
            let n = format::number(p.abs(), 1, lang);
            match (lang, p > 0.0) {
                (Lang::Id, true) => format!("naik {n}%"),
                (Lang::Id, false) => format!("turun {n}%"),
                (Lang::En, true) => format!("up {n}%"),
                (Lang::En, false) => format!("down {n}%"),
            }
        }
    }
}

/// What a facility's production chart shows: "Lapas Cirebon membuat 5.432 buah Coco shade
/// pada 2025, naik 18,2% dibanding 2024." One clause per product, units kept apart.
pub fn production_summary(
    facility: &str,
    comparison: Option<&Comparison>,
    product_name: impl Fn(&str) -> String,
    lang: Lang,
) -> String {
    let Some(c) = comparison.filter(|c| c.growth.iter().any(|g| g.current > 0.0)) else {
        return match lang {
            Lang::Id => format!("{facility} tidak mencatat produksi pada periode ini."),
            Lang::En => format!("{facility} recorded no production in this period."),
        };
    };
    let (now, before) = (c.current.name(lang), c.previous.name(lang));
    let clauses: Vec<String> = c
        .growth
        .iter()
        .filter(|g| g.current > 0.0)
        .map(|g| {
            format!(
                "{} {} ({})",
                format::quantity(g.current, g.unit, lang),
                product_name(&g.product_id),
                growth_words(g.pct, lang)
            )
        })
        .collect();
    match lang {
        Lang::Id => format!(
            "{facility} membuat {} pada {now}; perubahan dibanding {before} dalam kurung.",
            clauses.join(", ")
        ),
        Lang::En => format!(
            "{facility} made {} in {now}; the change against {before} is in brackets.",
            clauses.join(", ")
        ),
    }
}

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

fn csv(rows: impl IntoIterator<Item = Vec<String>>) -> String {
    rows.into_iter()
        .map(|r| r.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(",") + "\n")
        .collect()
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
    use crate::month::Month;
    use crate::production::{Growth, MonthSpan, SeriesPoint};
    use crate::ranking::RankingRow;

    fn series(product: &str, unit: Unit, points: &[(&str, f64)]) -> ProductionSeries {
        ProductionSeries {
            product_id: product.into(),
            unit,
            total: points.iter().map(|p| p.1).sum(),
            points: points
                .iter()
                .map(|(period, quantity)| SeriesPoint {
                    period: period.to_string(),
                    quantity: *quantity,
                    provisional: false,
                })
                .collect(),
            illustrative: true,
            provisional: false,
        }
    }

    #[test]
    fn stacks_keep_units_apart_and_fill_missing_periods_with_zero() {
        let s = stacks_by_unit(&[
            series("bag", Unit::Piece, &[("2024", 10.0), ("2025", 20.0)]),
            series("coffee", Unit::Kilogram, &[("2025", 7.0)]),
            series("basket", Unit::Piece, &[("2025", 50.0)]),
        ]);
        assert_eq!(s.len(), 2);
        let pieces = &s[0];
        assert_eq!(pieces.unit, Unit::Piece);
        assert_eq!(pieces.periods, ["2024", "2025"]);
        assert_eq!(pieces.products, ["basket", "bag"]);
        assert_eq!(pieces.values[0], [0.0, 50.0]);
        assert_eq!(pieces.totals, [10.0, 70.0]);
        assert_eq!(pieces.segment(1, 1), (50.0, 70.0));
        assert_eq!(pieces.total(), 80.0);
        assert_eq!(s[1].total(), 7.0);
        let csv = stack_csv(pieces, |p| p.to_uppercase(), Lang::En);
        assert_eq!(
            csv,
            "period,BASKET (pieces),BAG (pieces),total (pieces)\n2024,0,10,10\n2025,50,20,70\n"
        );
    }

    fn ranking() -> Ranking {
        let row = |id: &str, v: Option<f64>| RankingRow {
            facility_id: id.into(),
            value: v,
            produced: vec![],
            releases: v.unwrap_or(0.0) as u32,
            value_usd: None,
            products: 1,
            illustrative: true,
        };
        Ranking {
            filter: Default::default(),
            measure: RankMeasure::Releases,
            unit: None,
            rows: vec![
                row("a", Some(12.0)),
                row("b", Some(1.0)),
                row("c", Some(0.0)),
            ],
            total: Some(13.0),
            years: None,
        }
    }

    #[test]
    fn the_ranking_sentence_names_the_leaders_and_counts_the_rest() {
        let r = ranking();
        let name = |id: &str| format!("Lapas {}", id.to_uppercase());
        assert_eq!(
            ranking_summary(&r, name, Lang::Id),
            "Terbanyak: Lapas A (12 pelepasan), lalu Lapas B (1 pelepasan); 2 dari 3 UPT tercatat untuk pilihan ini."
        );
        assert!(ranking_summary(&r, name, Lang::En).contains("Lapas B (1 release)"));
        let csv = ranking_csv(&r, name, |p| p.to_string(), Lang::En);
        assert!(csv.starts_with("id,facility,ranked_value,releases"));
        assert_eq!(csv.lines().count(), 4);
    }

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

    #[test]
    fn growth_reads_in_words_with_the_periods_named() {
        assert_eq!(growth_words(Some(18.23), Lang::Id), "naik 18,2%");
        assert_eq!(growth_words(Some(-3.0), Lang::En), "down 3%");
        assert_eq!(growth_words(None, Lang::Id), "tanpa pembanding");
        let m = |s: &str| s.parse::<Month>().unwrap();
        let c = Comparison {
            current: MonthSpan {
                first: m("2025-01"),
                last: m("2025-12"),
            },
            previous: MonthSpan {
                first: m("2024-01"),
                last: m("2024-12"),
            },
            growth: vec![Growth {
                product_id: "coco".into(),
                unit: Unit::Piece,
                current: 5432.0,
                previous: 4600.0,
                pct: Some(18.09),
            }],
        };
        assert_eq!(
            production_summary("Lapas Cirebon", Some(&c), |_| "coco shade".into(), Lang::Id),
            "Lapas Cirebon membuat 5.432 buah coco shade (naik 18,1%) pada 2025; perubahan dibanding 2024 dalam kurung."
        );
        assert!(production_summary("X", None, |p| p.into(), Lang::En).contains("no production"));
    }
}
