//! Karya's core: the JSON contract shared by the app and the server, and every piece of logic
//! that must give the same answer on both sides (filters, aggregation, formatting, i18n).
//!
//! No web, database or async dependency lives here, so native tests reach all of it in
//! milliseconds and the server and the browser cannot disagree about a total.

pub mod api;
pub mod api_reference;
pub mod blk;
pub mod bounds;
pub mod briefing;
pub mod colour;
pub mod currency;
pub mod datapackage;
pub mod dataset;
pub mod destinations;
pub mod embed;
pub mod entry;
pub mod export_csv;
pub mod filter;
pub mod filter_line;
pub mod first_view;
pub mod format;
pub mod framing;
pub mod geo;
pub mod i18n;
pub mod map_view;
pub mod model;
pub mod month;
pub mod names;
pub mod oembed;
pub mod pipeline;
pub mod player;
pub mod presenting;
pub mod production;
pub mod profile;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;
pub mod ranking;
pub mod ranking_table;
pub mod scale;
#[cfg(feature = "schema")]
pub mod schema;
pub mod scope;
pub mod search;
pub mod sentence;
pub mod stack;
pub mod summary;
pub mod tables;
#[cfg(test)]
mod test_fixtures;
pub mod url;

pub use filter::{Filter, FilterError};
pub use i18n::{Lang, Text};
pub use model::*;
pub use month::Month;
