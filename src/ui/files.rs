//! Files the reader opens: read from the disk (picker or drop) and handed
//! on by name and text.

use wasm_bindgen_futures::spawn_local;
use yew::{Callback, TargetCast};

/// A file read from the disk.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    /// Its name.
    pub name: String,
    /// Its text, `None` where it could not be read.
    pub text: Option<String>,
    /// Its size in bytes, where it is above [`MAX_FILE_BYTES`] and was not read.
    pub too_large: Option<f64>,
}

/// The largest file read (a plan, a scenario, reported values), in bytes;
/// the built-in plan file is about 40 KB.
pub const MAX_FILE_BYTES: usize = 4 << 20;

/// Reads `file` as text and hands it to `on_read`; a file above
/// [`MAX_FILE_BYTES`] is not read.
pub fn read(file: web_sys::File, on_read: Callback<Opened>) {
    let name = file.name();
    let size = file.size();
    if size > MAX_FILE_BYTES as f64 {
        return on_read.emit(Opened {
            name,
            text: None,
            too_large: Some(size),
        });
    }
    spawn_local(async move {
        let file = gloo::file::File::from(file);
        let text = gloo::file::futures::read_as_text(&file).await.ok();
        on_read.emit(Opened {
            name,
            text,
            too_large: None,
        });
    });
}

/// The first file an `<input type=file>` holds, read and handed to
/// `on_read`; the input is cleared so that the same file can be chosen again.
pub fn on_change(on_read: Callback<Opened>) -> Callback<web_sys::Event> {
    Callback::from(move |e: web_sys::Event| {
        let el: web_sys::HtmlInputElement = e.target_unchecked_into();
        if let Some(file) = el.files().and_then(|f| f.get(0)) {
            el.set_value("");
            read(file, on_read.clone());
        }
    })
}
