//! Whether an element is on or near the screen (issue 10): what is far from
//! it follows the scenario once the reader rests, and a canvas is drawn as
//! it comes near.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How far outside the viewport an element counts as near, so that it is
/// up to date before it scrolls in.
const NEAR: &str = "300px";

/// Whether the element behind `node` is within [`NEAR`] of the viewport, as
/// an `IntersectionObserver` last reported (`false` until its first report;
/// always `true` where the observer is missing).
#[hook]
pub fn use_near(node: &NodeRef) -> bool {
    use_within(node, NEAR, false)
}

/// Whether the element behind `node` is on the screen itself, at least one
/// pixel of it in the viewport (issue 10: while a slider moves, a part only
/// near the screen waits for the reader's rest), as [`use_near`] reports.
#[hook]
pub fn use_on_screen(node: &NodeRef) -> bool {
    use_within(node, "0px", false)
}

/// [`use_on_screen`], but `true` until the observer's first report: an
/// element made while a slider moves (an overview row the filter brings
/// back) shows the live figures at once, not the rested ones for a frame.
#[hook]
pub fn use_on_screen_at_first(node: &NodeRef) -> bool {
    use_within(node, "0px", true)
}

/// Whether the element behind `node` is within `margin` (a CSS length, the
/// observer's `rootMargin`) of the viewport; `first` until the observer
/// first reports.
#[hook]
fn use_within(node: &NodeRef, margin: &'static str, first: bool) -> bool {
    let near = use_state_eq(move || first);
    {
        let (node, near) = (node.clone(), near.clone());
        use_effect_with((), move |_| {
            let observer = observe(&node, near.clone(), margin);
            if observer.is_none() {
                near.set(true);
            }
            move || {
                if let Some((o, _cb)) = observer {
                    o.disconnect();
                }
            }
        });
    }
    *near
}

type Observer = (
    web_sys::IntersectionObserver,
    Closure<dyn FnMut(js_sys::Array)>,
);

fn observe(node: &NodeRef, near: UseStateHandle<bool>, margin: &str) -> Option<Observer> {
    let el = node.cast::<web_sys::Element>()?;
    let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        // The last entry is the newest state of the one element watched.
        if let Some(e) = entries
            .iter()
            .filter_map(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
            .next_back()
        {
            near.set(e.is_intersecting());
        }
    });
    let init = web_sys::IntersectionObserverInit::new();
    init.set_root_margin(margin);
    let o =
        web_sys::IntersectionObserver::new_with_options(cb.as_ref().unchecked_ref(), &init).ok()?;
    o.observe(&el);
    Some((o, cb))
}
