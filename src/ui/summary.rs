//! How many targets the scenario hits, and which it misses.

use crate::chances::{percent, Chances};
use crate::core::engine::{Run, Verdict};
use crate::core::plan::Plan;
use crate::i18n::Lang;
use crate::i18n::{fill, fmt_num};
use crate::ui::shared::Shared;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub plan: Shared<Plan>,
    pub run: Shared<Run>,
    /// issue 7: the reference scenario's run.
    pub reference: Shared<Run>,
    /// True while the scenario is the plan's default one.
    pub is_default: bool,
    pub lang: Lang,
    /// The expected number hit and the chance that all are (issue 8).
    #[prop_or_default]
    pub chances: Shared<Chances>,
    /// issue 7: the reference's name, and the reader's scenario's.
    #[prop_or_default]
    pub reference_name: AttrValue,
    #[prop_or_default]
    pub yours_name: AttrValue,
}

/// The tally, the targets that need a baseline, and those missed, each a
/// link to its card.
#[component]
pub fn Summary(p: &SummaryProps) -> Html {
    let s = p.lang.s();
    let (hit, total) = p.run.tally();
    let named = |id: &str| {
        p.plan
            .indicator(id)
            .map(|i| (id.to_string(), p.lang.pick(&i.name).to_string()))
    };
    let missed: Vec<(String, String)> = p
        .run
        .assessments()
        .filter(|(_, a)| a.verdict == Verdict::Miss)
        .filter_map(|(id, _)| named(id))
        .collect();
    let (ref_hit, ref_total) = p.reference.tally();
    let differs: Vec<(String, String)> = p
        .run
        .assessments()
        .filter(|(id, a)| {
            p.reference.get(id).is_some_and(|o| {
                matches!(&o.status, Ok(crate::core::engine::Status::Assessed(r)) if r.verdict != a.verdict)
            })
        })
        .filter_map(|(id, _)| named(id))
        .collect();
    let needs: Vec<(String, String)> = p.run.needing_baseline().filter_map(named).collect();
    html! {
        <section class="summary" data-role="summary" data-hit={hit.to_string()} data-total={total.to_string()}
            data-reference-hit={ref_hit.to_string()} data-reference-total={ref_total.to_string()} aria-live="polite">
            <p class="tally"><span class="scenario-name" data-role="yours-name">{ format!("{}{}", p.yours_name, if p.lang == Lang::Zh { "：" } else { ": " }) }</span><strong>{ hit }</strong>{ format!(" {} {} ", s.summary_hit, total) }</p>
            if let Some((x, n)) = p.chances.expected() {
                <p class="expected" data-role="expected-hits" data-value={x.to_string()}>
                    { fill(&fill(s.expected_hits, "x", fmt_num((x * 10.0).round() / 10.0)), "n", n) }
                    if let Some(all) = p.chances.all() {
                        { " · " }
                        <span data-role="all-hit" data-value={all.to_string()}>{ fill(s.all_hit_chance, "p", percent(all)) }</span>
                    }
                </p>
            }
            <p class="reference-tally" data-role="reference-tally" data-reference-name={p.reference_name.clone()}>{ fill(&fill(&fill(s.reference_tally, "name", &p.reference_name), "hit", ref_hit), "total", ref_total) }</p>
            if !differs.is_empty() {
                <p data-role="differs">{ s.verdict_differs }{ " " }{ links(&differs, p.lang) }</p>
            }
            if p.is_default { <p class="hint">{ s.defaults_hint }</p> }
            if !needs.is_empty() {
                <details class="needs-list">
                    <summary>{ format!("{} {}", needs.len(), s.need_baseline_count.trim_end_matches([':', '：'])) }</summary>
                    <p>{ links(&needs, p.lang) }</p>
                </details>
            }
            if missed.is_empty() {
                <p>{ s.all_hit }</p>
            } else {
                <p>{ s.missed }{ " " }{ links(&missed, p.lang) }</p>
            }
        </section>
    }
}

/// issue 11a: names joined with `、` in Chinese and `; ` in English (the
/// English names hold commas).
fn links(items: &[(String, String)], lang: Lang) -> Html {
    let sep = if lang == Lang::Zh { "、" } else { "; " };
    html! {
        { for items.iter().enumerate().map(|(k, (id, name))| html! {
            <>{ if k > 0 { sep } else { "" } }<a href={format!("#ind-{id}")} onclick={scroll_to(id)}>{ name }</a></>
        }) }
    }
}

/// Scrolls to a card without touching the fragment, which holds the scenario
/// ([`super::browser::scroll_to_element`]: it opens a folded list the card
/// is in, and waits for a card not built yet).
pub fn scroll_to(id: &str) -> Callback<MouseEvent> {
    let target = format!("ind-{id}");
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        super::browser::scroll_to_element(&target);
    })
}
