//! Leaf components: a growth control and an indicator card. They take values
//! and a `Callback<Action>`; they hold no state of their own.

use super::canvas::Chart;
use crate::chart::ChartSpec;
use crate::core::engine::{Assessment, ModelError, Progress, Status, Verdict};
use crate::core::plan::{Comparator, Indicator, Kind};
use crate::core::reported::{Pace, ReportStatus, Reported};
use crate::i18n::{fmt_num, fmt_signed, Lang, Strings};
use crate::state::Action;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The unit of `ind`'s growth rate in `lang` (see [`crate::i18n::growth_unit`]).
pub fn growth_unit(lang: Lang, ind: &Indicator) -> String {
    ind.slider.as_ref().map_or(String::new(), |sl| {
        crate::i18n::growth_unit(lang, sl.mode, &ind.unit)
    })
}

#[derive(Properties, PartialEq)]
pub struct GrowthProps {
    pub ind: Rc<Indicator>,
    pub value: f64,
    pub changed: bool,
    pub lang: Lang,
    pub on_action: Callback<Action>,
}

/// A slider plus a number field for one indicator's annual growth.
#[component]
pub fn GrowthControl(p: &GrowthProps) -> Html {
    let s = p.lang.s();
    let Some(slider) = p.ind.slider.as_ref() else {
        return html! {};
    };
    let id = p.ind.id.clone();
    let oninput = {
        let (id, cb) = (id.clone(), p.on_action.clone());
        Callback::from(move |e: InputEvent| {
            let el: HtmlInputElement = e.target_unchecked_into();
            cb.emit(Action::SetGrowth(id.clone(), el.value_as_number()));
        })
    };
    let onchange = {
        let (id, cb) = (id.clone(), p.on_action.clone());
        Callback::from(move |e: Event| {
            let el: HtmlInputElement = e.target_unchecked_into();
            cb.emit(Action::TypeGrowth(id.clone(), el.value()));
        })
    };
    let reset = {
        let (id, cb) = (id.clone(), p.on_action.clone());
        Callback::from(move |_| cb.emit(Action::ResetOne(id.clone())))
    };
    let unit = growth_unit(p.lang, &p.ind);
    let name = p.lang.pick(&p.ind.name).to_string();
    html! {
        <div class="growth" data-growth={id.clone()}>
            <label for={format!("g-{id}")}>{ format!("{} · {}", s.growth, name) }</label>
            <div class="growth-row">
                <input type="range" id={format!("g-{id}")} min={slider.min.to_string()} max={slider.max.to_string()}
                    step={slider.step.to_string()} value={p.value.to_string()} {oninput}
                    aria-valuetext={format!("{} {}", fmt_signed(p.value), unit)} />
                <input type="number" id={format!("n-{id}")} class="num" step={slider.step.to_string()}
                    value={trim(p.value)} {onchange} aria-label={format!("{} ({})", name, unit)} />
                <span class="unit">{ unit }</span>
                <button type="button" class="link" onclick={reset} disabled={!p.changed}
                    aria-label={format!("{} · {}", s.reset, name)}>{ s.reset }</button>
            </div>
        </div>
    }
}

/// A growth for a number field: up to four decimals, no trailing zeros.
fn trim(v: f64) -> String {
    let s = format!("{v:.4}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[derive(Properties, PartialEq)]
pub struct CardProps {
    pub ind: Rc<Indicator>,
    pub status: Result<Status, ModelError>,
    /// The indicator whose slider drives this one: itself, or a ratio's numerator.
    pub driver: Option<Rc<Indicator>>,
    pub driver_growth: f64,
    pub driver_changed: bool,
    pub baseline_input: Option<f64>,
    pub target_year: u16,
    /// Values published since the plan started, one a year, with sources.
    pub reported: Vec<Reported>,
    /// The growth from the baseline to the latest reported value, for the slider's indicator.
    pub pace: Option<Pace>,
    pub lang: Lang,
    pub on_action: Callback<Action>,
}

/// The comparator as a sign: `≥`, `>` or `≈` (about).
pub fn comparator_sign(c: Comparator) -> &'static str {
    match c {
        Comparator::Gte => "≥",
        Comparator::Gt => ">",
        Comparator::About => "≈",
    }
}

pub fn progress_text(s: &Strings, p: Progress) -> &'static str {
    match p {
        Progress::OnTrack => s.on_track,
        Progress::Moderate => s.moderate,
        Progress::Marginal => s.marginal,
        Progress::Stagnation => s.stagnation,
        Progress::Regression => s.regression,
    }
}

/// One indicator: its facts, verdict, growth control, chart and data table.
#[component]
pub fn IndicatorCard(p: &CardProps) -> Html {
    let s = p.lang.s();
    let ind = &p.ind;
    let id = ind.id.clone();
    let unit = p.lang.pick(&ind.unit).to_string();
    let name = p.lang.pick(&ind.name).to_string();
    let target = ind.target.as_ref();
    let gunit = p
        .driver
        .as_ref()
        .map_or(String::new(), |d| growth_unit(p.lang, d));
    let gunit = gunit.as_str();

    let base_text = match &ind.baseline {
        Some(b) => {
            let star = b.printed.as_deref().is_some_and(|x| x.ends_with('*'));
            let mark = if star {
                format!(" (*{})", s.baseline_2019)
            } else {
                String::new()
            };
            format!("{} {}: {} {}{}", s.baseline, b.year, b.value, unit, mark)
        }
        None => format!("{}: /", s.baseline),
    };
    let target_text = target.map(|t| {
        let printed = t
            .printed
            .as_ref()
            .map(|x| format!(" ({x})"))
            .unwrap_or_default();
        format!(
            "{} {}: {} {} {}{}",
            s.target,
            t.year,
            comparator_sign(t.comparator),
            t.value,
            unit,
            printed
        )
    });

    let body = match &p.status {
        Err(e) => html! {
            <>
                <p class="error" role="alert">{ format!("{}{}", s.error_prefix, e) }</p>
                <span data-role="verdict" data-value="miss" hidden=true></span>
                <span data-role="projected" data-value="" hidden=true></span>
                <span data-role="required" data-value="" hidden=true></span>
            </>
        },
        Ok(Status::NeedsBaseline) => needs_baseline(s),
        Ok(Status::Projected(_)) => html! {},
        Ok(Status::Assessed(a)) => assessed(p, s, a, &unit, gunit),
    };

    let control = match (&p.driver, &p.status) {
        (_, Ok(Status::NeedsBaseline)) => html! {},
        (Some(d), _) => html! {
            <GrowthControl ind={d.clone()} value={p.driver_growth} changed={p.driver_changed}
                lang={p.lang} on_action={p.on_action.clone()} />
        },
        (None, _) => html! {},
    };
    let trend = p
        .driver
        .as_ref()
        .filter(|_| !matches!(p.status, Ok(Status::NeedsBaseline)))
        .map(|d| match &d.trend {
            Some(t) => format!(
                "{} ({}): {} {} · {}",
                s.trend,
                t.period,
                fmt_signed(t.growth),
                gunit,
                t.section
            ),
            None => format!("{}: {}", s.trend, s.no_trend),
        });
    let derived = match &ind.kind {
        Kind::Ratio { .. } => {
            html! { <p class="derived">{ s.derived_from }{" "}{ p.driver.as_ref().map(|d| p.lang.pick(&d.name).to_string()).unwrap_or_default() }{" ÷ GDP"}</p> }
        }
        _ => html! {},
    };
    html! {
        <article class="card" id={format!("ind-{id}")} data-indicator={id.clone()}>
            <h3>{ name }</h3>
            <p class="facts">
                <span>{ base_text }</span>
                if let Some(t) = target_text { <span>{ t }</span> }
            </p>
            { derived }
            { body }
            if ind.baseline.is_none() && ind.slider.is_some() { { baseline_field(p, s) } }
            { control }
            if let Some(t) = trend { <p class="trend">{ t }</p> }
            if let Some(x) = &p.pace {
                <p class="trend" data-pace={x.indicator.clone()}>{ format!("{} ({}–{}): {}{} {gunit}", s.reported_pace, x.from, x.to,
                    if x.lower_bound { "≥ " } else { "" }, fmt_signed(x.growth)) }</p>
            }
            <p class="source">{ format!("{}: {}", s.source, ind.section) }</p>
            if let Some(n) = &ind.note { <p class="note">{ p.lang.pick(n) }</p> }
        </article>
    }
}

fn needs_baseline(s: &Strings) -> Html {
    html! {
        <div class="needs">
            <span class="badge needs-baseline" data-role="verdict" data-value="needs-baseline" aria-live="polite">
                <span aria-hidden="true">{ "？ " }</span>{ s.needs_baseline }
            </span>
            <span data-role="projected" data-value="" hidden=true></span>
            <span data-role="required" data-value="" hidden=true></span>
        </div>
    }
}

/// The reader's baseline, for an indicator the plan gives none ("/").
fn baseline_field(p: &CardProps, s: &Strings) -> Html {
    let id = p.ind.id.clone();
    let onchange = {
        let (id, cb) = (id.clone(), p.on_action.clone());
        Callback::from(move |e: Event| {
            let el: HtmlInputElement = e.target_unchecked_into();
            cb.emit(Action::TypeBaseline(id.clone(), el.value()));
        })
    };
    html! {
        <div class="baseline-field">
            <p class="hint">{ s.plan_prints_slash }</p>
            <label for={format!("b-{id}")}>{ s.enter_baseline }{ format!(" ({})", p.lang.pick(&p.ind.unit)) }</label>
            <input type="number" id={format!("b-{id}")} class="num wide" min="0" step="any"
                value={p.baseline_input.map(|v| v.to_string()).unwrap_or_default()} {onchange} />
        </div>
    }
}

fn assessed(p: &CardProps, s: &Strings, a: &Assessment, unit: &str, gunit: &str) -> Html {
    let ind = &p.ind;
    let t = ind.target.as_ref().expect("assessed targets have one");
    let hit = a.verdict == Verdict::Hit;
    let (cls, icon, word, key) = if hit {
        ("badge hit", "✔ ", s.hit, "hit")
    } else {
        ("badge miss", "✘ ", s.miss, "miss")
    };
    let margin_unit = if matches!(ind.kind, Kind::Level) {
        unit
    } else {
        s.pp
    };
    let margin = format!(
        "{} {}{}",
        fmt_signed(a.margin),
        margin_unit,
        a.margin_rel
            .map(|r| format!(" ({}%)", fmt_signed(r * 100.0)))
            .unwrap_or_default()
    );
    let first = match a.first_hit {
        Some(y) => format!("{}: {y}", s.first_hit),
        None => format!("{}: {}", s.first_hit, s.never_within),
    };
    let set_required = a.required.map(|r| {
        let slider_id = p.driver.as_ref().map(|d| d.id.clone()).unwrap_or_default();
        let cb = p.on_action.clone();
        let r = crate::core::engine::growth_to_hit(r, t);
        Callback::from(move |_| cb.emit(Action::SetGrowth(slider_id.clone(), r)))
    });
    // For a share, the growth needed is its numerator's: say whose.
    let required_label = match (&ind.kind, &p.driver) {
        (Kind::Ratio { .. }, Some(d)) => format!("{} ({})", s.required, p.lang.pick(&d.name)),
        _ => s.required.to_string(),
    };
    let required_text = a.required.map_or("—".to_string(), |r| {
        let strict = if t.comparator == Comparator::Gt {
            "> "
        } else {
            ""
        };
        format!("{strict}{} {gunit}", fmt_signed(r))
    });
    let spec = ChartSpec {
        y_label: unit.to_string(),
        path: a.path.points().collect(),
        target: Some((t.year, t.value)),
        path_label: s.path_label.to_string(),
        target_label: format!("{} {}", s.target_label, t.year),
        reported: p
            .reported
            .iter()
            .map(|r| (r.year, r.value, r.status == ReportStatus::LowerBound))
            .collect(),
        reported_label: s.reported_label.to_string(),
        scale: 1.0,
    };
    let saturated = a
        .path
        .saturated
        .map(|sat| format!("{} {}", s.saturated_at, sat.year));
    let file = format!("plansim-{}", ind.id);
    let (png, svg) = {
        let (a1, b1, a2, b2) = (spec.clone(), file.clone(), spec.clone(), file);
        (
            Callback::from(move |_: MouseEvent| super::canvas::export_png(&a1, &b1)),
            Callback::from(move |_: MouseEvent| super::canvas::export_svg(&a2, &b2)),
        )
    };
    html! {
        <>
            <div class="verdict-row">
                <span class={cls} data-role="verdict" data-value={key} aria-live="polite">
                    <span aria-hidden="true">{ icon }</span>{ word }
                </span>
                <span class="projected" data-role="projected" data-value={a.projected.to_string()}>
                    { format!("{} {}: {} {}", s.projected, t.year, fmt_num(a.projected), unit) }
                </span>
            </div>
            <dl class="stats">
                <div><dt>{ s.margin }</dt><dd>{ margin }</dd></div>
                <div><dt>{ s.progress }</dt><dd class={format!("progress {}", a.progress.key())}>{ progress_text(s, a.progress) }</dd></div>
                <div><dt>{ required_label }</dt>
                    <dd data-role="required" data-value={a.required.map(|r| r.to_string()).unwrap_or_default()}>{ required_text }</dd></div>
                <div><dt>{ first }</dt><dd></dd></div>
            </dl>
            if let Some(cb) = set_required {
                <button type="button" class="secondary" onclick={cb}>{ s.set_required }</button>
            }
            if let Some(txt) = saturated { <p class="warn">{ txt }</p> }
            <Chart spec={spec} label={format!("{}: {} → {}", p.lang.pick(&ind.name), fmt_num(a.baseline.1), fmt_num(a.projected))} />
            <div class="chart-export" role="group" aria-label={s.export_chart}>
                <button type="button" class="link" onclick={png} data-export="png">{ "PNG" }</button>
                <button type="button" class="link" onclick={svg} data-export="svg">{ "SVG" }</button>
            </div>
            { reported_list(&p.reported, Some(&a.path), unit, s) }
            <details class="table">
                <summary>{ s.data_table }</summary>
                <table>
                    <thead><tr><th scope="col">{ s.year }</th><th scope="col">{ format!("{} ({unit})", s.projected) }</th><th scope="col">{ s.reported_label }</th></tr></thead>
                    <tbody>
                        { for a.path.points().map(|(y, v)| {
                            let rep = p.reported.iter().find(|r| r.year == y).map(reported_value).unwrap_or_default();
                            html! { <tr><td>{ y }</td><td>{ fmt_num(v) }</td><td>{ rep }</td></tr> }
                        }) }
                    </tbody>
                </table>
            </details>
        </>
    }
}

/// A reported value as text: `≥ 17.1` for a lower bound.
fn reported_value(r: &Reported) -> String {
    let v = fmt_num(r.value);
    if r.status == ReportStatus::LowerBound {
        format!("≥ {v}")
    } else {
        v
    }
}

/// Values published since 2021, each with its source and how it compares
/// with the projected path in its year.
pub fn reported_list(
    reported: &[Reported],
    path: Option<&crate::core::engine::Path>,
    unit: &str,
    s: &Strings,
) -> Html {
    if reported.is_empty() {
        return html! {};
    }
    html! {
        <div class="reported">
            <span class="label">{ s.reported_title }</span>
            <ul>
                { for reported.iter().map(|r| {
                    let cmp = path.and_then(|p| p.at(r.year)).map(|pv| {
                        let word = if r.value >= pv { s.above_path } else { s.below_path };
                        format!(" ({word}: {})", fmt_num(pv))
                    }).unwrap_or_default();
                    let status = match r.status {
                        ReportStatus::Revised => format!(", {}", s.revised),
                        ReportStatus::FirstRelease => format!(", {}", s.first_release),
                        _ => String::new(),
                    };
                    html! {
                        <li data-reported={r.year.to_string()} title={r.note.clone()}>
                            { format!("{}: {} {unit}{cmp} — ", r.year, reported_value(r)) }
                            if r.url.is_empty() {
                                { format!("{}{status}", r.source) }
                            } else {
                                <a href={r.url.clone()} target="_blank" rel="noopener noreferrer">{ format!("{}{status}", r.source) }</a>
                            }
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}
