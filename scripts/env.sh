# Sourced by the other scripts: where the tools live and how they are called.
PLANSIM_TOOLS="${PLANSIM_TOOLS:-$HOME/.cache/plansim-tools}"
export PLANSIM_TOOLS
export PATH="$PLANSIM_TOOLS/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-180}"
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
ZOPFLI_VERSION=1.0.15
TERSER_VERSION=5.51.4
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}
