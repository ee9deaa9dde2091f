//! Side effects on the browser: the URL, localStorage, the language.
//! Every call tolerates a missing API (a sandboxed iframe has no storage).

use crate::i18n::Lang;
use wasm_bindgen::JsValue;

const KEY_SCENARIO: &str = "plansim:scenario";
const KEY_LANG: &str = "plansim:lang";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The URL fragment without `#`.
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
        .trim_start_matches('#')
        .to_string()
}

/// Writes the fragment into the URL: a new history entry, or a replacement
/// of the current one while a slider is being dragged.
pub fn write_fragment(frag: &str, new_entry: bool) {
    let Some(w) = web_sys::window() else { return };
    let Ok(h) = w.history() else { return };
    let url = format!("#{frag}");
    let _ = if new_entry {
        h.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        h.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
}

/// The saved scenario fragment, if storage works and holds one.
pub fn saved_fragment() -> Option<String> {
    storage()?.get_item(KEY_SCENARIO).ok().flatten()
}

/// The saved language.
pub fn saved_lang() -> Option<Lang> {
    Lang::from_tag(&storage()?.get_item(KEY_LANG).ok().flatten()?)
}

/// Saves the scenario fragment and language; silently skipped without storage.
pub fn save(frag: &str, lang: Lang) {
    if let Some(s) = storage() {
        let _ = s.set_item(KEY_SCENARIO, frag);
        let _ = s.set_item(KEY_LANG, lang.tag());
    }
}

/// The browser's preferred language, if it is Chinese or English.
pub fn browser_lang() -> Option<Lang> {
    let nav = web_sys::window()?.navigator();
    nav.languages()
        .iter()
        .filter_map(|v| v.as_string())
        .chain(nav.language())
        .find_map(|t| Lang::from_tag(&t))
}

/// Sets `<html lang>` and the document title.
pub fn set_document_lang(lang: Lang, title: &str) {
    let doc = gloo::utils::document();
    if let Some(el) = doc.document_element() {
        let _ = el.set_attribute("lang", if lang == Lang::Zh { "zh-CN" } else { "en" });
    }
    doc.set_title(title);
}

/// Device pixels per CSS pixel.
pub fn dpr() -> f64 {
    web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .max(1.0)
}

/// Milliseconds since the page loaded.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}
