use super::*;
use crate::dataset::{Dataset, DatasetFile};

/// The sample the server ships: real names in both languages, provinces and codes.
fn index() -> SearchIndex {
    let text = include_str!("../../../data/sample/dataset.json");
    let file: DatasetFile = serde_json::from_str(text).unwrap();
    let d: Dataset = file.into_dataset().unwrap();
    SearchIndex::new(&d.products, &d.facilities, &d.countries)
}

fn first(query: &str, lang: Lang, kind: Kind) -> Option<Hit> {
    index()
        .search(query, lang, 5)
        .into_iter()
        .find(|h| h.kind == kind)
}

#[test]
fn a_country_is_found_by_code_and_by_either_name() {
    for (q, lang) in [
        ("ES", Lang::Id),
        ("es", Lang::En),
        ("Spanyol", Lang::Id),
        ("spain", Lang::En),
    ] {
        let hit = first(q, lang, Kind::Country).unwrap_or_else(|| panic!("{q}"));
        assert_eq!(
            (hit.id.as_str(), hit.path.as_str()),
            ("ES", "/country/ES"),
            "{q}"
        );
    }
    assert_eq!(
        first("spain", Lang::Id, Kind::Country).unwrap().name,
        "Spanyol"
    );
    assert_eq!(
        first("spanyol", Lang::En, Kind::Country).unwrap().name,
        "Spain"
    );
}

#[test]
fn a_product_is_found_in_either_language_and_named_in_the_readers() {
    let hit = first("udang", Lang::En, Kind::Product).unwrap();
    assert_eq!(
        (hit.id.as_str(), hit.name.as_str()),
        ("vannamei-shrimp", "Vannamei shrimp")
    );
    assert_eq!(hit.path, "/product/vannamei-shrimp");
    assert_eq!(
        first("JARING sabut", Lang::En, Kind::Product).unwrap().id,
        "coco-shade"
    );
}

#[test]
fn a_facility_is_found_by_name_or_province() {
    let hit = first("lapas cirebon", Lang::Id, Kind::Facility).unwrap();
    assert_eq!(
        (hit.path.as_str(), hit.detail.as_str()),
        ("/facility/lapas-cirebon", "Jawa Barat")
    );
    let by_province = index().search("jawa tengah", Lang::En, 20);
    assert!(by_province.iter().any(|h| h.id == "lapas-nusakambangan"));
    assert!(by_province.iter().all(|h| h.kind == Kind::Facility));
}

#[test]
fn case_and_accents_do_not_matter() {
    assert_eq!(fold("  Côte d’Ivoire "), "cote d ivoire");
    assert_eq!(fold("ŁÓDŹ"), "lodz");
    assert_eq!(
        first("CIRÉBON", Lang::Id, Kind::Facility).unwrap().id,
        "lapas-cirebon"
    );
}

#[test]
fn results_are_grouped_by_kind_and_capped() {
    let hits = index().search("a", Lang::Id, 2);
    let kinds: Vec<Kind> = hits.iter().map(|h| h.kind).collect();
    let mut sorted = kinds.clone();
    sorted.sort();
    assert_eq!(kinds, sorted);
    for k in Kind::ALL {
        assert!(kinds.iter().filter(|&&x| x == k).count() <= 2);
    }
    assert!(index().search("  ", Lang::Id, 5).is_empty());
    assert!(index().search("zzzzqx", Lang::Id, 5).is_empty());
}

#[test]
fn two_letters_do_not_match_inside_words() {
    // "es" is Spain's code: it must not bring every name containing "es".
    let hits = index().search("es", Lang::En, 10);
    assert!(
        hits.iter()
            .all(|h| h.kind != Kind::Facility
                || fold(&h.name).split(' ').any(|w| w.starts_with("es")))
    );
}
