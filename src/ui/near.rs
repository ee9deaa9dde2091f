//! A part of the page that follows a slider only while it is on or near the
//! screen (issue 10). Far from it, the part is given the view as of the
//! reader's last rest, which does not change while a slider moves, so Yew
//! skips it (its props are equal): a move re-renders what a reader can see,
//! and the rest catches up once the reader rests or scrolls to it.

use super::hooks::use_near;
use super::view::View;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NearProps {
    /// The live view.
    pub view: View,
    /// The view as of the reader's last rest.
    pub calm: View,
    /// Draws the part from the view it is given.
    pub render: Callback<View, Html>,
}

/// `render(view)` near the screen, `render(calm)` far from it, in a `div`
/// that an `IntersectionObserver` watches.
#[component]
pub fn Near(p: &NearProps) -> Html {
    let node = use_node_ref();
    let near = use_near(&node);
    let v = if near { &p.view } else { &p.calm };
    html! { <div ref={node} class="near">{ p.render.emit(v.clone()) }</div> }
}
