//! Whether an element is on or near the screen (issue 10): what is far from
//! it follows the scenario once the reader rests, and a canvas is drawn as
//! it comes near.

use std::cell::RefCell;
use std::rc::Rc;
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
    use_within(node, NEAR)
}

/// Whether the element behind `node` is on the screen itself, at least one
/// pixel of it in the viewport (issue 10: while a slider moves, a part only
/// near the screen waits for the reader's rest), as [`use_near`] reports.
#[hook]
pub fn use_on_screen(node: &NodeRef) -> bool {
    use_within(node, "0px")
}

/// Whether the element behind `node` is within `margin` (a CSS length, the
/// observer's `rootMargin`) of the viewport.
#[hook]
fn use_within(node: &NodeRef, margin: &'static str) -> bool {
    let near = use_state_eq(|| false);
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

/// An `IntersectionObserver` that elements join as they mount
/// ([`OnScreen::watch`]), reporting which of them are on the screen (at
/// least one pixel of each in the viewport) by their attribute `attr`.
/// Compared by identity.
#[derive(Clone)]
pub struct OnScreen(Option<Rc<Observer>>);

impl PartialEq for OnScreen {
    fn eq(&self, o: &Self) -> bool {
        match (&self.0, &o.0) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        }
    }
}

impl OnScreen {
    /// Watches `el` until the returned guard is dropped.
    pub fn watch(&self, el: web_sys::Element) -> impl FnOnce() {
        let o = self.0.clone();
        if let Some(o) = &o {
            o.0.observe(&el);
        }
        move || {
            if let Some(o) = o {
                o.0.unobserve(&el);
            }
        }
    }
}

/// An [`OnScreen`] for elements named by `attr`, and the names of those on
/// the screen as it last reported; `None` where the observer is missing
/// (then every element counts as on the screen). Issue 10: the overview's
/// rows off the screen keep the rested figures while a slider moves.
#[hook]
pub fn use_on_screen_among(attr: &'static str) -> (OnScreen, Option<Rc<Vec<String>>>) {
    let seen = use_state_eq(|| Some(Rc::new(Vec::<String>::new())));
    let observer = {
        let seen = seen.clone();
        use_memo((), move |_| OnScreen(observe_all(attr, seen).map(Rc::new)))
    };
    {
        let (observer, seen) = ((*observer).clone(), seen.clone());
        use_effect_with((), move |_| {
            if observer.0.is_none() {
                seen.set(None);
            }
            move || {
                if let Some(o) = &observer.0 {
                    o.0.disconnect();
                }
            }
        });
    }
    ((*observer).clone(), (*seen).clone())
}

fn observe_all(
    attr: &'static str,
    seen: UseStateHandle<Option<Rc<Vec<String>>>>,
) -> Option<Observer> {
    // (a list, not a set: a few dozen rows, and no set's code in the bundle)
    let on = RefCell::new(Vec::<String>::new());
    let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let mut on = on.borrow_mut();
        for e in entries
            .iter()
            .filter_map(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
        {
            if let Some(id) = e.target().get_attribute(attr) {
                let at = on.iter().position(|x| *x == id);
                match (e.is_intersecting(), at) {
                    (true, None) => on.push(id),
                    (false, Some(k)) => {
                        on.swap_remove(k);
                    }
                    _ => {}
                }
            }
        }
        seen.set(Some(Rc::new(on.clone())));
    });
    let o = web_sys::IntersectionObserver::new(cb.as_ref().unchecked_ref()).ok()?;
    Some((o, cb))
}
