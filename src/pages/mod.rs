//! One page per route.

mod not_found;
mod overview;
mod reserved;

pub use not_found::NotFound;
pub use overview::Overview;
pub use reserved::{FacilitiesPage, FacilityPage, MapPage};
