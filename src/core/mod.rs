//! The model: the plan as data and the projection engine. Std and serde only;
//! nothing here knows about the browser.

pub mod builtin;
pub mod engine;
pub mod json_path;
pub mod map;
pub mod order;
pub mod outlook;
pub mod plan;
pub mod presets;
pub mod query;
pub mod reported;
pub mod tolerance;
pub mod uncertainty;

pub use engine::{
    assess, project, required_growth, run, Assessment, ModelError, Path, Progress, Run, Scenario,
    Status, Verdict,
};
pub use plan::{
    Comparator, GrowthMode, Indicator, JsonKind, Kind, Plan, PlanError, PlanErrorKind, Prices, Role,
};

// issue 15: tests of the small modules beside the engine, through their public items.
#[cfg(test)]
#[path = "outlook_tests.rs"]
mod outlook_tests;
#[cfg(test)]
#[path = "presets_tests.rs"]
mod presets_tests;
// Helpers shared by the tests above and those beside the modules.
#[cfg(test)]
mod test_plan;
