//! Reusable pieces of the interface. Each is thin: it formats with `karya_core` and draws.

pub mod country_panel;
pub mod destination_table;
pub mod error_panel;
pub mod kpi;
pub mod layout;
pub mod provenance;
pub mod world_map;
