//! For a headline target (issue 8): a quantile dot plot of its value in the
//! target year, and "run 1,000 futures", individual draws a teacher can
//! play, pause and step through, seeded so that a class sees the same ones.

use super::figure_canvas::{Figure, FigureCanvas};
use super::view::View;
use crate::chances::percent;
use crate::chart::dots::{DotsSpec, FuturesSpec};
use crate::core::uncertainty::{threshold, Outlook, DEFAULT_SEED};
use crate::i18n::{fill, fmt_num};
use gloo::timers::callback::Interval;
use std::rc::Rc;
use yew::prelude::*;

/// Futures drawn in all.
pub const FUTURES: usize = 1000;
/// Dots of the dot plot.
pub const DOTS: usize = 50;

#[derive(Properties, PartialEq)]
pub struct FuturesProps {
    pub view: View,
    /// The headline indicator.
    pub id: AttrValue,
}

/// What the panel draws, computed once per scenario and scale.
#[derive(Debug, PartialEq)]
struct Data {
    dots: Vec<f64>,
    central: Vec<(u16, f64)>,
    target: (u16, f64),
    threshold: f64,
}

/// Where the animation is.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct Player {
    /// Futures shown.
    step: usize,
    playing: bool,
}

enum Msg {
    Play,
    Pause,
    Step,
    Tick,
    Reset,
    All,
}

impl Reducible for Player {
    type Action = Msg;
    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut p = *self;
        match msg {
            Msg::Play => {
                if p.step >= FUTURES {
                    p.step = 0;
                }
                p.playing = true;
            }
            Msg::Pause => p.playing = false,
            Msg::Step => {
                p.playing = false;
                p.step = (p.step + 1).min(FUTURES);
            }
            // One at a time at first, then faster, so that a class sees the
            // first futures and the whole thousand in about ten seconds.
            Msg::Tick => {
                let by = match p.step {
                    0..20 => 1,
                    20..100 => 5,
                    _ => 25,
                };
                p.step = (p.step + by).min(FUTURES);
                p.playing = p.step < FUTURES;
            }
            Msg::Reset => p = Player::default(),
            Msg::All => {
                p = Player {
                    step: FUTURES,
                    playing: false,
                }
            }
        }
        Rc::new(p)
    }
}

fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// The dot plot and the futures of headline `id`.
#[component]
pub fn FuturesPanel(p: &FuturesProps) -> Html {
    let v = &p.view;
    let lang = v.lang;
    let s = lang.s();
    let player = use_reducer(Player::default);
    let data = use_memo(
        (v.plan.clone(), v.scenario.clone(), v.scale, p.id.clone()),
        |(plan, sc, u, id)| {
            let o = Outlook::new(plan, sc, *u).ok()?;
            let t = plan.indicator(id)?.target.clone()?;
            let central = o.fan(id).ok()?.points().map(|(y, q)| (y, q[3])).collect();
            Some(Data {
                dots: o.dot_plot(id, DOTS).ok()?,
                central,
                target: (t.year, t.value),
                threshold: threshold(&t),
            })
        },
    );
    // issue 10: the thousand futures (0.4 ms natively, ~4 ms a slider step on a phone) are drawn
    // only once the reader runs or steps them; until then a step does not compute them. The same
    // seed gives the same futures whenever they are drawn. Until then the key is `None`, so a
    // step neither computes them nor clones the scenario to compare.
    let futures = use_memo(
        (player.step > 0).then(|| (v.plan.clone(), v.scenario.clone(), v.scale, p.id.clone())),
        |started| -> Vec<Vec<(u16, f64)>> {
            let Some((plan, sc, u, id)) = started else {
                return Vec::new();
            };
            Outlook::new(plan, sc, *u)
                .and_then(|o| o.futures(id, FUTURES, DEFAULT_SEED))
                .map(|fs| fs.iter().map(|f| f.points().collect()).collect())
                .unwrap_or_default()
        },
    );
    {
        let d = player.dispatcher();
        use_effect_with(player.playing, move |playing| {
            let iv = playing.then(|| Interval::new(120, move || d.dispatch(Msg::Tick)));
            move || drop(iv)
        });
    }
    let (Some(data), Some(ind)) = (&*data, v.plan.indicator(&p.id)) else {
        return html! {};
    };
    let unit = lang.pick(&ind.unit).to_string();
    let (ty, tv) = data.target;
    let hit = |f: &[(u16, f64)]| {
        f.iter()
            .find(|x| x.0 == ty)
            .is_some_and(|x| x.1 >= data.threshold)
    };
    let dots_hit = data.dots.iter().filter(|d| **d >= data.threshold).count();
    let target_label = format!("{} {ty}", s.target_label);
    let dots = DotsSpec {
        x_label: format!("{unit} ({ty})"),
        dots: data.dots.clone(),
        threshold: data.threshold,
        target: tv,
        hit_label: s.dots_hit.into(),
        miss_label: s.dots_miss.into(),
        target_label: target_label.clone(),
        scale: 1.0,
    };
    let median = data.dots.get(DOTS / 2).copied().unwrap_or(f64::NAN);
    let dots_alt = fill(
        &fill(&fill(s.dots_alt, "n", DOTS), "h", dots_hit),
        "median",
        format!("{} {unit}", fmt_num(median)),
    );
    let k = player.step;
    let shown = &futures[..k.min(futures.len())];
    let hits = shown.iter().filter(|f| hit(f)).count();
    let futures = FuturesSpec {
        y_label: unit.clone(),
        central: data.central.clone(),
        futures: shown.to_vec(),
        target: data.target,
        threshold: data.threshold,
        central_label: s.central_label.into(),
        current_label: s.current_future.into(),
        target_label,
        scale: 1.0,
    };
    let status = shown.last().map_or(s.futures_intro.to_string(), |f| {
        let end = f.iter().find(|x| x.0 == ty).map_or(f64::NAN, |x| x.1);
        let t = fill(s.futures_status, "k", k);
        let t = fill(&t, "n", FUTURES);
        let t = fill(&t, "verdict", if hit(f) { s.hit } else { s.miss });
        let t = fill(&t, "value", format!("{} {unit}", fmt_num(end)));
        let t = fill(&t, "year", ty);
        let t = fill(&t, "h", hits);
        fill(&t, "pct", percent(hits as f64 / k as f64))
    });
    let d = player.dispatcher();
    let play = {
        let d = d.clone();
        let playing = player.playing;
        Callback::from(move |_: MouseEvent| {
            if playing {
                d.dispatch(Msg::Pause);
            } else if reduced_motion() {
                d.dispatch(Msg::All);
            } else {
                d.dispatch(Msg::Play);
            }
        })
    };
    let step = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Msg::Step))
    };
    let reset = Callback::from(move |_: MouseEvent| d.dispatch(Msg::Reset));
    html! {
        <section class="futures" data-role="futures" data-indicator-futures={p.id.clone()}>
            <h3>{ fill(s.futures_title, "name", lang.pick(&ind.name)) }</h3>
            <p class="hint">{ fill(&fill(s.dots_caption, "n", DOTS), "year", ty) }</p>
            <FigureCanvas figure={Figure::Dots(dots)} label={AttrValue::from(dots_alt.clone())} class="dots" />
            <p class="sr-only" data-role="dots" data-value={dots_hit.to_string()}>{ dots_alt }</p>
            <div class="futures-controls" role="group">
                <button type="button" data-role="futures-play" onclick={play} aria-pressed={player.playing.to_string()}>
                    { if player.playing { s.futures_pause } else { s.futures_run } }
                </button>
                <button type="button" data-role="futures-step" onclick={step} disabled={k >= FUTURES}>{ s.futures_step }</button>
                <button type="button" data-role="futures-reset" onclick={reset} disabled={k == 0}>{ s.futures_reset }</button>
            </div>
            <p class="futures-status" aria-live="polite" data-role="futures-status" data-value={k.to_string()} data-hits={hits.to_string()}>{ status }</p>
            <FigureCanvas figure={Figure::Futures(futures)} label={AttrValue::from(s.central_label)} />
        </section>
    }
}
