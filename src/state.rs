//! The app's state, its actions and the pure reducer, plus the readable link
//! format. No browser APIs here, so all of it is tested natively.

use crate::core::engine::{check_growth, ModelError, Scenario};
use crate::core::plan::Plan;
use crate::core::presets::preset_scenario;
pub use crate::core::presets::{Preset, Reference};
use crate::core::reported::Pace;
use crate::core::uncertainty::Scale;
use crate::i18n::Lang;
use crate::notice::{Notice, Origin};

/// Highest growth a reader may type, in either unit; the engine would take
/// more, but charts stay readable and no plan target needs it.
pub const MAX_TYPED_GROWTH: f64 = 1000.0;

/// Everything the page shows follows from this.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The reader's scenario.
    pub scenario: Scenario,
    /// The display language.
    pub lang: Lang,
    /// Messages for the reader: malformed link parts, rejected input.
    pub notices: Vec<Notice>,
    /// How far every σ is scaled (issue 8): 0 gives the deterministic page.
    pub scale: Scale,
    /// What the reader's scenario is held against (issue 7).
    pub reference: Reference,
}

/// Everything a reader can do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Set an indicator's constant growth (already parsed).
    SetGrowth(String, f64),
    /// Typed text for an indicator's growth; rejected text becomes a notice.
    TypeGrowth(String, String),
    /// Back to the plan's defaults for one indicator (growth, path and baseline).
    ResetOne(String),
    /// Back to the plan's defaults for everything but the language and the
    /// reference the reader chose.
    ResetAll,
    /// issue 11a: back to `to`'s values for one indicator (growth, path and
    /// baseline): an embed's Reset returns to the scenario it was given.
    ResetOneTo(String, Box<Scenario>),
    /// Typed text for a baseline; empty clears it.
    TypeBaseline(String, String),
    /// Typed text for one year's growth; empty clears that year.
    TypePathYear(String, u16, String),
    /// Set the projection horizon.
    SetHorizon(u16),
    /// Switch language.
    SetLang(Lang),
    /// Replace the scenario with a preset's whole scenario (see
    /// [`preset_scenario`]), given the paces of the values published so far;
    /// the horizon and supplied baselines are kept, so presets never stack.
    Apply(Preset, Vec<Pace>),
    /// Replace the whole state.
    Replace(State),
    /// Apply a link fragment (history navigation, a hand-edited URL); the
    /// language stays unless the link names one.
    Load(String),
    /// Apply a fragment this browser saved; what it skips is named as the
    /// saved scenario's, after the notices already shown.
    Restore(String),
    /// Show a message (a refused import, say).
    Notice(Notice),
    /// Clear the notices.
    Dismiss,
    /// Scale every σ at once (issue 8).
    SetScale(Scale),
    /// Set several growths at once (a point of a trade-off map): one
    /// history entry and one render; each replaces that indicator's per-year path.
    ApplyGrowths(Vec<(String, f64)>),
    /// Hold the scenario against this reference (issue 7).
    SetReference(Reference),
    /// Freeze the reader's scenario as the reference (issue 7).
    PinReference,
}

/// At most this many notices are kept one by one; the rest are counted in a
/// closing [`Notice::More`], so a link of 20,000 bad parts shows ten lines
/// and "and 19,990 more".
pub const MAX_NOTICES: usize = 10;

/// Echoed input (a link part, typed text, an id from a file) is cut to this
/// many characters and an ellipsis.
pub const EXCERPT_CHARS: usize = 60;

/// The largest link or saved scenario decoded, in bytes; a larger one is
/// refused whole with a notice. A link the page writes holds one part per
/// changed value: a few hundred bytes for a large plan.
pub const MAX_LINK_BYTES: usize = 256 << 10;

/// The link format version written as `v=1`. Links without `v` are read as
/// version 1 too (the format had no version before); a higher version opens
/// with a notice.
pub const LINK_VERSION: u32 = 1;

/// At most [`EXCERPT_CHARS`] characters of `s`, with "…" when cut.
pub fn excerpt(s: &str) -> String {
    match s.char_indices().nth(EXCERPT_CHARS) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Adds `n` to `notices`, keeping at most [`MAX_NOTICES`] and counting the
/// rest in a closing [`Notice::More`].
pub fn push_notice(notices: &mut Vec<Notice>, n: Notice) {
    let extra = match n {
        Notice::More(k) => k,
        n if notices.len() < MAX_NOTICES => return notices.push(n),
        _ => 1,
    };
    match notices.last_mut() {
        Some(Notice::More(k)) => *k = k.saturating_add(extra),
        _ => notices.push(Notice::More(extra)),
    }
}

/// Applies `action` to `state` for `plan`. Bad input leaves the scenario as
/// it was and adds a notice naming what was refused.
pub fn reduce(plan: &Plan, state: &State, action: Action) -> State {
    let mut next = state.clone();
    apply(plan, &mut next, action);
    next
}

/// [`reduce`] in place: the one path every action takes.
pub fn apply(plan: &Plan, st: &mut State, action: Action) {
    let sc = &mut st.scenario;
    let result = match action {
        Action::SetGrowth(id, g) => set_growth(plan, sc, &id, g),
        Action::TypeGrowth(id, text) => type_growth(plan, sc, &id, &text),
        Action::ResetOne(id) => {
            sc.growth.remove(&id);
            sc.paths.remove(&id);
            sc.baselines.remove(&id);
            Ok(())
        }
        Action::ResetAll => {
            *sc = Scenario::new(plan);
            Ok(())
        }
        Action::ResetOneTo(id, to) => {
            for (mine, theirs) in [
                (&mut sc.growth, &to.growth),
                (&mut sc.baselines, &to.baselines),
            ] {
                match theirs.get(&id) {
                    Some(v) => mine.insert(id.clone(), *v),
                    None => mine.remove(&id),
                };
            }
            match to.paths.get(&id) {
                Some(p) => sc.paths.insert(id.clone(), p.clone()),
                None => sc.paths.remove(&id),
            };
            Ok(())
        }
        Action::TypeBaseline(id, text) => type_baseline(plan, sc, &id, &text),
        Action::TypePathYear(id, year, text) => type_path_year(plan, sc, &id, year, &text),
        Action::SetHorizon(h) => set_horizon(plan, sc, h),
        Action::SetLang(l) => {
            st.lang = l;
            Ok(())
        }
        Action::Apply(p, paces) => {
            *sc = preset_scenario(plan, sc, p, &paces);
            Ok(())
        }
        Action::Replace(s) => {
            *st = s;
            Ok(())
        }
        Action::Load(frag) => {
            *st = from_fragment(plan, &frag, st.lang).0;
            Ok(())
        }
        Action::Restore(frag) => {
            let restored = from_saved(plan, &frag, st.lang).0;
            let mut notices = std::mem::take(&mut st.notices);
            for n in restored.notices {
                push_notice(&mut notices, n);
            }
            *st = State {
                notices,
                ..restored
            };
            Ok(())
        }
        Action::SetScale(u) => {
            st.scale = u;
            Ok(())
        }
        Action::ApplyGrowths(pairs) => {
            for (id, g) in pairs {
                match set_growth(plan, sc, &id, g) {
                    Ok(()) => {
                        sc.paths.remove(&id);
                    }
                    Err(n) => push_notice(&mut st.notices, n),
                }
            }
            Ok(())
        }
        Action::SetReference(r) => {
            st.reference = r;
            Ok(())
        }
        Action::PinReference => {
            st.reference = Reference::pin(sc);
            Ok(())
        }
        Action::Notice(n) => Err(n),
        Action::Dismiss => {
            st.notices.clear();
            Ok(())
        }
    };
    if let Err(n) = result {
        push_notice(&mut st.notices, n);
    }
}

fn not_a_number(id: &str, year: Option<u16>, text: &str) -> Notice {
    Notice::NotANumber {
        id: excerpt(id),
        year,
        text: excerpt(text),
    }
}

fn type_growth(plan: &Plan, sc: &mut Scenario, id: &str, text: &str) -> Result<(), Notice> {
    let g = parse_num(text).ok_or_else(|| not_a_number(id, None, text))?;
    set_growth(plan, sc, id, g)
}

fn type_baseline(plan: &Plan, sc: &mut Scenario, id: &str, text: &str) -> Result<(), Notice> {
    if text.trim().is_empty() {
        sc.baselines.remove(id);
        return Ok(());
    }
    let v = parse_num(text).ok_or_else(|| not_a_number(id, None, text))?;
    set_baseline(plan, sc, id, v)
}

/// The largest baseline a reader may supply for `plan`: grown for every
/// year of the plan at the highest growth a reader may type, it stays
/// within what a chart can draw ([`crate::chart::AXIS_LIMIT`]).
pub fn max_baseline(plan: &Plan) -> f64 {
    let years = i32::from(plan.vision_year.saturating_sub(plan.base_year)).max(1);
    crate::chart::AXIS_LIMIT / (1.0 + MAX_TYPED_GROWTH / 100.0).powi(years)
}

/// Supplies a baseline for `id`: only where the plan prints none, within
/// [`max_baseline`], and one the engine accepts (not negative, a
/// percentage within 100, not 0 under relative growth).
fn set_baseline(plan: &Plan, sc: &mut Scenario, id: &str, v: f64) -> Result<(), Notice> {
    let ind = plan
        .indicator(id)
        .ok_or_else(|| Notice::NoIndicator(excerpt(id)))?;
    if ind.baseline.is_some() {
        return Err(Notice::BaselinePrinted(id.to_string()));
    }
    let max = max_baseline(plan);
    if v.abs() > max {
        return Err(Notice::BaselineBeyond {
            id: id.to_string(),
            max,
        });
    }
    let old = sc.baselines.insert(id.to_string(), v);
    match crate::core::engine::baseline_of(plan, sc, ind) {
        Ok(_) => Ok(()),
        Err(e) => {
            match old {
                Some(o) => sc.baselines.insert(id.to_string(), o),
                None => sc.baselines.remove(id),
            };
            Err(Notice::Model(e))
        }
    }
}

fn type_path_year(
    plan: &Plan,
    sc: &mut Scenario,
    id: &str,
    year: u16,
    text: &str,
) -> Result<(), Notice> {
    if text.trim().is_empty() {
        if let Some(p) = sc.paths.get_mut(id) {
            p.remove(&year);
            if p.is_empty() {
                sc.paths.remove(id);
            }
        }
        return Ok(());
    }
    let g = parse_num(text).ok_or_else(|| not_a_number(id, Some(year), text))?;
    let g = checked(plan, id, g)?;
    if !(plan.base_year + 1..=plan.vision_year).contains(&year) {
        return Err(Notice::OutsideYears {
            id: id.to_string(),
            year,
        });
    }
    sc.paths.entry(id.to_string()).or_default().insert(year, g);
    Ok(())
}

fn set_horizon(plan: &Plan, sc: &mut Scenario, h: u16) -> Result<(), Notice> {
    if (plan.target_year..=plan.vision_year).contains(&h) {
        sc.horizon = h;
        Ok(())
    } else {
        Err(Notice::Model(ModelError::Horizon {
            horizon: h,
            min: plan.target_year,
            max: plan.vision_year,
        }))
    }
}

/// Parses typed text as a number; full-width digits and signs count, and a
/// comma does not (it could be a decimal or a thousands separator).
fn parse_num(text: &str) -> Option<f64> {
    let t: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' | '。' => '.',
            '＋' => '+',
            '－' | '−' => '-',
            c => c,
        })
        .collect();
    t.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Checks a typed growth for indicator `id`: known, has a slider, finite,
/// at least -100 for relative growth, and within ±[`MAX_TYPED_GROWTH`].
fn checked(plan: &Plan, id: &str, g: f64) -> Result<f64, Notice> {
    let ind = plan
        .indicator(id)
        .ok_or_else(|| Notice::NoIndicator(excerpt(id)))?;
    let slider = ind
        .slider
        .as_ref()
        .ok_or_else(|| Notice::Derived(id.to_string()))?;
    check_growth(id, None, g, slider.mode).map_err(Notice::Model)?;
    if g.abs() > MAX_TYPED_GROWTH {
        return Err(Notice::BeyondMax {
            id: id.to_string(),
            value: g,
        });
    }
    Ok(g)
}

fn set_growth(plan: &Plan, sc: &mut Scenario, id: &str, g: f64) -> Result<(), Notice> {
    let g = checked(plan, id, g)?;
    sc.growth.insert(id.to_string(), g);
    Ok(())
}

/// Encodes the scenario and language as a readable URL fragment, without
/// the `#`: `v=1` (the format's version), `g.<id>=<growth>` for each changed
/// growth, `p.<id>.<year>=` for per-year growth, `b.<id>=` for supplied
/// baselines, `h=` for a horizon other than the target year, and `lang=`.
pub fn to_fragment(plan: &Plan, state: &State) -> String {
    let sc = &state.scenario;
    let mut parts = vec![format!("v={LINK_VERSION}")];
    for ind in &plan.indicators {
        if let Some(g) = sc.growth.get(&ind.id) {
            parts.push(format!("g.{}={}", ind.id, num(*g)));
        }
        if let Some(p) = sc.paths.get(&ind.id) {
            for (y, g) in p {
                parts.push(format!("p.{}.{y}={}", ind.id, num(*g)));
            }
        }
        if let Some(b) = sc.baselines.get(&ind.id) {
            parts.push(format!("b.{}={}", ind.id, num(*b)));
        }
    }
    if sc.horizon != plan.target_year {
        parts.push(format!("h={}", sc.horizon));
    }
    if state.scale != Scale::default() {
        parts.push(format!("u={}", num(state.scale.value())));
    }
    reference_parts(plan, &state.reference, &mut parts);
    parts.push(format!("lang={}", state.lang.tag()));
    parts.join("&")
}

/// The reference's link parts (issue 7): none for the default (the
/// reported pace), `cmp=plan` or `cmp=trend` for another preset, and for a
/// pinned scenario `cmp=pinned` then its values in the reader's form,
/// `cmp.g.<id>=` and `cmp.p.<id>.<year>=`.
fn reference_parts(plan: &Plan, reference: &Reference, parts: &mut Vec<String>) {
    match reference {
        r if *r == Reference::default() => {}
        Reference::Preset(p) => parts.push(format!("cmp={}", p.key())),
        Reference::Pinned { growth, paths } => {
            parts.push(format!("cmp={PINNED}"));
            for ind in &plan.indicators {
                if let Some(g) = growth.get(&ind.id) {
                    parts.push(format!("cmp.g.{}={}", ind.id, num(*g)));
                }
                for (y, g) in paths.get(&ind.id).into_iter().flatten() {
                    parts.push(format!("cmp.p.{}.{y}={}", ind.id, num(*g)));
                }
            }
        }
    }
}

impl Reference {
    /// The reference's name in `lang` ("plan pace", "规划节奏"), as the
    /// summary, the table, each card, each chart's legend and the exports
    /// say it.
    pub fn label(&self, lang: Lang) -> &'static str {
        let s = lang.s();
        match self {
            Reference::Preset(Preset::Reported) => s.reference_reported,
            Reference::Preset(Preset::PlanPace) => s.reference_plan,
            Reference::Preset(Preset::Trend) => s.reference_trend,
            Reference::Pinned { .. } => s.reference_pinned,
        }
    }

    /// "Reference: plan pace" in `lang`.
    pub fn named(&self, lang: Lang) -> String {
        crate::i18n::fill(lang.s().reference_named, "name", self.label(lang))
    }

    /// The reference's key, as `data-reference` and `cmp=` say it.
    pub fn key(&self) -> &'static str {
        match self {
            Reference::Preset(p) => p.key(),
            Reference::Pinned { .. } => PINNED,
        }
    }
}

/// The `cmp=` value of a pinned reference.
pub const PINNED: &str = "pinned";

/// The shortest text that reads back to exactly `v`: Rust's shortest
/// round-trip digits, in plain (`6.5`, `0.0001`) or scientific notation
/// (`4e-7`, `1e308`), plain unless it is more than 4 characters longer;
/// `-0` is written `0`.
pub fn num(v: f64) -> String {
    if v == 0.0 {
        return "0".into();
    }
    let plain = format!("{v}");
    let sci = format!("{v:e}");
    if plain.len() > sci.len() + 4 {
        sci
    } else {
        plain
    }
}

/// A link to a card: the parts `ind-<id>` of a fragment (the anchor that the
/// summary's and the overview's links point at, which a reader copies),
/// split from the rest. Returns the fragment without them (and without
/// `#`), and the last one's id; the rest reads as it would without them, so
/// `#ind-<id>` alone opens as the bare address does, then goes to the card.
/// A part with `=`, an id with characters no id has (`a-z`, `0-9`, `_`), or
/// a fragment over [`MAX_LINK_BYTES`] is left as it is. An id no card has
/// goes nowhere, without a notice.
pub fn split_card_anchor(fragment: &str) -> (String, Option<String>) {
    let frag = fragment.trim_start_matches('#');
    if frag.len() > MAX_LINK_BYTES {
        return (frag.to_string(), None);
    }
    let is_anchor = |p: &str| {
        p.strip_prefix("ind-").is_some_and(|id| {
            !id.is_empty()
                && id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        })
    };
    let mut card = None;
    let mut rest = Vec::new();
    for part in frag.split('&') {
        if is_anchor(part) {
            card = Some(part["ind-".len()..].to_string());
        } else {
            rest.push(part);
        }
    }
    (rest.join("&"), card)
}

/// The language a fragment names (`lang=zh`), if any.
pub fn fragment_lang(fragment: &str) -> Option<Lang> {
    let frag = fragment.trim_start_matches('#');
    if frag.len() > MAX_LINK_BYTES {
        return None;
    }
    frag.split('&')
        .find_map(|part| part.strip_prefix("lang="))
        .and_then(Lang::from_tag)
}

/// Decodes a fragment (with or without `#`) onto the plan's defaults. What
/// cannot be used is skipped and named in the returned state's notices;
/// `lang` is `None` when the link names none.
pub fn from_fragment(plan: &Plan, fragment: &str, fallback_lang: Lang) -> (State, bool) {
    decode(plan, fragment, fallback_lang, false)
}

/// As [`from_fragment`], for a scenario read back from storage: its
/// notices say "saved scenario" rather than "link".
pub fn from_saved(plan: &Plan, fragment: &str, fallback_lang: Lang) -> (State, bool) {
    decode(plan, fragment, fallback_lang, true)
}

/// One pass over the parts, each applied in place to one state: time and
/// memory are linear in the fragment's length.
fn decode(plan: &Plan, fragment: &str, fallback_lang: Lang, saved: bool) -> (State, bool) {
    let origin = if saved { Origin::Saved } else { Origin::Link };
    let mut state = State {
        scenario: Scenario::new(plan),
        lang: fallback_lang,
        notices: Vec::new(),
        scale: Scale::default(),
        reference: Reference::default(),
    };
    let frag = fragment.trim_start_matches('#');
    if frag.len() > MAX_LINK_BYTES {
        state.notices.push(Notice::TooLarge {
            origin,
            bytes: frag.len(),
            limit: MAX_LINK_BYTES,
        });
        return (state, false);
    }
    let mut named_lang = false;
    for raw in frag.split('&').filter(|p| !p.is_empty()) {
        let part = percent_decode(raw);
        match apply_part(plan, &mut state, &part) {
            Ok(Part::Lang) => named_lang = true,
            Ok(Part::Value) => {}
            Ok(Part::Version(v)) => {
                if v > LINK_VERSION {
                    push_notice(
                        &mut state.notices,
                        Notice::NewerVersion { origin, version: v },
                    );
                }
            }
            Err(why) => push_notice(
                &mut state.notices,
                Notice::Skipped {
                    origin,
                    part: excerpt(&part),
                    why: Box::new(why),
                },
            ),
        }
    }
    (state, named_lang)
}

/// What a link part set.
enum Part {
    Value,
    Lang,
    Version(u32),
}

/// Applies one decoded `key=value` part through the same checks as typed
/// input.
fn apply_part(plan: &Plan, st: &mut State, part: &str) -> Result<Part, Notice> {
    let (key, value) = part.split_once('=').ok_or(Notice::ExpectedKeyValue)?;
    let sc = &mut st.scenario;
    let mut keys = key.split('.');
    match (keys.next(), keys.next(), keys.next(), keys.next()) {
        (Some("g"), Some(id), None, None) => type_growth(plan, sc, id, value),
        (Some("b"), Some(id), None, None) => type_baseline(plan, sc, id, value),
        (Some("p"), Some(id), Some(year), None) => {
            let y = year.parse::<u16>().map_err(|_| Notice::BadYear)?;
            type_path_year(plan, sc, id, y, value)
        }
        (Some("h"), None, ..) => {
            let h = value.parse::<u16>().map_err(|_| Notice::BadHorizon)?;
            set_horizon(plan, sc, h)
        }
        (Some("u"), None, ..) => match parse_num(value).map(Scale::new) {
            Some(Ok(u)) => {
                st.scale = u;
                Ok(())
            }
            _ => Err(Notice::BadScale),
        },
        (Some("cmp"), None, ..) => set_reference(st, value),
        (Some("cmp"), Some("g"), Some(id), None) => {
            let g = parse_num(value).ok_or_else(|| not_a_number(id, None, value))?;
            let g = checked(plan, id, g)?;
            pin_value(st, id, None, g);
            Ok(())
        }
        (Some("cmp"), Some("p"), Some(id), Some(year)) if keys.next().is_none() => {
            let y = year.parse::<u16>().map_err(|_| Notice::BadYear)?;
            let mut scratch = Scenario::new(plan);
            type_path_year(plan, &mut scratch, id, y, value)?;
            if let Some(g) = scratch.paths.get(id).and_then(|p| p.get(&y)) {
                pin_value(st, id, Some(y), *g);
            }
            Ok(())
        }
        (Some("lang"), None, ..) => {
            st.lang = Lang::from_tag(value).ok_or(Notice::BadLang)?;
            return Ok(Part::Lang);
        }
        (Some("v"), None, ..) => match value.parse::<u32>() {
            Ok(v) if v >= 1 => return Ok(Part::Version(v)),
            _ => Err(Notice::BadVersion),
        },
        _ => Err(Notice::UnknownPart),
    }
    .map(|()| Part::Value)
}

/// Applies one `cmp` part (`cmp=plan`, `cmp.g.<id>=6`, …) to `st` with
/// the checks a link's part gets: the one validation path for the
/// reference in a scenario file (issue 7).
///
/// # Errors
/// Why the part was refused.
pub fn apply_reference_part(plan: &Plan, st: &mut State, part: &str) -> Result<(), Notice> {
    if !part.starts_with("cmp") {
        return Err(Notice::UnknownPart);
    }
    apply_part(plan, st, part).map(|_| ())
}

/// `cmp=<key>`: a preset's key, or `pinned` (keeping the pinned values
/// read so far, so that `cmp.g.…` parts may come before or after it).
fn set_reference(st: &mut State, value: &str) -> Result<(), Notice> {
    if value == PINNED {
        pinned(st);
        return Ok(());
    }
    let p = Preset::from_key(value).ok_or(Notice::BadReference)?;
    st.reference = Reference::Preset(p);
    Ok(())
}

/// Makes the reference a pinned one (of no values yet) unless it is one.
fn pinned(st: &mut State) {
    if !matches!(st.reference, Reference::Pinned { .. }) {
        st.reference = Reference::Pinned {
            growth: Default::default(),
            paths: Default::default(),
        };
    }
}

/// Adds a growth (`year` `None`) or one year's growth to the pinned
/// reference, making the reference a pinned one.
fn pin_value(st: &mut State, id: &str, year: Option<u16>, g: f64) {
    pinned(st);
    if let Reference::Pinned { growth, paths } = &mut st.reference {
        match year {
            None => {
                growth.insert(id.to_string(), g);
            }
            Some(y) => {
                paths.entry(id.to_string()).or_default().insert(y, g);
            }
        }
    }
}

/// `%XX` escapes decoded, by the `percent-encoding` crate (already in the
/// dependency tree through `url`); bytes that are not UTF-8 become U+FFFD.
pub fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::engine::{assess, run, Status, Verdict};

    fn zj() -> Plan {
        Plan::zhejiang().unwrap()
    }

    /// A card's anchor is split from the scenario; the rest is untouched.
    #[test]
    fn card_anchors_split_from_the_fragment() {
        let split = |f: &str| split_card_anchor(f);
        assert_eq!(
            split("#ind-de_share"),
            (String::new(), Some("de_share".into()))
        );
        assert_eq!(
            split("lang=en&ind-dc_racks&g.gdp=6"),
            ("lang=en&g.gdp=6".into(), Some("dc_racks".into()))
        );
        // the last of two wins; other parts stay for the decoder to judge
        assert_eq!(split("ind-a&ind-b2"), (String::new(), Some("b2".into())));
        for f in [
            "ind-", "ind-A", "ind-x=1", "ind-a.b", "xind-a", "g.gdp=6", "",
        ] {
            assert_eq!(split(f), (f.to_string(), None), "{f}");
        }
        // beside a language, the anchor is not a part the link skips
        let plan = zj();
        let (rest, card) = split("ind-de_share&lang=en");
        assert_eq!(card.as_deref(), Some("de_share"));
        let (st, named) = from_fragment(&plan, &rest, Lang::Zh);
        assert!(named && st.notices.is_empty(), "{:?}", st.notices);
        let huge = format!("ind-a&{}", "x".repeat(MAX_LINK_BYTES));
        assert_eq!(split(&huge).1, None);
    }

    fn fresh(plan: &Plan) -> State {
        State {
            scenario: Scenario::new(plan),
            lang: Lang::En,
            notices: vec![],
            scale: Scale::default(),
            reference: Reference::default(),
        }
    }

    #[test]
    fn link_round_trip() {
        let plan = zj();
        let mut s = fresh(&plan);
        for a in [
            Action::SetGrowth("gdp".into(), 6.5),
            Action::SetGrowth("de_value_added".into(), 12.0),
            Action::TypeBaseline("digital_trade".into(), "5000".into()),
            Action::TypePathYear("gdp".into(), 2022, "-2.5".into()),
            Action::SetHorizon(2035),
        ] {
            s = reduce(&plan, &s, a);
        }
        assert!(s.notices.is_empty(), "{:?}", s.notices);
        let frag = to_fragment(&plan, &s);
        assert_eq!(
            frag,
            "v=1&g.gdp=6.5&p.gdp.2022=-2.5&g.de_value_added=12&b.digital_trade=5000&h=2035&lang=en"
        );
        let (back, named) = from_fragment(&plan, &format!("#{frag}"), Lang::Zh);
        assert!(named);
        assert_eq!(back, s);
    }

    #[test]
    fn numbers_are_written_short_and_read_back_exactly() {
        for (v, text) in [
            (6.5, "6.5"),
            (4e-7, "4e-7"),
            (1e308, "1e308"),
            (-0.0, "0"),
            (0.1 + 0.2, "0.30000000000000004"),
            (12.0, "12"),
            (1234.5, "1234.5"),
        ] {
            assert_eq!(num(v), text);
            assert_eq!(text.parse::<f64>().unwrap(), v);
        }
    }

    #[test]
    fn notices_are_counted_past_the_cap_and_input_is_cut() {
        let plan = zj();
        let (s, _) = from_fragment(&plan, &"x&".repeat(25), Lang::En);
        assert_eq!(s.notices.len(), MAX_NOTICES + 1);
        assert_eq!(s.notices[MAX_NOTICES], Notice::More(15));
        assert_eq!(s.notices[MAX_NOTICES].text(Lang::En), "and 15 more");
        assert_eq!(s.notices[MAX_NOTICES].text(Lang::Zh), "另有 15 条未列出");
        assert_eq!(Notice::More(19_990).text(Lang::En), "and 19,990 more");
        let long = format!("g.gdp={}", "9".repeat(500));
        let (s, _) = from_fragment(&plan, &long, Lang::En);
        let text = s.notices[0].text(Lang::En);
        assert!(text.len() < 300 && text.contains('…'), "{text}");
        assert_eq!(excerpt("short"), "short");
        assert_eq!(excerpt(&"中".repeat(70)).chars().count(), EXCERPT_CHARS + 1);
    }

    #[test]
    fn a_link_too_large_is_refused_whole() {
        let plan = zj();
        let frag = format!("g.gdp=1&{}", "x".repeat(MAX_LINK_BYTES));
        let (s, named) = from_fragment(&plan, &frag, Lang::En);
        assert!(!named && s.scenario == Scenario::new(&plan));
        assert!(matches!(
            s.notices[..],
            [Notice::TooLarge {
                origin: Origin::Link,
                ..
            }]
        ));
        assert!(s.notices[0].text(Lang::En).starts_with("link is too large"));
        let (s, _) = from_saved(&plan, &frag, Lang::Zh);
        assert!(s.notices[0].text(Lang::Zh).starts_with("已保存的情景 过大"));
    }

    #[test]
    fn links_carry_a_version() {
        let plan = zj();
        let (s, _) = from_fragment(&plan, "v=1&g.gdp=2", Lang::En);
        assert!(s.notices.is_empty());
        let (s, _) = from_fragment(&plan, "g.gdp=2&v=7&q=1", Lang::En);
        assert_eq!(
            s.scenario.growth.get("gdp"),
            Some(&2.0),
            "a newer link opens"
        );
        assert_eq!(
            s.notices[0],
            Notice::NewerVersion {
                origin: Origin::Link,
                version: 7
            }
        );
        assert!(s.notices[0]
            .text(Lang::En)
            .contains("newer plansim (version 7)"));
        let (s, _) = from_fragment(&plan, "v=x", Lang::En);
        assert_eq!(s.notices.len(), 1);
        assert!(to_fragment(&plan, &s).starts_with("v=1&"));
    }

    #[test]
    fn baselines_only_where_the_plan_prints_none_and_within_bounds() {
        let plan = zj();
        let s = fresh(&plan);
        let t = reduce(&plan, &s, Action::TypeBaseline("gdp".into(), "5".into()));
        assert!(t.scenario.baselines.is_empty());
        assert_eq!(t.notices, [Notice::BaselinePrinted("gdp".into())]);
        let t = reduce(
            &plan,
            &s,
            Action::TypeBaseline("digital_trade".into(), "1e308".into()),
        );
        assert!(t.scenario.baselines.is_empty());
        assert!(
            t.notices[0]
                .text(Lang::En)
                .contains("beyond what can be computed"),
            "{:?}",
            t.notices
        );
        let t = reduce(
            &plan,
            &s,
            Action::TypeBaseline("digital_trade".into(), "5000".into()),
        );
        let u = reduce(
            &plan,
            &t,
            Action::TypeBaseline("digital_trade".into(), "-1".into()),
        );
        assert_eq!(
            u.scenario.baselines.get("digital_trade"),
            Some(&5000.0),
            "a refused value keeps the old one"
        );
    }

    #[test]
    fn the_issue_example_link_applies() {
        let plan = zj();
        let (s, named) = from_fragment(&plan, "#g.gdp=6.5&g.de_value_added=12", Lang::Zh);
        assert!(!named);
        assert_eq!(s.scenario.growth.get("gdp"), Some(&6.5));
        assert_eq!(s.scenario.growth.get("de_value_added"), Some(&12.0));
        assert!(s.notices.is_empty());
    }

    #[test]
    fn malformed_link_applies_what_it_can_and_says_what_it_skipped() {
        let plan = zj();
        let (s, _) = from_fragment(
            &plan,
            "#g.gdp=abc&g.nope=3&g.de_share=4&g.base_stations_5g=30&garbage&h=2099&lang=fr&p.gdp.x=1&b.digital_trade=-5&g.dc_racks=-200&zz=1",
            Lang::En,
        );
        assert_eq!(s.scenario.growth.get("base_stations_5g"), Some(&30.0));
        assert_eq!(s.scenario.growth.len(), 1, "{:?}", s.scenario.growth);
        assert_eq!(s.scenario.horizon, 2025);
        assert!(s.scenario.baselines.is_empty());
        assert_eq!(s.notices.len(), 10, "{:#?}", s.notices);
        assert!(s
            .notices
            .iter()
            .all(|n| n.text(Lang::En).starts_with("link: ignored")));
        // Percent-encoding and a stray '#' are fine.
        let (s, _) = from_fragment(&plan, "g.gdp=6%2E5", Lang::En);
        assert_eq!(s.scenario.growth.get("gdp"), Some(&6.5));
        let (s, _) = from_fragment(&plan, "%E4%B8%AD=1&%", Lang::En);
        assert_eq!(s.notices.len(), 2);
    }

    #[test]
    fn notices_speak_the_readers_language() {
        let plan = zj();
        let (s, _) = from_fragment(&plan, "g.gdp=abc&x=1&h=2099", Lang::Zh);
        assert_eq!(s.notices.len(), 3, "{:?}", s.notices);
        assert!(
            s.notices
                .iter()
                .all(|n| n.text(Lang::Zh).starts_with("链接中已忽略")),
            "{:?}",
            s.notices
        );
        assert!(
            s.notices[2]
                .text(Lang::Zh)
                .contains("预测年份 2099 须在 2025–2035 之间"),
            "{:?}",
            s.notices
        );
        let (s, _) = from_saved(&plan, "g.gdp=abc", Lang::En);
        assert!(
            s.notices[0]
                .text(Lang::En)
                .starts_with("saved scenario: ignored"),
            "{:?}",
            s.notices
        );
        let zh = State {
            lang: Lang::Zh,
            ..fresh(&plan)
        };
        let t = reduce(
            &plan,
            &zh,
            Action::TypeBaseline("mobile_office".into(), "120".into()),
        );
        assert!(
            t.notices[0].text(Lang::Zh).contains("百分比不能超过100"),
            "{:?}",
            t.notices
        );
        let t = reduce(&plan, &zh, Action::SetGrowth("gdp".into(), -150.0));
        assert!(
            t.notices[0].text(Lang::Zh).contains("不能低于 -100%"),
            "{:?}",
            t.notices
        );
    }

    #[test]
    fn typed_input_is_checked() {
        let plan = zj();
        let s = fresh(&plan);
        let t = reduce(&plan, &s, Action::TypeGrowth("gdp".into(), "abc".into()));
        assert_eq!(t.scenario, s.scenario);
        assert_eq!(t.notices.len(), 1);
        let t = reduce(
            &plan,
            &s,
            Action::TypeGrowth("gdp".into(), " ６．５ ".into()),
        );
        assert_eq!(t.scenario.growth.get("gdp"), Some(&6.5));
        let t = reduce(&plan, &s, Action::TypeGrowth("gdp".into(), "6,5".into()));
        assert!(
            t.scenario.growth.is_empty() && t.notices.len() == 1,
            "a comma is ambiguous"
        );
        let t = reduce(&plan, &s, Action::TypeGrowth("gdp".into(), "-101".into()));
        assert!(t.scenario.growth.is_empty() && t.notices.len() == 1);
        let t = reduce(&plan, &s, Action::TypeGrowth("gdp".into(), "1e9".into()));
        assert!(t.scenario.growth.is_empty() && t.notices.len() == 1);
        let t = reduce(&plan, &s, Action::SetGrowth("gdp".into(), f64::NAN));
        assert!(t.scenario.growth.is_empty() && t.notices.len() == 1);
        let t = reduce(
            &plan,
            &s,
            Action::TypeBaseline("mobile_office".into(), "120".into()),
        );
        assert!(t.scenario.baselines.is_empty() && t.notices.len() == 1);
        let t = reduce(&plan, &t, Action::Dismiss);
        assert!(t.notices.is_empty());
    }

    #[test]
    fn the_language_of_a_fragment() {
        assert_eq!(fragment_lang("#g.gdp=1&lang=en"), Some(Lang::En));
        assert_eq!(fragment_lang("lang=zh"), Some(Lang::Zh));
        assert_eq!(fragment_lang("g.lang=1&lang=xx"), None);
        assert_eq!(fragment_lang(""), None);
    }

    #[test]
    fn load_keeps_the_language_unless_the_link_names_one() {
        let plan = zj();
        let s = reduce(&plan, &fresh(&plan), Action::SetGrowth("gdp".into(), 3.0));
        let t = reduce(&plan, &s, Action::Load("g.dc_racks=2".into()));
        assert_eq!(t.lang, Lang::En);
        assert_eq!(
            t.scenario.growth.keys().collect::<Vec<_>>(),
            ["dc_racks"],
            "a link replaces the scenario"
        );
        let t = reduce(&plan, &s, Action::Load("#lang=zh".into()));
        assert_eq!((t.lang, t.scenario.growth.len()), (Lang::Zh, 0));
    }

    #[test]
    fn resets() {
        let plan = zj();
        let mut s = fresh(&plan);
        s = reduce(&plan, &s, Action::SetGrowth("gdp".into(), 3.0));
        s = reduce(&plan, &s, Action::SetGrowth("dc_racks".into(), 3.0));
        s = reduce(&plan, &s, Action::ResetOne("gdp".into()));
        assert_eq!(s.scenario.growth.keys().collect::<Vec<_>>(), ["dc_racks"]);
        s = reduce(&plan, &s, Action::SetLang(Lang::Zh));
        s = reduce(&plan, &s, Action::ResetAll);
        assert_eq!(s.scenario, Scenario::new(&plan));
        assert_eq!(s.lang, Lang::Zh, "reset keeps the language");
    }

    #[test]
    fn an_embeds_reset_returns_to_the_scenario_it_was_given() {
        let plan = zj();
        let mut s = fresh(&plan);
        s = reduce(&plan, &s, Action::SetGrowth("gdp".into(), 6.0));
        let given = s.scenario.clone();
        s = reduce(&plan, &s, Action::SetGrowth("gdp".into(), 3.0));
        s = reduce(&plan, &s, Action::SetGrowth("dc_racks".into(), 3.0));
        s = reduce(
            &plan,
            &s,
            Action::TypePathYear("gdp".into(), 2022, "1".into()),
        );
        s = reduce(
            &plan,
            &s,
            Action::ResetOneTo("gdp".into(), Box::new(given.clone())),
        );
        assert_eq!(s.scenario.growth.get("gdp"), Some(&6.0));
        assert!(!s.scenario.paths.contains_key("gdp"));
        s = reduce(
            &plan,
            &s,
            Action::ResetOneTo("dc_racks".into(), Box::new(given.clone())),
        );
        assert_eq!(s.scenario, given);
    }

    fn paces(plan: &Plan) -> Vec<Pace> {
        use crate::core::reported::{paces, parse, ZHEJIANG_REPORTED_CSV};
        paces(plan, &parse(plan, ZHEJIANG_REPORTED_CSV).unwrap())
    }

    #[test]
    fn plan_pace_hits_every_projectable_target_and_resets_the_rest() {
        let plan = zj();
        let mut s = fresh(&plan);
        s = reduce(&plan, &s, Action::SetGrowth("gdp".into(), 9.0));
        s = reduce(&plan, &s, Action::SetHorizon(plan.vision_year));
        s = reduce(
            &plan,
            &s,
            Action::TypePathYear("dc_racks".into(), 2022, "-2".into()),
        );
        for id in ["base_stations_5g", "de_value_added", "one_stop_service"] {
            s = reduce(&plan, &s, Action::SetGrowth(id.into(), 0.0));
        }
        s = reduce(&plan, &s, Action::Apply(Preset::PlanPace, paces(&plan)));
        let r = run(&plan, &s.scenario).unwrap();
        let (hit, total) = r.tally();
        assert_eq!(
            hit,
            total,
            "{:?}",
            r.assessments()
                .filter(|a| a.1.verdict == Verdict::Miss)
                .map(|a| a.0)
                .collect::<Vec<_>>()
        );
        assert_eq!(
            s.scenario.growth.get("gdp"),
            None,
            "GDP has no target: a preset resets it to its default"
        );
        assert!(
            s.scenario.paths.is_empty(),
            "a preset replaces per-year paths"
        );
        assert_eq!(s.scenario.horizon, plan.vision_year, "the horizon is kept");
    }

    #[test]
    fn presets_replace_each_other_and_a_bound_sets_nothing() {
        let plan = zj();
        let p = paces(&plan);
        let rep = reduce(
            &plan,
            &fresh(&plan),
            Action::Apply(Preset::Reported, p.clone()),
        );
        assert_eq!(rep.scenario.growth.get("gdp"), Some(&8.54));
        assert!(!rep.scenario.growth.contains_key("base_stations_5g"));
        let both = reduce(&plan, &rep, Action::Apply(Preset::Trend, p.clone()));
        let trend = reduce(
            &plan,
            &fresh(&plan),
            Action::Apply(Preset::Trend, p.clone()),
        );
        assert_eq!(
            both.scenario, trend.scenario,
            "pressing two presets never stacks"
        );
        assert_eq!(
            crate::core::presets::active_preset(&plan, &both.scenario, &p),
            Some(Preset::Trend)
        );
    }

    #[test]
    fn trend_preset_uses_the_plans_own_rates() {
        let plan = zj();
        let s = reduce(&plan, &fresh(&plan), Action::Apply(Preset::Trend, vec![]));
        assert_eq!(s.scenario.growth.get("core_value_added"), Some(&15.2));
        assert_eq!(s.scenario.growth.len(), 1, "only rates the plan gives");
        match assess(&plan, &s.scenario, "core_share").unwrap() {
            Status::Assessed(a) => assert!(a.projected > 15.0),
            other => panic!("{other:?}"),
        }
    }

    // issue 8: the uncertainty scale in the link
    #[test]
    fn the_uncertainty_scale_round_trips_and_bad_ones_are_named() {
        let plan = zj();
        let st = fresh(&plan);
        assert!(
            !to_fragment(&plan, &st).contains("u="),
            "the default is not written"
        );
        for u in [
            Scale::NONE,
            Scale::HALF,
            Scale::DOUBLE,
            Scale::new(1.5).unwrap(),
        ] {
            let s2 = reduce(&plan, &st, Action::SetScale(u));
            let frag = to_fragment(&plan, &s2);
            assert!(frag.contains(&format!("u={}", num(u.value()))), "{frag}");
            let back = from_fragment(&plan, &frag, Lang::En).0;
            assert_eq!(back, s2, "{frag}");
        }
        for bad in ["u=x", "u=-1", "u=5", "u=NaN", "u="] {
            let s2 = from_fragment(&plan, &format!("g.gdp=7&{bad}"), Lang::En).0;
            assert_eq!(s2.scale, Scale::default(), "{bad} not applied");
            assert_eq!(
                s2.scenario.growth.get("gdp"),
                Some(&7.0),
                "the rest applies"
            );
            assert_eq!(s2.notices.len(), 1, "{bad}");
            for l in [Lang::En, Lang::Zh] {
                assert!(
                    s2.notices[0].text(l).contains(bad),
                    "{}",
                    s2.notices[0].text(l)
                );
            }
        }
    }

    // issue 7: the reference in the link, the reducer and storage
    #[test]
    fn the_reference_round_trips_in_links() {
        let plan = zj();
        let st = fresh(&plan);
        assert!(
            !to_fragment(&plan, &st).contains("cmp"),
            "the default reference is not written"
        );
        for (r, part) in [
            (Reference::Preset(Preset::PlanPace), "cmp=plan"),
            (Reference::Preset(Preset::Trend), "cmp=trend"),
        ] {
            let s2 = reduce(&plan, &st, Action::SetReference(r));
            let frag = to_fragment(&plan, &s2);
            assert!(frag.contains(part), "{frag}");
            assert_eq!(from_fragment(&plan, &frag, Lang::En).0, s2);
        }
        // Pinning freezes the scenario; later changes leave the pin alone.
        let mut mine = reduce(&plan, &st, Action::SetGrowth("gdp".into(), 6.5));
        mine = reduce(
            &plan,
            &mine,
            Action::TypePathYear("de_value_added".into(), 2022, "-2".into()),
        );
        let pinned = reduce(&plan, &mine, Action::PinReference);
        let moved = reduce(&plan, &pinned, Action::SetGrowth("gdp".into(), 1.0));
        assert_eq!(moved.reference, Reference::pin(&mine.scenario));
        let frag = to_fragment(&plan, &moved);
        assert!(
            frag.contains("&cmp=pinned&cmp.g.gdp=6.5&cmp.p.de_value_added.2022=-2&"),
            "{frag}"
        );
        let (back, _) = from_fragment(&plan, &frag, Lang::Zh);
        assert_eq!(back, moved);
        let (saved, _) = from_saved(&plan, &frag, Lang::Zh);
        assert_eq!(saved.reference, moved.reference, "storage keeps it");
        // The readable short form of the issue: values alone pin.
        let (s3, _) = from_fragment(&plan, "cmp.g.gdp=6", Lang::En);
        assert!(s3.notices.is_empty(), "{:?}", s3.notices);
        assert_eq!(
            s3.reference,
            Reference::Pinned {
                growth: [("gdp".to_string(), 6.0)].into(),
                paths: Default::default()
            }
        );
        // Pinning the plan's defaults is a pin too, not the default reference.
        let d = reduce(&plan, &st, Action::PinReference);
        let frag = to_fragment(&plan, &d);
        assert!(frag.contains("cmp=pinned"), "{frag}");
        assert_eq!(from_fragment(&plan, &frag, Lang::En).0, d);
    }

    #[test]
    fn the_reference_survives_language_reset_and_presets() {
        let plan = zj();
        let s = reduce(
            &plan,
            &fresh(&plan),
            Action::SetReference(Reference::Preset(Preset::Trend)),
        );
        for a in [
            Action::SetLang(Lang::Zh),
            Action::ResetAll,
            Action::Apply(Preset::PlanPace, vec![]),
            Action::SetGrowth("gdp".into(), 2.0),
        ] {
            let t = reduce(&plan, &s, a.clone());
            assert_eq!(t.reference, s.reference, "{a:?}");
        }
        let t = reduce(&plan, &s, Action::Load("lang=en".into()));
        assert_eq!(
            t.reference,
            Reference::default(),
            "a link without cmp opens with the default reference"
        );
    }

    #[test]
    fn a_malformed_reference_is_named_and_the_rest_applies() {
        let plan = zj();
        for bad in [
            "cmp=junk",
            "cmp=",
            "cmp.g.nope=3",
            "cmp.g.gdp=abc",
            "cmp.p.gdp.x=1",
            "cmp.p.gdp.1990=1",
            "cmp.x.gdp=1",
            "cmp.p.gdp.2022.9=1",
        ] {
            let (s, _) = from_fragment(&plan, &format!("g.gdp=7&{bad}&h=2030"), Lang::En);
            assert_eq!(s.scenario.growth.get("gdp"), Some(&7.0), "{bad}");
            assert_eq!(s.scenario.horizon, 2030, "{bad}: the rest applies");
            assert_eq!(s.notices.len(), 1, "{bad}: {:?}", s.notices);
            assert_eq!(s.reference, Reference::default(), "{bad}");
            let (en, zh) = (s.notices[0].text(Lang::En), s.notices[0].text(Lang::Zh));
            assert!(en.starts_with("link: ignored"), "{en}");
            assert!(zh.starts_with("链接中已忽略"), "{zh}");
        }
        let (s, _) = from_fragment(&plan, "cmp=junk", Lang::Zh);
        assert!(s.notices[0].text(Lang::Zh).contains("参照情景（cmp=）应为"));
        assert!(s.notices[0]
            .text(Lang::En)
            .contains("the reference (cmp=) must be reported, plan, trend or pinned"));
        // Twenty thousand bad ones: ten named, the rest counted.
        let (s, _) = from_fragment(&plan, &"cmp=x&".repeat(20_000), Lang::En);
        assert_eq!(s.notices.len(), MAX_NOTICES + 1);
        assert_eq!(s.notices[MAX_NOTICES], Notice::More(19_990));
    }
}
