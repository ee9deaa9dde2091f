//! A canvas's width in CSS pixels, kept up to date, so that a chart is
//! redrawn when a phone rotates or a window is resized.

use web_sys::HtmlElement;
use yew::prelude::*;

/// The client width of the element behind `node`, read again on every
/// window `resize` (0 until the first one): put it among an effect's
/// dependencies to redraw at the new width.
#[hook]
pub fn use_canvas_width(node: &NodeRef) -> i32 {
    let width = use_state(|| 0);
    {
        let (node, width) = (node.clone(), width.clone());
        use_effect_with((), move |_| {
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "resize", move |_| {
                    if let Some(c) = node.cast::<HtmlElement>() {
                        width.set(c.client_width());
                    }
                });
            move || drop(listener)
        });
    }
    *width
}
