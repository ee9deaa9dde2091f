#[cfg(target_arch = "wasm32")]
fn main() {
    plansim::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("plansim runs in the browser: start it with scripts/serve");
}
