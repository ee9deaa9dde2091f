//! plansim: a plan-target simulator that runs in the browser.
//!
//! `core` holds the plan data and the projection engine (std and serde only),
//! `chart` draws paths on any plotters backend, `state` and `session` hold
//! what the reader chose (pure reducers), `notice` and `i18n` word it, and
//! `ui` is the Yew app.

pub mod chances;
pub mod chart;
pub mod core;
pub mod export;
pub mod hero;
pub mod i18n;
pub mod notice;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod plan_schema;
pub mod plan_text;
pub mod publish;
pub mod session;
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod ui;
