//! Reusable pieces of the interface. Each is thin: it formats with `karya_core` and draws.

pub mod charts;
pub mod country_panel;
pub mod destination_table;
pub mod embed_dialog;
pub mod entry_fields;
pub mod error_panel;
pub mod filters;
pub mod indonesia_map;
pub mod kpi;
pub mod layout;
pub mod map_targets;
pub mod overview_picture;
pub mod overview_trend;
pub mod pipeline;
pub mod profile_link;
pub mod profile_parts;
pub mod provenance;
pub mod ranking_table;
pub mod release_value;
pub mod search_box;
pub mod share;
pub mod sign_in;
pub mod theme;
pub mod world_map;
pub mod year_player;
pub mod year_select;
