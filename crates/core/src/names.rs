//! The name of a product, facility or country in the reader's language, looked up by id from
//! the reference data once per visit: every page and component asks here, none by hand.

use crate::geo::WorldMap;
use crate::i18n::{Lang, Text};
use crate::model::{Country, Facility, Product};
use std::collections::HashMap;

/// Names in both languages, by id. Facilities have one name (their official one).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Names {
    products: HashMap<String, (String, String)>,
    facilities: HashMap<String, String>,
    countries: HashMap<String, (String, String)>,
}

impl Names {
    pub fn new(products: &[Product], facilities: &[Facility], countries: &[Country]) -> Names {
        Names {
            products: products
                .iter()
                .map(|p| (p.id.clone(), (p.name_id.clone(), p.name_en.clone())))
                .collect(),
            facilities: facilities
                .iter()
                .map(|f| (f.id.clone(), f.name.clone()))
                .collect(),
            countries: countries
                .iter()
                .map(|c| (c.alpha2.clone(), (c.name_id.clone(), c.name_en.clone())))
                .collect(),
        }
    }

    /// Adds the names the world map carries for countries the countries table does not list
    /// (a map shape can be hovered whether or not Karya has a record for it).
    pub fn with_map_countries(mut self, map: &WorldMap) -> Names {
        for shape in &map.countries {
            self.countries
                .entry(shape.iso.clone())
                .or_insert_with(|| (shape.name_id.clone(), shape.name_en.clone()));
        }
        self
    }

    pub fn product(&self, id: &str, lang: Lang) -> String {
        match self.products.get(id) {
            Some((name_id, name_en)) => lang.pick(name_id, name_en).to_string(),
            None => unknown(id, lang),
        }
    }

    /// The facility's name; `lang` only words an unknown id.
    pub fn facility(&self, id: &str, lang: Lang) -> String {
        match self.facilities.get(id) {
            Some(name) => name.clone(),
            None => unknown(id, lang),
        }
    }

    /// By ISO 3166-1 alpha-2 code.
    pub fn country(&self, alpha2: &str, lang: Lang) -> String {
        match self.countries.get(alpha2) {
            Some((name_id, name_en)) => lang.pick(name_id, name_en).to_string(),
            None => unknown(alpha2, lang),
        }
    }
}

/// An id Karya has no record of is shown as itself and said to be unknown, never guessed.
fn unknown(id: &str, lang: Lang) -> String {
    format!("{id} ({})", Text::UnknownName.get(lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{Dataset, DatasetFile};

    /// The sample the server ships: real ids and names in both languages.
    fn sample() -> Dataset {
        let text = include_str!("../../../data/sample/dataset.json");
        let file: DatasetFile = serde_json::from_str(text).unwrap();
        file.into_dataset().unwrap()
    }

    #[test]
    fn names_follow_the_language_and_come_from_the_records() {
        let d = sample();
        let names = Names::new(&d.products, &d.facilities, &d.countries);
        let p = &d.products[0];
        assert_eq!(names.product(&p.id, Lang::Id), p.name_id);
        assert_eq!(names.product(&p.id, Lang::En), p.name_en);
        let f = &d.facilities[0];
        assert_eq!(names.facility(&f.id, Lang::En), f.name);
        let es = d.countries.iter().find(|c| c.alpha2 == "ES").unwrap();
        assert_eq!(names.country("ES", Lang::Id), es.name_id);
        assert_eq!(names.country("ES", Lang::En), es.name_en);
        assert_ne!(
            es.name_id, es.name_en,
            "the sample must tell the languages apart"
        );
    }

    #[test]
    fn unknown_ids_are_said_to_be_unknown() {
        let names = Names::default();
        assert_eq!(names.product("x", Lang::Id), "x (tidak dikenal)");
        assert_eq!(names.facility("lapas-x", Lang::En), "lapas-x (unknown)");
        assert_eq!(names.country("ZZ", Lang::En), "ZZ (unknown)");
    }

    #[test]
    fn map_shapes_name_countries_the_table_lacks_without_overriding_it() {
        let d = sample();
        let mut map = WorldMap {
            width: 1.0,
            height: 1.0,
            source: String::new(),
            countries: vec![],
            unassigned: String::new(),
        };
        let shape = |iso: &str, id: &str, en: &str| crate::geo::CountryShape {
            iso: iso.into(),
            numeric: "000".into(),
            name_id: id.into(),
            name_en: en.into(),
            d: String::new(),
            anchor: [0.0, 0.0],
            area: 1.0,
        };
        map.countries.push(shape("AQ", "Antartika", "Antarctica"));
        map.countries.push(shape("ES", "Map name", "Map name"));
        let names = Names::new(&d.products, &d.facilities, &d.countries).with_map_countries(&map);
        assert_eq!(names.country("AQ", Lang::En), "Antarctica");
        assert_ne!(names.country("ES", Lang::En), "Map name");
    }
}
