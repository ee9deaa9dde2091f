//! Fetches what a link names: a plan (`?plan=<url>`) and reported values
//! (`reported=<url>`).

use crate::core::builtin;
use crate::core::plan::Plan;
use crate::session::Source;
use crate::session::{Fetch, FetchFailure, Msg, Visit};
use crate::ui::browser;
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// Starts a fetch whenever the model waits for a linked plan, and, once no
/// plan is awaited, for linked reported values; the answers come back as
/// [`Msg::Fetched`] and [`Msg::ReportedFetched`].
#[hook]
pub fn use_link_fetch(model: UseReducerHandle<Visit>) {
    let loading = match &model.fetch {
        Some(Fetch::Loading { url, .. }) => Some(url.clone()),
        _ => None,
    };
    {
        let model = model.clone();
        use_effect_with(loading.clone(), move |url| {
            if let Some(url) = url.clone() {
                spawn_local(async move {
                    let plan = match browser::fetch_text(&url).await {
                        Ok(text) => Plan::from_json(&text)
                            .map(Rc::new)
                            .map_err(FetchFailure::Plan),
                        Err(p) => Err(FetchFailure::Fetch(p)),
                    };
                    let (builtin_reported, saved) = match &plan {
                        Ok(p) => (
                            builtin::reported_for(p),
                            browser::load(&Source::Link(url.clone()).scenario_key(&p.id, false)),
                        ),
                        Err(_) => (vec![], None),
                    };
                    model.dispatch(Msg::Fetched {
                        url,
                        plan,
                        builtin_reported,
                        saved,
                    });
                });
            }
        });
    }
    let reported = model
        .reported_link
        .clone()
        .filter(|_| model.fetch.is_none());
    use_effect_with(reported, move |url| {
        if let Some(url) = url.clone() {
            spawn_local(async move {
                let text = browser::fetch_text(&url).await;
                model.dispatch(Msg::ReportedFetched { url, text });
            });
        }
    });
}
