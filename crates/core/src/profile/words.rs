//! The words of the profiles, the search box and the data page, in both languages. Kept apart
//! from `i18n::Text` so these pages can grow without touching the shared table; same rule: a
//! missing translation does not compile.

use crate::i18n::Lang;
use crate::model::ProductCategory;

macro_rules! words {
    ($($key:ident => $id:expr, $en:expr;)*) => {
        /// A fixed piece of text of the profiles, the search and the data page.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Words { $($key),* }

        impl Words {
            pub const ALL: &'static [Words] = &[$(Words::$key),*];

            pub fn get(self, lang: Lang) -> &'static str {
                match self {
                    $(Words::$key => lang.pick($id, $en),)*
                }
            }
        }
    };
}

words! {
    ProductHeading => "Profil produk", "Product profile";
    CountryHeading => "Profil negara tujuan", "Destination profile";
    UnknownProduct => "Produk ini tidak ada dalam data Karya.", "Karya has no record of this product.";
    UnknownCountry => "Kode negara ini tidak dikenal.", "This country code is not known.";
    WhatItIs => "Tentang produk", "What it is";
    Category => "Kategori", "Category";
    Unit => "Satuan", "Unit";
    HsCode => "Kode HS", "HS code";
    HsUnknown => "tidak disebut sumber", "not stated by the source";
    Stage => "Tahap", "Stage";
    StageSource => "Sumber tahap ini", "Source of this stage";
    NotExportedYet => "Produk ini belum diekspor.", "This product has not been exported yet.";
    NamedFacilities => "UPT yang disebut untuk produk ini", "Facilities named for this product";
    NoNamedFacilities => "Sumber tidak menyebut UPT.", "The source names no facility.";
    WhoMakes => "Siapa yang membuatnya", "Who makes it";
    WhereItGoes => "Ke mana perginya", "Where it goes";
    OverTime => "Produksi dari waktu ke waktu (jumlah semua UPT)", "Production over time (all facilities)";
    ReleasesTitle => "Pelepasan ekspor dan sumbernya", "Export releases and their sources";
    WhatReceived => "Yang diterima", "What it received";
    FromFacilities => "Dari UPT mana", "From which facilities";
    PerYear => "Pelepasan per tahun", "Releases per year";
    Undated => "Tanpa tanggal", "Undated";
    ColYear => "Tahun", "Year";
    NoCountryReleases => "Belum ada pelepasan ekspor ke negara ini.", "No export releases to this country yet.";
    ValueUnknown => "tidak diketahui", "unknown";
    WithoutValue => "pelepasan tanpa nilai", "releases without a value";
    ProfileLink => "Profil", "Profile";
    SearchLabel => "Cari UPT, produk, atau negara", "Search facilities, products or countries";
    SearchPlaceholder => "Cari…", "Search…";
    EmbedView => "Tampilan yang disematkan", "View to embed";
    EmbedThisPage => "Halaman ini", "This page";
    SearchFacilities => "UPT", "Facilities";
    SearchProducts => "Produk", "Products";
    SearchCountries => "Negara", "Countries";
    SearchNone => "Tidak ditemukan.", "Nothing found.";
    DataHeading => "Unduh data", "Download data";
    DataIntro => concat!("Seluruh data Karya, dalam format impor yang sama dengan yang ditulis `karya export`. ",
                         "Setiap unduhan dibuat dari basis data saat diunduh dan mencatat waktunya ",
                         "(kolom `created` di datapackage.json, header X-Karya-As-Of)."),
                 concat!("All of Karya's data, in the same import format `karya export` writes. ",
                         "Each download is built from the database at the moment it is asked for and carries ",
                         "that time (`created` in datapackage.json, the X-Karya-As-Of header).");
    DataAll => "Semua tabel (ZIP, dengan datapackage.json)", "All tables (ZIP, with datapackage.json)";
    DataPackage => "Deskripsi paket data (Frictionless datapackage.json)",
                   "Data package description (Frictionless datapackage.json)";
    DataTables => "Tabel satu per satu (CSV)", "One table at a time (CSV)";
    DataSources => "Sumber yang tercatat", "Sources on file";
    DataRecords => "Catatan yang mengutipnya", "Records citing it";
    DataMeanings => "Arti tanda pada data", "What the marks mean";
    DataReported => "Dinyatakan oleh sumber publik yang dikutip; sumbernya tercantum di setiap catatan.",
                    "Stated by a cited public source; the source is named on every record.";
    DataApi => "Referensi API", "API reference";
    DataApiIntro => concat!("Setiap alamat di bawah /api/v1 menjawab JSON; parameter kueri yang tidak dikenal ",
                            "ditolak. Dokumen lengkap: /api/v1/openapi.json."),
                    concat!("Every address under /api/v1 answers JSON; unknown query parameters are refused. ",
                            "The full document: /api/v1/openapi.json.");
    DataEditorOnly => "khusus editor (token)", "editors only (token)";
    DataParams => "Parameter", "Parameters";
    DataNoParams => "tanpa parameter", "no parameters";
    SearchHint => "Panah atas/bawah memilih, Enter membuka, Escape menutup.",
                  "Up and down arrows choose, Enter opens, Escape closes.";
}

pub fn category_name(category: ProductCategory, lang: Lang) -> &'static str {
    match category {
        ProductCategory::Handicraft => lang.pick("Kerajinan", "Handicraft"),
        ProductCategory::Textile => lang.pick("Tekstil", "Textile"),
        ProductCategory::Furniture => lang.pick("Mebel", "Furniture"),
        ProductCategory::Food => lang.pick("Pangan", "Food"),
        ProductCategory::Fishery => lang.pick("Perikanan", "Fishery"),
        ProductCategory::Energy => lang.pick("Energi", "Energy"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_written_in_each_language() {
        for w in Words::ALL {
            assert!(!w.get(Lang::Id).is_empty(), "{w:?}");
            assert_ne!(w.get(Lang::Id), w.get(Lang::En), "{w:?}");
        }
    }
}
