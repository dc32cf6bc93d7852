//! The figures of a view in words: a destination's or a ranking's figure, the sentences that
//! are the map's and the charts' text alternatives, and growth against the previous period.

use crate::destinations::{Destinations, Measure};
use crate::format;
use crate::i18n::Lang;
use crate::production::Comparison;
use crate::ranking::{RankMeasure, Ranking};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::destinations::destinations;
    use crate::model::Unit;
    use crate::month::Month;
    use crate::production::{Growth, MonthSpan};
    use crate::test_fixtures::{names, ranking, sample};
    use crate::Filter;

    #[test]
    fn the_ranking_sentence_names_the_leaders_and_counts_the_rest() {
        let r = ranking();
        let name = |id: &str| format!("Lapas {}", id.to_uppercase());
        assert_eq!(
            ranking_summary(&r, name, Lang::Id),
            "Terbanyak: Lapas A (12 pelepasan), lalu Lapas B (1 pelepasan); 2 dari 3 UPT tercatat untuk pilihan ini."
        );
        assert!(ranking_summary(&r, name, Lang::En).contains("Lapas B (1 release)"));
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
}
