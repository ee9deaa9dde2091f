//! Side effects on the browser: the URL, localStorage, fetching, files,
//! the language. Every call tolerates a missing API (a sandboxed iframe has
//! no storage).

use crate::i18n::Lang;
use crate::notice::FetchProblem;
use wasm_bindgen::{JsCast, JsValue};

const KEY_LANG: &str = "plansim:lang";
const KEY_PLANS: &str = "plansim:plans";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The stored text under `key`.
pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Stores `value` under `key`; `false` where storage is missing or full.
pub fn store(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Removes `key` from storage.
pub fn forget(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// The plan files the reader opened and this browser kept, as text.
pub fn stored_plans() -> Vec<String> {
    stored_plan_ids()
        .iter()
        .filter_map(|id| load(&format!("plansim:plan:{id}")))
        .collect()
}

fn stored_plan_ids() -> Vec<String> {
    load(KEY_PLANS)
        .and_then(|s| serde_json::from_str::<Vec<String>>(&s).ok())
        .unwrap_or_default()
}

/// Keeps a plan file the reader opened; `false` where it does not fit.
pub fn store_plan(id: &str, text: &str) -> bool {
    let mut ids = stored_plan_ids();
    if !store(&format!("plansim:plan:{id}"), text) {
        return false;
    }
    if !ids.iter().any(|i| i == id) {
        ids.push(id.to_string());
    }
    let ok = serde_json::to_string(&ids).is_ok_and(|list| store(KEY_PLANS, &list));
    if !ok {
        forget(&format!("plansim:plan:{id}"));
    }
    ok
}

/// Forgets a plan file the reader opened, with its scenario and values.
pub fn forget_plan(id: &str, scenario_key: &str) {
    let ids: Vec<String> = stored_plan_ids().into_iter().filter(|i| i != id).collect();
    if let Ok(list) = serde_json::to_string(&ids) {
        store(KEY_PLANS, &list);
    }
    forget(&format!("plansim:plan:{id}"));
    forget(scenario_key);
    forget(&format!("{scenario_key}:reported"));
}

/// A query parameter of the page's address, decoded.
pub fn query_param(key: &str) -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    let url = web_sys::Url::new(&href).ok()?;
    url.search_params().get(key).filter(|v| !v.is_empty())
}

/// The page's address with `plan` and `reported` set (or removed, for
/// `None`), `embed` set when given, and `fragment`; other parameters stay.
pub fn page_link(
    plan: Option<&str>,
    reported: Option<&str>,
    embed: Option<&str>,
    fragment: &str,
) -> String {
    let Some(href) = web_sys::window().and_then(|w| w.location().href().ok()) else {
        return format!("#{fragment}");
    };
    let Ok(url) = web_sys::Url::new(&href) else {
        return format!("#{fragment}");
    };
    let q = url.search_params();
    for (key, value) in [("plan", plan), ("reported", reported), ("embed", embed)] {
        match value {
            Some(v) => q.set(key, v),
            None => q.delete(key),
        }
    }
    // issue 11a: a lock, a chart-only view and a fresh start belong to the
    // link that carries them, not to the full page's permalink.
    if embed.is_none() {
        for key in EMBED_ONLY {
            q.delete(key);
        }
    }
    url.set_hash(fragment);
    url.href()
}

/// issue 11a: query parameters that only an embed keeps; `fresh` is read
/// once, at the start of a visit.
const EMBED_ONLY: [&str; 3] = ["lock", "view", "fresh"];

/// issue 11a: the embed link of `view` (an indicator id or `headline`),
/// locked (`lock=1`) and chart-only (`view=chart`) when asked.
pub fn embed_link(
    plan: Option<&str>,
    reported: Option<&str>,
    view: &str,
    lock: bool,
    chart_only: bool,
    fragment: &str,
) -> String {
    let link = page_link(plan, reported, Some(view), fragment);
    let Ok(url) = web_sys::Url::new(&link) else {
        return link;
    };
    let q = url.search_params();
    for key in EMBED_ONLY {
        q.delete(key);
    }
    if lock {
        q.set("lock", "1");
    }
    if chart_only {
        q.set("view", "chart");
    }
    url.href()
}

/// issue 11a: whether the query parameter `key` is on (`1`, `true`, `yes`).
pub fn query_flag(key: &str) -> bool {
    query_param(key).is_some_and(|v| matches!(v.as_str(), "1" | "true" | "yes"))
}

/// Fetches `url` (relative to the page) as text.
///
/// # Errors
/// [`FetchProblem::Network`] where nothing came back (offline, no CORS
/// header), [`FetchProblem::Status`] for an answer other than 2xx.
pub async fn fetch_text(url: &str) -> Result<String, FetchProblem> {
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or(FetchProblem::Network)?;
    let resp = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| FetchProblem::Network)?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| FetchProblem::Network)?;
    if !resp.ok() {
        return Err(FetchProblem::Status(resp.status()));
    }
    let text = resp.text().map_err(|_| FetchProblem::Network)?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or(FetchProblem::Network)
}

/// The URL fragment without `#` and without a card's anchor (`ind-<id>`,
/// see [`card_anchor`]): the scenario part of the address.
pub fn fragment() -> String {
    crate::state::split_card_anchor(&raw_fragment()).0
}

/// The card a link points at (`#ind-<id>`, alone or among the scenario's
/// parts), if any.
pub fn card_anchor() -> Option<String> {
    crate::state::split_card_anchor(&raw_fragment()).1
}

fn raw_fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Writes `url` as the page's address: a new history entry, or a
/// replacement of the current one while a slider is being dragged.
pub fn write_url(url: &str, new_entry: bool) {
    let Some(w) = web_sys::window() else { return };
    let Ok(h) = w.history() else { return };
    let _ = if new_entry {
        h.push_state_with_url(&JsValue::NULL, "", Some(url))
    } else {
        h.replace_state_with_url(&JsValue::NULL, "", Some(url))
    };
}

/// The page's current address.
pub fn href() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// The saved language.
pub fn saved_lang() -> Option<Lang> {
    Lang::from_tag(&storage()?.get_item(KEY_LANG).ok().flatten()?)
}

/// Saves a scenario fragment under `key`, and the language. Where storage
/// exists but refuses the write (a full quota), the older scenario under
/// `key` is removed, so that a later visit does not silently restore it,
/// and the write tried once more. `false` when the scenario could not be
/// kept; `true` when it was, or when there is no storage at all (a
/// sandboxed frame, a blocked storage: the page says nothing of it).
pub fn save(key: &str, frag: &str, lang: Lang) -> bool {
    let Some(s) = storage() else { return true };
    let _ = s.set_item(KEY_LANG, lang.tag());
    if s.set_item(key, frag).is_ok() {
        return true;
    }
    let _ = s.remove_item(key);
    s.set_item(key, frag).is_ok()
}

/// Removes everything plansim keeps in this browser (its `plansim:` keys):
/// saved scenarios, kept plans and values, the language.
pub fn forget_everything() {
    FORGOTTEN.with(|f| f.set(f.get() + 1));
    let Some(s) = storage() else { return };
    let n = s.length().unwrap_or(0);
    let keys: Vec<String> = (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with("plansim"))
        .collect();
    for k in keys {
        let _ = s.remove_item(&k);
    }
}

/// How many times everything was forgotten: a save scheduled before
/// [`forget_everything`] must not bring a scenario back (issue 10's writes
/// wait for the reader to rest).
pub fn forgotten() -> u32 {
    FORGOTTEN.with(|f| f.get())
}

thread_local! {
    static FORGOTTEN: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    /// The address last written for the current scenario, for the panic
    /// message.
    static LAST_LINK: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Remembers `url` as the link of the current scenario.
pub fn remember_link(url: &str) {
    LAST_LINK.with(|l| {
        let mut l = l.borrow_mut();
        l.clear();
        l.push_str(url);
    });
}

/// The link of the current scenario as last written, else the address.
pub fn last_link() -> String {
    let l = LAST_LINK.with(|l| l.borrow().clone());
    if l.is_empty() {
        href()
    } else {
        l
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

/// Sets `<html lang>` when it differs: writing it again restyles the whole page (issue 10).
pub fn set_document_lang(lang: Lang) {
    let tag = if lang == Lang::Zh { "zh-CN" } else { "en" };
    if let Some(el) = gloo::utils::document().document_element() {
        if el.get_attribute("lang").as_deref() != Some(tag) {
            let _ = el.set_attribute("lang", tag);
        }
    }
}

/// Sets the document's title when it differs (issue 10: a change costs Chromium 2-4 ms while
/// the page starts, so it is made after the first frame).
pub fn set_document_title(title: &str) {
    let doc = gloo::utils::document();
    if doc.title() != title {
        doc.set_title(title);
    }
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

/// Offers `data` as a file download.
pub fn download(name: &str, mime: &str, data: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(data));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    if let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) {
        download_url(name, &url);
        let _ = web_sys::Url::revoke_object_url(&url);
    }
}

/// Follows `url` as a download named `name`.
pub fn download_url(name: &str, url: &str) {
    let doc = gloo::utils::document();
    let Ok(a) = doc.create_element("a") else {
        return;
    };
    let a: web_sys::HtmlAnchorElement = a.unchecked_into();
    a.set_href(url);
    a.set_download(name);
    a.set_attribute("hidden", "").ok();
    if let Some(body) = doc.body() {
        let _ = body.append_child(&a);
        a.click();
        a.remove();
    }
}

/// Copies `text`; `false` where the clipboard is refused (then select and copy by hand).
pub async fn copy(text: &str) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let nav = w.navigator();
    // Reading the property can throw in a sandboxed frame.
    let has = js_sys::Reflect::get(&nav, &JsValue::from_str("clipboard"))
        .is_ok_and(|v| !v.is_undefined());
    if !has {
        return false;
    }
    wasm_bindgen_futures::JsFuture::from(nav.clipboard().write_text(text))
        .await
        .is_ok()
}

/// The page's address without query or fragment.
pub fn base_url() -> String {
    web_sys::window()
        .map(|w| {
            let l = w.location();
            format!(
                "{}{}",
                l.origin().ok().filter(|o| o != "null").unwrap_or_else(|| {
                    l.protocol().map(|p| format!("{p}//")).unwrap_or_default()
                }),
                l.pathname().unwrap_or_default()
            )
        })
        .unwrap_or_default()
}

/// Today as `YYYY-MM-DD`.
pub fn today() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.chars().take(10).collect()
}

/// The reader's year, from the browser's clock.
pub fn year_now() -> u16 {
    u16::try_from(js_sys::Date::new_0().get_full_year()).unwrap_or(u16::MAX)
}

/// Tells the host page our height: `{type: "plansim:height", height}`.
pub fn post_height() {
    let Some(w) = web_sys::window() else { return };
    let Ok(Some(parent)) = w.parent() else { return };
    if parent == w {
        return;
    }
    // issue 11a: the content's own height, not the document's scroll height
    // (which is never less than the frame), so that the frame shrinks too.
    let doc = gloo::utils::document();
    let height = doc.body().map_or(0, |b| b.offset_height());
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &"plansim:height".into());
    let _ = js_sys::Reflect::set(&msg, &"height".into(), &JsValue::from(height));
    let _ = parent.post_message(&msg, "*");
}

/// Posts the height now and whenever the page's size changes.
pub fn watch_height() {
    use wasm_bindgen::closure::Closure;
    post_height();
    let cb = Closure::<dyn FnMut(js_sys::Array)>::new(|_| post_height());
    if let Ok(obs) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
        if let Some(body) = gloo::utils::document().body() {
            obs.observe(&body);
        }
    }
    // Lives as long as the page.
    cb.forget();
}

/// Opens the print dialog.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Scrolls element `id` into view, opening every closed `<details>` around it
/// (a card in the folded "other targets" list). Where it is not in the
/// document yet (its part of the page is built just after the first screen,
/// issue 10), it tries again every [`SCROLL_RETRY_MS`] for 5 s. Once there,
/// it looks again after each of [`SCROLL_CHECKS_MS`]: if the element is no
/// longer where it landed on the screen (a part above it was built late, or
/// a list around it opened), it scrolls to it again. All of it stops once
/// the reader scrolls by wheel or touch, presses a key or a pointer, or
/// follows another link.
pub fn scroll_to_element(id: &str) {
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    let generation = SCROLL_GENERATION.with(|g| {
        g.set(g.get().wrapping_add(1));
        g.get()
    });
    let reader_moved = Rc::new(Cell::new(false));
    let window = gloo::utils::window();
    let listeners: Vec<gloo::events::EventListener> =
        ["wheel", "touchstart", "keydown", "pointerdown"]
            .into_iter()
            .map(|kind| {
                let m = reader_moved.clone();
                gloo::events::EventListener::new(&window, kind, move |_| m.set(true))
            })
            .collect();
    let scroll = Rc::new(Scroll {
        id: id.to_string(),
        live: Box::new(move || {
            SCROLL_GENERATION.with(|g| g.get()) == generation && !reader_moved.get()
        }),
        listeners: RefCell::new(Some(listeners)),
    });
    scroll_attempt(scroll, 0);
}

/// How often [`scroll_to_element`] looks for an element not built yet (100
/// times), and when it looks again at one it scrolled to, in milliseconds
/// after it did.
const SCROLL_RETRY_MS: u32 = 50;
const SCROLL_CHECKS_MS: [u32; 5] = [100, 250, 600, 1000, 1500];

thread_local! {
    /// Which [`scroll_to_element`] is the latest: an older one stops.
    static SCROLL_GENERATION: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// One [`scroll_to_element`] under way.
struct Scroll {
    id: String,
    /// Whether it is still the latest and the reader has not moved.
    live: Box<dyn Fn() -> bool>,
    /// The reader's input it listens for, until it ends.
    listeners: std::cell::RefCell<Option<Vec<gloo::events::EventListener>>>,
}

impl Scroll {
    fn element(&self) -> Option<web_sys::Element> {
        gloo::utils::document().get_element_by_id(&self.id)
    }
    fn end(&self) {
        self.listeners.borrow_mut().take();
    }
}

fn scroll_attempt(scroll: std::rc::Rc<Scroll>, tries: u32) {
    use gloo::timers::callback::Timeout;
    if !(scroll.live)() {
        return scroll.end();
    }
    let Some(el) = scroll.element() else {
        if tries < 100 {
            Timeout::new(SCROLL_RETRY_MS, move || scroll_attempt(scroll, tries + 1)).forget();
        } else {
            scroll.end();
        }
        return;
    };
    let mut up = el.parent_element();
    while let Some(p) = up {
        if p.tag_name().eq_ignore_ascii_case("details") && !p.has_attribute("open") {
            let _ = p.set_attribute("open", "");
        }
        up = p.parent_element();
    }
    el.scroll_into_view();
    let landed = el.get_bounding_client_rect().top();
    let last = SCROLL_CHECKS_MS[SCROLL_CHECKS_MS.len() - 1];
    for delay in SCROLL_CHECKS_MS {
        let scroll = scroll.clone();
        Timeout::new(delay, move || {
            if (scroll.live)() {
                if let Some(el) = scroll.element() {
                    if (el.get_bounding_client_rect().top() - landed).abs() > 40.0 {
                        el.scroll_into_view();
                    }
                }
            }
            if delay == last {
                scroll.end();
            }
        })
        .forget();
    }
}
