//! A canvas for the uncertainty figures of `chart::dots` (issue 8), crisp
//! on HiDPI screens and redrawn when its figure or width changes.

use crate::chart::dots::{draw_dots, draw_futures, DotsSpec, FuturesSpec};
use plotters::prelude::IntoDrawingArea;
use yew::prelude::*;

/// What to draw.
#[derive(Debug, Clone, PartialEq)]
pub enum Figure {
    /// A quantile dot plot.
    Dots(DotsSpec),
    /// Individual futures.
    Futures(FuturesSpec),
}

#[derive(Properties, PartialEq)]
pub struct FigureProps {
    pub figure: Figure,
    /// Text alternative.
    pub label: AttrValue,
    /// An extra class (its height).
    #[prop_or_default]
    pub class: AttrValue,
}

#[component]
pub fn FigureCanvas(p: &FigureProps) -> Html {
    let node = use_node_ref();
    super::hooks::use_canvas_draw(
        &node,
        p.figure.clone(),
        (200, 120),
        |canvas, dpr, figure| {
            let Some(backend) = super::canvas_backend::backend(canvas) else {
                return;
            };
            let area = backend.into_drawing_area();
            let _ = match figure {
                Figure::Dots(d) => draw_dots(
                    &area,
                    &DotsSpec {
                        scale: dpr,
                        ..d.clone()
                    },
                ),
                Figure::Futures(f) => draw_futures(
                    &area,
                    &FuturesSpec {
                        scale: dpr,
                        ..f.clone()
                    },
                ),
            };
        },
    );
    html! {
        <canvas ref={node} class={classes!("chart", p.class.to_string())} role="img" aria-label={p.label.clone()}></canvas>
    }
}
