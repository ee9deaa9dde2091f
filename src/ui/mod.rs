//! The Yew app: everything that touches the browser. `app` holds the one
//! reducer and wires the hooks; every other file is one component, a hook,
//! or a browser helper.

mod app;
mod browser;
mod canvas;
#[doc(hidden)]
pub mod canvas_backend;
mod card;
mod copy_button;
mod driver_row;
mod embed;
mod export_scene;
mod fetch_failed;
mod figure_canvas;
mod files;
mod futures;
mod group;
mod headline;
mod hero;
mod hooks;
mod init;
mod model;
mod near;
mod notices;
mod overview;
mod page;
mod panic;
mod plan_bar;
mod preset_note;
mod print;
mod reference_control;
mod restore_prompt;
mod scale_control;
mod share;
mod shared;
mod summary;
mod toolbar;
mod tradeoff;
mod view;

pub use app::{App, AppProps};

/// Mounts the app on `#app`, or on `<body>` if there is none. What `#app` held (the loading line,
/// or a first visit's prerendered first screen, inert until now: see index.html) goes in the same
/// task as the app's first frame, so that no frame shows neither.
pub fn start() {
    panic::install();
    let doc = gloo::utils::document();
    match doc.get_element_by_id("app") {
        Some(el) => {
            el.set_inner_html("");
            for a in ["data-prerender", "inert", "aria-busy"] {
                let _ = el.remove_attribute(a);
            }
            yew::Renderer::<App>::with_root(el).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}
