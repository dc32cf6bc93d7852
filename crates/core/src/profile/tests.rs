use super::*;
use crate::destinations::{destinations, Measure};
use crate::model::{ProductCategory, Provenance};
use crate::pipeline::{PipelineProduct, PipelineStage};
use crate::test_fixtures::{names, sample, ship};
use crate::Filter;
use chrono::NaiveDate;

#[test]
fn receipts_keep_each_product_in_its_unit_and_sum_only_known_values() {
    let r = receipts(&sample());
    assert_eq!(r.len(), 2);
    assert_eq!((r[0].product_id.as_str(), r[0].unit), ("coco", Unit::Piece));
    assert_eq!((r[0].releases, r[0].quantity), (5, 50.0));
    assert_eq!((r[0].value_usd, r[0].without_value), (Some(3.0), 2));
    assert_eq!(
        (r[1].product_id.as_str(), r[1].unit),
        ("coffee", Unit::Kilogram)
    );
    assert_eq!((r[1].value_usd, r[1].without_value), (None, 2));
}

#[test]
fn receipts_agree_with_the_destinations_of_one_country() {
    let all = sample();
    let f = Filter {
        country: Some("ES".into()),
        ..Filter::default()
    };
    let d = destinations(&f, &all, Measure::Releases).unwrap();
    let es: Vec<Shipment> = all.into_iter().filter(|s| s.country == "ES").collect();
    let r = receipts(&es);
    let stat = &d.countries[0];
    assert_eq!(stat.shipments, r.iter().map(|r| r.releases).sum::<u32>());
    for q in &stat.quantities {
        let mine = r.iter().find(|r| r.product_id == q.product_id).unwrap();
        assert_eq!((mine.unit, mine.quantity), (q.unit, q.quantity));
    }
}

fn dated(y: i32, m: u32, id: &str) -> Shipment {
    let mut s = ship("ES", "coco", None);
    s.date = NaiveDate::from_ymd_opt(y, m, 1);
    s.id = id.into();
    s
}

#[test]
fn releases_per_year_count_undated_apart() {
    let list = vec![
        dated(2025, 3, "a"),
        dated(2024, 1, "b"),
        dated(2025, 9, "c"),
        ship("ES", "coco", None),
    ];
    let y = releases_per_year(&list);
    assert_eq!(y.years, vec![(2024, 1), (2025, 2)]);
    assert_eq!(y.undated, 1);
}

#[test]
fn latest_puts_the_newest_first_and_the_undated_last() {
    let list = vec![
        ship("ES", "coco", None),
        dated(2024, 1, "b"),
        dated(2025, 9, "c"),
    ];
    let ids: Vec<String> = latest(&list, 2).into_iter().map(|s| s.id).collect();
    assert_eq!(ids, vec!["c", "b"]);
    assert_eq!(latest(&list, 5).last().unwrap().date, None);
}

fn shrimp() -> Product {
    Product {
        id: "vannamei-shrimp".into(),
        name_id: "Udang vaname".into(),
        name_en: "Vannamei shrimp".into(),
        category: ProductCategory::Fishery,
        unit: Unit::Kilogram,
        status: ProductStatus::Planned,
        hs_code: None,
        facilities: vec!["lapas-nusakambangan".into()],
        provenance: Provenance::Illustrative,
    }
}

#[test]
fn a_planned_product_names_its_facilities_and_says_it_is_not_exported() {
    let stages = vec![PipelineStage {
        status: ProductStatus::Planned,
        products: vec![PipelineProduct {
            product: shrimp(),
            facilities: vec!["lapas-batu".into()],
            releases: 0,
            latest_release: None,
            first_production: None,
        }],
    }];
    let s = stage(&shrimp(), &stages);
    assert_eq!(s.status, ProductStatus::Planned);
    assert_eq!(s.facilities, vec!["lapas-batu", "lapas-nusakambangan"]);
    let none = destinations(&Filter::default(), &[], Measure::Releases).unwrap();
    let id = product_sentence("Udang vaname", s.status, &none, names, Lang::Id);
    assert_eq!(id, "Udang vaname belum diekspor (tahap: direncanakan).");
    let en = product_sentence("Vannamei shrimp", s.status, &none, names, Lang::En);
    assert_eq!(
        en,
        "Vannamei shrimp has not been exported yet (stage: planned)."
    );
}

#[test]
fn an_exported_product_is_said_with_its_top_destination_and_its_unit() {
    let f = Filter {
        product: Some("coco".into()),
        ..Filter::default()
    };
    let d = destinations(&f, &sample(), Measure::Quantity).unwrap();
    let en = product_sentence("Coco shade", ProductStatus::Exporting, &d, names, Lang::En);
    assert!(
        en.starts_with("Coco shade went to 2 countries in 5 releases ("),
        "{en}"
    );
    assert!(en.ends_with("most to Korea Selatan."), "{en}");
}

#[test]
fn a_country_without_releases_says_so_in_both_languages() {
    assert_eq!(
        country_sentence("Jepang", &[], names, Lang::Id),
        "Belum ada pelepasan ekspor produk WBP ke Jepang."
    );
    let en = country_sentence("Spain", &receipts(&sample()), |p| p.to_string(), Lang::En);
    assert!(
        en.starts_with("Spain received 7 releases of 2 WBP products; most often coco"),
        "{en}"
    );
}
