//! The one-page classroom handout; only visible when printed.

use crate::core::engine::{Run, Scenario, Status, Verdict};
use crate::core::plan::Plan;
use crate::i18n::{comparator_sign, fmt_num, fmt_signed, slider_unit, Lang};
use crate::ui::shared::Shared;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PrintProps {
    pub plan: Shared<Plan>,
    pub run: Shared<Run>,
    pub scenario: Scenario,
    /// The citation, with the permalink.
    pub citation: AttrValue,
    pub lang: Lang,
}

/// A table of every target that can be judged, and the citation.
#[component]
pub fn PrintSheet(p: &PrintProps) -> Html {
    let lang = p.lang;
    let s = lang.s();
    let (hit, total) = p.run.tally();
    let needs: Vec<&str> = p
        .run
        .needing_baseline()
        .filter_map(|id| p.plan.indicator(id).map(|i| lang.pick(&i.name)))
        .collect();
    let rows = p.plan.indicators.iter().filter_map(|ind| {
        let t = ind.target.as_ref()?;
        let o = p.run.get(&ind.id)?;
        if matches!(o.status, Ok(Status::NeedsBaseline)) {
            return None;
        }
        let slider = p.plan.slider_for(&ind.id)?;
        let g = p.scenario.growth_of(slider).unwrap_or(0.0);
        let gunit = slider_unit(lang, slider);
        let (proj, verdict) = match &o.status {
            Ok(Status::Assessed(a)) => (
                fmt_num(a.projected),
                if a.verdict == Verdict::Hit {
                    format!("✔ {}", s.hit)
                } else {
                    format!("✘ {}", s.miss)
                },
            ),
            Ok(_) => ("/".to_string(), format!("？ {}", s.needs_baseline)),
            Err(_) => ("—".to_string(), "—".to_string()),
        };
        let base = ind.baseline.as_ref().map_or("/".to_string(), |b| {
            // issue 7/13: a count of new things says why it starts at 0
            if b.counts_new {
                format!("{} ({})†", b.value, b.year)
            } else {
                format!("{} ({})", b.value, b.year)
            }
        });
        Some(html! {
            <tr>
                <td class="name">{ lang.pick(&ind.name) }</td>
                <td>{ lang.pick(&ind.unit) }</td>
                <td>{ base }</td>
                // The plan's words (`printed`) are on the card; a handout cell takes the sign and value.
                <td>{ format!("{} {}", comparator_sign(t.comparator), t.value) }</td>
                <td>{ format!("{} {gunit}", fmt_signed(g)) }</td>
                <td>{ proj }</td>
                <td>{ verdict }</td>
            </tr>
        })
    });
    html! {
        <section class="print-only" aria-hidden="true">
            <h2>{ format!("{} · {}", s.handout_title, lang.pick(&p.plan.title)) }</h2>
            <p>{ format!("{hit} {} {total} · {} {}", s.summary_hit, s.horizon, p.scenario.horizon) }</p>
            <table class="handout">
                <thead><tr>
                    <th>{ "" }</th><th>{ "" }</th><th>{ s.baseline }</th><th>{ format!("{} {}", s.target, p.plan.target_year) }</th>
                    <th>{ s.your_growth }</th><th>{ format!("{} {}", s.projected, p.plan.target_year) }</th><th>{ s.verdict }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            if p.plan.indicators.iter().any(|i| i.baseline.as_ref().is_some_and(|b| b.counts_new)) {
                <p class="counts-new-print">{ format!("† {}", s.counts_new_baseline) }</p>
            }
            if !needs.is_empty() {
                <p class="needs-print">{ format!("{} {} {}", needs.len(), s.need_baseline_count, needs.join("; ")) }</p>
            }
            <p class="cite">{ p.citation.clone() }</p>
        </section>
    }
}
