//! Figures, not assertions: what the uncertainty model costs beside one
//! deterministic run of the engine, natively, with ratios within this run.
//! `cargo bench --bench uncertainty -- --draws-only` prints only the
//! milliseconds of 10,000 draws of the whole plan (the fastest of 9 runs: on
//! a shared machine the fastest is the least disturbed), for the browser test
//! to print a wasm/native ratio.
use plansim::core::engine::{run, Scenario};
use plansim::core::plan::Plan;
use plansim::core::uncertainty::{tradeoff, Outlook, Scale, DEFAULT_SEED};
use std::hint::black_box;
use std::time::Instant;

fn time<F: FnMut()>(name: &str, iters: u32, mut f: F) -> f64 {
    for _ in 0..iters.div_ceil(10) {
        f();
    }
    let start = Instant::now();
    for _ in 0..iters {
        f();
    }
    let ns = start.elapsed().as_nanos() as f64 / f64::from(iters);
    println!("{name:<52} {:>14.0} ns/op  ({iters} iterations)", ns);
    ns
}

/// Fastest milliseconds of 10,000 draws of the whole plan, of 9 runs.
fn draws_ms(plan: &Plan, sc: &Scenario) -> f64 {
    let o = Outlook::new(plan, sc, Scale::ESTIMATED).unwrap();
    black_box(o.joint(1_000, 1).unwrap());
    let mut ms: Vec<f64> = (0..9)
        .map(|_| {
            let t = Instant::now();
            black_box(o.joint(10_000, DEFAULT_SEED).unwrap());
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    ms[0]
}

fn main() {
    let plan = Plan::from_json(plansim::core::builtin::PLAN_FILES[0].text).expect("seed");
    let sc = Scenario::new(&plan);
    if std::env::args().any(|a| a == "--draws-only") {
        println!("{:.3}", draws_ms(&plan, &sc));
        return;
    }
    let ids: Vec<String> = run(&plan, &sc)
        .unwrap()
        .assessments()
        .map(|(id, _)| id.to_string())
        .collect();
    let one = time("run(every indicator), 2025", 2_000, || {
        black_box(run(&plan, &sc).unwrap());
    });
    let new = time("Outlook::new (one run + setup)", 2_000, || {
        black_box(Outlook::new(&plan, &sc, Scale::ESTIMATED).unwrap());
    });
    let o = Outlook::new(&plan, &sc, Scale::ESTIMATED).unwrap();
    let closed: Vec<&String> = ids
        .iter()
        .filter(|id| o.chance(id).unwrap().standard_error == 0.0)
        .collect();
    let chances_closed = time(
        &format!("chance of the {} closed-form targets", closed.len()),
        2_000,
        || {
            for id in &closed {
                black_box(o.chance(id).unwrap());
            }
        },
    );
    let chances_all = time(
        &format!("chance of all {} targets (incl. Monte Carlo)", ids.len()),
        20,
        || {
            for id in &ids {
                black_box(o.chance(id).unwrap());
            }
        },
    );
    let fans = time("fan of every target, 2025", 20, || {
        for id in &ids {
            black_box(o.fan(id).unwrap());
        }
    });
    let joint = time("joint: 10,000 draws of the whole plan", 20, || {
        black_box(o.joint(10_000, DEFAULT_SEED).unwrap());
    });
    let futures = time("futures: 1,000 paths of the headline", 50, || {
        black_box(o.futures("de_share", 1_000, DEFAULT_SEED).unwrap());
    });
    let g80 = time("growth for an 80% chance, every target", 5, || {
        for id in &ids {
            black_box(o.growth_for_chance(id, 0.8).unwrap());
        }
    });
    let map = time("trade-off map, 61 points of the headline", 2_000, || {
        for k in 0..=60 {
            let x = -10.0 + 0.5 * f64::from(k);
            black_box(tradeoff(&plan, "de_share", x, Scale::ESTIMATED).unwrap());
        }
    });
    // Issue 8: everything the page recomputes on a slider step.
    // (Every figure: the page computes each when a part first shows it, issue 10.)
    let shared = std::rc::Rc::new(plan.clone());
    let every = |c: plansim::chances::Chances| {
        black_box((c.expected(), c.all()));
        for id in c.judged() {
            black_box(c.target(id));
        }
    };
    let page = time("page: Chances::new (a slider step's figures)", 10, || {
        every(plansim::chances::Chances::new(
            shared.clone(),
            &sc,
            Scale::ESTIMATED,
        ));
    });
    let quick = time("page: Chances during a drag (1,000 draws)", 20, || {
        every(plansim::chances::Chances::with_draws(
            shared.clone(),
            &sc,
            Scale::ESTIMATED,
            plansim::chances::QUICK_DRAWS,
        ));
    });
    println!();
    println!("page's figures per step          = {:.2} ms", page / 1e6);
    println!("page's figures during a drag     = {:.2} ms", quick / 1e6);
    println!("at rest / during a drag          = {:.1}x", page / quick);
    println!("page's figures / run(2025)       = {:.0}x", page / one);
    println!("10,000 draws of the whole plan   = {:.2} ms", joint / 1e6);
    println!(
        "one draw / run(2025)             = {:.3}x",
        joint / 1e4 / one
    );
    println!("10,000 draws / run(2025)         = {:.0}x", joint / one);
    println!("Outlook::new / run(2025)         = {:.2}x", new / one);
    println!(
        "closed-form chances / run(2025)  = {:.2}x",
        chances_closed / one
    );
    println!(
        "all chances / run(2025)          = {:.1}x",
        chances_all / one
    );
    println!("every fan / run(2025)            = {:.1}x", fans / one);
    println!("1,000 futures / run(2025)        = {:.1}x", futures / one);
    println!("80% growths / run(2025)          = {:.1}x", g80 / one);
    println!("trade-off map / run(2025)        = {:.2}x", map / one);
}
