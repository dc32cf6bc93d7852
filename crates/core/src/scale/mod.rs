//! Every scale Karya draws with: value, category and time axes with their ticks and labels
//! (`axis`), choropleth classes and square-root widths (`class`). Colours are in `colour`.

mod axis;
mod class;

pub use axis::{
    period_label, thin_labels, tick_label, tick_step, BandScale, LinearScale, TimeScale,
};
pub use class::{flow_width, nice_ceil, ClassScale};
