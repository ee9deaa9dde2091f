//! Figures, not assertions: how long the model takes for what a slider move
//! costs (a full run of every indicator), and ratios within this one run.
use plansim::chances::{Chances, QUICK_DRAWS};
use plansim::core::builtin::PLAN_FILES;
use plansim::core::engine::{project, run, Scenario};
use plansim::core::plan::Plan;
use plansim::core::uncertainty::Scale;
use plansim::export;
use plansim::i18n::Lang;
use plansim::state::{self, Action, State};
use std::hint::black_box;
use std::rc::Rc;
use std::time::Instant;

fn time<F: FnMut()>(name: &str, iters: u32, mut f: F) -> f64 {
    for _ in 0..iters / 10 {
        f();
    }
    let start = Instant::now();
    for _ in 0..iters {
        f();
    }
    let ns = start.elapsed().as_nanos() as f64 / f64::from(iters);
    println!("{name:<44} {:>12.0} ns/op  ({iters} iterations)", ns);
    ns
}

fn main() {
    // The first seed: the Zhejiang plan, whose ids the figures below name.
    let json = PLAN_FILES[0].text;
    let plan = Plan::from_json(json).expect("seed");
    let mut sc = Scenario::new(&plan);
    let load = time("Plan::from_json (parse + validate)", 200, || {
        black_box(Plan::from_json(json).unwrap());
    });
    let one = time("project(base_stations_5g), 2025", 20_000, || {
        black_box(project(&plan, &sc, "base_stations_5g").unwrap());
    });
    let all = time("run(every indicator), 2025", 2_000, || {
        black_box(run(&plan, &sc).unwrap());
    });
    sc.horizon = 2035;
    let all35 = time("run(every indicator), 2035", 2_000, || {
        black_box(run(&plan, &sc).unwrap());
    });
    let st = State {
        scenario: sc.clone(),
        lang: Lang::Zh,
        notices: vec![],
        scale: Default::default(),
        reference: Default::default(),
    };
    let mut g = 0.0;
    let slider = time("slider move: reduce + run + link", 2_000, || {
        g = (g + 0.1) % 20.0;
        let next = state::reduce(&plan, &st, Action::SetGrowth("gdp".into(), g));
        black_box(run(&plan, &next.scenario).unwrap());
        black_box(state::to_fragment(&plan, &next));
    });
    let csv = time("CSV export of every path", 500, || {
        black_box(export::csv(&export::Table::new(&plan, &sc)));
    });
    // The chances the page shows: at once (closed forms, QUICK_DRAWS draws) and once the reader
    // rests (DEFAULT_DRAWS), for the plan's defaults at its own horizon.
    // Issue 10: each figure is computed when a part of the page first asks for it: every figure
    // (every card near the screen at once), the summary's alone (the first screen), one card's.
    let base = Scenario::new(&plan);
    let shared = Rc::new(plan.clone());
    let every = |c: Chances| {
        black_box((c.expected(), c.all()));
        for id in c.judged() {
            black_box(c.target(id));
        }
    };
    let quick = time("chances: quick (1,000 draws), every figure", 20, || {
        every(Chances::with_draws(
            shared.clone(),
            &base,
            Scale::ESTIMATED,
            QUICK_DRAWS,
        ));
    });
    let full = time("chances: full (10,000 draws), every figure", 5, || {
        every(Chances::new(shared.clone(), &base, Scale::ESTIMATED));
    });
    let summary = time("chances: quick, the summary's (Σ, all hit)", 20, || {
        let c = Chances::with_draws(shared.clone(), &base, Scale::ESTIMATED, QUICK_DRAWS);
        black_box((c.expected(), c.all()));
    });
    let first = run(&plan, &base).unwrap();
    let card_id = first
        .assessments()
        .next()
        .map(|(id, _)| id.to_string())
        .unwrap();
    let card = time("chances: quick, one card's", 200, || {
        let c = Chances::with_draws(shared.clone(), &base, Scale::ESTIMATED, QUICK_DRAWS);
        black_box(c.target(&card_id));
    });
    println!();
    println!("chances quick / run(2025) = {:.0}x", quick / all);
    println!("chances full / quick      = {:.1}x", full / quick);
    println!("summary's / every figure  = {:.2}x", summary / quick);
    println!("one card's / every figure = {:.2}x", card / quick);
    println!(
        "run(2025) / project(one)  = {:.1}x  ({} indicators)",
        all / one,
        plan.indicators.len()
    );
    println!("run(2035) / run(2025)     = {:.2}x", all35 / all);
    println!("slider move / run(2035)   = {:.2}x", slider / all35);
    println!("plan load / run(2025)     = {:.1}x", load / all);
    println!("CSV / run(2035)           = {:.1}x", csv / all35);
}
