//! A file dropped anywhere on the page is opened.

use crate::ui::files::{read, Opened};
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Listens on the window for files dragged over and dropped; each dropped
/// file is read and handed to `on_file`. Returns whether a file is being
/// dragged over the page, to show where to drop it.
#[hook]
pub fn use_file_drop(on_file: Callback<Opened>) -> bool {
    let dragging = use_state(|| false);
    // The listeners live as long as the page; the callback of the latest
    // render reads the latest model.
    let latest = use_mut_ref(|| on_file.clone());
    *latest.borrow_mut() = on_file;
    {
        let dragging = dragging.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let active = EventListenerOptions::enable_prevent_default();
            let over = {
                let dragging = dragging.clone();
                EventListener::new_with_options(&window, "dragover", active, move |e| {
                    let carries_files = e
                        .dyn_ref::<web_sys::DragEvent>()
                        .and_then(|d| d.data_transfer())
                        .is_some_and(|dt| {
                            dt.types()
                                .iter()
                                .any(|t| t.as_string().as_deref() == Some("Files"))
                        });
                    if carries_files {
                        e.prevent_default();
                        dragging.set(true);
                    }
                })
            };
            let leave = {
                let dragging = dragging.clone();
                EventListener::new(&window, "dragleave", move |e| {
                    // Only when the pointer leaves the window, not a child.
                    let left = e
                        .dyn_ref::<web_sys::DragEvent>()
                        .is_some_and(|d| d.related_target().is_none());
                    if left {
                        dragging.set(false);
                    }
                })
            };
            let on_drop = EventListener::new_with_options(&window, "drop", active, move |e| {
                let file = e
                    .dyn_ref::<web_sys::DragEvent>()
                    .and_then(|d| d.data_transfer())
                    .and_then(|dt| dt.files())
                    .and_then(|f| f.get(0));
                if let Some(file) = file {
                    e.prevent_default();
                    read(file, latest.borrow().clone());
                }
                dragging.set(false);
            });
            move || drop((over, leave, on_drop))
        });
    }
    *dragging
}
