//! Words and files made from the destination figures: the sentence that is the map's text
//! alternative, and the CSV of the map's table. Both read the same `Destinations` the map draws.

use crate::destinations::{Destinations, Measure};
use crate::format;
use crate::i18n::{unit_name, Lang};

/// The figure of a destination as the map encodes it, written for people.
pub fn measure_value(d: &Destinations, value: Option<f64>, lang: Lang) -> String {
    match (d.measure, value) {
        (_, None) => lang
            .pick("nilai tidak diketahui", "value unknown")
            .to_string(),
        (Measure::Releases, Some(v)) => {
            let n = format::number(v, 0, lang);
            match lang {
                Lang::Id => format!("{n} pelepasan"),
                Lang::En if v == 1.0 => format!("{n} release"),
                Lang::En => format!("{n} releases"),
            }
        }
        (Measure::Value, Some(v)) => format::usd(v, lang),
        (Measure::Quantity, Some(v)) => match d.unit {
            Some(unit) => format::quantity(v, unit, lang),
            None => format::number(v, 1, lang),
        },
    }
}

/// "Produk WBP diekspor ke 8 negara dalam 34 pelepasan; terbanyak ke Korea Selatan (7 pelepasan),
/// lalu Spanyol (6 pelepasan) dan Prancis (6 pelepasan)."
pub fn map_summary(d: &Destinations, country_name: impl Fn(&str) -> String, lang: Lang) -> String {
    if d.countries.is_empty() {
        return lang
            .pick(
                "Tidak ada pelepasan ekspor untuk pilihan ini.",
                "No export releases for this selection.",
            )
            .to_string();
    }
    let n = format::integer(d.countries.len() as i64, lang);
    let releases = format::integer(d.shipments as i64, lang);
    let head = match lang {
        Lang::Id => format!("Produk WBP diekspor ke {n} negara dalam {releases} pelepasan"),
        Lang::En => format!(
            "WBP products went to {n} {} in {releases} {}",
            if d.countries.len() == 1 {
                "country"
            } else {
                "countries"
            },
            if d.shipments == 1 {
                "release"
            } else {
                "releases"
            }
        ),
    };
    let ranked: Vec<String> = d
        .countries
        .iter()
        .filter(|c| c.value.is_some())
        .take(3)
        .map(|c| {
            format!(
                "{} ({})",
                country_name(&c.country),
                measure_value(d, c.value, lang)
            )
        })
        .collect();
    let (most, then, and) = match lang {
        Lang::Id => ("terbanyak ke", "lalu", "dan"),
        Lang::En => ("most to", "then", "and"),
    };
    match ranked.as_slice() {
        [] => format!("{head}."),
        [first] => format!("{head}; {most} {first}."),
        [first, second] => format!("{head}; {most} {first}, {then} {second}."),
        [first, rest @ ..] => format!(
            "{head}; {most} {first}, {then} {} {and} {}.",
            rest[0], rest[1]
        ),
    }
}

/// One CSV field, quoted when it holds a comma, a quote or a line break.
pub(crate) fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::destinations::destinations;
    use crate::model::{Provenance, Shipment, Unit};
    use crate::Filter;

    fn ship(country: &str, product: &str, usd: Option<f64>) -> Shipment {
        Shipment {
            id: format!("{country}{product}{usd:?}"),
            date: None,
            facility_id: "a".into(),
            product_id: product.into(),
            country: country.into(),
            quantity: 10.0,
            unit: if product == "coffee" {
                Unit::Kilogram
            } else {
                Unit::Piece
            },
            value_idr: None,
            value_usd: usd,
            provisional: false,
            provenance: Provenance::Illustrative,
        }
    }

    fn names(code: &str) -> String {
        match code {
            "ES" => "Spanyol",
            "KR" => "Korea Selatan",
            "FR" => "Prancis",
            "JP" => "Jepang",
            other => other,
        }
        .to_string()
    }

    fn sample() -> Vec<Shipment> {
        let mut v = vec![ship("KR", "coco", Some(1.0)); 3];
        v.extend(vec![ship("ES", "coco", None); 2]);
        v.push(ship("FR", "coffee", None));
        v.push(ship("JP", "coffee", None));
        v.iter_mut()
            .enumerate()
            .for_each(|(i, s)| s.id = i.to_string());
        v
    }

    #[test]
    fn the_summary_names_the_largest_destinations_in_each_language() {
        let d = destinations(&Filter::default(), &sample(), Measure::Releases).unwrap();
        assert_eq!(
            map_summary(&d, names, Lang::Id),
            "Produk WBP diekspor ke 4 negara dalam 7 pelepasan; terbanyak ke Korea Selatan (3 pelepasan), lalu Spanyol (2 pelepasan) dan Prancis (1 pelepasan)."
        );
        assert!(map_summary(&d, names, Lang::En).starts_with(
            "WBP products went to 4 countries in 7 releases; most to Korea Selatan (3 releases)"
        ));
        let none = destinations(
            &Filter::from_pairs([("country", "NZ")]).unwrap(),
            &sample(),
            Measure::Releases,
        )
        .unwrap();
        assert_eq!(
            map_summary(&none, names, Lang::En),
            "No export releases for this selection."
        );
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
