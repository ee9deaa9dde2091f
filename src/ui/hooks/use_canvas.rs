//! A canvas drawn only when it is near the viewport, and only when what it
//! shows, its size or the screen's pixel ratio changed (issue 10): a slider
//! move redraws the charts a reader can see, and a chart further down is
//! brought up to date as it scrolls into view. Sizes come from a
//! `ResizeObserver`, so drawing never forces a layout.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

/// How far outside the viewport a canvas counts as near, so that it is drawn
/// before it scrolls in.
const NEAR: &str = "300px";

/// Where a canvas is: its CSS size once laid out, and whether it is near the
/// viewport.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct CanvasBox {
    /// Its CSS size in pixels (`None` until the first layout reported it).
    pub size: Option<(i32, i32)>,
    /// Whether it is within [`NEAR`] of the viewport (always where
    /// `IntersectionObserver` is missing).
    pub near: bool,
}

type Observers = (
    Option<(
        web_sys::IntersectionObserver,
        Closure<dyn FnMut(js_sys::Array)>,
    )>,
    Option<(web_sys::ResizeObserver, Closure<dyn FnMut(js_sys::Array)>)>,
);

/// The [`CanvasBox`] of the canvas behind `node`, kept up to date by an
/// `IntersectionObserver` and a `ResizeObserver` (a rotated phone, a resized
/// window, a panel opened).
#[hook]
pub fn use_canvas_box(node: &NodeRef) -> CanvasBox {
    let near = use_state_eq(|| false);
    let size = use_state_eq(|| None::<(i32, i32)>);
    {
        let (node, near, size) = (node.clone(), near.clone(), size.clone());
        use_effect_with((), move |_| {
            let observers = observe(&node, near.clone(), size);
            if observers.0.is_none() {
                near.set(true);
            }
            move || {
                let (io, ro) = observers;
                if let Some((o, _cb)) = io {
                    o.disconnect();
                }
                if let Some((o, _cb)) = ro {
                    o.disconnect();
                }
            }
        });
    }
    CanvasBox {
        size: *size,
        near: *near,
    }
}

fn observe(
    node: &NodeRef,
    near: UseStateHandle<bool>,
    size: UseStateHandle<Option<(i32, i32)>>,
) -> Observers {
    let Some(el) = node.cast::<web_sys::Element>() else {
        return (None, None);
    };
    let io = {
        let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            // The last entry is the newest state of the one canvas watched.
            if let Some(e) = entries
                .iter()
                .filter_map(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
                .next_back()
            {
                near.set(e.is_intersecting());
            }
        });
        let init = web_sys::IntersectionObserverInit::new();
        init.set_root_margin(NEAR);
        web_sys::IntersectionObserver::new_with_options(cb.as_ref().unchecked_ref(), &init)
            .ok()
            .map(|o| {
                o.observe(&el);
                (o, cb)
            })
    };
    let ro = {
        let target = el.clone();
        let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |_: js_sys::Array| {
            // Read inside the observer's callback, layout is already done.
            size.set(Some((target.client_width(), target.client_height())));
        });
        web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref())
            .ok()
            .map(|o| {
                o.observe(&el);
                (o, cb)
            })
    };
    (io, ro)
}

/// Draws the canvas behind `node` with `draw(canvas, pixel ratio, &key)`
/// when it is near the viewport and `key` (what it shows), its size or the
/// pixel ratio differ from its last drawing; its backing store is at least
/// `min` CSS pixels.
#[hook]
pub fn use_canvas_draw<K, F>(node: &NodeRef, key: K, min: (i32, i32), draw: F)
where
    K: PartialEq + Clone + 'static,
    F: Fn(HtmlCanvasElement, f64, &K) + 'static,
{
    let bx = use_canvas_box(node);
    let drawn = use_mut_ref(|| None::<(K, (i32, i32), u64)>);
    let node = node.clone();
    use_effect_with((key, bx), move |(key, bx)| {
        if !bx.near {
            return;
        }
        let Some(canvas) = node.cast::<HtmlCanvasElement>() else {
            return;
        };
        // Before the first layout report (no ResizeObserver), ask once.
        let size = bx
            .size
            .unwrap_or_else(|| (canvas.client_width(), canvas.client_height()));
        let ratio = crate::ui::browser::dpr();
        let same = matches!(&*drawn.borrow(), Some((k, s, r)) if k == key && *s == size && *r == ratio.to_bits());
        if same {
            return;
        }
        let dpr = fit_canvas(&canvas, size, min);
        draw(canvas, dpr, key);
        *drawn.borrow_mut() = Some((key.clone(), size, ratio.to_bits()));
    });
}

/// Sizes `canvas`'s backing store to `size` (at least `min`) CSS pixels times
/// the device pixel ratio, and returns that ratio. The store is resized only
/// when it changes (resizing clears and reallocates it; every drawing paints
/// its own background).
fn fit_canvas(canvas: &HtmlCanvasElement, size: (i32, i32), min: (i32, i32)) -> f64 {
    let dpr = crate::ui::browser::dpr();
    let w = (f64::from(size.0.max(min.0)) * dpr).round() as u32;
    let h = (f64::from(size.1.max(min.1)) * dpr).round() as u32;
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
    dpr
}
