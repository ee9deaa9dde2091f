//! A chart with its PNG and SVG export buttons; the exports describe
//! themselves (title, scenario, verdict, source, permalink: issue 11).

use crate::chart::{ChartSpec, Figure};
use crate::core::plan::Plan;
use crate::export::{describe, Reference};
use crate::i18n::Lang;
use crate::ui::canvas::{export_png, export_svg, Chart};
use crate::ui::export_scene::SceneCell;
use crate::ui::shared::Shared;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartBlockProps {
    pub spec: ChartSpec,
    /// Text alternative of the chart.
    pub label: AttrValue,
    /// File name of exports, without extension.
    pub file: AttrValue,
    pub lang: Lang,
    /// The plan and the indicator charted, for the exports' words.
    pub plan: Shared<Plan>,
    pub id: AttrValue,
    /// The values' unit, for the readout.
    #[prop_or_default]
    pub unit: AttrValue,
}

/// The figure of `spec` as exported: the chart with the words of
/// [`describe`] around it, under the page's scenario as it is now.
fn figure(
    spec: &ChartSpec,
    label: &str,
    lang: Lang,
    (plan, id): (&Plan, &str),
    scene: Option<&SceneCell>,
) -> Figure {
    let chart = ChartSpec {
        focus: None,
        ..spec.clone()
    };
    let words = scene.and_then(|c| {
        let sc = c.0.borrow();
        let scenario = sc.scenario.as_ref()?;
        let reference = sc
            .reference
            .as_ref()
            .map(|(name, s)| Reference { name, scenario: s });
        describe(plan, id, scenario, reference, &sc.reported, lang, &sc.link)
    });
    match words {
        Some(d) => Figure {
            title: d.title,
            lines: vec![d.scenario, d.verdict],
            chart,
            notes: vec![d.source, d.footer],
        },
        None => Figure {
            title: label.to_string(),
            lines: vec![],
            chart,
            notes: vec![format!("plansim · {}", plan.document_number)],
        },
    }
}

/// The chart of a path, drawn on a canvas, and its exports.
#[component]
pub fn ChartBlock(p: &ChartBlockProps) -> Html {
    let s = p.lang.s();
    let scene = use_context::<SceneCell>();
    let export = |png: bool| {
        let (spec, label, lang) = (p.spec.clone(), p.label.clone(), p.lang);
        let (plan, id, file, scene) = (p.plan.clone(), p.id.clone(), p.file.clone(), scene.clone());
        // Built on click: the scene is the page's as it is then.
        Callback::from(move |_: MouseEvent| {
            let fig = figure(&spec, &label, lang, (&plan, &id), scene.as_ref());
            if png {
                export_png(&fig, &file)
            } else {
                export_svg(&fig, &file)
            }
        })
    };
    html! {
        <>
            <Chart spec={p.spec.clone()} label={p.label.clone()} unit={p.unit.clone()} lang={p.lang} />
            <div class="chart-export" role="group" aria-label={s.export_chart}>
                <button type="button" class="link" onclick={export(true)} data-export="png">{ "PNG" }</button>
                <button type="button" class="link" onclick={export(false)} data-export="svg">{ "SVG" }</button>
            </div>
        </>
    }
}
