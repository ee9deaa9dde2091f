//! The Yew app: everything that touches the browser.

mod app;
mod browser;
mod canvas;
mod card;
mod share;

pub use app::{App, AppProps};

/// Mounts the app on `#app`, or on `<body>` if there is none.
pub fn start() {
    let doc = gloo::utils::document();
    match doc.get_element_by_id("app") {
        Some(el) => {
            el.set_inner_html("");
            yew::Renderer::<App>::with_root(el).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}
