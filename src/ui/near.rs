//! A part of the page that follows a slider only while it is on or near the
//! screen, and that may be built after the first screen (issue 10).
//!
//! Far from the screen, the part is given the view as of the reader's last
//! rest, which does not change while a slider moves, so Yew skips it (its
//! props are equal): a move re-renders what a reader can see, and the rest
//! catches up once the reader rests or scrolls to it. While a slider moves,
//! a part near the screen but not on it is given that rested view too: it
//! catches up at the rest, before the reader can scroll to it, and a step
//! renders only what is on the screen or holds the focus (on a phone the part under the
//! headline panel, a Monte Carlo run of 1,000 futures, was redrawn on every
//! step without being seen).
//!
//! A lazy part is an empty placeholder on the first render, and is built in
//! a task of its own shortly after (or at once when it nears the screen), so
//! that the answer on the first screen does not wait for the DOM of every
//! card; the placeholders carry `data-pending` until then.

use super::hooks::{use_near, use_on_screen, use_settled};
use super::view::View;
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// When the first lazy part is built after the page's first render, and how
/// far apart the others are, in milliseconds: each in a task of its own, so
/// that input is served between them.
const LAZY_START_MS: u32 = 30;
const LAZY_STEP_MS: u32 = 10;

/// How far apart, in milliseconds, the parts far from the screen take a new
/// rested view: each in a task of its own, in page order, so that the
/// catching up after a rest is a few short tasks, not one long one.
const CATCH_UP_STEP_MS: u32 = 2;

#[derive(Properties, PartialEq)]
pub struct NearProps {
    /// The live view.
    pub view: View,
    /// The view as of the reader's last rest.
    pub calm: View,
    /// Draws the part from the view it is given, and the rested view as this
    /// part takes it (the same view far from the screen).
    pub render: Callback<(View, View), Html>,
    /// Built after the first render, as the `k`-th lazy part.
    #[prop_or_default]
    pub lazy: Option<u32>,
    /// Whether a new rested view comes from a slider's rest: far from the
    /// screen, it is then taken a few milliseconds later, in a task of this
    /// part's own; any other change (a preset, an import, a link) at once.
    #[prop_or_default]
    pub stagger: bool,
}

/// `render(view)` on the screen, near it, or holding the focus; `render(calm)`
/// far from it (after a slider's rest, taken a few milliseconds later in a
/// task of its own) and, while a slider moves, near it but off it; in a `div`
/// that two `IntersectionObserver`s watch. Either way `render` is also given
/// that rested view as this part takes it, for what inside the part keeps it
/// off the screen while a slider moves (the overview's rows).
#[component]
pub fn Near(p: &NearProps) -> Html {
    let node = use_node_ref();
    let near = use_near(&node);
    let on_screen = use_on_screen(&node);
    // Whether the focus is in this part: a part whose slider the keyboard
    // moves stays live wherever it is scrolled, or the rested view would put
    // the slider back (and its spoken value) under the reader's key.
    let focused = use_state_eq(|| false);
    // Made once (issue 10: a new callback on each render would have Yew register the part's
    // listeners again on every step, for every part).
    let (onfocusin, onfocusout) = {
        let (node, focused) = (node.clone(), focused.clone());
        (*use_memo((), move |_| {
            let f = focused.clone();
            let onfocusin = Callback::from(move |_: FocusEvent| f.set(true));
            let onfocusout = Callback::from(move |e: FocusEvent| {
                // Moving within the part is not leaving it.
                let to = e
                    .related_target()
                    .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
                if !node
                    .get()
                    .zip(to)
                    .is_some_and(|(n, t)| n.contains(Some(&t)))
                {
                    focused.set(false);
                }
            });
            (onfocusin, onfocusout)
        }))
        .clone()
    };
    let built = use_state_eq(|| p.lazy.is_none());
    {
        let built = built.clone();
        use_effect_with(p.lazy, move |lazy| {
            let t = lazy
                .map(|k| Timeout::new(LAZY_START_MS + k * LAZY_STEP_MS, move || built.set(true)));
            move || drop(t)
        });
    }
    {
        let built = built.clone();
        use_effect_with(near, move |near| {
            if *near {
                built.set(true);
            }
        });
    }
    // The rested view this part shows far from the screen: after a slider's
    // rest, taken in a task of this part's own; otherwise at once.
    let staged = use_settled(
        p.calm.clone(),
        p.stagger,
        p.lazy.unwrap_or(0) * CATCH_UP_STEP_MS,
    );
    if !*built && !near {
        return html! { <div ref={node} class="near" data-pending="true"></div> };
    }
    // The live view on the screen; near it, the live view except while a
    // slider moves (`stagger`), when it waits for the rest like a far part.
    let live = on_screen || *focused || (near && !p.stagger);
    let v = if live { p.view.clone() } else { staged.clone() };
    html! { <div ref={node} class="near" {onfocusin} {onfocusout}>{ p.render.emit((v, staged)) }</div> }
}
