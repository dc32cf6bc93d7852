//! Every word Karya shows, in Indonesian (the default) and English, in one place.
//! The `texts!` table takes both languages for each key, so a missing translation does not
//! compile; names of records (facilities, products, countries) come from the data instead.

use crate::model::{FacilityKind, ProductStatus, Unit, ZoningRole};
use crate::ranking::RankMeasure;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    /// Reads `id` or `en` (any case); anything else is `None`.
    pub fn parse(code: &str) -> Option<Lang> {
        match code.to_ascii_lowercase().as_str() {
            "id" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The BCP 47 code, for `<html lang>` and `?lang=`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Id => Lang::En,
            Lang::En => Lang::Id,
        }
    }

    /// Picks the field of a record that is written in this language.
    pub fn pick<'a>(self, id: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Id => id,
            Lang::En => en,
        }
    }
}

macro_rules! texts {
    ($($key:ident => $id:expr, $en:expr;)*) => {
        /// A fixed piece of interface text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Text { $($key),* }

        impl Text {
            pub const ALL: &'static [Text] = &[$(Text::$key),*];

            pub fn get(self, lang: Lang) -> &'static str {
                match self {
                    $(Text::$key => lang.pick($id, $en),)*
                }
            }
        }
    };
}

texts! {
    AppName => "Karya", "Karya";
    Tagline => "Produk pembinaan kemandirian warga binaan pemasyarakatan (WBP) dan ekspornya",
               "What inmates in Indonesia's correctional training programme make, and where it is exported";
    Owner => "Data program pembinaan Kementerian Imigrasi dan Pemasyarakatan (Kemenimipas)",
             "Data of the training programme of the Ministry of Immigration and Corrections (Kemenimipas)";
    NavLabel => "Navigasi utama", "Main navigation";
    NavOverview => "Ringkasan", "Overview";
    NavMap => "Peta ekspor", "Export map";
    NavFacilities => "UPT", "Facilities";
    SwitchLanguage => "English", "Bahasa Indonesia";
    SwitchLanguageLabel => "Ganti bahasa ke English", "Switch language to Bahasa Indonesia";
    KpiDestinationCountries => "Negara tujuan ekspor", "Destination countries";
    KpiShipments => "Pelepasan ekspor", "Export releases";
    KpiFacilities => "UPT pengekspor", "Exporting facilities";
    KpiProductsExporting => "Produk diekspor", "Products exporting";
    KpiProductsPipeline => "Produk dalam pengembangan", "Products in the pipeline";
    QuantitiesTitle => "Jumlah diekspor per produk", "Quantity exported per product";
    QuantitiesNote => "Setiap produk dalam satuannya sendiri; satuan berbeda tidak dijumlahkan.",
                      "Each product in its own unit; different units are never added together.";
    LatestReleases => "Pelepasan ekspor terbaru", "Latest export releases";
    SourceSays => "Yang dilaporkan sumber", "What the source reports";
    IllustrativeMark => "Data ilustrasi", "Illustrative data";
    IllustrativeExplainer => "Angka bertanda ini adalah contoh untuk memperlihatkan cara kerja Karya, bukan data resmi.",
                             "Figures with this mark are examples that show how Karya works, not official data.";
    ReportedMark => "Dilaporkan", "Reported";
    Source => "Sumber", "Source";
    Loading => "Memuat data…", "Loading data…";
    Retry => "Coba lagi", "Try again";
    ErrorUnreachable => "Server data Karya tidak dapat dihubungi. Periksa koneksi internet Anda, lalu coba lagi.",
                        "Karya's data server cannot be reached. Check your connection, then try again.";
    ErrorTimedOut => "Server data Karya tidak menjawab dalam waktu yang wajar. Jaringan mungkin lambat; coba lagi.",
                     "Karya's data server did not answer in time. The network may be slow; try again.";
    ErrorServer => "Server data Karya menolak permintaan ini.", "Karya's data server refused this request.";
    ErrorServerFailed => "Server data Karya mengalami gangguan. Coba lagi nanti.",
                         "Karya's data server ran into a problem. Try again later.";
    ErrorBusy => "Server data Karya sedang sibuk. Tunggu sebentar, lalu coba lagi.",
                 "Karya's data server is busy. Wait a moment, then try again.";
    ErrorBadResponse => "Server data Karya mengirim jawaban yang tidak dapat dibaca. Coba lagi sebentar lagi.",
                        "Karya's data server sent an answer that cannot be read. Try again in a moment.";
    ServerSaid => "Pesan server", "The server said";
    DateNotStated => "tanggal tidak disebutkan sumber", "date not stated by the source";
    NoReleases => "Belum ada pelepasan ekspor untuk pilihan ini.", "No export releases for this selection yet.";
    FilterFallback => "Filter di alamat halaman tidak dapat dibaca, jadi semua data ditampilkan.",
                      "The filter in the page address could not be read, so all data is shown.";
    ColDate => "Tanggal", "Date";
    ColFacility => "UPT", "Facility";
    ColProduct => "Produk", "Product";
    ColDestination => "Tujuan", "Destination";
    ColQuantity => "Jumlah", "Quantity";
    ColValue => "Nilai", "Value";
    ColSource => "Asal data", "Provenance";
    FacilityHeading => "UPT", "Facility";
    NotFoundTitle => "Halaman tidak ditemukan", "Page not found";
    BackToOverview => "Kembali ke ringkasan", "Back to the overview";
    About => "sekitar", "about";
    MapHeading => "Ke mana produk WBP diekspor", "Where WBP products are exported";
    MeasureLabel => "Warna menunjukkan", "Colour shows";
    MeasureReleases => "Jumlah pelepasan", "Number of releases";
    MeasureValue => "Nilai (US$, bila diketahui)", "Value (US$, where known)";
    MeasureQuantity => "Jumlah produk", "Quantity of the product";
    QuantityNeedsProduct => "Pilih satu produk untuk melihat jumlahnya: satuan yang berbeda tidak dijumlahkan.",
                            "Choose one product to see quantities: different units are never added.";
    YearLabel => "Tahun", "Year";
    AllYears => "Semua tahun", "All years";
    Play => "Putar", "Play";
    Pause => "Jeda", "Pause";
    ProductLabel => "Produk", "Product";
    AllProducts => "Semua produk", "All products";
    FacilityLabel => "UPT asal", "Facility of origin";
    AllFacilities => "Semua UPT", "All facilities";
    TabMap => "Peta", "Map";
    TabTable => "Tabel", "Table";
    EditFilters => "Ubah filter", "Change filters";
    DarkMode => "Mode gelap", "Dark mode";
    OpenMap => "Buka peta ekspor", "Open the export map";
    WholeArchipelago => "Seluruh Indonesia", "Whole archipelago";
    FiltersLabel => "Filter", "Filters";
    DownloadCsv => "Unduh CSV", "Download CSV";
    DownloadSvg => "Unduh SVG", "Download SVG";
    DownloadPng => "Unduh PNG", "Download PNG";
    ZoomIn => "Perbesar", "Zoom in";
    ZoomOut => "Perkecil", "Zoom out";
    ZoomReset => "Tampilan awal", "Reset view";
    PanLeft => "Geser ke kiri", "Pan left";
    PanRight => "Geser ke kanan", "Pan right";
    PanUp => "Geser ke atas", "Pan up";
    PanDown => "Geser ke bawah", "Pan down";
    Close => "Tutup", "Close";
    Legend => "Keterangan", "Legend";
    NoExports => "Tanpa ekspor", "No exports";
    ReleasesTo => "Pelepasan ekspor ke", "Export releases to";
    LatestRelease => "Pelepasan terakhir", "Latest release";
    ColCountry => "Negara", "Country";
    ColReleases => "Pelepasan", "Releases";
    Total => "Jumlah", "Total";
    NotOnMap => "Tujuan tanpa bentuk di peta ini", "Destinations without a shape on this map";
    MapSource => "Sumber peta: Natural Earth (domain publik), proyeksi Equal Earth. Data: Karya.",
                 "Map: Natural Earth (public domain), Equal Earth projection. Data: Karya.";
    MapFallback => "Pilihan peta di alamat halaman tidak dapat dibaca, jadi tampilan awal ditampilkan.",
                   "The map settings in the page address could not be read, so the default view is shown.";
    Origin => "Indonesia (asal)", "Indonesia (origin)";
    MapKeyboardHint => "Gunakan Tab untuk berpindah antarnegara tujuan, Enter untuk membuka rinciannya, Escape untuk menutup.",
                       "Use Tab to move between destinations, Enter to open one, Escape to close.";
    ReportedReleases => "Pelepasan ekspor yang dilaporkan sumber", "Export releases reported by the source";
    FacilitiesHeading => "Apa yang dibuat UPT", "What the facilities make";
    IndonesiaMapTitle => "UPT menurut peran zonasi", "Facilities by zoning role";
    ProvincesNote => "Batas provinsi: Natural Earth, 33 provinsi sebelum 2012 (belum ada Kalimantan Utara dan provinsi baru di Papua).",
                     "Province outlines: Natural Earth, the 33 provinces before 2012 (no North Kalimantan, no new Papua provinces).";
    BlkMark => "Punya BLK (balai latihan kerja)", "Has a BLK (vocational training centre)";
    BlkUnknown => "BLK tidak disebutkan", "BLK not stated";
    SupplyLinksTitle => "Pasokan bahan antar-UPT", "Materials supplied between facilities";
    PointSizeShows => "Ukuran titik menunjukkan", "Point size shows";
    RankingTitle => "Peringkat UPT", "Facility ranking";
    RankLabel => "Urutkan menurut", "Rank by";
    RankReleases => "Pelepasan ekspor", "Export releases";
    RankValue => "Nilai ekspor (US$, bila diketahui)", "Export value (US$, where known)";
    RankProducts => "Jumlah jenis produk", "Number of products";
    RankQuantity => "Produksi produk terpilih", "Production of the chosen product";
    SearchLabel => "Cari nama UPT", "Search by facility name";
    NoMatch => "Tidak ada UPT yang cocok dengan pencarian.", "No facility matches the search.";
    ColRank => "No.", "Rank";
    ColRole => "Peran", "Role";
    ColProvince => "Provinsi", "Province";
    ColProducts => "Produk", "Products";
    ColPeriod => "Periode", "Period";
    ColGrowth => "Perubahan", "Change";
    ColRanked => "Angka peringkat", "Ranked figure";
    ShowAll => "Tampilkan semua", "Show all";
    OfflineDataAsOf => "Tidak tersambung ke server. Yang tampil adalah data tersimpan per",
                       "Not connected to the server. What you see is the data kept as of";
    CopyLink => "Salin tautan", "Copy link";
    LinkCopied => "Tautan disalin.", "Link copied.";
    NavBriefing => "Mode paparan", "Briefing";
    SlideKpi => "Ekspor produk WBP dalam angka", "WBP product exports in figures";
    PresenterNext => "Berikutnya", "Next";
    PresenterElapsed => "Waktu berjalan", "Elapsed";
    PresenterNotes => "Catatan", "Notes";
    PresenterEnd => "Akhir paparan", "End of the briefing";
    NoteKpi => "Angka utama untuk periode slide: negara tujuan, pelepasan ekspor, UPT yang mengekspor dan produk yang diekspor. Semuanya dihitung dari catatan pelepasan di Karya; catatan ilustratif ditandai dan bukan data resmi.",
        "The headline figures for the slide's period: destination countries, export releases, exporting facilities and products exported. All are counted from the release records in Karya; illustrative records are marked and are not official figures.";
    NoteMap => "Peta berjalan dari tahun ke tahun: warna negara menunjukkan jumlah pelepasan ke negara itu, garis menunjukkan dari UPT mana. Sumber: catatan pelepasan ekspor di Karya, tiap catatan dengan sumbernya.",
        "The map steps through the years: a country's colour is the number of releases to it, the arcs show which facility they left from. Source: the export release records in Karya, each with its source.";
    NoteTop => "UPT dengan pelepasan ekspor terbanyak pada periode slide. Yang dihitung adalah pelepasan, bukan nilai atau berat: satuan yang berbeda tidak dijumlahkan.",
        "The facilities with the most export releases in the slide's period. What is counted is releases, not value or weight: different units are never added together.";
    NotePipeline => "Alur produk dari rintisan sampai ekspor: berapa produk di tiap tahap dan di UPT mana. Sumber: data referensi produk di Karya.",
        "The product pipeline from pilot to export: how many products are at each stage and at which facilities. Source: the product reference data in Karya.";
    NoteLatest => "Pelepasan ekspor terakhir yang tercatat: jumlah, produk, UPT asal dan negara tujuan, dengan tanggal dan sumbernya. Data sementara ditandai.",
        "The latest export release on record: quantity, product, facility and destination, with its date and source. Provisional figures are marked.";
    SlideTop => "UPT dengan pelepasan ekspor terbanyak", "Facilities with the most export releases";
    DeckFallback => "Susunan slide di alamat halaman tidak dapat dibaca, jadi susunan awal ditampilkan.",
                    "The deck in the page address could not be read, so the default deck is shown.";
    FullScreen => "Layar penuh", "Full screen";
    PresenterKeys => "→ / PageDown berikutnya · ← / PageUp sebelumnya · B layar hitam · F layar penuh · P tampilan penyaji · Esc keluar",
                     "→ / PageDown next · ← / PageUp back · B blank · F full screen · P presenter view · Esc leave";
    EmbedThisView => "Sematkan tampilan ini", "Embed this view";
    EmbedExplainer => "Tempel kode ini di halaman portal. Bingkainya menyesuaikan tingginya sendiri.",
                      "Paste this code into the portal's page. The frame adjusts its own height.";
    EmbedHideTitle => "Tanpa judul", "Hide the title";
    EmbedHideControls => "Tanpa kontrol", "Hide the controls";
    EmbedTransparent => "Latar transparan", "Transparent background";
    EmbedTheme => "Tema", "Theme";
    ThemeAuto => "Ikuti perangkat", "Follow the device";
    ThemeLight => "Terang", "Light";
    ThemeDark => "Gelap", "Dark";
    SortBy => "Urutkan", "Sort";
    PipelineTitle => "Jalur produk", "Product pipeline";
    PipelineNoFacility => "Belum ada UPT yang disebut.", "No facility named yet.";
    NotExportedYet => "Belum diekspor.", "Not exported yet.";
    NoProductsAtStage => "Tidak ada produk pada tahap ini.", "No product at this stage.";
    FirstProduced => "Produksi sejak", "Produced since";
    ProductionTitle => "Produksi dari waktu ke waktu", "Production over time";
    GrainLabel => "Per", "By";
    GrainMonth => "Bulan", "Month";
    GrainQuarter => "Triwulan", "Quarter";
    GrainYear => "Tahun", "Year";
    TabChart => "Grafik", "Chart";
    ProductMixTitle => "Bauran produk", "Product mix";
    ExportsTitle => "Ke mana ekspornya", "Where its exports went";
    SupplyInTitle => "Bahan yang diterima", "Materials received";
    SupplyOutTitle => "Bahan yang dipasok", "Materials supplied";
    NoSupplyLinks => "Tidak ada tautan pasokan.", "No supply links.";
    GrowthTitle => "Pertumbuhan", "Growth";
    SourcesTitle => "Sumber angka", "Sources of these figures";
    UnknownName => "tidak dikenal", "unknown";
    UnknownFacility => "UPT ini tidak dikenal Karya.", "Karya does not know this facility.";
    SeeOnMap => "Lihat di peta ekspor", "See on the export map";
    NoProductionRecorded => "Tidak ada produksi tercatat untuk UPT ini pada periode ini.", "No production is recorded for this facility in this period.";
    NoDataInPeriod => "Tidak ada data untuk periode ini.", "There is no data for this period.";
    SelectedFacility => "UPT terpilih", "Selected facility";
    ChartTable => "Tabel data grafik", "The chart's data as a table";
    FacilitiesFallback => "Pilihan di alamat halaman tidak dapat dibaca, jadi tampilan awal ditampilkan.",
                          "The settings in the page address could not be read, so the default view is shown.";
    ProvisionalMark => "Data sementara", "Provisional";
    ProvisionalExplainer => "Angka awal yang masih dapat dikoreksi.", "An early figure that may still be corrected.";
    NavEntry => "Catat pelepasan", "Record a release";
    EntryHeading => "Catat pelepasan ekspor", "Record an export release";
    EntryIntro => "Untuk petugas yang diberi token editor oleh pengelola Karya. Setiap isian dicatat bersama nama Anda.",
                  "For editors given a token by Karya's administrators. Every entry is recorded with your name.";
    TokenLabel => "Token editor", "Editor token";
    SignIn => "Masuk", "Sign in";
    SignOut => "Keluar", "Sign out";
    SignedInAs => "Masuk sebagai", "Signed in as";
    TokenRejected => "Token ini tidak dikenal atau sudah dicabut. Mintalah token baru kepada pengelola Karya.",
                     "This token is unknown or has been revoked. Ask Karya's administrators for a new one.";
    TooManyAttempts => "Terlalu banyak percobaan yang gagal. Tunggu sebentar, lalu coba lagi.",
                       "Too many failed attempts. Wait a while, then try again.";
    TokenKeptNote => "Token hanya disimpan di tab ini dan hilang saat tab ditutup.",
                     "The token is kept in this tab only and is gone when the tab closes.";
    FieldReleaseDate => "Tanggal pelepasan", "Release date";
    FieldValueIdr => "Nilai (Rp, bila diketahui)", "Value (Rp, where known)";
    FieldValueUsd => "Nilai (US$, bila diketahui)", "Value (US$, where known)";
    FieldProvisional => "Angka sementara (data sementara)", "Provisional figure (data sementara)";
    FieldSource => "Sumber", "Source";
    FieldOutlet => "Penerbit", "Outlet";
    FieldTitle => "Judul", "Title";
    FieldUrl => "Tautan (URL)", "URL";
    FieldDocument => "Nomor dokumen", "Document number";
    SourceHint => "Sebutkan penerbit, dan judul, tautan atau nomor dokumen.",
                  "Name the outlet, and a title, URL or document number.";
    ChooseOne => "— pilih —", "— choose —";
    NotANumber => "tulis angka, misalnya 1500 atau 12,5", "write a number, such as 1500 or 12.5";
    NotADate => "tulis tanggal yang lengkap", "enter a full date";
    Save => "Simpan", "Save";
    Saving => "Menyimpan…", "Saving…";
    EntryErrorsSummary => "Pelepasan belum disimpan. Periksa isian berikut:", "The release was not saved. Check these fields:";
    EntrySaved => "Pelepasan tersimpan dengan kode", "Release saved with the id";
    EntryAnother => "Catat pelepasan lain", "Record another release";
}

pub fn unit_name(unit: Unit, quantity: f64, lang: Lang) -> &'static str {
    let one = quantity == 1.0;
    match (unit, lang) {
        (Unit::Piece, Lang::Id) => "buah",
        (Unit::Piece, Lang::En) if one => "piece",
        (Unit::Piece, Lang::En) => "pieces",
        (Unit::Kilogram, _) => "kg",
        (Unit::Set, Lang::Id) => "set",
        (Unit::Set, Lang::En) if one => "set",
        (Unit::Set, Lang::En) => "sets",
        (Unit::SquareMetre, _) => "m²",
    }
}

pub fn status_name(status: ProductStatus, lang: Lang) -> &'static str {
    match status {
        ProductStatus::Exporting => lang.pick("Diekspor", "Exporting"),
        ProductStatus::Pilot => lang.pick("Uji coba", "Pilot"),
        ProductStatus::InDevelopment => lang.pick("Dalam pengembangan", "In development"),
        ProductStatus::Planned => lang.pick("Direncanakan", "Planned"),
    }
}

pub fn role_name(role: ZoningRole, lang: Lang) -> &'static str {
    match role {
        ZoningRole::Producer => lang.pick("Produsen", "Producer"),
        ZoningRole::Supplier => lang.pick("Pemasok bahan", "Material supplier"),
        ZoningRole::Both => lang.pick("Produsen dan pemasok", "Producer and supplier"),
    }
}

/// What a ranking ranks by, as its selector and the map's size legend name it.
pub fn rank_measure_name(measure: RankMeasure, lang: Lang) -> &'static str {
    match measure {
        RankMeasure::Releases => Text::RankReleases.get(lang),
        RankMeasure::Value => Text::RankValue.get(lang),
        RankMeasure::Products => Text::RankProducts.get(lang),
        RankMeasure::Quantity => Text::RankQuantity.get(lang),
    }
}

pub fn facility_kind_name(kind: FacilityKind, lang: Lang) -> &'static str {
    match kind {
        FacilityKind::Lapas => lang.pick("Lapas", "Prison (Lapas)"),
        FacilityKind::Rutan => lang.pick("Rutan", "Remand centre (Rutan)"),
        FacilityKind::Lpka => lang.pick("LPKA", "Juvenile facility (LPKA)"),
        FacilityKind::Bapas => lang.pick("Bapas", "Probation office (Bapas)"),
    }
}

/// "Menampilkan 8 dari 34 pelepasan ekspor" / "Showing 8 of 34 export releases"
pub fn showing_releases(shown: &str, total: &str, total_count: u32, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("Menampilkan {shown} dari {total} pelepasan ekspor"),
        Lang::En if total_count == 1 => format!("Showing {shown} of {total} export release"),
        Lang::En => format!("Showing {shown} of {total} export releases"),
    }
}

/// "12 arus kecil tidak digambar (30 pelepasan)" / "12 smaller flows not drawn (30 releases)"
pub fn flows_not_drawn(flows: &str, releases: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("{flows} arus yang lebih kecil tidak digambar ({releases} pelepasan); semuanya tetap dihitung."),
        Lang::En => format!("{flows} smaller flows are not drawn ({releases} releases); all are still counted."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn rank_measures_are_named_in_both_languages() {
        assert_eq!(
            rank_measure_name(RankMeasure::Releases, Lang::Id),
            "Pelepasan ekspor"
        );
        assert_eq!(
            rank_measure_name(RankMeasure::Releases, Lang::En),
            "Export releases"
        );
        assert_eq!(
            rank_measure_name(RankMeasure::Products, Lang::En),
            "Number of products"
        );
        assert_eq!(
            rank_measure_name(RankMeasure::Quantity, Lang::Id),
            "Produksi produk terpilih"
        );
    }

    /// Words that are rightly written the same in Indonesian and English; any other string
    /// that is the same in both languages is a translation left out. Kept short on purpose:
    /// - "Karya": the app's own name, a proper name, never translated;
    /// - "kg", "m²": SI unit symbols, the same in every language;
    /// - "set": the Indonesian word for a set is "set" too (KBBI), and so is the English singular.
    const SAME_IN_BOTH: &[&str] = &["Karya", "kg", "m²", "set"];

    /// A string a person reads: not blank, no stray spaces at either end or doubled inside.
    fn assert_clean(what: &str, s: &str) {
        assert!(!s.is_empty(), "{what} is empty");
        assert_eq!(s, s.trim(), "{what} has spaces at an end: {s:?}");
        assert!(!s.contains("  "), "{what} has a double space: {s:?}");
    }

    /// The `{…}` placeholders of a string (none today; a `{}` or `{name}` in one language
    /// must be in the other, or a figure would vanish from one translation).
    fn placeholders(s: &str) -> BTreeSet<&str> {
        s.match_indices('{')
            .filter_map(|(i, _)| s[i..].find('}').map(|j| &s[i..=i + j]))
            .collect()
    }

    /// Checks one pair of translations, and returns it when the two are the same.
    fn check_pair<'a>(what: &str, id: &'a str, en: &'a str) -> Option<&'a str> {
        assert_clean(&format!("{what} in Indonesian"), id);
        assert_clean(&format!("{what} in English"), en);
        assert_eq!(
            placeholders(id),
            placeholders(en),
            "{what}: placeholders differ between {id:?} and {en:?}"
        );
        if id == en {
            assert!(
                SAME_IN_BOTH.contains(&id),
                "{what} is {id:?} in both languages: translate it, or add it to SAME_IN_BOTH with the reason"
            );
            return Some(id);
        }
        None
    }

    // Every variant of the enums named below, kept complete by the matches: a new variant does
    // not compile until it is listed here, so its words are checked too.
    const UNITS: [Unit; 4] = [Unit::Piece, Unit::Kilogram, Unit::Set, Unit::SquareMetre];
    const STATUSES: [ProductStatus; 4] = [
        ProductStatus::Exporting,
        ProductStatus::Pilot,
        ProductStatus::InDevelopment,
        ProductStatus::Planned,
    ];
    const ROLES: [ZoningRole; 3] = [ZoningRole::Producer, ZoningRole::Supplier, ZoningRole::Both];
    const KINDS: [FacilityKind; 4] = [
        FacilityKind::Lapas,
        FacilityKind::Rutan,
        FacilityKind::Lpka,
        FacilityKind::Bapas,
    ];
    #[allow(dead_code)]
    fn every_variant_is_listed(u: Unit, s: ProductStatus, r: ZoningRole, k: FacilityKind) {
        match u {
            Unit::Piece | Unit::Kilogram | Unit::Set | Unit::SquareMetre => {}
        }
        match s {
            ProductStatus::Exporting
            | ProductStatus::Pilot
            | ProductStatus::InDevelopment
            | ProductStatus::Planned => {}
        }
        match r {
            ZoningRole::Producer | ZoningRole::Supplier | ZoningRole::Both => {}
        }
        match k {
            FacilityKind::Lapas
            | FacilityKind::Rutan
            | FacilityKind::Lpka
            | FacilityKind::Bapas => {}
        }
    }

    /// Every fixed word of the interface as (what, Indonesian, English): the `Text` table and
    /// the names of units (singular and plural), product statuses, zoning roles and kinds.
    fn every_pair() -> Vec<(String, &'static str, &'static str)> {
        let mut pairs: Vec<_> = Text::ALL
            .iter()
            .map(|t| (format!("{t:?}"), t.get(Lang::Id), t.get(Lang::En)))
            .collect();
        for unit in UNITS {
            for n in [1.0, 2.0] {
                let (id, en) = (unit_name(unit, n, Lang::Id), unit_name(unit, n, Lang::En));
                pairs.push((format!("{unit:?} ({n})"), id, en));
            }
        }
        for s in STATUSES {
            pairs.push((
                format!("{s:?}"),
                status_name(s, Lang::Id),
                status_name(s, Lang::En),
            ));
        }
        for r in ROLES {
            pairs.push((
                format!("{r:?}"),
                role_name(r, Lang::Id),
                role_name(r, Lang::En),
            ));
        }
        for k in KINDS {
            let (id, en) = (
                facility_kind_name(k, Lang::Id),
                facility_kind_name(k, Lang::En),
            );
            pairs.push((format!("{k:?}"), id, en));
        }
        pairs
    }

    #[test]
    fn every_text_exists_in_both_languages() {
        let pairs = every_pair();
        let mut same = BTreeSet::new();
        for (what, id, en) in &pairs {
            same.extend(check_pair(what, id, en));
        }
        // Every allowed word is in use, so the list stays as short as it claims.
        assert_eq!(
            same,
            SAME_IN_BOTH.iter().copied().collect::<BTreeSet<_>>(),
            "a word on SAME_IN_BOTH that nothing uses comes off the list"
        );
        // No Indonesian string is the English of any key: catches a pair written twice in one
        // language, or the two languages swapped.
        let english: BTreeSet<&str> = pairs.iter().map(|p| p.2).collect();
        for (what, id, _) in &pairs {
            assert!(
                !english.contains(id) || SAME_IN_BOTH.contains(id),
                "{what}: the Indonesian {id:?} is an English string of the table"
            );
        }
    }

    #[test]
    fn sentences_carry_every_figure_in_both_languages() {
        for lang in [Lang::Id, Lang::En] {
            for (what, s, figures) in [
                (
                    "showing_releases",
                    showing_releases("⟨8⟩", "⟨34⟩", 34, lang),
                    ["⟨8⟩", "⟨34⟩"],
                ),
                (
                    "flows_not_drawn",
                    flows_not_drawn("⟨12⟩", "⟨30⟩", lang),
                    ["⟨12⟩", "⟨30⟩"],
                ),
            ] {
                assert_clean(&format!("{what} in {lang:?}"), &s);
                for f in figures {
                    assert_eq!(
                        s.matches(f).count(),
                        1,
                        "{what} in {lang:?} shows {f} once: {s:?}"
                    );
                }
            }
        }
        assert_ne!(
            showing_releases("8", "34", 34, Lang::Id),
            showing_releases("8", "34", 34, Lang::En)
        );
        assert_ne!(
            flows_not_drawn("12", "30", Lang::Id),
            flows_not_drawn("12", "30", Lang::En)
        );
    }

    #[test]
    fn language_codes_round_trip() {
        for lang in [Lang::Id, Lang::En] {
            assert_eq!(Lang::parse(lang.code()), Some(lang));
        }
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::default(), Lang::Id);
    }

    #[test]
    fn showing_releases_reads_in_both_languages() {
        assert_eq!(
            showing_releases("8", "34", 34, Lang::Id),
            "Menampilkan 8 dari 34 pelepasan ekspor"
        );
        assert_eq!(
            showing_releases("1", "1", 1, Lang::En),
            "Showing 1 of 1 export release"
        );
    }

    #[test]
    fn english_units_agree_with_the_number() {
        assert_eq!(unit_name(Unit::Piece, 1.0, Lang::En), "piece");
        assert_eq!(unit_name(Unit::Piece, 750.0, Lang::En), "pieces");
        assert_eq!(unit_name(Unit::Piece, 750.0, Lang::Id), "buah");
    }
}
