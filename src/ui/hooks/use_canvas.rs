//! A canvas drawn only when it is near the viewport, and only when what it
//! shows, its size or the screen's pixel ratio changed (issue 10): a slider
//! move redraws the charts a reader can see, and a chart further down is
//! brought up to date as it scrolls into view. Sizes come from a
//! `ResizeObserver`, so drawing never forces a layout.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

/// Where a canvas is: its CSS size once laid out, and whether it is near the
/// viewport.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct CanvasBox {
    /// Its CSS size in pixels (`None` until the first layout reported it).
    pub size: Option<(i32, i32)>,
    /// Whether it is near the viewport ([`super::use_near`]).
    pub near: bool,
}

/// The [`CanvasBox`] of the canvas behind `node`: whether it is near the
/// viewport ([`super::use_near`]), and its size, kept up to date by a
/// `ResizeObserver` (a rotated phone, a resized window, a panel opened).
#[hook]
pub fn use_canvas_box(node: &NodeRef) -> CanvasBox {
    let near = super::use_near(node);
    let size = use_state_eq(|| None::<(i32, i32)>);
    {
        let (node, size) = (node.clone(), size.clone());
        use_effect_with((), move |_| {
            let observer = observe_size(&node, size);
            move || {
                if let Some((o, _cb)) = observer {
                    o.disconnect();
                }
            }
        });
    }
    CanvasBox { size: *size, near }
}

type SizeObserver = (web_sys::ResizeObserver, Closure<dyn FnMut(js_sys::Array)>);

fn observe_size(node: &NodeRef, size: UseStateHandle<Option<(i32, i32)>>) -> Option<SizeObserver> {
    let el = node.cast::<web_sys::Element>()?;
    let target = el.clone();
    let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |_: js_sys::Array| {
        // Read inside the observer's callback, layout is already done.
        size.set(Some((target.client_width(), target.client_height())));
    });
    let o = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()).ok()?;
    o.observe(&el);
    Some((o, cb))
}

/// Draws the canvas behind `node` with `draw(canvas, pixel ratio, &key)`
/// when it is near the viewport and `key` (what it shows), its size or the
/// pixel ratio differ from its last drawing; its backing store is at least
/// `min` CSS pixels. Returns whether it is near the viewport.
#[hook]
pub fn use_canvas_draw<K, F>(node: &NodeRef, key: K, min: (i32, i32), draw: F) -> bool
where
    K: PartialEq + Clone + 'static,
    F: Fn(HtmlCanvasElement, f64, &K) + 'static,
{
    let bx = use_canvas_box(node);
    let near = bx.near;
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
    near
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
