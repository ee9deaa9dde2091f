//! The one-page classroom handout; only visible when printed (issue 11a):
//! every assumption and the reference scenario, the headline chart, a table
//! of the targets with the growth each needs, room for answers, and the
//! link with its QR code (or "opened from a file").

use crate::chart::{to_svg, ChartSpec};
use crate::core::engine::{Run, Scenario, Status, Verdict};
use crate::core::plan::{Comparator, GrowthMode, Plan, Role};
use crate::core::presets::reference_scenario;
use crate::core::reported::Pace;
use crate::i18n::{comparator_sign, fill, fmt_signed, Lang};
use crate::publish::{
    qr_path, scenario_sentence, short_link, sliders_of, unit_name, value_number, value_text,
};
use crate::ui::shared::Shared;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PrintProps {
    pub plan: Shared<Plan>,
    pub run: Shared<Run>,
    pub scenario: Scenario,
    /// The citation, with the permalink.
    pub citation: AttrValue,
    pub lang: Lang,
    /// The reference scenario's run (the pace published so far).
    #[prop_or_default]
    pub reference: Option<Shared<Run>>,
    /// The paces the reference scenario is made of.
    #[prop_or_default]
    pub paces: Rc<Vec<Pace>>,
    /// The permalink of the scenario.
    #[prop_or_default]
    pub permalink: AttrValue,
    /// Which reference the reader chose (issue 7), and its name.
    #[prop_or_default]
    pub reference_choice: crate::core::presets::Reference,
    #[prop_or_default]
    pub reference_name: AttrValue,
}

/// The handout.
#[component]
pub fn PrintSheet(p: &PrintProps) -> Html {
    let lang = p.lang;
    let s = lang.s();
    let plan = &p.plan;
    let (hit, total) = p.run.tally();
    let needs: Vec<&str> = p
        .run
        .needing_baseline()
        .filter_map(|id| plan.indicator(id).map(|i| lang.pick(&i.name)))
        .collect();
    // Every assumption: the drivers' growth (GDP included) in a sentence, the
    // rest per row; the horizon; the reference scenario and its tally.
    let drivers: Vec<&str> = plan
        .indicators
        .iter()
        .filter(|i| i.role == Role::Driver || i.role == Role::Headline)
        .map(|i| i.id.as_str())
        .collect();
    let driver_sliders = sliders_of(plan, &drivers);
    let assumptions = scenario_sentence(plan, &p.scenario, &driver_sliders, lang);
    let reference = p.reference.as_ref().map(|r| {
        let rsc = reference_scenario(plan, &p.scenario, &p.reference_choice, &p.paces);
        let (rhit, rtotal) = r.tally();
        let sentence = scenario_sentence(plan, &rsc, &driver_sliders, lang);
        format!(
            "{}{sentence} · {rhit} {} {rtotal}",
            fill(
                s.reference_named,
                "name",
                format!(
                    "{}{}",
                    p.reference_name,
                    if lang == Lang::Zh { "：" } else { ": " }
                )
            ),
            s.summary_hit
        )
    });
    let rows = plan.indicators.iter().filter_map(|ind| {
        let t = ind.target.as_ref()?;
        let o = p.run.get(&ind.id)?;
        let Ok(Status::Assessed(a)) = &o.status else {
            return None;
        };
        let slider = plan.slider_for(&ind.id)?;
        let g = p.scenario.growth_of(slider).unwrap_or(0.0);
        let (verdict, word) = if a.verdict == Verdict::Hit {
            ("✔", s.hit)
        } else {
            ("✘", s.miss)
        };
        let num = |v: f64| value_number(lang, ind, v);
        let base = match (&ind.baseline, p.scenario.baselines.get(&ind.id)) {
            (Some(b), _) if b.counts_new => format!("{}†", num(a.baseline.1)),
            (Some(b), _) if b.year != plan.base_year => format!("{}*", num(a.baseline.1)),
            (Some(_), _) => num(a.baseline.1),
            (None, Some(v)) => format!("{}{}", num(*v), s.entered_baseline),
            (None, None) => "/".to_string(),
        };
        let growth = |g: f64| match slider.slider.as_ref().map(|sl| sl.mode) {
            Some(GrowthMode::Relative) => format!("{}%", fmt_signed(g)),
            Some(GrowthMode::Points) => format!("{} {}", fmt_signed(g), s.pp_short),
            _ => fmt_signed(g),
        };
        let needed = a.required.map_or("—".to_string(), |r| {
            let strict = if t.comparator == Comparator::Gt {
                "> "
            } else {
                ""
            };
            format!("{strict}{}", growth(r))
        });
        let unit = unit_name(lang, ind);
        let name = if slider.id == ind.id {
            format!("{}, {unit}", lang.pick(&ind.name))
        } else {
            format!(
                "{}, {unit} ({})",
                lang.pick(&ind.name),
                crate::publish::short_name(lang, slider)
            )
        };
        Some(html! {
            <tr data-handout-row={ind.id.clone()}>
                <td class="name">{ name }</td>
                <td>{ base }</td>
                <td>{ format!("{} {}", comparator_sign(t.comparator), num(t.value)) }</td>
                <td>{ growth(g) }</td>
                <td>{ num(a.projected) }</td>
                <td class="verdict" title={word}>{ verdict }</td>
                <td data-role="needed">{ needed }</td>
            </tr>
        })
    });
    let charts = plan.with_role(Role::Headline).filter_map(|ind| {
        let t = ind.target.as_ref()?;
        let Ok(Status::Assessed(a)) = &p.run.get(&ind.id)?.status else {
            return None;
        };
        let spec = ChartSpec {
            y_label: lang.pick(&ind.unit).to_string(),
            path: a.path.points().collect(),
            target: Some((t.year, t.value)),
            path_label: s.path_label.to_string(),
            target_label: format!("{} {}", s.target_label, t.year),
            reported: Vec::new(),
            reported_label: s.reported_label.to_string(),
            scale: 1.0,
            bands: Vec::new(),
            bands_label: s.bands_label.to_string(),
            reference: p
                .reference
                .as_ref()
                .and_then(|r| match &r.get(&ind.id)?.status {
                    Ok(Status::Assessed(ra)) => Some(ra.path.points().collect()),
                    _ => None,
                })
                .unwrap_or_default(),
            reference_label: fill(s.reference_named, "name", &p.reference_name),
            threshold: t
                .tolerance
                .filter(|_| t.comparator == crate::core::plan::Comparator::About)
                .map(|d| t.value - d),
            lower_label: s.reported_lower_label.to_string(),
            focus: None,
        };
        let svg = to_svg(&spec, 440, 190).ok()?;
        let src = format!(
            "data:image/svg+xml;charset=utf-8,{}",
            String::from(js_sys::encode_uri_component(&svg))
        );
        Some(html! {
            <figure class="handout-chart">
                // An SVG <image>, not an <img>: the chart is a picture, and no
                // element of the page is made from the plan's text.
                <svg class="handout-chart-svg" viewBox="0 0 440 190" role="img"
                    aria-label={format!("{} → {}", lang.pick(&ind.name), value_text(lang, ind, a.projected))}>
                    <image href={src} width="440" height="190" />
                </svg>
                <figcaption>{ crate::i18n::goal_heading(plan, ind, lang) }</figcaption>
            </figure>
        })
    });
    // One line of notes: the verdict marks, a base year other than the plan's, counts of new things.
    let mut notes = vec![format!("✔ {} · ✘ {}", s.hit, s.miss)];
    if let Some(y) = plan
        .indicators
        .iter()
        .filter_map(|i| i.baseline.as_ref())
        .map(|b| b.year)
        .find(|y| *y != plan.base_year)
    {
        notes.push(format!("* {}", crate::ui::card::starred(lang, y)));
    }
    if plan
        .indicators
        .iter()
        .any(|i| i.baseline.as_ref().is_some_and(|b| b.counts_new))
    {
        notes.push(format!("† {}", s.counts_new_baseline));
    }
    let link = short_link(&p.permalink);
    let qr = link
        .as_ref()
        .and_then(|_| qr_path(&p.permalink))
        .map(|(n, d)| {
            html! {
                <svg class="qr" viewBox={format!("-4 -4 {} {}", n + 8, n + 8)} role="img"
                    aria-label={s.handout_link} data-role="qr" shape-rendering="crispEdges">
                    <rect x="-4" y="-4" width={(n + 8).to_string()} height={(n + 8).to_string()} fill="#fff" />
                    <path {d} fill="#000" />
                </svg>
            }
        });
    html! {
        <section class="print-only handout-sheet" aria-hidden="true">
            <h2>{ format!("{} · {}", s.handout_title, lang.pick(&plan.title)) }</h2>
            <p class="handout-tally">{ format!("{hit} {} {total} · {} {}", s.summary_hit, s.handout_horizon, p.scenario.horizon) }</p>
            <div class="handout-top">
                <div class="handout-assume">
                    <p data-role="assumptions"><strong>{ format!("{}{}", s.handout_assumptions, if lang == Lang::Zh { "：" } else { ": " }) }</strong>{ assumptions }
                        { format!("{}{}", if lang == Lang::Zh { "；" } else { "; " }, s.handout_per_row) }</p>
                    if let Some(r) = reference { <p data-role="reference-scenario">{ r }</p> }
                </div>
                { for charts }
                <div class="handout-link" data-role="handout-link">
                    if let (Some(l), Some(q)) = (link, qr) {
                        { q }
                        <p>{ s.handout_link }</p>
                        <p class="short-link">{ l }</p>
                    } else {
                        <p class="from-file">{ s.handout_from_file }</p>
                    }
                </div>
            </div>
            <table class="handout">
                <thead><tr>
                    <th>{ "" }</th><th>{ format!("{} {}", s.baseline, plan.base_year) }</th><th>{ format!("{} {}", s.target, plan.target_year) }</th>
                    <th>{ s.your_growth }</th><th>{ format!("{} {}", s.projected, plan.target_year) }</th><th>{ s.verdict }</th>
                    <th>{ s.handout_needed }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            <p class="counts-new-print">{ notes.join(" · ") }</p>
            if !needs.is_empty() {
                <p class="needs-print" title={needs.join(s.list_sep)}>{ fill(s.handout_not_judged, "n", needs.len()) }</p>
            }
            <div class="answers">
                <p><strong>{ s.handout_answers }</strong></p>
                <p>{ s.handout_q1 }</p>
                <div class="answer-lines"></div>
                <p>{ s.handout_q2 }</p>
                <div class="answer-lines"></div>
            </div>
            <p class="cite">{ format!("{}: {} ({}, {}, {}) · plansim", s.source, lang.pick(&plan.title), lang.pick(&plan.issuer), plan.document_number, plan.issued) }</p>
        </section>
    }
}
