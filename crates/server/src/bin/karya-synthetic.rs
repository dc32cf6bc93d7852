//! `karya-synthetic`: writes a large, deterministic, made-up dataset for benchmarks only —
//! 500 facilities, 40 destination countries, 20,000 export releases over ten years and ten
//! years of monthly production. Never mixed into the sample: the server loads it only when
//! started with `--dataset FILE` on an empty database.
//!
//!   cargo run --bin karya-synthetic -- OUT.json

use karya_core::dataset::{Dataset, DatasetFile};
use karya_core::geo::WorldMap;
use karya_core::production::ProductionPlan;
use karya_core::*;

/// SplitMix64: a tiny, well-mixed generator, so the same seed gives the same file everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const PROVINCES: [&str; 12] = [
    "Aceh",
    "Sumatera Utara",
    "Sumatera Selatan",
    "Lampung",
    "Banten",
    "DKI Jakarta",
    "Jawa Barat",
    "Jawa Tengah",
    "Jawa Timur",
    "Bali",
    "Sulawesi Selatan",
    "Kalimantan Timur",
];

fn main() {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "synthetic.json".into());
    let mut rng = Rng(20_261_128);
    let world: WorldMap =
        serde_json::from_str(include_str!("../../../../data/geo/world.json")).expect("world map");

    // The 40 largest countries but Indonesia: all of them have shapes on the map.
    let mut shapes: Vec<_> = world.countries.iter().filter(|c| c.iso != "ID").collect();
    shapes.sort_by(|a, b| b.area.total_cmp(&a.area));
    let countries: Vec<Country> = shapes
        .iter()
        .copied()
        .take(40)
        .chain(world.countries.iter().filter(|c| c.iso == "ID"))
        .map(|c| Country {
            alpha2: c.iso.clone(),
            numeric: c.numeric.clone(),
            name_id: c.name_id.clone(),
            name_en: c.name_en.clone(),
            latitude: None,
            longitude: None,
        })
        .collect();

    let units = [Unit::Piece, Unit::Kilogram, Unit::Set];
    let products: Vec<Product> = (1..=20)
        .map(|i| Product {
            id: format!("bench-product-{i:02}"),
            name_id: format!("Produk uji {i}"),
            name_en: format!("Benchmark product {i}"),
            category: ProductCategory::Handicraft,
            unit: units[i % 3],
            status: if i <= 16 {
                ProductStatus::Exporting
            } else {
                ProductStatus::Planned
            },
            hs_code: None,
            facilities: Vec::new(),
            provenance: Provenance::Illustrative,
        })
        .collect();
    let roles = [ZoningRole::Producer, ZoningRole::Supplier, ZoningRole::Both];
    let facilities: Vec<Facility> = (1..=500)
        .map(|i| Facility {
            id: format!("bench-facility-{i:03}"),
            name: format!("Lapas Uji {i:03}"),
            kind: FacilityKind::Lapas,
            province: PROVINCES[rng.below(PROVINCES.len())].into(),
            latitude: -9.0 + rng.unit() * 12.0,
            longitude: 96.0 + rng.unit() * 44.0,
            role: roles[rng.below(3)],
            has_blk: Some(rng.below(2) == 0),
            export_model: ExportModel::Active,
            provenance: Provenance::Illustrative,
        })
        .collect();
    let producers: Vec<&Facility> = facilities
        .iter()
        .filter(|f| f.role != ZoningRole::Supplier)
        .collect();
    let start = chrono::NaiveDate::from_ymd_opt(2016, 1, 1).unwrap();
    let shipments: Vec<Shipment> = (1..=20_000)
        .map(|i| {
            let product = &products[rng.below(16)];
            // Skewed towards the first destinations, as real trade is.
            let country = &countries[((rng.unit() * rng.unit()) * 40.0) as usize];
            Shipment {
                id: format!("bench-{i:05}"),
                date: Some(start + chrono::Duration::days(rng.below(3652) as i64)),
                facility_id: producers[rng.below(producers.len())].id.clone(),
                product_id: product.id.clone(),
                country: country.alpha2.clone(),
                quantity: (10 + rng.below(2000)) as f64,
                unit: product.unit,
                value_idr: None,
                value_usd: (rng.below(10) < 7).then(|| (100 + rng.below(50_000)) as f64),
                provisional: false,
                provenance: Provenance::Illustrative,
            }
        })
        .collect();
    let production_plans: Vec<ProductionPlan> = producers
        .iter()
        .map(|f| ProductionPlan {
            facility_id: f.id.clone(),
            product_id: products[rng.below(16)].id.clone(),
            start: Month::new(2016, 1).unwrap(),
            end: Month::new(2025, 12).unwrap(),
            base: (20 + rng.below(500)) as f64,
            annual_growth_pct: rng.below(25) as f64,
        })
        .collect();
    let file = DatasetFile {
        dataset: Dataset {
            countries,
            facilities,
            products,
            shipments,
            ..Default::default()
        },
        production_plans,
    };
    std::fs::write(&out, serde_json::to_string(&file).unwrap()).unwrap();
    println!("wrote {out}");
}
