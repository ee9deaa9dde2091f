//! The app's side effects, each a hook of its own: the URL and history,
//! storage, fetching what a link names, and files dropped on the page.

mod use_canvas;
mod use_deferred;
mod use_file_drop;
mod use_link_fetch;
mod use_near;
mod use_rested;
mod use_storage_sync;
mod use_url_sync;

pub use use_canvas::use_canvas_draw;
pub use use_deferred::{use_deferred, REST_MS};
pub use use_file_drop::use_file_drop;
pub use use_link_fetch::use_link_fetch;
pub use use_near::{use_near, use_on_screen, use_on_screen_at_first};
pub use use_rested::{use_rested, use_settled};
pub use use_storage_sync::use_storage_sync;
pub use use_url_sync::use_url_sync;
