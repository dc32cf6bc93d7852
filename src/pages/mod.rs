//! One page per route.

mod briefing;
pub mod chunks;
mod country;
mod data;
mod entry;
mod facilities;
mod facility;
mod map;
mod not_found;
mod overview;
mod product;

pub use briefing::BriefingPage;
pub use country::CountryPage;
pub use data::DataPage;
pub use entry::EntryPage;
pub use facilities::FacilitiesPage;
pub use facility::FacilityPage;
pub use map::MapPage;
pub use not_found::NotFound;
pub use overview::Overview;
pub use product::ProductPage;
