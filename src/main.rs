//! Entry point of the web app (wasm32). Natively this binary does nothing: use `wizard-cli`.

#[cfg(target_arch = "wasm32")]
fn main() {
    ai_network_wizard::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The web app runs in a browser (trunk serve). For the command line, use wizard-cli.");
}
