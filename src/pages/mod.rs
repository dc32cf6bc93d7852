//! One page per route.

mod map;
mod not_found;
mod overview;
mod reserved;

pub use map::MapPage;
pub use not_found::NotFound;
pub use overview::Overview;
pub use reserved::{FacilitiesPage, FacilityPage};
