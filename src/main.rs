//! Entry point of the web app (wasm32). Natively this binary does nothing: use `wizard-cli`.

#[cfg(target_arch = "wasm32")]
fn main() {
    ai_network_wizard::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The web app runs in a browser (trunk serve). For the command line, use wizard-cli.");
}

/// Talc instead of Rust's default dlmalloc: smaller in the wasm (see Cargo.toml). The page has
/// one thread, which is what this allocator is for.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
