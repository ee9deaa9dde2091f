//! The backend every canvas of the page is drawn with: [`CanvasText`], which
//! draws as plotters-canvas's backend does but gives the context a setting
//! only when it changes, with text laid out by [`crate::chart::text_size`]
//! ([`Measured`]).

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
        Measured(CanvasText(inner, ctx.clone(), ContextState::default())),
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

/// A colour as the context was last given it: red, green, blue, and the
/// bits of its opacity.
type Rgba = (u8, u8, u8, u64);

/// The settings last given to the context by [`CanvasText`].
#[derive(Default)]
struct ContextState {
    font: String,
    align: &'static str,
    baseline: &'static str,
    fill: Option<Rgba>,
    stroke: Option<Rgba>,
    width: Option<u32>,
}

fn rgba(c: BackendColor) -> Rgba {
    (c.rgb.0, c.rgb.1, c.rgb.2, c.alpha.to_bits())
}

fn css(c: Rgba) -> String {
    format!("rgba({},{},{},{})", c.0, c.1, c.2, f64::from_bits(c.3))
}

/// plotters-canvas's backend (kept for the canvas's size), but text and
/// shapes are drawn here: it gives
/// the context a font, an alignment and a baseline before every label, and
/// a colour (a string it formats) and a line width before every shape; the
/// browser parses a font or a colour each time it is given one (issue 10:
/// 0.85 ms of a slider step's 6.9 ms of script for the fonts, profiled, with
/// one chart redrawn; ~0.2 ms for the colours). This sets each only when it
/// differs from the last one set: nothing else sets them, so they hold
/// between labels and shapes. The shapes are drawn as plotters-canvas draws
/// them (a horizontal or vertical line half a pixel over, to be crisp).
pub struct CanvasText(CanvasBackend, CanvasRenderingContext2d, ContextState);

impl CanvasText {
    fn fill(&mut self, c: BackendColor) {
        let c = rgba(c);
        if self.2.fill != Some(c) {
            self.1.set_fill_style_str(&css(c));
            self.2.fill = Some(c);
        }
    }

    fn stroke<S: BackendStyle>(&mut self, style: &S) {
        let c = rgba(style.color());
        if self.2.stroke != Some(c) {
            self.1.set_stroke_style_str(&css(c));
            self.2.stroke = Some(c);
        }
        let w = style.stroke_width();
        if self.2.width != Some(w) {
            self.1.set_line_width(f64::from(w));
            self.2.width = Some(w);
        }
    }

    /// Moves to the first point of `path` and draws lines to the others.
    fn trace(&self, path: impl IntoIterator<Item = BackendCoord>) {
        let mut path = path.into_iter();
        if let Some(start) = path.next() {
            self.1.move_to(f64::from(start.0), f64::from(start.1));
            for next in path {
                self.1.line_to(f64::from(next.0), f64::from(next.1));
            }
        }
    }
}

impl DrawingBackend for CanvasText {
    type ErrorType = <CanvasBackend as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.0.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.fill(color);
        self.1
            .fill_rect(f64::from(point.0), f64::from(point.1), 1.0, 1.0);
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (mut a, mut b) = (
            (f64::from(from.0), f64::from(from.1)),
            (f64::from(to.0), f64::from(to.1)),
        );
        if from.0 == to.0 {
            a.0 -= 0.5;
            b.0 -= 0.5;
        }
        if from.1 == to.1 {
            a.1 -= 0.5;
            b.1 -= 0.5;
        }
        self.stroke(style);
        self.1.begin_path();
        self.1.move_to(a.0, a.1);
        self.1.line_to(b.0, b.1);
        self.1.stroke();
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (x, y) = (f64::from(upper_left.0), f64::from(upper_left.1));
        let (w, h) = (
            f64::from(bottom_right.0 - upper_left.0),
            f64::from(bottom_right.1 - upper_left.1),
        );
        if fill {
            self.fill(style.color());
            self.1.fill_rect(x, y, w, h);
        } else {
            self.stroke(style);
            self.1.stroke_rect(x, y, w, h);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.stroke(style);
        self.1.begin_path();
        self.trace(path);
        self.1.stroke();
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.fill(style.color());
        self.1.begin_path();
        self.trace(vert);
        self.1.close_path();
        self.1.fill();
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        if fill {
            self.fill(style.color());
        } else {
            self.stroke(style);
        }
        self.1.begin_path();
        // (fails only on values that are not finite)
        let _ = self.1.arc(
            f64::from(center.0),
            f64::from(center.1),
            f64::from(radius),
            0.0,
            std::f64::consts::TAU,
        );
        if fill {
            self.1.fill();
        } else {
            self.1.stroke();
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if style.color().alpha == 0.0 {
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
        self.fill(style.color());
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

/// `specs` drawn on two canvases of `width × height` pixels outside the page,
/// one through [`CanvasText`] and one through plotters-canvas's own backend,
/// in turn on the same two canvases, as the pixels of each (RGBA, row by
/// row); `None` where a canvas cannot be made, drawn on or read. Issue 10:
/// [`CanvasText`] sets a colour, a line width and a font only when they
/// change; a browser test checks that it draws what plotters-canvas draws.
#[doc(hidden)]
pub fn both_pictures(
    specs: &[crate::chart::ChartSpec],
    width: u32,
    height: u32,
) -> Option<(Vec<u8>, Vec<u8>)> {
    use plotters::prelude::IntoDrawingArea;
    let picture = |canvas: HtmlCanvasElement| -> Option<Vec<u8>> {
        let ctx = context(&canvas)?;
        let data = ctx
            .get_image_data(0.0, 0.0, f64::from(width), f64::from(height))
            .ok()?;
        Some(data.data().0)
    };
    let (ours, theirs) = (detached(width, height)?, detached(width, height)?);
    // A new backend for each drawing, as the page makes one.
    for spec in specs {
        crate::chart::draw(&backend(ours.clone())?.into_drawing_area(), spec).ok()?;
        let inner = CanvasBackend::with_canvas_object(theirs.clone())?;
        crate::chart::draw(&Measured(inner).into_drawing_area(), spec).ok()?;
    }
    Some((picture(ours)?, picture(theirs)?))
}
