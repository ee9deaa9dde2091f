//! The backend every canvas of the page is drawn with: plotters-canvas's,
//! with text laid out by [`crate::chart::text_size`] ([`Measured`]) and set
//! by [`CanvasText`].

use crate::chart::Measured;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// The backend for `canvas`, or `None` where it has no 2D context.
pub fn backend(canvas: HtmlCanvasElement) -> Option<Measured<CanvasText>> {
    backend_and_context(canvas).map(|(b, _)| b)
}

/// The backend for `canvas` and its 2D context, or `None` where it has none.
pub fn backend_and_context(
    canvas: HtmlCanvasElement,
) -> Option<(Measured<CanvasText>, CanvasRenderingContext2d)> {
    let ctx = context(&canvas)?;
    let inner = CanvasBackend::with_canvas_object(canvas)?;
    Some((
        Measured(CanvasText(inner, ctx.clone(), TextState::default())),
        ctx,
    ))
}

/// A canvas of `width × height` pixels outside the page (an export's, a
/// chart's kept header), or `None` where none can be made.
pub fn detached(width: u32, height: u32) -> Option<HtmlCanvasElement> {
    let canvas: HtmlCanvasElement = gloo::utils::document()
        .create_element("canvas")
        .ok()?
        .unchecked_into();
    canvas.set_width(width);
    canvas.set_height(height);
    Some(canvas)
}

/// The 2D context of `canvas`, or `None` where it has none.
pub fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

/// The text settings last given to the context by [`CanvasText`].
#[derive(Default)]
struct TextState {
    font: String,
    align: &'static str,
    baseline: &'static str,
}

/// plotters-canvas's backend, but text is set here: it gives the context a
/// font, an alignment and a baseline before every label, and the browser
/// parses a font each time it is given one (issue 10: 0.85 ms of a slider
/// step's 6.9 ms of script, profiled, with one chart redrawn). This sets
/// each only when it differs from the last one set: nothing else sets them,
/// so they hold between labels; the fill colour, which shapes set too, is
/// set every time.
pub struct CanvasText(CanvasBackend, CanvasRenderingContext2d, TextState);

impl DrawingBackend for CanvasText {
    type ErrorType = <CanvasBackend as DrawingBackend>::ErrorType;

    crate::chart::pass_to_inner!();

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let BackendColor {
            alpha,
            rgb: (r, g, b),
        } = style.color();
        if alpha == 0.0 {
            return Ok(());
        }
        let baseline = match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        let align = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        let font = format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str()
        );
        if self.2.baseline != baseline {
            self.1.set_text_baseline(baseline);
            self.2.baseline = baseline;
        }
        if self.2.align != align {
            self.1.set_text_align(align);
            self.2.align = align;
        }
        if self.2.font != font {
            self.1.set_font(&font);
            self.2.font = font;
        }
        self.1
            .set_fill_style_str(&format!("rgba({r},{g},{b},{alpha})"));
        let turn = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 0.5,
            FontTransform::Rotate180 => 1.0,
            FontTransform::Rotate270 => 1.5,
        } * std::f64::consts::PI;
        let (x, y) = (f64::from(pos.0), f64::from(pos.1));
        // (The context's calls below fail only on values that are not finite.)
        if turn == 0.0 {
            let _ = self.1.fill_text(text, x, y);
        } else {
            self.1.save();
            let _ = self.1.translate(x, y);
            let _ = self.1.rotate(turn);
            let _ = self.1.fill_text(text, 0.0, 0.0);
            self.1.restore();
        }
        Ok(())
    }
}
