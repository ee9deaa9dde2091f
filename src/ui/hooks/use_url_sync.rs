//! The address follows the model, and back, forward and hand-edited links
//! move the model.

use crate::session::{Msg, UrlWrite, Visit};
use crate::ui::browser;
use gloo::events::EventListener;
use std::rc::Rc;
use yew::prelude::*;

/// Writes the shown plan (`?plan=`), its linked values (`reported=`) and
/// the scenario (the fragment) into the address, and turns `popstate` and
/// `hashchange` into [`Msg::Navigate`]; a link to a card (`#ind-<id>`) also
/// scrolls to it, and alone on a `hashchange` (typed or followed on the page)
/// moves nothing: the address gets the scenario back. An embed never adds entries to its
/// host page's history; `embed` stays in the address. `frag` is the shown
/// scenario's fragment ([`crate::state::to_fragment`]), computed once per render by
/// the app.
#[hook]
pub fn use_url_sync(model: UseReducerHandle<Visit>, embed: Option<String>, frag: String) {
    let last_push = use_mut_ref(|| 0.0f64);
    let deferred = super::use_deferred();
    {
        let m = (*model).clone();
        let embedded = embed.is_some();
        use_effect_with(m, move |m| {
            if m.fetch.is_some() {
                // The link names a plan that is not open: leave it as it is.
                return;
            }
            let stepping = m.url == UrlWrite::Coalesce;
            let (m, last_push) = (m.clone(), last_push.clone());
            let write = move || {
                let s = &m.session;
                let url =
                    browser::page_link(s.link_key(), reported_link(&m), embed.as_deref(), &frag);
                browser::remember_link(&url);
                if browser::href() != url {
                    let now = browser::now_ms();
                    let new_entry = !embedded
                        && match m.url {
                            UrlWrite::Push => true,
                            UrlWrite::Coalesce => now - *last_push.borrow() > 1000.0,
                            UrlWrite::Replace => false,
                        };
                    if new_entry {
                        *last_push.borrow_mut() = now;
                    }
                    browser::write_url(&url, new_entry);
                }
            };
            // issue 10: a slider's steps are written once it rests; anything
            // else (a preset, a plan, a typed value, a link) at once.
            if stepping {
                deferred.later(write);
            } else {
                deferred.now(write);
            }
        });
    }
    use_effect_with((), move |_| {
        let window = gloo::utils::window();
        let navigate = Rc::new(move |e: &Event| {
            let fragment = browser::fragment();
            let card = browser::card_anchor();
            if e.type_() == "hashchange" && fragment.is_empty() && card.is_some() {
                // A card's anchor alone, typed or followed on the page: the plan and the
                // scenario stay (a `Navigate` to nothing would leave the address without
                // them, and a link's pending plan without its scenario).
                browser::write_url(&browser::last_link(), false);
            } else {
                model.dispatch(Msg::Navigate {
                    plan: browser::query_param("plan"),
                    fragment,
                });
            }
            if let Some(id) = card {
                browser::scroll_to_element(&format!("ind-{id}"));
            }
        });
        let n = navigate.clone();
        let pop = EventListener::new(&window, "popstate", move |e| n(e));
        let hash = EventListener::new(&window, "hashchange", move |e| navigate(e));
        move || drop((pop, hash))
    });
}

/// The `reported=` address of the shown plan's values, while a link's are
/// shown or still coming.
fn reported_link(m: &Visit) -> Option<&str> {
    use crate::session::ReportedFrom;
    match &m.session.shown().loaded {
        Some((ReportedFrom::Link(url), _)) => Some(url),
        _ => m.reported_link.as_deref(),
    }
}
