//! The app's side effects, each a hook of its own: the URL and history,
//! storage, fetching what a link names, and files dropped on the page.

mod use_canvas_width;
mod use_file_drop;
mod use_link_fetch;
mod use_storage_sync;
mod use_url_sync;

pub use use_canvas_width::use_canvas_width;
pub use use_file_drop::use_file_drop;
pub use use_link_fetch::use_link_fetch;
pub use use_storage_sync::use_storage_sync;
pub use use_url_sync::use_url_sync;
