//! A judged target: hit or miss, margin, progress, the growth needed, the
//! first year reached, the chart, the reported values and the data table.

use super::chance::ChanceBadge;
use super::chart_block::ChartBlock;
use super::data_table::DataTable;
use super::needed_80::Needed80;
use super::reported_list::ReportedList;
use crate::chances::TargetChance;
use crate::chart::ChartSpec;
use crate::core::engine::{growth_to_hit, Assessment, Verdict};
use crate::core::plan::{Comparator, Kind, Plan};
use crate::core::reported::{ReportStatus, Reported};
use crate::i18n::{fmt_num, fmt_signed, progress_text, slider_unit, Lang};
use crate::state::Action;
use crate::ui::shared::Shared;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AssessedProps {
    pub plan: Shared<Plan>,
    pub id: AttrValue,
    pub assessment: Rc<Assessment>,
    pub reported: Rc<Vec<Reported>>,
    pub lang: Lang,
    pub on_action: Callback<Action>,
    /// The chance of hitting and the growth for 80% (issue 8).
    #[prop_or_default]
    pub chance: Option<TargetChance>,
    /// issue 7: the reference's path, drawn dashed, and its name.
    #[prop_or_default]
    pub reference_path: Rc<Vec<(u16, f64)>>,
    #[prop_or_default]
    pub reference_name: AttrValue,
}

/// The verdict of one target and what explains it.
#[component]
pub fn Assessed(p: &AssessedProps) -> Html {
    let s = p.lang.s();
    let a = &*p.assessment;
    let (Some(ind), Some(slider)) = (p.plan.indicator(&p.id), p.plan.slider_for(&p.id)) else {
        return html! {};
    };
    let Some(t) = ind.target.as_ref() else {
        return html! {};
    };
    let unit = p.lang.pick(&ind.unit);
    let gunit = slider_unit(p.lang, slider);
    let (cls, icon, word, key) = if a.verdict == Verdict::Hit {
        ("badge hit", "✔ ", s.hit, "hit")
    } else {
        ("badge miss", "✘ ", s.miss, "miss")
    };
    // issue 11a: a level's margin in the units English reads ("+230 patents")
    let margin_text = if matches!(ind.kind, Kind::Level) {
        let v = crate::publish::value_number(p.lang, ind, a.margin);
        let v = if v
            .trim_start_matches('-')
            .chars()
            .all(|c| c == '0' || c == '.' || c == ',')
        {
            v.trim_start_matches('-').to_string()
        } else if v.starts_with('-') {
            v
        } else {
            format!("+{v}")
        };
        format!("{v} {}", crate::publish::unit_name(p.lang, ind))
    } else {
        format!("{} {}", fmt_signed(a.margin), s.pp)
    };
    let margin = format!(
        "{margin_text}{}",
        a.margin_rel
            .map(|r| format!(" ({}%)", fmt_signed(r * 100.0)))
            .unwrap_or_default()
    );
    let first = match a.first_hit {
        Some(y) => format!("{}: {y}", s.first_hit),
        None => format!("{}: {}", s.first_hit, s.never_within),
    };
    let set_required = a.required.map(|r| {
        let (slider_id, g) = (slider.id.clone(), growth_to_hit(r, t));
        p.on_action
            .reform(move |_: MouseEvent| Action::SetGrowth(slider_id.clone(), g))
    });
    // Where another indicator's slider drives this one, say whose growth is needed.
    let required_label = if slider.id != ind.id {
        format!("{} ({})", s.required, p.lang.pick(&slider.name))
    } else {
        s.required.to_string()
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
        bands: p
            .chance
            .as_ref()
            .map(|c| c.bands.clone())
            .unwrap_or_default(),
        bands_label: s.bands_label.to_string(),
        reference: (*p.reference_path).clone(),
        reference_label: crate::i18n::fill(s.reference_named, "name", &p.reference_name),
        // issue 11b: the tolerance band, the ▲ legend, no year read yet.
        threshold: t
            .tolerance
            .filter(|_| t.comparator == Comparator::About)
            .map(|d| t.value - d),
        lower_label: s.reported_lower_label.to_string(),
        focus: None,
    };
    let saturated = a
        .path
        .saturated
        .map(|sat| format!("{} {}", s.saturated_at, sat.year));
    let mut label = format!(
        "{}: {} → {}",
        p.lang.pick(&ind.name),
        fmt_num(a.baseline.1),
        fmt_num(a.projected)
    );
    // issue 7: the chart's reference line, for readers who cannot see it.
    if let Some(&(_, last)) = p.reference_path.last() {
        label.push_str(&format!("; {} → {}", spec.reference_label, fmt_num(last)));
    }
    html! {
        <>
            <div class="verdict-row">
                <span class={cls} data-role="verdict" data-value={key} aria-live="polite">
                    <span aria-hidden="true">{ icon }</span>{ word }
                </span>
                <span class="projected" data-role="projected" data-value={a.projected.to_string()}>
                    { format!("{} {}: {}", s.projected, t.year, crate::publish::value_text(p.lang, ind, a.projected)) }
                </span>
                if let Some(c) = &p.chance { <ChanceBadge p={c.chance.p} lang={p.lang} /> }
            </div>
            <dl class="stats">
                <div><dt>{ s.margin }</dt><dd>{ margin }</dd></div>
                <div><dt>{ s.progress }</dt><dd class={format!("progress {}", a.progress.key())}>{ progress_text(s, a.progress) }</dd></div>
                <div><dt>{ required_label }</dt>
                    <dd data-role="required" data-value={a.required.map(|r| r.to_string()).unwrap_or_default()}>{ required_text }</dd></div>
                if let Some(g) = p.chance.as_ref().and_then(|c| c.growth_80) {
                    <Needed80 plan={p.plan.clone()} slider={AttrValue::from(slider.id.clone())} growth={g}
                        lang={p.lang} on_action={p.on_action.clone()} />
                }
                <div><dt>{ first }</dt><dd></dd></div>
            </dl>
            if let Some(cb) = set_required {
                <button type="button" class="secondary" onclick={cb}>{ s.set_required }</button>
            }

            if let Some(txt) = saturated { <p class="warn">{ txt }</p> }
            <ChartBlock {spec} {label} file={format!("plansim-{}", ind.id)} lang={p.lang}
                plan={p.plan.clone()} id={p.id.clone()} unit={AttrValue::from(unit.to_string())} />
            <ReportedList reported={p.reported.clone()} path={Some(Rc::new(a.path.clone()))}
                unit={AttrValue::from(unit.to_string())} base_year={p.plan.base_year} lang={p.lang} />
            <DataTable path={Rc::new(a.path.clone())} reported={p.reported.clone()}
                unit={AttrValue::from(unit.to_string())} lang={p.lang} />
        </>
    }
}
