//! A chart with its PNG and SVG export buttons.

use crate::chart::ChartSpec;
use crate::i18n::Lang;
use crate::ui::canvas::{export_png, export_svg, Chart};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartBlockProps {
    pub spec: ChartSpec,
    /// Text alternative of the chart.
    pub label: AttrValue,
    /// File name of exports, without extension.
    pub file: AttrValue,
    pub lang: Lang,
}

/// The chart of a path, drawn on a canvas, and its exports.
#[component]
pub fn ChartBlock(p: &ChartBlockProps) -> Html {
    let s = p.lang.s();
    let png = {
        let (spec, file) = (p.spec.clone(), p.file.clone());
        Callback::from(move |_: MouseEvent| export_png(&spec, &file))
    };
    let svg = {
        let (spec, file) = (p.spec.clone(), p.file.clone());
        Callback::from(move |_: MouseEvent| export_svg(&spec, &file))
    };
    html! {
        <>
            <Chart spec={p.spec.clone()} label={p.label.clone()} />
            <div class="chart-export" role="group" aria-label={s.export_chart}>
                <button type="button" class="link" onclick={png} data-export="png">{ "PNG" }</button>
                <button type="button" class="link" onclick={svg} data-export="svg">{ "SVG" }</button>
            </div>
        </>
    }
}
